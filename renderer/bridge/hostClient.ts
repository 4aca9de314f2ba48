// The desk contract over the web host's WebSocket. Requests wait for the
// connection while it is (re)connecting, each has a timeout, and a dropped
// connection fails what was in flight with `disconnected` (the host may or
// may not have done it; every request in the contract is safe to repeat).

import type {
  DeskApi,
  DeskEventName,
  DeskEvents,
  DeskRequestName,
  DeskRequests,
} from '../../shared/contract/desk';
import { deviceRequestLimitsMs } from '../../shared/contract/devices';
import { fail, type Result } from '../../shared/contract/result';
import { resultRequestLimitsMs } from '../../shared/contract/results';
import { retentionRequestLimitsMs } from '../../shared/contract/retention';
import type { OpenSocket, SocketConnection } from './socket';
import { decodeFrame, encodeFrame, type WireMessage } from './wire';

export type ConnectionState = 'connecting' | 'open' | 'closed';

const deviceClientTimeoutsMs = {
  'devices:list-ports': deviceRequestLimitsMs['devices:list-ports'] + 5_000,
  'devices:list': deviceRequestLimitsMs['devices:list'] + 5_000,
  'devices:watch': deviceRequestLimitsMs['devices:watch'] + 5_000,
  'devices:stop': deviceRequestLimitsMs['devices:stop'] + 5_000,
  'devices:subscribe': deviceRequestLimitsMs['devices:subscribe'] + 5_000,
  'devices:set-clock': deviceRequestLimitsMs['devices:set-clock'] + 5_000,
  'devices:acknowledge': deviceRequestLimitsMs['devices:acknowledge'] + 5_000,
};

/** Longer than the host's own limits, so the host's answer arrives first. */
export const clientTimeoutsMs = {
  'app:info': 10_000,
  'import:read-sheet': 150_000,
  'exports:write-list': 150_000,
  'exports:log-print': 15_000,
  'exports:print-pdf': 150_000,
  'exports:log': 15_000,
  'exports:settings': 10_000,
  'exports:set-settings': 10_000,
  'exports:central-settings': 10_000,
  // The OS may ask the user to unlock the key store first.
  'keys:data-key': 65_000,
  'keys:event-key': 65_000,
  'keys:forget-event-key': 15_000,
  ...deviceClientTimeoutsMs,
  'results:write': resultRequestLimitsMs['results:write'] + 5_000,
  'results:write-start-list':
    resultRequestLimitsMs['results:write-start-list'] + 5_000,
  'results:display': resultRequestLimitsMs['results:display'] + 5_000,
  'results:print': resultRequestLimitsMs['results:print'] + 5_000,
  'retention:purge-files':
    retentionRequestLimitsMs['retention:purge-files'] + 5_000,
} satisfies Record<DeskRequestName, number>;

const timeoutsByName: Readonly<Record<string, number>> = clientTimeoutsMs;

/** For names the contract lacks (a stale page), until the host says so. */
const defaultTimeoutMs = 10_000;

/** Waits between reconnect attempts; the last repeats. */
const reconnectDelaysMs = [100, 250, 500, 1_000, 2_000, 5_000];

/** The host refuses larger frames; answer before sending one. */
const maxFrameBytes = 101 * 1024 * 1024;

export type HostClientOptions = {
  url: string;
  openSocket: OpenSocket;
  /** Overrides clientTimeoutsMs, e.g. in tests. */
  timeoutMs?: number;
};

export type HostClient = DeskApi & {
  state(): ConnectionState;
  onState(listener: (state: ConnectionState) => void): () => void;
  /** Closes for good: no reconnect, pending requests fail. */
  close(): void;
};

type Pending = {
  frame: Uint8Array;
  sent: boolean;
  settle(result: Result<unknown>): void;
};

export const createHostClient = (options: HostClientOptions): HostClient => {
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let connection: SocketConnection | null = null;
  let nextId = 1;
  let attempt = 0;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const setState = (next: ConnectionState) => {
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const flush = () => {
    for (const request of pending.values()) {
      if (!request.sent && connection !== null && state === 'open') {
        connection.send(request.frame);
        request.sent = true;
      }
    }
  };

  const receive = (message: WireMessage) => {
    if (message.type === 'response') {
      pending.get(message.id)?.settle(message.result);
    } else if (message.type === 'event') {
      for (const listener of listeners.get(message.name) ?? []) {
        listener(message.payload);
      }
    }
  };

  const failSent = () => {
    for (const request of pending.values()) {
      if (request.sent) {
        request.settle(
          fail('disconnected', 'The connection to the desk host dropped'),
        );
      }
    }
  };

  const connect = () => {
    setState('connecting');
    connection = options.openSocket(options.url, {
      onOpen: () => {
        attempt = 0;
        setState('open');
        flush();
      },
      onFrame: (frame) => {
        const decoded = decodeFrame(frame);
        if (decoded.ok) receive(decoded.message);
      },
      onClose: () => {
        connection = null;
        failSent();
        if (stopped) return;
        setState('connecting');
        const delay =
          reconnectDelaysMs[Math.min(attempt, reconnectDelaysMs.length - 1)];
        attempt += 1;
        retry = setTimeout(connect, delay);
      },
    });
  };

  const invoke = <K extends DeskRequestName>(
    name: K,
    args: DeskRequests[K]['args'],
  ): Promise<Result<DeskRequests[K]['result']>> => {
    const id = nextId++;
    const frame = encodeFrame({ type: 'request', id, name, args });
    if (frame.byteLength > maxFrameBytes) {
      return Promise.resolve(
        fail('too-large', `${name}: the request is too large to send`, {
          size: frame.byteLength,
        }),
      );
    }
    if (stopped) {
      return Promise.resolve(fail('disconnected', 'The desk host is closed'));
    }
    const ms = options.timeoutMs ?? timeoutsByName[name] ?? defaultTimeoutMs;
    return new Promise((resolve) => {
      const timer = setTimeout(
        () =>
          settle(fail('timeout', `${name} got no answer in ${ms} ms`, { ms })),
        ms,
      );
      const settle = (result: Result<unknown>) => {
        clearTimeout(timer);
        pending.delete(id);
        // Our host answers with the contract's result type for this name
        // (its dispatch checks the arguments that produced it).
        resolve(result as Result<DeskRequests[K]['result']>);
      };
      pending.set(id, { frame, sent: false, settle });
      flush();
    });
  };

  const on: DeskApi['on'] = <K extends DeskEventName>(
    name: K,
    listener: (payload: DeskEvents[K]) => void,
  ) => {
    const set = listeners.get(name) ?? new Set();
    // Event payloads come from the host, typed by the same contract.
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    listeners.set(name, set);
    return () => set.delete(untyped);
  };

  connect();
  return {
    invoke,
    on,
    state: () => state,
    onState: (listener) => {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    close: () => {
      stopped = true;
      clearTimeout(retry);
      connection?.close();
      setState('closed');
      for (const request of pending.values()) {
        request.settle(fail('disconnected', 'The desk host is closed'));
      }
    },
  };
};
