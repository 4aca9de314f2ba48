// One JSON request to the central service over an injected fetch. shared/
// has no DOM types, so fetch is declared here by the little this code
// uses; Node 20's fetch and the browser's both fit it. No answer (network
// down, refused, timed out) is 'offline'; an `{ error }` body is that
// error; any other failure gets a code by HTTP status.

import { type AppError, fail, ok, type Result } from '../../contract/result';
import { realTimers, type Timers } from './timers';

export type FetchReader = {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
};

export type FetchResponse = {
  status: number;
  text(): Promise<string>;
  body: { getReader(): FetchReader } | null;
};

/**
 * `Signal` is the runtime's AbortSignal when the caller gives an aborter;
 * shared/ cannot name that type, so it travels as a parameter, and a plain
 * `Fetch` takes no signal.
 */
export type FetchInit<Signal = never> = {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: Signal;
};

export type Fetch<Signal = never> = (
  url: string,
  init: FetchInit<Signal>,
) => Promise<FetchResponse>;

/** An AbortController: pass `() => new AbortController()`. */
export type Aborter<Signal> = { readonly signal: Signal; abort(): void };

/** A call with no answer in this long counts as offline. */
export const defaultTimeoutMs = 15_000;

export type RequestOptions<Signal = never> = {
  fetch: Fetch<Signal>;
  /** Without one, a timed-out request is left to end by itself. */
  aborter?: () => Aborter<Signal>;
  url: string;
  method: 'GET' | 'POST' | 'DELETE';
  token?: string;
  body?: unknown;
  timeoutMs?: number;
  timers?: Timers;
};

const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

const offline = (url: string, why: string) =>
  fail('offline', `No answer from the central service: ${why}`, { url });

/**
 * Races the promise against a timer. A pushed batch that lands after the
 * timeout is safe: the retry finds it stored and gets its stored results
 * back. The caller aborts the losing request where it can, because a
 * browser holds only six connections to one service.
 */
export const withTimeout = <T>(
  promise: Promise<T>,
  ms: number,
  timers: Timers = realTimers,
): Promise<{ value: T } | { timedOut: true }> =>
  new Promise((resolve, reject) => {
    const handle = timers.setTimeout(() => resolve({ timedOut: true }), ms);
    promise.then(
      (value) => {
        timers.clearTimeout(handle);
        resolve({ value });
      },
      (error: unknown) => {
        timers.clearTimeout(handle);
        reject(error);
      },
    );
  });

const isAppError = (value: unknown): value is AppError =>
  typeof value === 'object' &&
  value !== null &&
  'code' in value &&
  typeof value.code === 'string' &&
  'message' in value &&
  typeof value.message === 'string';

/** The JSON in text; null for none, undefined for text that is not JSON. */
export const parseJson = (text: string): unknown => {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** The error an answer that is not 2xx stands for. */
export const errorOfAnswer = (status: number, body: unknown): AppError => {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    if (isAppError(body.error)) return body.error;
  }
  // A proxy in front of a stopped service answers 502-504 by itself.
  if (status === 502 || status === 503 || status === 504) {
    return {
      code: 'offline',
      message: `The central service is unreachable (HTTP ${status})`,
      data: { status },
    };
  }
  return {
    code: status >= 500 ? 'internal' : 'http-error',
    message: `The central service answered HTTP ${status}`,
    data: { status },
  };
};

/** Sends one request; the parsed JSON body of a 2xx answer, or an error. */
export const requestJson = async <Signal = never>(
  options: RequestOptions<Signal>,
): Promise<Result<unknown>> => {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const init: FetchInit<Signal> = { method: options.method, headers };
  const aborter = options.aborter?.();
  if (aborter) init.signal = aborter.signal;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }

  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  // Called unbound: a browser's fetch called as a method of another object
  // throws "Illegal invocation".
  const { fetch } = options;
  try {
    const answer = await withTimeout(
      fetch(options.url, init).then(async (response) => ({
        status: response.status,
        text: await response.text(),
      })),
      timeoutMs,
      options.timers,
    );
    if ('timedOut' in answer) {
      aborter?.abort();
      return offline(options.url, `no answer in ${timeoutMs} ms`);
    }

    const { status, text } = answer.value;
    const body = parseJson(text);
    if (status < 200 || status > 299) {
      return { ok: false, error: errorOfAnswer(status, body) };
    }
    if (body === undefined) {
      return fail('bad-response', 'The central service sent no valid JSON', {
        status,
      });
    }
    return ok(body);
  } catch (error) {
    return offline(options.url, messageOf(error));
  }
};
