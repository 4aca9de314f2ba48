// The parts every IOF XML 3.0 list shares: the root element, the event, the
// person, the club and the class. Only what timing needs goes in (DOMAIN.md:
// "only what timing needs should go"): no e-mail, phone, payment, answers or
// media reservations.
//
// Identity types name who issued the number: "NIF" for the national sports
// register's Person ID, "iSonen" for the registration (Påmeldings-ID) and
// the club id as iSonen gives them. Buypass ID is a login number, not
// something timing needs, and is left out.

import type { Participant } from '../domain/participant';
import type { TimingEntrant } from './timingClasses';
import { element, optionalText, type XmlElement } from './xmlElement';

export const iofNamespace = 'http://www.orienteering.org/datastandard/3.0';

export const idTypes = { person: 'NIF', registration: 'iSonen' } as const;

export type IofListOptions = {
  eventName: string;
  /** yyyy-mm-dd of the first start, or '' when unknown. */
  eventDate?: string;
  /** ISO time stamped as createTime; tests pass one to get fixed bytes. */
  createdAt: string;
  creator?: string;
};

export const iofRoot = (
  name: 'EntryList' | 'StartList' | 'ResultList',
  options: IofListOptions,
  children: XmlElement[],
  extraAttributes: Record<string, string> = {},
): XmlElement =>
  element(name, children, {
    xmlns: iofNamespace,
    iofVersion: '3.0',
    createTime: options.createdAt,
    creator: options.creator ?? 'Racedesk',
    ...extraAttributes,
  });

export const iofEvent = (options: IofListOptions): XmlElement =>
  element('Event', [
    element('Name', options.eventName),
    ...(options.eventDate
      ? [element('StartTime', [element('Date', options.eventDate)])]
      : []),
  ]);

const sex = (participant: Participant): string =>
  participant.gender === 'female'
    ? 'F'
    : participant.gender === 'male'
      ? 'M'
      : '';

export const iofPerson = (participant: Participant): XmlElement =>
  element(
    'Person',
    [
      ...optionalText('Id', participant.personId, {
        type: idTypes.person,
      }),
      element('Name', [
        element('Family', participant.lastName),
        element('Given', participant.firstName),
      ]),
      ...optionalText('BirthDate', participant.birthDate),
      ...(participant.countryCode === ''
        ? []
        : [
            element('Nationality', participant.country, {
              code: participant.countryCode,
            }),
          ]),
    ],
    { sex: sex(participant) },
  );

/** The club the participant represents; nothing when they represent none. */
export const iofOrganisation = (participant: Participant): XmlElement[] =>
  participant.club === ''
    ? []
    : [
        element('Organisation', [
          ...optionalText('Id', participant.clubId, {
            type: idTypes.registration,
          }),
          element('Name', participant.club),
        ]),
      ];

export const iofClass = (id: number, name: string): XmlElement =>
  element('Class', [element('Id', String(id)), element('Name', name)]);

export const iofEntryId = (registrationId: string): XmlElement[] =>
  optionalText('EntryId', registrationId, { type: idTypes.registration });

export const iofControlCards = (entrant: TimingEntrant): XmlElement[] =>
  optionalText('ControlCard', entrant.chip);
