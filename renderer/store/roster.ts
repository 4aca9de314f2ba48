// The roster: what search and the result list need of every participant of
// an event (names, club, birth year, bib, status, classes, media consents,
// scan keys), packed as one JSON string in one local document. Opening an
// event reads it first and serves search from it; the full documents
// (participant card, rules, previews) load right after. Reading 50,000
// full documents costs about 1.4 s of IndexedDB and structured-clone work,
// one string and one JSON.parse a small part of that.
//
// The roster is a cache of the participant documents, never the truth. It
// carries the time stamp of the import that wrote it and counts only when
// the event document (the import's last write, its marker) carries the
// same one; it is written before the participants, so a desk that dies
// mid-import leaves a roster no event names, and the open reads the full
// documents instead. Operations are not in it: they are read and reduced
// on top as always.

import type {
  Entry,
  MediaConsents,
  Participant,
  ParticipantStatus,
  Registration,
} from '../../shared/domain/participant';

export type RosterDoc = {
  eventId: string;
  /** updatedAt of the event document the roster belongs to. */
  stamp: string;
  count: number;
  /** JSON: one array per participant, see rowOf. */
  people: string;
};

export const rosterKey = (eventId: string) => `roster|${eventId}`;

type EntryRow = [string, string, string, ParticipantStatus];

type Row = [
  id: string,
  personId: string,
  firstName: string,
  lastName: string,
  birthDate: string,
  club: string,
  status: ParticipantStatus,
  bib: string,
  chip: string,
  sourceCheckInStatus: string,
  revision: number,
  updatedAt: string,
  consents: string,
  registrationIds: string[],
  entries: EntryRow[],
];

const consentOrder = ['photo', 'video', 'streaming', 'liveFeed'] as const;
const consentCodes = { yes: 'y', no: 'n', '': '-' } as const;

const packConsents = (c: MediaConsents) =>
  consentOrder.map((m) => consentCodes[c[m]]).join('');

const consentOf = (code: string | undefined) =>
  code === 'y' ? 'yes' : code === 'n' ? 'no' : '';

const unpackConsents = (code: string): MediaConsents => ({
  photo: consentOf(code[0]),
  video: consentOf(code[1]),
  streaming: consentOf(code[2]),
  liveFeed: consentOf(code[3]),
});

const rowOf = (p: Participant): Row => [
  p.id,
  p.personId,
  p.firstName,
  p.lastName,
  p.birthDate,
  p.club,
  p.status,
  p.bib,
  p.chip,
  p.sourceCheckInStatus,
  p.revision,
  p.updatedAt,
  packConsents(p.consents),
  p.registrations.map((r) => r.registrationId),
  p.entries.map((e) => [e.registrationId, e.className, e.exercise, e.status]),
];

export const packRoster = (participants: Iterable<Participant>): string => {
  const rows: Row[] = [];
  for (const p of participants) rows.push(rowOf(p));
  return JSON.stringify(rows);
};

const registrationOf = (registrationId: string): Registration => ({
  registrationId,
  type: '',
  statusText: '',
  status: 'active',
  registrarName: '',
  registrarEmail: '',
  registrarBuypassId: '',
  registrarPersonId: '',
  transactionId: '',
  paymentMethod: '',
  amountPaid: 0,
  amountPaidVat: 0,
  paid: false,
  payments: [],
  registeredAt: '',
  deregisteredAt: '',
});

const entryOf = ([registrationId, className, exercise, status]: EntryRow) =>
  ({
    registrationId,
    className,
    exercise,
    sport: '',
    date: '',
    time: '',
    fee: 0,
    feeVat: 0,
    status,
    sourceRow: 0,
  }) satisfies Entry;

/** A participant with the roster's fields; the rest "not given". */
const participantOf = (row: Row, eventId: string): Participant => ({
  id: row[0],
  eventId,
  personId: row[1],
  buypassId: '',
  firstName: row[2],
  lastName: row[3],
  birthDate: row[4],
  gender: '',
  country: '',
  countryCode: '',
  email: '',
  mobile: '',
  club: row[5],
  clubId: '',
  groupId: '',
  region: '',
  regionId: '',
  comment: '',
  license: {
    hasLicense: false,
    seasonLicense: '',
    oneDayLicense: '',
    product: '',
    purchasedAt: '',
  },
  registrations: row[13].map(registrationOf),
  entries: row[14].map(entryOf),
  products: [],
  answers: [],
  messages: [],
  consents: unpackConsents(row[12]),
  updatesConsent: false,
  status: row[6],
  bib: row[7],
  chip: row[8],
  sourceCheckInStatus: row[9],
  extra: {},
  revision: row[10],
  updatedAt: row[11],
});

const isRow = (value: unknown): value is Row =>
  Array.isArray(value) &&
  value.length === 15 &&
  typeof value[0] === 'string' &&
  typeof value[10] === 'number' &&
  typeof value[12] === 'string' &&
  Array.isArray(value[13]) &&
  Array.isArray(value[14]);

/**
 * The participants a roster summarizes, or null when it is not a roster of
 * this shape (written by another version): the caller reads the documents.
 */
export const unpackRoster = (
  doc: RosterDoc,
  eventId: string,
): Participant[] | null => {
  if (doc.eventId !== eventId) return null;
  let rows: unknown;
  try {
    rows = JSON.parse(doc.people);
  } catch {
    return null;
  }
  if (!Array.isArray(rows) || rows.length !== doc.count) return null;
  const participants: Participant[] = [];
  for (const row of rows) {
    if (!isRow(row)) return null;
    participants.push(participantOf(row, eventId));
  }
  return participants;
};
