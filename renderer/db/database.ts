// Opens the desk's RxDB database on Dexie (IndexedDB).
//
// Durability: Chromium commits IndexedDB transactions with relaxed
// durability by default, so a check-in shown as saved could be lost when
// the laptop dies. RxDB hands its Dexie settings to `new Dexie(name,
// settings)` unchanged (rxdb/plugins/storage-dexie, dexie-helper.js), and
// Dexie passes `chromeTransactionDurability` to every IDB transaction it
// opens, so 'strict' makes each write wait for the disk flush.
//
// No dev-mode plugin: it loads a page from the internet. No validation
// plugin either: every document is built by our own typed code, and ajv
// over 50,000 participants would add to each import.

import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxDatabase,
} from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { RaceEvent } from '../../shared/domain/event';
import type { Operation } from '../../shared/domain/operation';
import { createKeyring, type EventKeySource, type Keyring } from './keyring';
import {
  type DeskCollectionConfigs,
  deskCollections,
  type ImportDoc,
  type ParticipantDoc,
} from './schemas';
import { sealedStorage } from './sealedStorage';
import type { DataKey } from './sealing';
import type { OpResultRecord, SyncDocRecord } from './syncSchemas';

addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBLocalDocumentsPlugin);

type DexieSettings = NonNullable<Parameters<typeof getRxStorageDexie>[0]>;

export type DeskCollections = {
  events: RxCollection<RaceEvent>;
  participants: RxCollection<ParticipantDoc>;
  operations: RxCollection<Operation>;
  imports: RxCollection<ImportDoc>;
  syncDocs: RxCollection<SyncDocRecord>;
  opResults: RxCollection<OpResultRecord>;
};

export type DeskDatabase = RxDatabase<DeskCollections>;

export type DatabaseOptions = {
  name: string;
  /** For Node tests: fake-indexeddb's indexedDB and IDBKeyRange. */
  dexie?: Pick<DexieSettings, 'indexedDB' | 'IDBKeyRange'>;
  /**
   * Seals personal fields at rest (sealing.ts). Only benchmarks measuring
   * its cost and tests of other things open a database without one.
   */
  key?: DataKey;
  /**
   * Seals each event's documents under the event's own key (keyring.ts);
   * without it, under the data key.
   */
  eventKeys?: EventKeySource;
  /** Schemas and migrations; the current ones unless a test says. */
  collections?: DeskCollectionConfigs;
};

export const openDeskDatabase = async (
  options: DatabaseOptions,
): Promise<DeskDatabase> => {
  const dexie = getRxStorageDexie({
    ...options.dexie,
    chromeTransactionDurability: 'strict',
  });
  const keyring = options.key
    ? createKeyring(options.key, options.eventKeys)
    : undefined;
  const storage = keyring ? sealedStorage(dexie, keyring) : dexie;
  const db = await createRxDatabase<DeskCollections>({
    name: options.name,
    storage,
    localDocuments: true,
    multiInstance: false,
    eventReduce: true,
  });
  const collections = options.collections ?? deskCollections;
  await db.addCollections({
    events: collections.events,
    participants: collections.participants,
    operations: collections.operations,
    imports: collections.imports,
    syncDocs: collections.syncDocs,
    opResults: collections.opResults,
  });
  if (keyring) keyrings.set(db, keyring);
  return db;
};

const keyrings = new WeakMap<DeskDatabase, Keyring>();

/** The keys a database seals with, for reads that go around RxDB. */
export const keyringOf = (db: DeskDatabase): Keyring | undefined =>
  keyrings.get(db);
