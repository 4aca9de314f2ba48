// The name the benchmark page and the app import the store by.
export {
  createDeskStore,
  type DeskStoreOptions,
  type RxDeskStore,
} from './rxDeskStore';
