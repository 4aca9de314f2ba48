// Reading all of one event's documents fast. RxDB's Dexie query walks an
// IndexedDB cursor, one callback per document, and then rebuilds every
// document key by key to undo its key escaping; for 50,000 participants
// both show when an event opens (under fake-indexeddb, 3,000 participants
// took 25 s by query and 0.5 s by key range). Here one key range read with
// Dexie's toArray() (IDBIndex.getAll underneath) returns the event's
// documents in one go. Our documents have no keys RxDB escapes (none start
// with '|'), so they need no rebuilding.
//
// This leans on how RxDB 17's Dexie storage lays out its tables: the
// primary key column named as in the schema, each index prefixed with
// `_deleted` and named "[a+b+c]", `_deleted` stored as '0'/'1'. When that
// shape is not there, the callers fall back to a plain storage query.

import type { DexieStorageInternals } from 'rxdb';
import type { Operation } from '../../shared/domain/operation';
import type { Participant } from '../../shared/domain/participant';
import type { Keyring } from './keyring';
import type { ParticipantDoc, ServerParticipant } from './schemas';
import { sealedField } from './sealing';

type DexieState = Awaited<DexieStorageInternals>;

/** RxDB's bookkeeping on every stored row. */
type Bookkeeping = {
  _deleted: unknown;
  _meta: unknown;
  _rev: unknown;
  _attachments: unknown;
};

const isDexieState = (value: unknown): value is DexieState =>
  typeof value === 'object' &&
  value !== null &&
  'dexieTable' in value &&
  typeof value.dexieTable === 'object';

const isLive = (value: unknown, eventId: string): value is Bookkeeping =>
  typeof value === 'object' &&
  value !== null &&
  'eventId' in value &&
  value.eventId === eventId &&
  '_deleted' in value &&
  value._deleted !== '1' &&
  value._deleted !== true;

type Range = {
  index: string;
  lower: unknown;
  upper: unknown;
  /** Whether the upper bound itself is in the range; true unless said. */
  includeUpper?: boolean;
};

/**
 * Opens the event's sealed rows (keyring.ts) in one go; rows with nothing
 * sealed pass.
 */
const openRows = async (
  rows: unknown[],
  eventId: string,
  keyring: Keyring | undefined,
): Promise<unknown[]> =>
  keyring
    ? Promise.all(
        rows.map((row) =>
          typeof row === 'object' && row !== null && sealedField in row
            ? keyring.open({ ...row }, eventId)
            : row,
        ),
      )
    : rows;

const readRange = async (
  internals: unknown,
  range: Range,
  eventId: string,
  keyring?: Keyring,
): Promise<unknown[] | null> => {
  const state: unknown = await internals;
  if (!isDexieState(state)) return null;
  const names = [
    state.dexieTable.schema.primKey.name,
    ...state.dexieTable.schema.indexes.map((index) => index.name),
  ];
  if (!names.includes(range.index)) return null;
  const rows = await state.dexieTable
    .where(range.index)
    .between(range.lower, range.upper, true, range.includeUpper ?? true)
    .toArray();
  return openRows(rows, eventId, keyring);
};

type StoredParticipant = ParticipantDoc & Bookkeeping;

const isParticipantRow = (
  row: unknown,
  eventId: string,
): row is StoredParticipant =>
  isLive(row, eventId) && 'key' in row && 'lastName' in row;

/**
 * The participant without the row's bookkeeping, built as one literal: at
 * 50,000 rows a rest spread (which walks each row's keys) cost 0.3 s.
 */
const participantOfRow = (row: StoredParticipant): Participant => ({
  id: row.id,
  eventId: row.eventId,
  personId: row.personId,
  buypassId: row.buypassId,
  firstName: row.firstName,
  lastName: row.lastName,
  birthDate: row.birthDate,
  gender: row.gender,
  country: row.country,
  countryCode: row.countryCode,
  email: row.email,
  mobile: row.mobile,
  club: row.club,
  clubId: row.clubId,
  groupId: row.groupId,
  region: row.region,
  regionId: row.regionId,
  comment: row.comment,
  license: row.license,
  registrations: row.registrations,
  entries: row.entries,
  products: row.products,
  answers: row.answers,
  messages: row.messages,
  consents: row.consents,
  updatesConsent: row.updatesConsent,
  status: row.status,
  bib: row.bib,
  chip: row.chip,
  sourceCheckInStatus: row.sourceCheckInStatus,
  extra: row.extra,
  revision: row.revision,
  updatedAt: row.updatedAt,
});

/**
 * The event's participants, or null if the storage is not shaped so.
 * `splitAt` (participant ids, sorted) cuts the read into key ranges read
 * one after the other: each read unpacks its documents in one go on the
 * main thread, so smaller ones let keystrokes in between. `servers`, when
 * given, receives the pulled server state of connected participants.
 */
export const readEventParticipants = async (
  internals: unknown,
  eventId: string,
  splitAt: readonly string[] = [],
  servers?: Map<string, ServerParticipant>,
  keyring?: Keyring,
): Promise<Participant[] | null> => {
  // The primary key is "eventId|id": '|' then U+FFFF bound every id.
  const bounds = [
    `${eventId}|`,
    ...splitAt.map((id) => `${eventId}|${id}`),
    `${eventId}|\uffff`,
  ];
  const participants: Participant[] = [];
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const last = i + 2 === bounds.length;
    const rows = await readRange(
      internals,
      {
        index: 'key',
        lower: bounds[i],
        upper: bounds[i + 1],
        includeUpper: last,
      },
      eventId,
      keyring,
    );
    if (!rows) return null;
    for (const row of rows) {
      if (!isParticipantRow(row, eventId)) continue;
      participants.push(participantOfRow(row));
      if (servers && row.server) servers.set(row.id, row.server);
    }
  }
  return participants;
};

type StoredOperation = Operation & Bookkeeping;

const isOperationRow = (
  row: unknown,
  eventId: string,
): row is StoredOperation =>
  isLive(row, eventId) && 'seq' in row && 'type' in row && 'payload' in row;

/** The event's operations, or null if the storage is not shaped so. */
export const readEventOperations = async (
  internals: unknown,
  eventId: string,
  keyring?: Keyring,
): Promise<Operation[] | null> => {
  // Index [_deleted+eventId+seq+id]: a two-part key sorts before every
  // longer one with the same start, and an array after every number.
  const rows = await readRange(
    internals,
    {
      index: '[_deleted+eventId+seq+id]',
      lower: ['0', eventId],
      upper: ['0', eventId, []],
    },
    eventId,
    keyring,
  );
  if (!rows) return null;
  const ops: Operation[] = [];
  for (const row of rows) {
    if (!isOperationRow(row, eventId)) continue;
    const { _deleted, _meta, _rev, _attachments, ...op } = row;
    ops.push(op);
  }
  return ops;
};
