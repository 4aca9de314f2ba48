// Keeps the transport's live stream open while the engine runs: every
// wake-up goes to the engine, and a closed stream is opened again after a
// capped backoff (slowly after a refusal such as a revoked desk).

import type { AppError } from '../../contract/result';
import { failureKind } from './answerChecks';
import { backoffMs, type RetryPolicy, slowRetryMs } from './backoff';
import type { CentralTransport } from './ports';
import type { TimerHandle, Timers } from './timers';

export type WatcherOptions = {
  transport: CentralTransport;
  retry: RetryPolicy;
  random: () => number;
  timers: Timers;
  onLatest: (latestSeq: number) => void;
  onClosed: (error: AppError) => void;
};

export type Watcher = {
  open(): void;
  close(): void;
  /** The service answers again: a stream waiting to reopen opens now. */
  reconnectNow(): void;
};

export const createWatcher = (options: WatcherOptions): Watcher => {
  const { timers } = options;
  let wanted = false;
  let closeStream: (() => void) | null = null;
  let reopen: TimerHandle | null = null;
  let failures = 0;

  const closed = (error: AppError) => {
    closeStream = null;
    if (!wanted) return;
    failures += 1;
    const wait =
      failureKind(error) === 'permanent'
        ? slowRetryMs(options.retry, options.random)
        : backoffMs(options.retry, failures, options.random);
    reopen = timers.setTimeout(() => {
      reopen = null;
      connect();
    }, wait);
    options.onClosed(error);
  };

  const connect = () => {
    if (!wanted || closeStream) return;
    // Each stream gets its own flag: a transport may report the close
    // before watch() has even returned its closer.
    let ended = false;
    const onLatest = (latestSeq: number) => {
      if (ended) return;
      failures = 0;
      options.onLatest(latestSeq);
    };
    const onClosed = (error: AppError) => {
      if (ended) return;
      ended = true;
      closed(error);
    };
    try {
      const close = options.transport.watch(onLatest, onClosed);
      if (ended) close();
      else
        closeStream = () => {
          ended = true;
          close();
        };
    } catch (error) {
      onClosed({
        code: 'offline',
        message: `The live stream did not open: ${String(error)}`,
      });
    }
  };

  return {
    open() {
      wanted = true;
      connect();
    },
    reconnectNow() {
      if (!wanted || reopen === null) return;
      timers.clearTimeout(reopen);
      reopen = null;
      failures = 0;
      connect();
    },
    close() {
      wanted = false;
      if (reopen !== null) timers.clearTimeout(reopen);
      reopen = null;
      closeStream?.();
      closeStream = null;
    },
  };
};
