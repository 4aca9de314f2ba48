import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { addRxPlugin, createRxDatabase, type RxCollection } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';

import { blankParticipant } from '../../shared/domain/participant';
import {
  createKeyring,
  type EventKeySource,
  UnopenableDocumentError,
} from './keyring';
import { type ParticipantDoc, participantSchema } from './schemas';
import { sealedStorage } from './sealedStorage';
import { encodeBase64, openFields, sealFields } from './sealing';
import { testDataKey as keyOf, memoryEventKeys } from './testKeys';

addRxPlugin(RxDBLocalDocumentsPlugin);

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

const openDatabase = async (
  factory: IDBFactory,
  fill: number,
  eventKeys?: EventKeySource,
) => {
  const db = await createRxDatabase<{
    participants: RxCollection<ParticipantDoc>;
  }>({
    name: 'sealed',
    storage: sealedStorage(
      getRxStorageDexie({ indexedDB: factory, IDBKeyRange }),
      createKeyring(await keyOf(fill), eventKeys),
    ),
    multiInstance: false,
    localDocuments: true,
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

  it('are written in the base64 everyone reads, at every length', () => {
    const bytes = crypto.getRandomValues(new Uint8Array(40));
    bytes.set([0, 255, 254, 63, 62], 0);
    for (let length = 0; length <= bytes.length; length += 1) {
      const part = bytes.subarray(0, length);
      expect(encodeBase64(part)).toBe(Buffer.from(part).toString('base64'));
    }
  });
});

describe('the sealed desk storage', () => {
  it('keeps names, birth date, e-mail and mobile out of IndexedDB while the desk reads them as usual', async () => {
    const factory = new IDBFactory();
    const db = await openDatabase(factory, 1, memoryEventKeys());
    await db.participants.insert(person);
    await db.upsertLocal('roster|e1', { people: [person.lastName] });

    const read = await db.participants.findOne('e1|p1').exec();
    const roster = await db.getLocal<{ people: string[] }>('roster|e1');
    const stored = await everythingStored(factory);

    expect(read?.firstName).toBe('Kari');
    expect(read?.lastName).toBe('Nordmann');
    expect(read?.email).toBe(person.email);
    expect(roster?.get('people')).toEqual(['Nordmann']);
    // The scan sees the stored documents: the open fields are there.
    expect(stored).toContain('Ski IL');
    expect(stored).not.toContain('Kari');
    expect(stored).not.toContain('Nordmann');
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

const isRow = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && 'key' in value;

/** The stored participant row, read around RxDB and its sealing. */
const storedRow = async (factory: IDBFactory, key: string) => {
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
      const row = rows.filter(isRow).find((r) => r.key === key);
      if (row) {
        db.close();
        return row;
      }
    }
    db.close();
  }
  throw new Error(`No stored row ${key}`);
};

describe('per-event keys', () => {
  const other = {
    ...person,
    id: 'p2',
    eventId: 'e2',
    key: 'e2|p2',
    lastName: 'Sørli',
  };

  it("seal each event's rows under that event's key alone", async () => {
    const factory = new IDBFactory();
    const keys = memoryEventKeys();
    const db = await openDatabase(factory, 1, keys);
    await db.participants.bulkInsert([person, other]);
    const e1 = await storedRow(factory, 'e1|p1');
    const e2 = await storedRow(factory, 'e2|p2');
    // Another data key than the one written with: only event keys open.
    const otherDataKey = await keyOf(9);
    const ring = (eventKeys: EventKeySource) =>
      createKeyring(otherDataKey, eventKeys);
    // A key store that hands out e2's key when asked for e1's.
    const swapped: EventKeySource = {
      key: (eventId) => keys.key(eventId === 'e1' ? 'e2' : 'e1'),
      forget: keys.forget,
    };

    expect(keys.asked).toEqual(['e1', 'e2']);
    expect(await ring(keys).open(e1, 'e1')).toMatchObject({
      lastName: 'Nordmann',
    });
    expect(await ring(keys).open(e2, 'e2')).toMatchObject({
      lastName: 'Sørli',
    });
    await expect(ring(swapped).open(e1, 'e1')).rejects.toThrow(
      UnopenableDocumentError,
    );
    await expect(ring(swapped).open(e2, 'e2')).rejects.toThrow(
      UnopenableDocumentError,
    );
  });

  it('still open a row sealed under the data key before event keys, and seal it under the event key when next written', async () => {
    const factory = new IDBFactory();
    const old = await openDatabase(factory, 1);
    await old.participants.insert(person);
    await old.close();
    open.splice(0);
    const keys = memoryEventKeys();

    const db = await openDatabase(factory, 1, keys);
    const read = await db.participants.findOne('e1|p1').exec();
    await read?.incrementalPatch({ bib: '12' });
    const rewritten = await storedRow(factory, 'e1|p1');

    expect(read?.email).toBe(person.email);
    expect(String(rewritten.sealed).startsWith('event:')).toBe(true);
    expect(
      await createKeyring(await keyOf(9), keys).open(rewritten, 'e1'),
    ).toMatchObject({ lastName: 'Nordmann', bib: '12' });
  });

  it("leave an event's rows unopenable once its key is forgotten, saying why, while other events open", async () => {
    const factory = new IDBFactory();
    const keys = memoryEventKeys();
    const db = await openDatabase(factory, 1, keys);
    await db.participants.bulkInsert([person, other]);
    const residue = await storedRow(factory, 'e1|p1');
    const ring = createKeyring(await keyOf(1), keys);
    await ring.open(residue, 'e1');

    const forgotten = await ring.forget('e1');
    const asked = keys.asked.length;

    expect(forgotten).toEqual({ ok: true, value: { existed: true } });
    expect(keys.kept.has('e1')).toBe(false);
    // This page does not ask the key store for a new key to try.
    await expect(ring.open(residue, 'e1')).rejects.toThrow(
      /event e1 does not open under the event's key/,
    );
    expect(keys.asked.length).toBe(asked);
    // A later page gets a new key for e1, which opens nothing old.
    await expect(
      createKeyring(await keyOf(1), keys).open(residue, 'e1'),
    ).rejects.toThrow(UnopenableDocumentError);
    expect(
      await createKeyring(await keyOf(1), keys).open(
        await storedRow(factory, 'e2|p2'),
        'e2',
      ),
    ).toMatchObject({ lastName: 'Sørli' });
  });
});
