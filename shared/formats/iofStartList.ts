// IOF XML 3.0 StartList: a ClassStart per timing class, PersonStarts in bib
// order. BibNumber and ControlCard only when known; StartTime only when the
// entry has a date and a time, as the schema allows (free or punched starts
// have none). Start times are local time without a zone, as the export
// gives them.

import {
  type IofListOptions,
  iofClass,
  iofControlCards,
  iofEntryId,
  iofEvent,
  iofOrganisation,
  iofPerson,
  iofRoot,
} from './iofCommon';
import {
  firstStartDate,
  type TimingClass,
  type TimingStart,
} from './timingClasses';
import { element, optionalText, type XmlElement } from './xmlElement';

const personStart = ({ entrant, entry, startTime }: TimingStart) =>
  element('PersonStart', [
    ...iofEntryId(entry.registrationId),
    iofPerson(entrant.participant),
    ...iofOrganisation(entrant.participant),
    element('Start', [
      ...optionalText('BibNumber', entrant.bib),
      ...optionalText('StartTime', startTime),
      ...iofControlCards(entrant),
    ]),
  ]);

export const iofStartList = (
  classes: readonly TimingClass[],
  options: IofListOptions,
): XmlElement => {
  const eventDate = options.eventDate ?? firstStartDate(classes);
  return iofRoot('StartList', options, [
    iofEvent({ ...options, eventDate }),
    ...classes.map((timingClass) =>
      element('ClassStart', [
        iofClass(timingClass.id, timingClass.name),
        ...timingClass.starts.map(personStart),
      ]),
    ),
  ]);
};
