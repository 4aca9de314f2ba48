// One row of the export read into a participant with one entry and one
// registration, plus the problems found in its cells. foldSheet (fold.ts)
// merges the rows of one person.

import type {
  Consent,
  Entry,
  MediaConsents,
  Participant,
  Registration,
} from '../domain/participant';
import { type ColumnKey, columnLetter, type HeaderMap } from './headers';
import { personKey } from './identity';
import type { ImportProblem, ProblemCode } from './preview';
import type { SheetRow } from './sheet';
import {
  parseAmount,
  parseConsent,
  parseDate,
  parseGender,
  parsePaymentMethod,
  parseRegistrationStatus,
  parseRegistrationType,
  parseTime,
  parseYesNo,
} from './values';

export type RowContext = {
  map: HeaderMap;
  headers: readonly string[];
  eventId: string;
  now: string;
};

export type ReadRow = {
  participant: Participant;
  registration: Registration;
  problems: ImportProblem[];
};

const cellText = (row: SheetRow, index: number | undefined): string =>
  index === undefined ? '' : (row.cells[index] ?? '').trim();

export const isEmptyRow = (row: SheetRow): boolean =>
  row.cells.every((cell) => cell.trim() === '');

/**
 * A row that only continues "Alle betalinger" of the entry above: every
 * other cell is empty. It is neither a participant nor an error.
 */
export const isPaymentSpill = (row: SheetRow, map: HeaderMap): boolean => {
  const payments = map.columns.payments;
  if (payments === undefined || cellText(row, payments) === '') return false;
  return row.cells.every(
    (cell, index) => index === payments || cell.trim() === '',
  );
};

/** "Alle betalinger" holds one payment per line. */
export const paymentLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

const joinDateTime = (date: string, time: string) =>
  date !== '' && time !== '' ? `${date}T${time}` : date;

// What reading one row needs at hand. Plain functions over this record,
// rather than closures made per row: 50,000 rows made that a measurable
// cost (allocation, and tsx's keepNames wrapping every closure).
type CellReader = {
  row: SheetRow;
  context: RowContext;
  problems: ImportProblem[];
};

const text = (cells: CellReader, key: ColumnKey) =>
  cellText(cells.row, cells.context.map.columns[key]);

const has = (cells: CellReader, key: ColumnKey) =>
  cells.context.map.columns[key] !== undefined;

const report = (
  cells: CellReader,
  key: ColumnKey,
  code: ProblemCode,
  severity: ImportProblem['severity'],
  params: ImportProblem['params'] = {},
) => {
  const index = cells.context.map.columns[key];
  cells.problems.push({
    code,
    severity,
    row: cells.row.row,
    column: index === undefined ? '' : columnLetter(index),
    field:
      index === undefined ? '' : (cells.context.headers[index] ?? '').trim(),
    value: text(cells, key),
    params,
  });
};

/** The parsed cell, or the fallback and a warning where it says. */
const parsed = <T>(
  cells: CellReader,
  key: ColumnKey,
  parse: (text: string) => T | null,
  fallback: T,
  code: ProblemCode,
  params: ImportProblem['params'] = {},
): T => {
  const value = parse(text(cells, key));
  if (value !== null) return value;
  report(cells, key, code, 'warning', params);
  return fallback;
};

const timeParams = { kind: 'time' };

const readBirthDate = (cells: CellReader, today: string): string => {
  const birthDate = parseDate(text(cells, 'birthDate'));
  const reason =
    birthDate === null
      ? 'not-a-date'
      : birthDate > today
        ? 'future'
        : birthDate !== '' && birthDate < '1900-01-01'
          ? 'too-old'
          : '';
  if (reason === '') return birthDate ?? '';
  report(cells, 'birthDate', 'impossible-birth-date', 'error', { reason });
  return '';
};

const readNames = (cells: CellReader) => {
  const firstName = text(cells, 'firstName');
  const lastName = text(cells, 'lastName');
  if (firstName === '' && lastName === '') {
    report(cells, 'firstName', 'missing-name', 'error');
  } else if (firstName === '' || lastName === '') {
    report(
      cells,
      firstName === '' ? 'firstName' : 'lastName',
      'missing-name',
      'warning',
    );
  }
  return { firstName, lastName };
};

const consent = (cells: CellReader, key: ColumnKey): Consent =>
  parsed(cells, key, parseConsent, '', 'bad-value');

// Mediesamtykke answers for every medium; the separate columns, where an
// export has them, answer for their own.
const readConsents = (cells: CellReader): MediaConsents => {
  const media = consent(cells, 'mediaConsent');
  const own = (key: ColumnKey) =>
    has(cells, key) ? consent(cells, key) : media;
  return {
    photo: own('photoConsent'),
    video: own('videoConsent'),
    streaming: own('streamingConsent'),
    liveFeed: own('liveFeedConsent'),
  };
};

