import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';

import {
  type MemoryEventKeys,
  memoryEventKeys,
  testDataKey,
} from '../db/testKeys';
import { createDeskStore, type RxDeskStore } from './rxDeskStore';
import { freshDatabaseName } from './testDesk';
import { baseline, sheetOf } from './testSheets';

const open: RxDeskStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

const storeOn = async (
  factory: IDBFactory,
  dbName: string,
  fill = 3,
  eventKeys: MemoryEventKeys = memoryEventKeys(),
) => {
  const store = await createDeskStore({
    dbName,
    dexie: { indexedDB: factory, IDBKeyRange },
    dataKey: await testDataKey(fill),
    eventKeys,
    operator: 'Test Operatør',
  });
  open.push(store);
  return store;
};

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

describe('a desk with sealed personal fields', () => {
  it('imports, reopens, searches names and checks in as usual while IndexedDB holds no name, birth date or payment', async () => {
    const factory = new IDBFactory();
    const dbName = freshDatabaseName('sealed');
    const keys = memoryEventKeys();
    const first = await storeOn(factory, dbName, 3, keys);
    const preview = await first.previewImport(sheetOf(baseline), {
      newEventName: 'Vårløpet',
    });
    const committed = await first.commitImport(preview, []);
    if (!committed.ok) throw new Error(committed.error.message);
    await first.openEvent(committed.value.eventId);
    const kari = first.search('kari nordmann')[0];
    if (!kari) throw new Error('Kari is in the baseline');
    await first.recordPayment(kari.participant.id, 'vipps', 31_415);
    await first.close();
    open.splice(0);

    const again = await storeOn(factory, dbName, 3, keys);
    await again.openEvent(committed.value.eventId);
    const found = again.search('nordmann').map((v) => v.participant.id);
    await again.checkIn(kari.participant.id);
    const seen = again.get(kari.participant.id);
    const stored = await storedText(factory);

    expect(seen?.participant.birthDate).toBe(kari.participant.birthDate);
    expect(seen?.state.payments.map((p) => p.amount)).toEqual([31_415]);
    expect(seen?.state.checkedIn).toBe(true);
    expect(found).toContain(kari.participant.id);
    // The scan sees stored text: clubs are not sealed. The event's name is.
    expect(stored).toContain('IL Heming');
    expect(stored).not.toContain('Vårløpet');
    expect(stored).not.toContain('Nordmann');
    expect(stored).not.toContain(kari.participant.birthDate);
    expect(stored).not.toContain('31415');
  });

  it('does not open under another key', async () => {
    const factory = new IDBFactory();
    const dbName = freshDatabaseName('sealed');
    const first = await storeOn(factory, dbName, 3);
    const preview = await first.previewImport(sheetOf(baseline), {
      newEventName: 'Vårløpet',
    });
    const committed = await first.commitImport(preview, []);
    if (!committed.ok) throw new Error(committed.error.message);
    await first.close();
    open.splice(0);

    const other = storeOn(factory, dbName, 4);

    await expect(other).rejects.toThrow(/data key/);
  });
});
