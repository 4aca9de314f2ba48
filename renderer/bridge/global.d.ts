import type { DeskApi } from '../../shared/contract/desk';

declare global {
  // biome-ignore lint/style/useConsistentTypeDefinitions: interfaces merge
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    racedesk?: DeskApi;
  }
}
