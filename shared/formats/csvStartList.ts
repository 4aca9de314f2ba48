// The start list as the OE tools' semicolon CSV (OE2010's English layout,
// which MeOS also reads and writes). Columns are found by position in those
// importers, so every column up to the last one used is written, empty when
// Racedesk has nothing for it. MeOS reads a row only when it has more than
// 20 fields, creates a class only for a class number above 0, and takes the
// bib from Text1; OE's own key is Stno, the start number, which is the bib.
// YB is the four-digit birth year: MeOS widens two digits by guessing the
// century and keeps four as they are.
//
// UTF-8 with a byte order mark and CRLF line ends: both importers read the
// file as the Windows code page unless a BOM says UTF-8, and æ/ø/å would
// come out garbled. Line breaks inside a field become spaces (cleanText):
// the importers split lines before fields. Fields with ; or " are quoted,
// with quotes doubled. Only what timing needs: no e-mail, phone, payment,
// answers or media reservations. The registration id goes in Text2.

import type { Participant } from '../domain/participant';
import { cleanText } from './cleanText';
import type { TimingClass, TimingStart } from './timingClasses';

export const csvStartListHeaders = [
  'Stno',
  'Chip',
  'Database Id',
  'Surname',
  'First name',
  'YB',
  'S',
  'Block',
  'nc',
  'Start',
  'Finish',
  'Time',
  'Classifier',
  'Club no.',
  'Cl.name',
  'City',
  'Nat',
  'Cl. no.',
  'Short',
  'Long',
  'Num1',
  'Num2',
  'Num3',
  'Text1',
  'Text2',
  'Text3',
] as const;

type CsvColumn = (typeof csvStartListHeaders)[number];

export type CsvOptions = {
  /** Start with a UTF-8 byte order mark; on unless asked otherwise. */
  bom?: boolean;
};

export const csvField = (value: string): string => {
  const text = cleanText(value);
  return /[;"]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const sex = (participant: Participant): string =>
  participant.gender === 'female'
    ? 'F'
    : participant.gender === 'male'
      ? 'M'
      : '';

/** HH:MM:SS of a start, as OE writes start times, or ''. */
const clock = (startTime: string): string => startTime.slice(11, 19);

const csvRow = (
  { entrant, entry, startTime }: TimingStart,
  timingClass: TimingClass,
): string => {
  const person = entrant.participant;
  const cells: Record<CsvColumn, string> = {
    Stno: entrant.bib,
    Chip: entrant.chip,
    'Database Id': person.personId,
    Surname: person.lastName,
    'First name': person.firstName,
    YB: person.birthDate.slice(0, 4),
    S: sex(person),
    Block: '',
    nc: '0',
    Start: clock(startTime),
    Finish: '',
    Time: '',
    Classifier: '',
    'Club no.': person.clubId,
    'Cl.name': person.club,
    City: '',
    Nat: person.countryCode,
    'Cl. no.': String(timingClass.id),
    Short: timingClass.name,
    Long: timingClass.name,
    Num1: '',
    Num2: '',
    Num3: '',
    Text1: entrant.bib,
    Text2: entry.registrationId,
    Text3: '',
  };
  return csvStartListHeaders.map((header) => csvField(cells[header])).join(';');
};

/** Class numbers are the IOF lists' class ids (classIds). */
export const csvStartList = (
  classes: readonly TimingClass[],
  options: CsvOptions = {},
): string => {
  const lines = [csvStartListHeaders.join(';')];
  for (const timingClass of classes) {
    for (const start of timingClass.starts) {
      lines.push(csvRow(start, timingClass));
    }
  }
  const bom = options.bom === false ? '' : '\ufeff';
  return `${bom}${lines.join('\r\n')}\r\n`;
};
