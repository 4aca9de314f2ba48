import type { DeskApi } from '../../shared/contract/desk';

declare global {
  // biome-ignore lint/style/useConsistentTypeDefinitions: globals merge only into an interface.
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    racedesk?: DeskApi;
  }
}
