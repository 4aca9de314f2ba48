// iSonen moves and drops columns between events, so the import finds each
// column by its header text, never by its position (DOMAIN.md).

import type { ImportProblem } from './preview';

/** Every column the import understands, with the header(s) it goes by. */
export const knownColumns = {
  firstName: ['Fornavn'],
  lastName: ['Etternavn'],
  email: ['E-post'],
  country: ['Land'],
  countryCode: ['Landskode'],
  birthDate: ['Fødselsdato'],
  mobile: ['Mobil'],
  gender: ['Kjønn'],
  club: ['Klubb'],
  clubId: ['Klubb-ID'],
  groupId: ['Gruppe-ID'],
  region: ['Krets/region'],
  regionId: ['Krets/region ID'],
  comment: ['Kommentar'],
  sport: ['Sport'],
  exercise: ['Øvelse'],
  className: ['Klasse'],
  date: ['Dato'],
  time: ['Kl.'],
  fee: ['Sum'],
  feeVat: ['Mva'],
  hasLicense: ['Lisens'],
  seasonLicense: ['Helårslisens'],
  oneDayLicense: ['Engangslisens'],
  registrarName: ['Påmeldt av'],
  registrarEmail: ['E-post påmelder'],
  amountPaid: ['Påmelder betalte'],
  amountPaidVat: ['Påmelder betalte mva'],
  paid: ['Betalt'],
  transactionId: ['Transaksjons-ID'],
  registrationId: ['Påmeldings-ID'],
  registrationStatus: ['Påmeldingsstatus'],
  registrationType: ['Påmeldingstype'],
  paymentMethod: ['Betalingsmåte', 'Betalingsmetode'],
  registeredDate: ['Påmeldt dato'],
  registeredTime: ['Påmeldt kl.'],
  deregisteredDate: ['Avmeldt dato'],
  checkInStatus: ['Deltakerstatus'],
  payments: ['Alle betalinger'],
  buypassId: ['Buypass ID'],
  personId: ['Person ID'],
  updatesConsent: ['Markedskommunikasjon'],
  mediaConsent: ['Mediesamtykke'],
  photoConsent: ['Bildesamtykke'],
  videoConsent: ['Videosamtykke'],
  streamingConsent: ['Strømmesamtykke'],
  liveFeedConsent: ['Livefeedsamtykke'],
  bib: ['Startnummer', 'Startnr', 'Startnr.'],
  chip: ['Brikkenummer', 'Brikke', 'Brikkenr', 'Brikkenr.'],
} as const satisfies Record<string, readonly string[]>;

export type ColumnKey = keyof typeof knownColumns;

/** Where each known column sits, and the columns the import did not know. */
export type HeaderMap = {
  columns: Partial<Record<ColumnKey, number>>;
  /** Unknown columns, kept as extra data by header. */
  extra: { index: number; header: string }[];
};

/**
 * Trims, lower-cases and collapses every kind of space, because headers
 * re-saved in Excel or typed by hand pick up NBSPs and double spaces.
 */
export const normalizeHeader = (header: string): string =>
  header
    .replace(/[\s\u00a0\u2007\u202f\ufeff]+/g, ' ')
    .trim()
    .toLowerCase();

const byNormalizedHeader: ReadonlyMap<string, ColumnKey> = new Map(
  (Object.entries(knownColumns) as [ColumnKey, readonly string[]][]).flatMap(
    ([key, names]) =>
      names.map((name): [string, ColumnKey] => [normalizeHeader(name), key]),
  ),
);

export const mapHeaders = (headers: readonly string[]): HeaderMap => {
  const columns: Partial<Record<ColumnKey, number>> = {};
  const extra: HeaderMap['extra'] = [];

  headers.forEach((header, index) => {
    const key = byNormalizedHeader.get(normalizeHeader(header));
    if (key !== undefined && columns[key] === undefined) {
      columns[key] = index;
    } else if (header.trim() !== '') {
      extra.push({ index, header: header.trim() });
    }
  });

  return { columns, extra };
};

/** 0 -> A, 25 -> Z, 26 -> AA, as Excel names its columns. */
export const columnLetter = (index: number): string => {
  let letters = '';
  let rest = index + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
};

/** The header text the import looks for, for messages. */
export const columnHeader = (key: ColumnKey): string => knownColumns[key][0];

// A file with names but none of the entry columns is some other list (a
// club roster, a result list); importing it would make participants with no
// class, so it is refused as a whole.
const entryColumns: readonly ColumnKey[] = [
  'registrationId',
  'className',
  'exercise',
  'registrationStatus',
];

/** One file-level problem when the sheet is not an iSonen export. */
export const checkIsonenExport = (map: HeaderMap): ImportProblem | null => {
  const missing: string[] = [];
  if (map.columns.firstName === undefined) missing.push('Fornavn');
  if (map.columns.lastName === undefined) missing.push('Etternavn');
  if (!entryColumns.some((key) => map.columns[key] !== undefined)) {
    missing.push(entryColumns.map(columnHeader).join('/'));
  }
  if (missing.length === 0) return null;

  return {
    code: 'not-an-isonen-export',
    severity: 'error',
    row: 0,
    column: '',
    field: '',
    value: '',
    params: { missing: missing.join(', ') },
  };
};
