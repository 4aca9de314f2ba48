import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';

import { fail } from '../../shared/contract/result';

import {
  type MemoryEventKeys,
  memoryEventKeys,
  testDataKey,
} from '../db/testKeys';
import { createDeskStore, type RxDeskStore } from './rxDeskStore';
import { freshDatabaseName } from './testDesk';
import { baseline, type SheetPerson, sheetOf } from './testSheets';

const open: RxDeskStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

const storeOn = async (
  factory: IDBFactory,
  dbName: string,
  eventKeys: MemoryEventKeys = memoryEventKeys(),
) => {
  const store = await createDeskStore({
    dbName,
    dexie: { indexedDB: factory, IDBKeyRange },
    dataKey: await testDataKey(5),
    eventKeys,
    operator: 'Test Operatør',
  });
  open.push(store);
  return store;
};

/** Every record of every object store, as text, read around RxDB. */
const storedText = async (factory: IDBFactory): Promise<string> => {
  const texts: string[] = [];
  for (const info of await factory.databases()) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(info.name ?? '');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    for (const name of Array.from(db.objectStoreNames)) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      texts.push(JSON.stringify(rows));
    }
    db.close();
  }
  return texts.join('\n');
};

const summer: SheetPerson[] = [
  {
    first: 'Sigrid',
    last: 'Solbakken',
    personId: '2000001',
    className: 'K 30-34',
  },
  { first: 'Trond', last: 'Fjellheim', personId: '2000002', className: 'M 40' },
];

const importEvent = async (
  store: RxDeskStore,
  people: readonly SheetPerson[],
  name: string,
) => {
  const preview = await store.previewImport(sheetOf(people), {
    newEventName: name,
  });
  const committed = await store.commitImport(preview, []);
  if (!committed.ok) throw new Error(committed.error.message);
  return committed.value.eventId;
};

describe('purging an event from the desk', () => {
  it('leaves nothing of the event in any collection or local document, destroys its key, and leaves the other event untouched', async () => {
    const factory = new IDBFactory();
    const dbName = freshDatabaseName('purge');
    const keys = memoryEventKeys();
    const store = await storeOn(factory, dbName, keys);
    const spring = await importEvent(store, baseline, 'Vårløpet');
    const kept = await importEvent(store, summer, 'Sommerløpet');
    await store.openEvent(kept);
    const sigrid = store.search('sigrid')[0]?.participant.id ?? '';
    expect((await store.checkIn(sigrid)).ok).toBe(true);
    await store.openEvent(spring);
    const kari = store.search('kari nordmann')[0]?.participant.id ?? '';
    expect((await store.checkIn(kari)).ok).toBe(true);
    await store.setRetentionDays(spring, 3);
    const before = await storedText(factory);
    // Names are sealed under the event's key, the event's name too; its
    // clubs are not.
    expect(before).not.toContain('Nordmann');
    expect(before).not.toContain('Vårløpet');
    expect(before).toContain('IL Heming');
    expect(before).toContain(spring);
    expect([...keys.kept.keys()].sort()).toEqual([spring, kept].sort());

    // Never connected: its check-in exists nowhere else, so told twice.
    const refused = await store.purgeEvent(spring);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'unsynced-operations',
        data: { pending: 1, neverConnected: true },
      },
    });
    expect(store.activeEvent()?.id).toBe(spring);
    expect(await store.purgeEvent(kept)).toMatchObject({
      ok: false,
      error: { data: { pending: 1, neverConnected: true } },
    });

    const purged = await store.purgeEvent(spring, { unsynced: true });

    expect(purged).toEqual({
      ok: true,
      value: {
        participants: baseline.length,
        operations: 1,
        imports: 1,
        syncDocs: 0,
        opResults: 0,
        localDocuments: 2,
        eventKey: { destroyed: true },
      },
    });
    expect([...keys.kept.keys()]).toEqual([kept]);
    expect(store.activeEvent()).toBeNull();
    const after = await storedText(factory);
    for (const person of baseline) {
      expect(after).not.toContain(person.last);
      expect(after).not.toContain(person.personId);
    }
    expect(after).not.toContain('Vårløpet');
    expect(after).not.toContain('IL Heming');
    // Only the local documents' emptied tombstones name the event's id.
    expect(after.split(spring).length - 1).toBeLessThanOrEqual(2);
    // The other event's documents stay: its classes are not sealed.
    expect(after).toContain('M 40');
    expect((await store.listEvents()).map((e) => e.id)).toEqual([kept]);
    expect(await store.retentionDays(spring)).toBe(7);

    await store.close();
    open.splice(0);
    const reopened = await storeOn(factory, dbName, keys);
    expect((await reopened.openEvent(spring)).ok).toBe(false);
    expect((await reopened.openEvent(kept)).ok).toBe(true);
    expect(reopened.get(sigrid)?.state.checkedIn).toBe(true);
    expect(reopened.search('solbakken')).toHaveLength(1);
    expect([...keys.kept.keys()]).toEqual([kept]);
  });

  it('gives an event that comes back under the same id a new key, past the tombstones the purge left', async () => {
    const keys = memoryEventKeys();
    const store = await storeOn(
      new IDBFactory(),
      freshDatabaseName('back'),
      keys,
    );
    const eventId = await importEvent(store, baseline, 'Vårløpet');
    await store.setRetentionDays(eventId, 3);
    const first = keys.kept.get(eventId);
    await store.purgeEvent(eventId);

    // A central event connected again keeps its id (connectEvent.ts).
    const written = await store.setRetentionDays(eventId, 5);

    expect(written).toEqual({ ok: true, value: 5 });
    expect(await store.retentionDays(eventId)).toBe(5);
    expect(keys.kept.get(eventId)).toBeDefined();
    expect(keys.kept.get(eventId)).not.toBe(first);
  });

  it('says the key was not destroyed when the key store refuses, after deleting the documents', async () => {
    const keys = memoryEventKeys();
    const store = await storeOn(new IDBFactory(), freshDatabaseName('kept'), {
      ...keys,
      forget: async () => fail('event-key-undeletable', 'disk is read-only'),
    });
    const eventId = await importEvent(store, baseline, 'Vårløpet');

    const purged = await store.purgeEvent(eventId);

    expect(purged).toMatchObject({
      ok: true,
      value: {
        participants: baseline.length,
        eventKey: { destroyed: false, reason: 'disk is read-only' },
      },
    });
  });

  it('keeps an event’s retention days and refuses a negative number', async () => {
    const store = await storeOn(new IDBFactory(), freshDatabaseName('keep'));
    const eventId = await importEvent(store, baseline, 'Vårløpet');

    expect(await store.retentionDays(eventId)).toBe(7);
    expect(await store.setRetentionDays(eventId, 0)).toEqual({
      ok: true,
      value: 0,
    });
    expect(await store.retentionDays(eventId)).toBe(0);
    const refused = await store.setRetentionDays(eventId, -1);
    expect(refused.ok ? '' : refused.error.code).toBe('invalid-retention');
  });
});
