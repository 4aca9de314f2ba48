// The connection record of each connected event, as a local document of
// the desk database (like the desk's identity and the rosters): free RxDB
// opens at most 13 collections per process, and tests run two desks in
// one process, so a desk keeps at most six.

import type { DeskDatabase } from './database';
import type { SyncRecord } from './syncSchemas';

export const syncRecordKey = (eventId: string) => `sync-record|${eventId}`;

export const readSyncRecord = async (
  db: DeskDatabase,
  eventId: string,
): Promise<SyncRecord | null> => {
  const doc = await db.getLocal<SyncRecord>(syncRecordKey(eventId));
  return doc ? { ...doc.toJSON().data } : null;
};

/** Stores the record durably (strict IndexedDB commit, database.ts). */
export const writeSyncRecord = async (
  db: DeskDatabase,
  record: SyncRecord,
): Promise<void> => {
  await db.upsertLocal<SyncRecord>(syncRecordKey(record.eventId), record);
};

export const patchSyncRecord = async (
  db: DeskDatabase,
  eventId: string,
  patch: Partial<Pick<SyncRecord, 'active' | 'checkpoint'>>,
): Promise<void> => {
  const record = await readSyncRecord(db, eventId);
  if (!record) throw new Error(`Event ${eventId} is not connected`);
  await writeSyncRecord(db, { ...record, ...patch });
};
