// The keys area of the desk contract in plain Node (shared/contract/keys.ts):
// hands the renderer the data key from whichever store the shell has.

import type {
  DataKeyAnswer,
  KeyRequestName,
  KeyRequests,
} from '../../shared/contract/keys';
import { fail, ok, type Result } from '../../shared/contract/result';

export type KeyHandlerOptions = {
  /** The shell's key store: the OS's in Electron, a key file in the host. */
  dataKey?: () => Promise<Result<DataKeyAnswer>>;
};

export const keyTimeoutsMs = {
  // The OS may ask the user to unlock the key store.
  'keys:data-key': 60_000,
} satisfies Record<KeyRequestName, number>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const keyArgumentChecks = {
  'keys:data-key': (args: unknown) =>
    args === undefined || isRecord(args)
      ? ok({})
      : fail(
          'invalid-arguments',
          'keys:data-key: arguments must be an object',
          {
            name: 'keys:data-key',
            field: 'arguments',
          },
        ),
} satisfies {
  [K in KeyRequestName]: (args: unknown) => Result<KeyRequests[K]['args']>;
};

export const createKeyHandlers = (options: KeyHandlerOptions) => ({
  'keys:data-key': async (): Promise<Result<DataKeyAnswer>> =>
    options.dataKey
      ? options.dataKey()
      : fail(
          'no-key-store',
          'This desk has no key store, so it cannot open its database',
        ),
});
