// The desk's CentralTransport over the central service's REST routes
// (central/openapi.json): push, pull, lease, and the live SSE stream read
// with fetch's body reader.

import type { AppError } from '../../contract/result';
import {
  isBibLease,
  isPullResponse,
  isPushResponse,
  shaped,
} from './answerShapes';
import {
  type Aborter,
  defaultTimeoutMs,
  errorOfAnswer,
  type Fetch,
  type FetchInit,
  type FetchReader,
  type FetchResponse,
  parseJson,
  requestJson,
  withTimeout,
} from './httpRequest';
import type { CentralTransport } from './ports';
import { createSseParser } from './sseParser';
import { realTimers, type TimerHandle, type Timers } from './timers';

export {
  listCentralEvents,
  loginToCentral,
  registerDesk,
} from './centralApi';
export type {
  Aborter,
  Fetch,
  FetchInit,
  FetchResponse,
} from './httpRequest';

export type HttpTransportOptions<Signal = never> = {
  /** The service's root, such as http://central.local:8787. */
  baseUrl: string;
  eventId: string;
  /** The desk's token for this event. */
  token: string;
  fetch: Fetch<Signal>;
  /**
   * `() => new AbortController()`: ends timed-out calls and closed streams
   * at once instead of leaving their connections open.
   */
  aborter?: () => Aborter<Signal>;
  /** A call unanswered this long is offline (15 s). */
  timeoutMs?: number;
  /**
   * A stream silent this long is dead (45 s): the service sends a comment
   * every 15 s, and a dropped venue network often closes nothing.
   */
  streamIdleMs?: number;
  timers?: Timers;
};

const defaultStreamIdleMs = 45_000;

export const trimBase = (url: string) => url.replace(/\/+$/, '');

const offlineError = (message: string): AppError => ({
  code: 'offline',
  message,
});

/** The latestSeq of a stream message (StreamMessage), or null. */
const latestSeqOf = (data: string): number | null => {
  try {
    const message: unknown = JSON.parse(data);
    if (typeof message !== 'object' || message === null) return null;
    if (!('latestSeq' in message)) return null;
    const { latestSeq }: { latestSeq: unknown } = message;
    return typeof latestSeq === 'number' ? latestSeq : null;
  } catch {
    return null;
  }
};

const cancelBody = (response: FetchResponse) => {
  response.body
    ?.getReader()
    .cancel()
    .catch(() => undefined);
};

export const createHttpTransport = <Signal = never>(
  options: HttpTransportOptions<Signal>,
): CentralTransport => {
  const timers = options.timers ?? realTimers;
  // Unbound, as in httpRequest.ts: a browser's fetch must not see `this`.
  const { fetch } = options;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const eventPath = `/api/events/${encodeURIComponent(options.eventId)}`;
  const eventUrl = `${trimBase(options.baseUrl)}${eventPath}`;
  const base = {
    fetch,
    aborter: options.aborter,
    token: options.token,
    timeoutMs,
    timers,
  };

  const watch: CentralTransport['watch'] = (onLatest, onClosed) => {
    const idleMs = options.streamIdleMs ?? defaultStreamIdleMs;
    let closed = false;
    let reader: FetchReader | null = null;
    let idle: TimerHandle | null = null;
    const aborter = options.aborter?.();

    const stopReading = () => {
      closed = true;
      if (idle !== null) timers.clearTimeout(idle);
      reader?.cancel().catch(() => undefined);
      aborter?.abort();
    };
    const finish = (error: AppError) => {
      if (closed) return;
      stopReading();
      onClosed(error);
    };
    const armIdle = () => {
      if (idle !== null) timers.clearTimeout(idle);
      idle = timers.setTimeout(
        () => finish(offlineError(`The live stream was silent ${idleMs} ms`)),
        idleMs,
      );
    };
    const parser = createSseParser(({ data }) => {
      const seq = latestSeqOf(data);
      if (seq !== null && !closed) onLatest(seq);
    });

    const read = async () => {
      const init: FetchInit<Signal> = {
        method: 'GET',
        headers: {
          accept: 'text/event-stream',
          authorization: `Bearer ${options.token}`,
        },
      };
      if (aborter) init.signal = aborter.signal;
      const responding = fetch(`${eventUrl}/stream`, init);
      // A stream that answers after it was given up would stay open.
      responding.then(
        (response) => closed && cancelBody(response),
        () => undefined,
      );
      const opened = await withTimeout(responding, timeoutMs, timers);
      if (closed) return;
      if ('timedOut' in opened) {
        finish(offlineError(`The live stream did not open in ${timeoutMs} ms`));
        return;
      }

      const response = opened.value;
      if (response.status !== 200 || !response.body) {
        const text = await response.text().catch(() => '');
        finish(errorOfAnswer(response.status, parseJson(text)));
        return;
      }

      reader = response.body.getReader();
      armIdle();
      for (;;) {
        const chunk = await reader.read();
        if (closed) return;
        if (chunk.done) {
          finish(offlineError('The central service ended the live stream'));
          return;
        }
        armIdle();
        if (chunk.value) parser.push(chunk.value);
      }
    };

    read().catch((error: unknown) =>
      finish(offlineError(`The live stream broke: ${String(error)}`)),
    );
    return () => {
      if (!closed) stopReading();
    };
  };

  return {
    push: async (request) =>
      shaped(
        await requestJson({
          ...base,
          url: `${eventUrl}/operations`,
          method: 'POST',
          body: request,
        }),
        isPushResponse,
        'push answer',
      ),
    pull: async (checkpoint, limit) =>
      shaped(
        await requestJson({
          ...base,
          url: `${eventUrl}/pull?checkpoint=${checkpoint}&limit=${limit}`,
          method: 'GET',
        }),
        isPullResponse,
        'pull page',
      ),
    lease: async (request) =>
      shaped(
        await requestJson({
          ...base,
          url: `${eventUrl}/leases`,
          method: 'POST',
          body: request,
        }),
        isBibLease,
        'bib lease',
      ),
    watch,
  };
};
