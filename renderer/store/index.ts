// What the app and the benchmark page use: the desk store on the desk's
// own database.

import { createDeskStore, type RxDeskStore } from './rxDeskStore';

export const defaultDatabaseName = 'racedesk';

export const openDeskStore = (): Promise<RxDeskStore> =>
  createDeskStore({ dbName: defaultDatabaseName });

export type { CheckInPoint, DeskStore, ImportTarget } from './deskStore';
export {
  createDeskStore,
  type DeskStoreOptions,
  type RxDeskStore,
} from './rxDeskStore';
