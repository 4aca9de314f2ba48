// The network between one simulated desk and the central service: the
// desk's HTTP transport gets this fetch, which reaches the service (where
// it is after a restart) and, while faults are on, drops requests before
// the service and answers after it, sends requests twice, holds them back
// to arrive later, and kills the desk after sending or after the service
// committed. Every decision comes from the desk's seeded random stream.

import type {
  Fetch,
  FetchInit,
  FetchResponse,
} from '../../shared/sync/desk/httpTransport';
import type { FaultKind } from './options';
import type { Random } from './random';

/** The address desks are given; the fetch maps it to the live service. */
export const simulatedBase = 'http://central.simulated';

export type NetworkTally = {
  requests: number;
  droppedRequests: number;
  droppedAnswers: number;
  duplicated: number;
  reordered: number;
};

export const emptyNetworkTally = (): NetworkTally => ({
  requests: 0,
  droppedRequests: 0,
  droppedAnswers: 0,
  duplicated: 0,
  reordered: 0,
});

export type CrashPoint =
  | 'after-write'
  | 'after-send'
  | 'after-commit'
  | 'before-checkpoint';

export type NetworkOptions = {
  central: () => string | null;
  /** The fault kinds switched on now (empty once the run settles). */
  faults: () => ReadonlySet<FaultKind>;
  /** Kinds owed a strike: the next chance of each strikes for sure. */
  due: Set<FaultKind>;
  random: Random;
  offline: () => boolean;
  alive: () => boolean;
  crash: (point: CrashPoint) => void;
  /** Requests still on their way, so the run can wait for them. */
  inFlight: Set<Promise<unknown>>;
  /** Open live streams, cut when the desk goes offline or dies. */
  streams: Set<AbortController>;
  tally: NetworkTally;
};

/** How often each fault strikes a request while it is on. */
const rates = {
  dropRequest: 0.04,
  dropAnswer: 0.04,
  duplicate: 0.05,
  reorder: 0.04,
  crashAfterSend: 0.012,
  crashAfterCommit: 0.012,
};

type Answer = { status: number; text: string };

const noAnswer = (why: string) => new TypeError(`fetch failed: ${why}`);

const answered = (answer: Answer): FetchResponse => ({
  status: answer.status,
  text: async () => answer.text,
  body: null,
});

const wait = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

export const faultyFetch = (options: NetworkOptions): Fetch => {
  const { random, tally } = options;
  const on = (kind: FaultKind) => options.faults().has(kind);
  const strikes = (kind: FaultKind, rate: number) =>
    on(kind) && (options.due.delete(kind) || random.chance(rate));

  const target = (url: string) => {
    const base = options.central();
    if (!base) throw noAnswer('the central service is restarting');
    return url.replace(simulatedBase, base);
  };
  const track = <T>(promise: Promise<T>): Promise<T> => {
    options.inFlight.add(promise);
    const done = () => options.inFlight.delete(promise);
    promise.then(done, done);
    return promise;
  };
  /** One real request, answered in full (status and body). */
  const send = (url: string, init: FetchInit): Promise<Answer> =>
    track(
      (async () => {
        const response = await fetch(target(url), init);
        return { status: response.status, text: await response.text() };
      })(),
    );

  const stream = async (url: string, init: FetchInit) => {
    const controller = new AbortController();
    options.streams.add(controller);
    controller.signal.addEventListener('abort', () =>
      options.streams.delete(controller),
    );
    return fetch(target(url), { ...init, signal: controller.signal });
  };

  const request = async (url: string, init: FetchInit) => {
    if (strikes('drop', rates.dropRequest)) {
      tally.droppedRequests += 1;
      throw noAnswer('the request was lost');
    }
    if (strikes('crash-after-send', rates.crashAfterSend)) {
      send(url, init).catch(() => undefined);
      options.crash('after-send');
      throw noAnswer('the desk died after sending');
    }
    if (strikes('reorder', rates.reorder)) {
      // Held in the network: the desk may give up and send again first.
      tally.reordered += 1;
      await track(wait(random.between(500, 7_000)));
    }
    let answer: Answer;
    if (strikes('duplicate', rates.duplicate)) {
      tally.duplicated += 1;
      const twice = await Promise.allSettled([
        send(url, init),
        send(url, init),
      ]);
      const got = twice.find((one) => one.status === 'fulfilled');
      if (!got) throw noAnswer('both copies were lost');
      answer = got.value;
    } else {
      answer = await send(url, init);
    }
    if (strikes('crash-after-commit', rates.crashAfterCommit)) {
      options.crash('after-commit');
    }
    if (strikes('drop', rates.dropAnswer)) {
      tally.droppedAnswers += 1;
      throw noAnswer('the answer was lost');
    }
    return answered(answer);
  };

  return async (url, init) => {
    if (!options.alive()) throw noAnswer('the desk is not running');
    if (options.offline()) throw noAnswer('the desk is offline');
    tally.requests += 1;
    if (url.endsWith('/stream')) return stream(url, init);
    const response = await request(url, init);
    // A desk that died while waiting never sees the answer.
    if (!options.alive()) throw noAnswer('the desk died waiting');
    return response;
  };
};
