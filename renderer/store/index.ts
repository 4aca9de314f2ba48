// What the app and the benchmark page use: the desk store on the desk's
// own database.

import { ok } from '../../shared/contract/result';
import { getDeskApi } from '../bridge/getDeskApi';
import type { EventKeySource } from '../db/keyring';
import { importDataKey } from '../db/sealing';
import { createDeskStore, type RxDeskStore } from './rxDeskStore';

export const defaultDatabaseName = 'racedesk';

/**
 * The desk's store, its personal fields sealed under each event's key and
 * the data key that the process around the page keeps
 * (shared/contract/keys.ts). Without the data key the desk does not open:
 * it never stores those fields in the clear.
 */
export const openDeskStore = async (): Promise<RxDeskStore> => {
  const api = await getDeskApi();
  const answer = await api.invoke('keys:data-key', {});
  if (!answer.ok) throw new Error(answer.error.message);
  const eventKeys: EventKeySource = {
    key: async (eventId) => {
      const key = await api.invoke('keys:event-key', { eventId });
      return key.ok ? ok(key.value.key) : key;
    },
    forget: (eventId) => api.invoke('keys:forget-event-key', { eventId }),
  };
  return createDeskStore({
    dbName: defaultDatabaseName,
    dataKey: await importDataKey(answer.value.key),
    eventKeys,
    // The Lister page reads it from the host, which keeps the last answer.
    keepExternalList: (eventId, allowExternalList) =>
      api.invoke('exports:central-settings', { eventId, allowExternalList }),
  });
};

export type { CheckInPoint, DeskStore, ImportTarget } from './deskStore';
export {
  createDeskStore,
  type DeskStoreOptions,
  type RxDeskStore,
} from './rxDeskStore';
