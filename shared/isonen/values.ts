// Cell texts as iSonen writes them (DOMAIN.md, "What the values look
// like"), turned into domain values. Every parser takes the trimmed text;
// '' always means "not given" and is valid. null means "not understood":
// the caller reports it with the row and column.

import type {
  Consent,
  Gender,
  ParticipantStatus,
  PaymentMethod,
  RegistrationType,
} from '../domain/participant';

const isLeapYear = (year: number) =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number) =>
  month === 2 && isLeapYear(year)
    ? 29
    : ([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0);

const pad2 = (n: number) => String(n).padStart(2, '0');

const dottedDate = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** dd.mm.yyyy or yyyy-mm-dd to yyyy-mm-dd, only for days that exist. */
export const parseDate = (text: string): string | null => {
  if (text === '') return '';
  const dotted = dottedDate.exec(text);
  const iso = dotted ? null : isoDate.exec(text);
  const parts = dotted
    ? [dotted[3], dotted[2], dotted[1]]
    : iso
      ? [iso[1], iso[2], iso[3]]
      : null;
  if (!parts) return null;

  const [year = 0, month = 0, day = 0] = parts.map(Number);
  if (year < 1000 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
};

// A time cell that lost its time format reads as Excel's fraction of a day.
const dayFraction = /^0?\.\d+$/;

const fractionTime = (fraction: number) => {
  const seconds = Math.round(fraction * 86_400) % 86_400;
  const hours = pad2(Math.floor(seconds / 3600));
  const hhmm = `${hours}:${pad2(Math.floor(seconds / 60) % 60)}`;
  return seconds % 60 === 0 ? hhmm : `${hhmm}:${pad2(seconds % 60)}`;
};

const clockTime = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/;

/** H:MM, HH:MM or HH:MM:SS (also with dots) to HH:MM or HH:MM:SS. */
export const parseTime = (text: string): string | null => {
  if (text === '') return '';
  if (dayFraction.test(text)) return fractionTime(Number(text));
  const match = clockTime.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = match[3] === undefined ? null : Number(match[3]);
  if (hours > 23 || minutes > 59 || (seconds !== null && seconds > 59)) {
    return null;
  }
  const hhmm = `${pad2(hours)}:${pad2(minutes)}`;
  return seconds === null ? hhmm : `${hhmm}:${pad2(seconds)}`;
};

const usualAmount = /^(\d{1,9}),(\d\d)$/;
const currencyNoise = /^(kr\.?|nok)\s*|\s*(kr\.?|nok|,-)$/gi;

/**
 * Norwegian amounts to øre: "1 234,50" -> 123450. A comma is the decimal
 * mark (then dots and spaces group thousands); without a comma a dot is
 * the decimal mark, as a number cell read from Excel is written.
 */
export const parseAmount = (text: string): number | null => {
  if (text === '') return 0;
  // iSonen's own shape, "325,00", skips the general path: it is most cells.
  const usual = usualAmount.exec(text);
  if (usual) return Number(usual[1]) * 100 + Number(usual[2]);
  const bare = text.replace(currencyNoise, '').replace(/[\s\u00a0]/g, '');
  const plain = bare.includes(',')
    ? bare.replace(/\./g, '').replace(',', '.')
    : bare;
  if (!/^-?\d+(\.\d{1,2})?$/.test(plain)) return null;
  return Math.round(Number(plain) * 100);
};

const lookup = <T>(table: Record<string, T>, text: string): T | null =>
  table[text.toLowerCase()] ?? null;

const genders: Record<string, Gender> = {
  k: 'female',
  kvinne: 'female',
  j: 'female',
  jente: 'female',
  m: 'male',
  mann: 'male',
  g: 'male',
  gutt: 'male',
};

/** Kjønn: K or M (and the spelled-out words). */
export const parseGender = (text: string): Gender | null =>
  text === '' ? '' : lookup(genders, text);

const yesNo: Record<string, boolean> = {
  j: true,
  ja: true,
  y: true,
  yes: true,
  n: false,
  nei: false,
  no: false,
};

/** Lisens J/N, Betalt Ja/empty, Markedskommunikasjon Ja/Nei. */
export const parseYesNo = (text: string): boolean | null =>
  text === '' ? false : lookup(yesNo, text);

/** The consent columns: Ja or Nei, '' when the event did not ask. */
export const parseConsent = (text: string): Consent | null => {
  if (text === '') return '';
  const answer = lookup(yesNo, text);
  if (answer === null) return null;
  return answer ? 'yes' : 'no';
};

export type StatusReading = {
  status: ParticipantStatus;
  /** false for a value the import has not seen: reported, read as active. */
  known: boolean;
};

const statuses: Record<string, ParticipantStatus> = {
  påmeldt: 'active',
  avmeldt: 'deregistered',
};

/** Påmeldingsstatus: Påmeldt or Avmeldt; anything else counts as active. */
export const parseRegistrationStatus = (text: string): StatusReading => {
  if (text === '') return { status: 'active', known: true };
  const status = lookup(statuses, text);
  return status === null
    ? { status: 'active', known: false }
    : { status, known: true };
};

const registrationTypes: Record<string, RegistrationType> = {
  selv: 'self',
  'meg selv': 'self',
  egen: 'self',
  'egen påmelding': 'self',
  familie: 'family',
  familiemedlem: 'family',
  klubb: 'organization',
  krets: 'organization',
  region: 'organization',
  særforbund: 'organization',
  organisasjon: 'organization',
};

/** Påmeldingstype; unknown wording is kept as '' (the text stays in rows). */
export const parseRegistrationType = (text: string): RegistrationType =>
  lookup(registrationTypes, text) ?? '';

const paymentWords: [RegExp, PaymentMethod][] = [
  [/vipps/i, 'vipps'],
  [/kort|card|visa|mastercard/i, 'card'],
  [/faktura|invoice/i, 'invoice'],
  [/kontant|cash/i, 'cash'],
];

/** A payment method named anywhere in the text (a column or a payment). */
export const parsePaymentMethod = (text: string): PaymentMethod => {
  for (const [pattern, method] of paymentWords) {
    if (pattern.test(text)) return method;
  }
  return '';
};
