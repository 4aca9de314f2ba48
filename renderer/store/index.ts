// What the app and the benchmark page use: the desk store on the desk's
// own database.

import { getDeskApi } from '../bridge/getDeskApi';
import { importDataKey } from '../db/sealing';
import { createDeskStore, type RxDeskStore } from './rxDeskStore';

export const defaultDatabaseName = 'racedesk';

/**
 * The desk's store, its personal fields sealed under the data key that the
 * process around the page keeps (shared/contract/keys.ts). Without the key
 * the desk does not open: it never stores those fields in the clear.
 */
export const openDeskStore = async (): Promise<RxDeskStore> => {
  const api = await getDeskApi();
  const answer = await api.invoke('keys:data-key', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return createDeskStore({
    dbName: defaultDatabaseName,
    dataKey: await importDataKey(answer.value.key),
  });
};

export type { CheckInPoint, DeskStore, ImportTarget } from './deskStore';
export {
  createDeskStore,
  type DeskStoreOptions,
  type RxDeskStore,
} from './rxDeskStore';
