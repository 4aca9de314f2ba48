// Every column a list can have, each reading one field of a participant as
// the desk shows it (registration data with the desk's bib and check-in on
// top). Which columns a list may carry is decided in purposes.ts, never
// here: a column is only a way to read a field.

import type { ParticipantView } from '../desk/state';
import type { Entry, Participant, Registration } from '../domain/participant';
import { fullName } from '../domain/participant';
import type { Lang } from '../i18n/problems';
import {
  type ConsentKind,
  consentTexts,
  exerciseText,
  genders,
  licenseNumber,
  licenseProduct,
  licensePurchasedAt,
  paymentMethods,
  registrationTypes,
  reserved,
  statuses,
} from './fieldText';
import { type CellFormat, dottedDate, kroner, yesNo } from './format';

/** One row of a list: a person, and the entries the row is about. */
export type ListRow = {
  view: ParticipantView;
  entries: readonly Entry[];
};

export type ListColumn = {
  id: string;
  header: Record<Lang, string>;
  /** Column width in characters. */
  width: number;
  cell: (row: ListRow, format: CellFormat) => string;
};

const person = (row: ListRow): Participant => row.view.participant;

const text =
  (read: (p: Participant) => string) =>
  (row: ListRow): string =>
    read(person(row));

const column = <const Id extends string>(
  id: Id,
  nb: string,
  en: string,
  width: number,
  cell: ListColumn['cell'],
): ListColumn & { id: Id } => ({ id, header: { nb, en }, width, cell });

const unique = (values: readonly string[]) => [
  ...new Set(values.filter((value) => value !== '')),
];

const consent =
  (kind: ConsentKind) =>
  (row: ListRow, format: CellFormat): string => {
    const value = person(row).consents[kind];
    return value === '' ? '' : consentTexts[value][format.lang];
  };

const reservation =
  (kind: ConsentKind) =>
  (row: ListRow, format: CellFormat): string =>
    reserved(person(row), kind) ? yesNo(true, format.lang) : '';

const registrations = (row: ListRow) => person(row).registrations;

const joined = (values: readonly string[]) => unique(values).join(', ');

/**
 * One value per registration, repeats left out. Most people have one
 * registration; they skip the arrays (2.25 million cells for the full list
 * of 50,000).
 */
const perRegistration = (
  row: ListRow,
  read: (registration: Registration) => string,
): string => {
  const list = person(row).registrations;
  if (list.length === 0) return '';
  if (list.length === 1 && list[0]) return read(list[0]);
  return joined(list.map(read));
};

