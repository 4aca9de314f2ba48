import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { makeOperation, makeParticipant } from '../../shared/desk/fixtures';
import type { ParticipantState } from '../../shared/desk/state';
import type { Operation } from '../../shared/domain/operation';
import type { SyncDocument } from '../../shared/sync/types';
import { openDeskDatabase } from '../db/database';
import { readSyncRecord, writeSyncRecord } from '../db/syncRecords';
import type { SyncRecord } from '../db/syncSchemas';
import { readParticipants } from '../store/readDocs';
import { createRxSyncStore, type RxSyncStoreOptions } from './rxSyncStore';

const dexie = { indexedDB, IDBKeyRange };
let n = 0;
const freshName = () => `sync-store-${Date.now()}-${++n}`;

const record: SyncRecord = {
  eventId: 'local-1',
  url: 'http://central.test',
  centralEventId: 'central-1',
  deskId: 'desk-a',
  deskName: 'Desk A',
  deskToken: 'token',
  connectedAt: '2025-06-14T07:00:00.000Z',
  active: true,
  checkpoint: 0,
};

const idle: ParticipantState = {
  checkedIn: false,
  checkedInAt: '',
  checkedInDesk: '',
  bib: '',
  bibSource: '',
  chip: '',
  chipRental: false,
  payments: [],
};

const checkIn = (participantId: string, seq: number): Operation =>
  makeOperation(
    { eventId: 'local-1', participantId, type: 'check-in', payload: {} },
    { deskId: 'desk-a', seq },
  );

const applied = {
  outcome: 'applied',
  code: '',
  message: '',
  data: {},
} as const;

/** Every row of a collection's IndexedDB table, tombstones too, as text. */
const storedRows = async (internals: unknown): Promise<string> => {
  const state = (await internals) as {
    dexieTable?: { toArray(): Promise<unknown[]> };
  };
  if (!state.dexieTable) throw new Error('The storage is not Dexie’s');
  return JSON.stringify(await state.dexieTable.toArray());
};

const openStore = async (options: RxSyncStoreOptions = {}) => {
  const db = await openDeskDatabase({ name: freshName(), dexie });
  await writeSyncRecord(db, record);
  const pulled: SyncDocument[][] = [];
  const store = await createRxSyncStore(
    db,
    record,
    {
      onPulled: (documents) => pulled.push([...documents]),
      onResults: () => undefined,
    },
    options,
  );
  return { db, store, pulled };
};

const pulledPerson = (
  id: string,
  seq: number,
  firstName = 'Kari',
): SyncDocument => ({
  kind: 'participant',
  seq,
  participant: makeParticipant({ id, eventId: 'central-1', firstName }),
  state: idle,
  lateEntry: false,
});

describe('the desk sync store', () => {
  it("hands out a joined local event's operations for the central event, numbered 1, 2… though stored with older numbers", async () => {
    const { db, store } = await openStore();
    // Numbers from before seqs counted per event: 5 and 6, not 1 and 2.
    const ops = [checkIn('kari', 5), checkIn('ola', 6)];
    await db.operations.bulkInsert(ops);

    const batch = await store.unpushed(10);
    expect(batch.map((op) => [op.id, op.eventId, op.seq])).toEqual([
      [ops[0]?.id, 'central-1', 1],
      [ops[1]?.id, 'central-1', 2],
    ]);
    await db.close();
  });

  it('counts an answered operation pending until the checkpoint reaches its seq', async () => {
    const { db, store } = await openStore();
    const op = checkIn('kari', 1);
    await db.operations.insert(op);
    expect(await store.pendingCount()).toBe(1);

    await store.storeResults(
      [{ id: op.id, seq: 1, result: applied, repeated: false }],
      9,
    );
    expect(await store.unpushed(10)).toEqual([]);
    expect(await store.pendingCount()).toBe(1);

    await store.storeCheckpoint(9);
    expect(await store.pendingCount()).toBe(0);
    expect((await readSyncRecord(db, 'local-1'))?.checkpoint).toBe(9);
    await db.close();
  });

  it('stores pulled people under the local event with their server state, removes erased ones, and draws them with the checkpoint', async () => {
    const { db, store, pulled } = await openStore();
    const kari = makeParticipant({ id: 'kari', eventId: 'central-1' });
    const ola = makeParticipant({ id: 'ola', eventId: 'central-1' });
    const state = { ...idle, checkedIn: true, checkedInDesk: 'desk-b' };
    await store.storeDocuments([
      {
        kind: 'participant',
        seq: 1,
        participant: kari,
        state,
        lateEntry: false,
      },
      {
        kind: 'participant',
        seq: 2,
        participant: ola,
        state: idle,
        lateEntry: false,
      },
    ]);
    await store.storeDocuments([
      { kind: 'participant-erased', seq: 3, participantId: 'ola' },
    ]);
    expect(pulled).toEqual([]);
    await store.storeCheckpoint(3);
    expect(pulled.flat().map((doc) => doc.seq)).toEqual([1, 2, 3]);

    const servers = new Map();
    const stored = await readParticipants(db, 'local-1', [], servers);
    expect(stored.map((p) => [p.id, p.eventId])).toEqual([['kari', 'local-1']]);
    expect(servers.get('kari')).toEqual({ seq: 1, state, lateEntry: false });
    await db.close();
  });

  it('stores a download into an empty event without reading first, updates and erases whom it wrote, and reads all once a write finds a row it did not know', async () => {
    const { db, store } = await openStore({ emptyEvent: true });
    // Left under the event though it was said to be empty.
    await db.participants.insert({
      ...makeParticipant({ id: 'per', eventId: 'local-1' }),
      key: 'local-1|per',
    });
    await store.storeDocuments([
      pulledPerson('kari', 1),
      pulledPerson('ola', 2),
    ]);
    await store.storeDocuments([
      pulledPerson('kari', 3, 'Karianne'),
      { kind: 'participant-erased', seq: 4, participantId: 'ola' },
    ]);
    const again = [pulledPerson('per', 5, 'Per Arne')];
    await expect(store.storeDocuments(again)).rejects.toThrow(
      '1 participants could not be stored',
    );
    await store.storeDocuments(again);

    const stored = await readParticipants(db, 'local-1');
    expect(stored.map((p) => [p.id, p.firstName])).toEqual([
      ['kari', 'Karianne'],
      ['per', 'Per Arne'],
    ]);
    await db.close();
  });

  it('keeps nothing of an erased person in the database, not even the record of its removal', async () => {
    const { db, store } = await openStore();
    const ola = makeParticipant({
      id: 'ola',
      eventId: 'central-1',
      firstName: 'Ola',
      lastName: 'Slettesen',
      email: 'ola@slettesen.test',
      mobile: '41234567',
    });
    await store.storeDocuments([
      {
        kind: 'participant',
        seq: 1,
        participant: ola,
        state: idle,
        lateEntry: false,
      },
    ]);
    await store.storeDocuments([
      { kind: 'participant-erased', seq: 2, participantId: 'ola' },
    ]);
    await store.storeCheckpoint(2);

    // RxDB removes by writing a tombstone that keeps the whole document;
    // the rows IndexedDB holds are read here as a page could read them.
    const rows = await storedRows(db.participants.storageInstance.internals);
    for (const value of ['Ola', 'Slettesen', ola.email, ola.mobile]) {
      expect(rows).not.toContain(value);
    }
    expect(await readParticipants(db, 'local-1')).toEqual([]);
    await db.close();
  });
});
