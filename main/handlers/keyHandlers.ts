// The keys area of the desk contract in plain Node (shared/contract/keys.ts):
// hands the renderer the data key and the per-event keys from whichever
// store the shell has, and destroys an event's key when it is purged.

import type {
  DataKeyAnswer,
  EventKeyArgs,
  ForgottenEventKey,
  KeyRequestName,
  KeyRequests,
} from '../../shared/contract/keys';
import { fail, ok, type Result } from '../../shared/contract/result';

/** The shell's per-event key store (node/keys/eventKeyFiles.ts). */
export type EventKeyStore = {
  key(eventId: string): Promise<Result<DataKeyAnswer>>;
  forget(eventId: string): Promise<Result<ForgottenEventKey>>;
};

export type KeyHandlerOptions = {
  /** The shell's key store: the OS's in Electron, a key file in the host. */
  dataKey?: () => Promise<Result<DataKeyAnswer>>;
  eventKeys?: EventKeyStore;
};

export const keyTimeoutsMs = {
  // The OS may ask the user to unlock the key store.
  'keys:data-key': 60_000,
  'keys:event-key': 60_000,
  'keys:forget-event-key': 10_000,
} satisfies Record<KeyRequestName, number>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const invalid = (name: KeyRequestName, field: string, message: string) =>
  fail('invalid-arguments', `${name}: ${field} ${message}`, { name, field });

// The key store checks that the id can name a file; here only its type.
const eventKeyArgs =
  (name: 'keys:event-key' | 'keys:forget-event-key') =>
  (args: unknown): Result<EventKeyArgs> => {
    if (!isRecord(args)) return invalid(name, 'arguments', 'must be an object');
    const { eventId } = args;
    if (typeof eventId !== 'string' || eventId === '') {
      return invalid(name, 'eventId', 'must be a non-empty string');
    }
    return ok({ eventId });
  };

export const keyArgumentChecks = {
  'keys:data-key': (args: unknown) =>
    args === undefined || isRecord(args)
      ? ok({})
      : invalid('keys:data-key', 'arguments', 'must be an object'),
  'keys:event-key': eventKeyArgs('keys:event-key'),
  'keys:forget-event-key': eventKeyArgs('keys:forget-event-key'),
} satisfies {
  [K in KeyRequestName]: (args: unknown) => Result<KeyRequests[K]['args']>;
};

const noKeyStore = () =>
  fail(
    'no-key-store',
    'This desk has no key store, so it cannot open its database',
  );

export const createKeyHandlers = (options: KeyHandlerOptions) => ({
  'keys:data-key': async (): Promise<Result<DataKeyAnswer>> =>
    options.dataKey ? options.dataKey() : noKeyStore(),
  'keys:event-key': async ({
    eventId,
  }: EventKeyArgs): Promise<Result<DataKeyAnswer>> =>
    options.eventKeys ? options.eventKeys.key(eventId) : noKeyStore(),
  'keys:forget-event-key': async ({
    eventId,
  }: EventKeyArgs): Promise<Result<ForgottenEventKey>> =>
    options.eventKeys ? options.eventKeys.forget(eventId) : noKeyStore(),
});
