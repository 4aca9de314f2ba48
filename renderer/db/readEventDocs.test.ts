import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { makeOperation, makeParticipant } from '../../shared/desk/fixtures';
import { participantOfDoc, readParticipantDocs } from '../store/readDocs';
import { openDeskDatabase } from './database';
import { readEventOperations, readEventParticipants } from './readEventDocs';

describe('reading an event by key range', () => {
  it('gives the same participants as a storage query, whole or in pieces, and only that event', async () => {
    const db = await openDeskDatabase({
      name: `read-${Date.now()}`,
      dexie: { indexedDB, IDBKeyRange },
    });
    const docs = ['e1', 'e10', 'e2'].flatMap((eventId) =>
      Array.from({ length: 5 }, (_, i) => {
        const p = makeParticipant({
          id: `p${i}`,
          eventId,
          lastName: `Berg${i}`,
          extra: { Startnummer: String(i) },
        });
        return { ...p, key: `${eventId}|${p.id}` };
      }),
    );
    await db.participants.bulkInsert(docs);

    const fast = await readEventParticipants(
      db.participants.storageInstance.internals,
      'e1',
    );
    const query = (await readParticipantDocs(db, 'e1')).map(participantOfDoc);
    const byId = (a: { id: string }, b: { id: string }) =>
      a.id.localeCompare(b.id);
    expect(fast?.sort(byId)).toEqual(query.sort(byId));
    expect(fast).toHaveLength(5);
    const split = await readEventParticipants(
      db.participants.storageInstance.internals,
      'e1',
      ['p1', 'p3'],
    );
    expect(split?.map((p) => p.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(split?.sort(byId)).toEqual(query.sort(byId));
    expect(fast?.[0]).toEqual(
      makeParticipant({
        id: 'p0',
        eventId: 'e1',
        lastName: 'Berg0',
        extra: { Startnummer: '0' },
      }),
    );
    await db.close();
  });

  it('gives the event operations a storage query gives', async () => {
    const db = await openDeskDatabase({
      name: `read-ops-${Date.now()}`,
      dexie: { indexedDB, IDBKeyRange },
    });
    const ops = ['e1', 'e2', 'e1'].map((eventId, i) =>
      makeOperation(
        { eventId, participantId: `p${i}`, type: 'check-in', payload: {} },
        { seq: 10 - i },
      ),
    );
    await db.operations.bulkInsert(ops);
    const fast = await readEventOperations(
      db.operations.storageInstance.internals,
      'e1',
    );
    const e1 = ops.filter((op) => op.eventId === 'e1');
    expect(fast?.map((op) => op.id).sort()).toEqual(
      e1.map((op) => op.id).sort(),
    );
    expect(fast?.find((op) => op.id === e1[0]?.id)).toEqual(e1[0]);
    await db.close();
  });

  it('says so when the storage is not shaped as expected', async () => {
    expect(await readEventParticipants(Promise.resolve({}), 'e1')).toBeNull();
  });
});
