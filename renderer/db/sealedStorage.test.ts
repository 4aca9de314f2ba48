import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createRxDatabase, type RxCollection } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';

import { blankParticipant } from '../../shared/domain/participant';
import { type ParticipantDoc, participantSchema } from './schemas';
import { sealedStorage } from './sealedStorage';
import { importDataKey, openFields, sealFields } from './sealing';

const keyOf = (fill: number) =>
  importDataKey(Buffer.alloc(32, fill).toString('base64'));

const person = {
  ...blankParticipant('p1', 'e1'),
  key: 'e1|p1',
  firstName: 'Kari',
  lastName: 'Nordmann',
  birthDate: '1987-04-12',
  email: 'kari.nordmann@example.no',
  mobile: '+4791234567',
  club: 'Ski IL',
};

/** Every value IndexedDB holds, as one text to search. */
const everythingStored = async (factory: IDBFactory): Promise<string> => {
  const texts: string[] = [];
  for (const info of await factory.databases()) {
    if (!info.name) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = factory.open(info.name ?? '');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    for (const store of Array.from(db.objectStoreNames)) {
      const values = await new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      texts.push(JSON.stringify(values));
    }
    db.close();
  }
  return texts.join('\n');
};

const open: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

const openDatabase = async (factory: IDBFactory, fill: number) => {
  const db = await createRxDatabase<{
    participants: RxCollection<ParticipantDoc>;
  }>({
    name: 'sealed',
    storage: sealedStorage(
      getRxStorageDexie({ indexedDB: factory, IDBKeyRange }),
      await keyOf(fill),
    ),
    multiInstance: false,
  });
  open.push(db);
  await db.addCollections({
    participants: { schema: { ...participantSchema, version: 0 } },
  });
  return db;
};

describe('sealed fields', () => {
  it('come back as they went in, and differ each time they are sealed', async () => {
    const key = await keyOf(1);
    const a = await sealFields(key, person, ['email', 'birthDate']);
    const b = await sealFields(key, person, ['email', 'birthDate']);

    expect(a.email).toBeUndefined();
    expect(a.sealed).not.toBe(b.sealed);
    expect(await openFields(key, a)).toEqual(person);
  });

  it('refuse to open under another key', async () => {
    const sealed = await sealFields(await keyOf(1), person, ['email']);

    await expect(openFields(await keyOf(2), sealed)).rejects.toThrow();
  });
});

describe('the sealed desk storage', () => {
  it('keeps birth date, e-mail and mobile out of IndexedDB while the desk reads them as usual', async () => {
    const factory = new IDBFactory();
    const db = await openDatabase(factory, 1);
    await db.participants.insert(person);

    const read = await db.participants.findOne('e1|p1').exec();
    const stored = await everythingStored(factory);

    expect(read?.email).toBe(person.email);
    expect(read?.birthDate).toBe(person.birthDate);
    // The scan sees the stored documents: the open fields are there.
    expect(stored).toContain('Nordmann');
    expect(stored).not.toContain('kari.nordmann@example.no');
    expect(stored).not.toContain('91234567');
    expect(stored).not.toContain('1987-04-12');
  });

  it('opens nothing of a person under the wrong key', async () => {
    const factory = new IDBFactory();
    const first = await openDatabase(factory, 1);
    await first.participants.insert(person);
    await first.close();
    open.splice(0);

    const wrong = await openDatabase(factory, 2);

    await expect(wrong.participants.findOne('e1|p1').exec()).rejects.toThrow();
  });
});