export const columns = [
  column(
    'personId',
    'Person ID',
    'Person ID',
    11,
    text((p) => p.personId),
  ),
  column(
    'buypassId',
    'Buypass ID',
    'Buypass ID',
    11,
    text((p) => p.buypassId),
  ),
  column('registrationId', 'Påmeldings-ID', 'Registration ID', 16, (row) =>
    perRegistration(row, (r) => r.registrationId),
  ),
  column('fullName', 'Navn', 'Name', 28, text(fullName)),
  column(
    'firstName',
    'Fornavn',
    'First name',
    18,
    text((p) => p.firstName),
  ),
  column(
    'lastName',
    'Etternavn',
    'Last name',
    18,
    text((p) => p.lastName),
  ),
  column('birthDate', 'Fødselsdato', 'Birth date', 12, (row) =>
    dottedDate(person(row).birthDate),
  ),
  column('gender', 'Kjønn', 'Gender', 7, (row, f) => {
    const gender = person(row).gender;
    return gender === '' ? '' : genders[gender][f.lang];
  }),
  column(
    'country',
    'Land',
    'Country',
    12,
    text((p) => p.country),
  ),
  column(
    'countryCode',
    'Landskode',
    'Country code',
    9,
    (row) => person(row).countryCode,
  ),
  column(
    'email',
    'E-post',
    'E-mail',
    30,
    text((p) => p.email),
  ),
  column(
    'mobile',
    'Mobil',
    'Mobile',
    13,
    text((p) => p.mobile),
  ),
  column(
    'club',
    'Klubb',
    'Club',
    26,
    text((p) => p.club),
  ),
  column(
    'clubId',
    'Klubb-ID',
    'Club ID',
    10,
    text((p) => p.clubId),
  ),
  column(
    'groupId',
    'Gruppe-ID',
    'Group ID',
    10,
    text((p) => p.groupId),
  ),
  column(
    'region',
    'Krets/region',
    'Region',
    26,
    text((p) => p.region),
  ),
  column(
    'regionId',
    'Krets/region ID',
    'Region ID',
    12,
    (row) => person(row).regionId,
  ),
  column('exercises', 'Øvelser', 'Exercises', 30, (row, f) =>
    row.entries.map((entry) => exerciseText(entry, f.lang)).join(', '),
  ),
  column('className', 'Klasse', 'Class', 14, (row) =>
    joined(row.entries.map((entry) => entry.className)),
  ),
  column(
    'status',
    'Deltakerstatus',
    'Status',
    13,
    (row, f) => statuses[person(row).status][f.lang],
  ),
  column('lateEntry', 'Etteranmeldt', 'Late entry', 12, (row, f) =>
    row.view.lateEntry ? yesNo(true, f.lang) : '',
  ),
  column('bib', 'Startnummer', 'Bib', 11, (row) => row.view.state.bib),
  column('chip', 'Brikkenummer', 'Chip', 12, (row) => row.view.state.chip),
  column('checkedIn', 'Sjekket inn', 'Checked in', 11, (row, f) =>
    yesNo(row.view.state.checkedIn, f.lang),
  ),
  column('checkedInAt', 'Innsjekket', 'Checked in at', 16, (row, f) =>
    f.localDateTime(row.view.state.checkedInAt),
  ),
  column(
    'comment',
    'Kommentar',
    'Comment',
    30,
    text((p) => p.comment),
  ),
  column('hasLicense', 'Lisens', 'License', 7, (row, f) =>
    yesNo(person(row).license.hasLicense, f.lang),
  ),
  column('licenseProduct', 'Lisensprodukt', 'License product', 16, (row, f) =>
    licenseProduct(person(row), f.lang),
  ),
  column('licensePurchasedAt', 'Kjøpt', 'Purchased', 16, (row, f) =>
    f.localDateTime(licensePurchasedAt(person(row))),
  ),
  column('licenseNumber', 'Lisensnummer', 'License number', 14, (row) =>
    licenseNumber(person(row)),
  ),
  column('registrar', 'Påmeldt av', 'Registrar', 24, (row) =>
    perRegistration(row, (r) => r.registrarName),
  ),
  column('registrarEmail', 'E-post påmelder', 'Registrar e-mail', 30, (row) =>
    perRegistration(row, (r) => r.registrarEmail),
  ),
  column(
    'registrationType',
    'Påmeldingstype',
    'Registration type',
    16,
    (row, f) =>
      perRegistration(row, (r) =>
        r.type === '' ? '' : registrationTypes[r.type][f.lang],
      ),
  ),
  column('registeredAt', 'Påmeldt', 'Registered', 16, (row, f) =>
    perRegistration(row, (r) => f.localDateTime(r.registeredAt)),
  ),
  column('deregisteredAt', 'Avmeldt', 'Deregistered', 16, (row, f) =>
    perRegistration(row, (r) => f.localDateTime(r.deregisteredAt)),
  ),
  column('paid', 'Betalt', 'Paid', 7, (row, f) => {
    const list = registrations(row);
    return list.length === 0
      ? ''
      : yesNo(
          list.every((r) => r.paid),
          f.lang,
        );
  }),
  column('amountPaid', 'Påmelder betalte', 'Amount paid', 14, (row) => {
    const list = registrations(row);
    if (list.length === 0) return '';
    return kroner(list.reduce((sum, r) => sum + r.amountPaid, 0));
  }),
  column('paymentMethod', 'Betalingsmåte', 'Payment method', 14, (row, f) =>
    perRegistration(row, (r) =>
      r.paymentMethod === '' ? '' : paymentMethods[r.paymentMethod][f.lang],
    ),
  ),
  column('transactionId', 'Transaksjons-ID', 'Transaction ID', 14, (row) =>
    perRegistration(row, (r) => r.transactionId),
  ),
  column('payments', 'Alle betalinger', 'All payments', 36, (row) =>
    registrations(row)
      .flatMap((r) => r.payments)
      .join('\n'),
  ),
  column('products', 'Produkter', 'Products', 24, (row) =>
    person(row)
      .products.map((product) => product.name)
      .join(', '),
  ),
  column('answers', 'Spørsmål', 'Answers', 30, (row) =>
    person(row)
      .answers.map((a) => `${a.question}: ${a.answer}`)
      .join('\n'),
  ),
  column('messages', 'Meldinger', 'Messages', 30, (row) =>
    person(row)
      .messages.map((m) => m.text)
      .join('\n'),
  ),
  column('updatesConsent', 'Markedskommunikasjon', 'Updates', 10, (row, f) =>
    yesNo(person(row).updatesConsent, f.lang),
  ),
  column(
    'photoConsent',
    'Bildesamtykke',
    'Photo consent',
    10,
    consent('photo'),
  ),
  column(
    'videoConsent',
    'Videosamtykke',
    'Video consent',
    10,
    consent('video'),
  ),
  column(
    'streamingConsent',
    'Strømmesamtykke',
    'Streaming consent',
    10,
    consent('streaming'),
  ),
  column(
    'liveFeedConsent',
    'Livefeedsamtykke',
    'Live feed consent',
    10,
    consent('liveFeed'),
  ),
  column(
    'photoReserved',
    'Reservert mot bilder',
    'No photos',
    12,
    reservation('photo'),
  ),
  column(
    'videoReserved',
    'Reservert mot video',
    'No video',
    12,
    reservation('video'),
  ),
  column(
    'streamingReserved',
    'Reservert mot strømming',
    'No streaming',
    12,
    reservation('streaming'),
  ),
  column(
    'liveFeedReserved',
    'Reservert mot livefeed',
    'No live feed',
    12,
    reservation('liveFeed'),
  ),
] as const satisfies readonly ListColumn[];

export type ColumnId = (typeof columns)[number]['id'];

const byId = new Map<string, ListColumn>(columns.map((c) => [c.id, c]));

export const columnById = (id: string): ListColumn | undefined => byId.get(id);
