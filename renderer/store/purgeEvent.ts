// Deletes every document of one event from the desk database (issue #5,
// retention): its participants, operations, imports, the central
// service's documents and answers, the event itself, and the local
// documents kept for it (roster, sync record, retention setting).
//
// RxDB removes a document by writing a tombstone that keeps the whole
// document, so each store's tombstones are cleaned up at once after: what
// is left in IndexedDB is nothing of the event. Local documents are blanked
// before they are removed, so their tombstones hold only the key (which
// names the event's id, nothing personal).
//
// That is all a page can delete: Chromium's IndexedDB is LevelDB, whose
// files keep deleted records until it compacts them, and a page cannot
// ask for that (e2e/retention.spec.ts). So the event's key goes last
// (../db/keyring.ts): what the files keep of the event was sealed under
// it, and without it nobody opens it again.

import { type DeskDatabase, keyringOf } from '../db/database';
import { retentionKey } from './retentionSettings';
import { rosterKey } from './roster';

export type PurgedDocuments = {
  participants: number;
  operations: number;
  imports: number;
  /** The central service's documents and answers (a connected event). */
  syncDocs: number;
  opResults: number;
  /** Local documents: the roster, the sync record, the setting. */
  localDocuments: number;
  eventKey: EventKeyFate;
};

/** What became of the key the event's documents were sealed under. */
export type EventKeyFate =
  | { destroyed: true }
  /** The key store refused, or the desk seals under its data key only. */
  | { destroyed: false; reason: string };

const syncRecordKey = (eventId: string) => `sync-record|${eventId}`;

type EventCollection =
  | 'participants'
  | 'operations'
  | 'imports'
  | 'syncDocs'
  | 'opResults';

const eventCollections: readonly EventCollection[] = [
  'participants',
  'operations',
  'imports',
  'syncDocs',
  'opResults',
];

/** What removing one event's documents needs of a collection. */
type EventDocs = {
  name: string;
  find(query: { selector: { eventId: string } }): {
    exec(): Promise<{ primary: string }[]>;
  };
  bulkRemove(ids: string[]): Promise<{ error: unknown[] }>;
};

const removeEventDocs = async (
  collection: EventDocs,
  eventId: string,
): Promise<number> => {
  const docs = await collection.find({ selector: { eventId } }).exec();
  if (docs.length === 0) return 0;
  const removed = await collection.bulkRemove(docs.map((doc) => doc.primary));
  if (removed.error.length > 0) {
    throw new Error(
      `${collection.name}: ${removed.error.length} documents could not be removed`,
    );
  }
  return docs.length;
};

const removeLocal = async (db: DeskDatabase, key: string): Promise<number> => {
  const doc = await db.getLocal(key);
  if (!doc) return 0;
  // The tombstone keeps the last data written: make it none.
  await db.upsertLocal(key, {});
  const blank = await db.getLocal(key);
  await blank?.remove();
  return 1;
};

/** Deletes the event's documents; throws when the database refuses. */
export const purgeEventDocuments = async (
  db: DeskDatabase,
  eventId: string,
): Promise<PurgedDocuments> => {
  const counts = {
    participants: 0,
    operations: 0,
    imports: 0,
    syncDocs: 0,
    opResults: 0,
  } satisfies Record<EventCollection, number>;
  counts.participants = await removeEventDocs(db.participants, eventId);
  counts.operations = await removeEventDocs(db.operations, eventId);
  counts.imports = await removeEventDocs(db.imports, eventId);
  counts.syncDocs = await removeEventDocs(db.syncDocs, eventId);
  counts.opResults = await removeEventDocs(db.opResults, eventId);
  const event = await db.events.findOne(eventId).exec();
  await event?.remove();

  let localDocuments = 0;
  for (const key of [
    rosterKey(eventId),
    syncRecordKey(eventId),
    retentionKey(eventId),
  ]) {
    localDocuments += await removeLocal(db, key);
  }

  // Tombstones go now, not at some later cleanup: 0 ms is the least age.
  for (const name of [...eventCollections, 'events'] as const) {
    await db.collections[name].storageInstance.cleanup(0);
  }

  return { ...counts, localDocuments, eventKey: await destroyKey(db, eventId) };
};

const destroyKey = async (
  db: DeskDatabase,
  eventId: string,
): Promise<EventKeyFate> => {
  const keyring = keyringOf(db);
  if (!keyring) {
    return { destroyed: false, reason: 'This desk does not seal its data' };
  }
  const forgotten = await keyring.forget(eventId);
  return forgotten.ok
    ? { destroyed: true }
    : { destroyed: false, reason: forgotten.error.message };
};

/** Confirmations the desk needs before it deletes an event's data. */
export type PurgeConfirmation = {
  /** Told twice: purge even with operations the service has not seen. */
  unsynced?: boolean;
};
