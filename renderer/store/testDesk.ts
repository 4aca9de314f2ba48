// Opens desk stores on fake-indexeddb for Node tests, each on a fresh
// database name unless the test reopens one on purpose.

import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import {
  createDeskStore,
  type DeskStoreOptions,
  type RxDeskStore,
} from './rxDeskStore';

let opened = 0;

export const freshDatabaseName = (label = 'desk') => {
  opened += 1;
  return `test-${label}-${Date.now()}-${opened}`;
};

export const openTestDesk = (
  options: DeskStoreOptions = {},
): Promise<RxDeskStore> =>
  createDeskStore({
    dbName: freshDatabaseName(),
    demoParticipants: 60,
    // Operations need a signed-in operator; a test may say another.
    operator: 'Test Operatør',
    ...options,
    dexie: { indexedDB, IDBKeyRange },
  });
