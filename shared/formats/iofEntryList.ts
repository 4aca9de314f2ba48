// IOF XML 3.0 EntryList: one PersonEntry per person and active entry, so
// the timing software sees every class a person starts in. The entry's Id
// is the registration (Påmeldings-ID), which DOMAIN.md says goes into every
// export. Deregistered entries are left out: they will not start.

import {
  type IofListOptions,
  idTypes,
  iofClass,
  iofControlCards,
  iofEvent,
  iofOrganisation,
  iofPerson,
  iofRoot,
} from './iofCommon';
import { firstStartDate, type TimingClass } from './timingClasses';
import { element, optionalText, type XmlElement } from './xmlElement';

export const iofEntryList = (
  classes: readonly TimingClass[],
  options: IofListOptions,
): XmlElement => {
  const entries = classes.flatMap((timingClass) =>
    timingClass.starts.map(({ entrant, entry }) =>
      element('PersonEntry', [
        ...optionalText('Id', entry.registrationId, {
          type: idTypes.registration,
        }),
        iofPerson(entrant.participant),
        ...iofOrganisation(entrant.participant),
        ...iofControlCards(entrant),
        iofClass(timingClass.id, timingClass.name),
      ]),
    ),
  );
  const eventDate = options.eventDate ?? firstStartDate(classes);
  return iofRoot('EntryList', options, [
    iofEvent({ ...options, eventDate }),
    ...entries,
  ]);
};
