import type { DeskApi } from '../../shared/contract/desk';
import { fail } from '../../shared/contract/result';

/**
 * The contract when the page has neither the Electron preload nor a web
 * host (e.g. the Vite dev server on its own): every request answers with
 * `no-shell` and the reason, so the UI can say so instead of hanging.
 */
export const unavailableDeskApi = (reason: string): DeskApi => ({
  invoke: async (name) =>
    fail('no-shell', `${name} is not available: ${reason}`, { name }),
  on: () => () => {},
});