const date = (cells: CellReader, key: ColumnKey) =>
  parsed(cells, key, parseDate, '', 'bad-date');

const time = (cells: CellReader, key: ColumnKey) =>
  parsed(cells, key, parseTime, '', 'bad-date', timeParams);

const amount = (cells: CellReader, key: ColumnKey) =>
  parsed(cells, key, parseAmount, 0, 'bad-number');

const yesNo = (cells: CellReader, key: ColumnKey) =>
  parsed(cells, key, parseYesNo, false, 'bad-value');

const readRegistration = (cells: CellReader): Registration => {
  const statusText = text(cells, 'registrationStatus');
  const reading = parseRegistrationStatus(statusText);
  if (!reading.known) {
    report(cells, 'registrationStatus', 'unknown-status', 'warning');
  }
  const deregisteredAt = date(cells, 'deregisteredDate');
  const payments = paymentLines(text(cells, 'payments'));
  const methodText = text(cells, 'paymentMethod') || (payments[0] ?? '');
  const registeredAt = joinDateTime(
    date(cells, 'registeredDate'),
    time(cells, 'registeredTime'),
  );

  return {
    registrationId: text(cells, 'registrationId'),
    type: parseRegistrationType(text(cells, 'registrationType')),
    statusText,
    status:
      statusText === '' && deregisteredAt !== ''
        ? 'deregistered'
        : reading.status,
    registrarName: text(cells, 'registrarName'),
    registrarEmail: text(cells, 'registrarEmail'),
    registrarBuypassId: '',
    registrarPersonId: '',
    transactionId: text(cells, 'transactionId'),
    paymentMethod: parsePaymentMethod(methodText),
    amountPaid: amount(cells, 'amountPaid'),
    amountPaidVat: amount(cells, 'amountPaidVat'),
    paid: yesNo(cells, 'paid'),
    payments,
    registeredAt,
    deregisteredAt,
  };
};

const readEntry = (cells: CellReader, registration: Registration): Entry => ({
  registrationId: registration.registrationId,
  className: text(cells, 'className'),
  exercise: text(cells, 'exercise'),
  sport: text(cells, 'sport'),
  date: date(cells, 'date'),
  time: time(cells, 'time'),
  fee: amount(cells, 'fee'),
  feeVat: amount(cells, 'feeVat'),
  status: registration.status,
  sourceRow: cells.row.row,
});

const readExtra = (cells: CellReader): Record<string, string> => {
  const extra: Record<string, string> = {};
  for (const column of cells.context.map.extra) {
    const value = cellText(cells.row, column.index);
    if (value !== '') extra[column.header] = value;
  }
  return extra;
};

export const readRow = (row: SheetRow, context: RowContext): ReadRow => {
  const cells: CellReader = { row, context, problems: [] };
  const { firstName, lastName } = readNames(cells);
  const birthDate = readBirthDate(cells, context.now.slice(0, 10));
  const gender = parseGender(text(cells, 'gender'));
  if (gender === null) report(cells, 'gender', 'unknown-gender', 'error');
  const registration = readRegistration(cells);
  const personId = text(cells, 'personId');
  const buypassId = text(cells, 'buypassId');
  const id = personKey({
    personId,
    buypassId,
    registrationId: registration.registrationId,
    firstName,
    lastName,
    birthDate,
  });

  const participant: Participant = {
    id,
    eventId: context.eventId,
    personId,
    buypassId,
    firstName,
    lastName,
    birthDate,
    gender: gender ?? '',
    country: text(cells, 'country'),
    countryCode: text(cells, 'countryCode'),
    email: text(cells, 'email'),
    mobile: text(cells, 'mobile'),
    club: text(cells, 'club'),
    clubId: text(cells, 'clubId'),
    groupId: text(cells, 'groupId'),
    region: text(cells, 'region'),
    regionId: text(cells, 'regionId'),
    comment: text(cells, 'comment'),
    license: {
      hasLicense: yesNo(cells, 'hasLicense'),
      seasonLicense: text(cells, 'seasonLicense'),
      oneDayLicense: text(cells, 'oneDayLicense'),
      product: '',
      purchasedAt: '',
    },
    registrations: [registration],
    entries: [readEntry(cells, registration)],
    products: [],
    answers: [],
    messages: [],
    consents: readConsents(cells),
    updatesConsent: yesNo(cells, 'updatesConsent'),
    status: registration.status,
    bib: text(cells, 'bib'),
    chip: text(cells, 'chip'),
    sourceCheckInStatus: text(cells, 'checkInStatus'),
    extra: readExtra(cells),
    revision: 1,
    updatedAt: context.now,
  };

  return { participant, registration, problems: cells.problems };
};
