// The desk's sync engine (ARCHITECTURE.md, "Sync: operations up, server
// state down"): rounds of push-then-pull that never overlap, started by
// local writes, by the live stream's wake-ups and by retries with backoff.
// Every failure becomes a status the desk shows, never a throw.

import type { AppError, Result } from '../../contract/result';
import { defaultPullLimit } from '../types';
import { type FailureKind, failureKind } from './answerChecks';
import { backoffMs, defaultRetry, slowRetryMs } from './backoff';
import type { SyncEngine, SyncEngineOptions } from './ports';
import { pullAll, pushAll, type RoundHooks } from './round';
import type { SyncStatus } from './status';
import { realTimers, type TimerHandle } from './timers';
import { createWatcher } from './watcher';

/** A burst of local writes (a scanner, fast typing) goes up as one push. */
const localWriteDelayMs = 100;

/** The engine never says 'local': that is a desk with no engine. */
type EngineStatus = Exclude<SyncStatus, { kind: 'local' }>;

const sameStatus = (a: EngineStatus | null, b: EngineStatus) =>
  a !== null && JSON.stringify(a) === JSON.stringify(b);

export const createSyncEngine = (options: SyncEngineOptions): SyncEngine => {
  const { store, now } = options;
  const retry = options.retry ?? defaultRetry;
  const random = options.random ?? Math.random;
  const timers = realTimers;
  const ports = {
    ...options,
    pullLimit: options.pullLimit ?? defaultPullLimit,
  };

  let current: EngineStatus | null = null;
  let started = false;
  let halting = false;
  let loop: Promise<void> | null = null;
  /** A local write or syncNow asked for a round after the running one. */
  let wanted = false;
  let timer: { handle: TimerHandle; kind: 'soon' | 'retry' } | null = null;
  let failures = 0;
  let lastFailure: FailureKind | null = null;
  let offlineSince = '';
  /** The store's checkpoint after the last page pulled. */
  let checkpointSeen = -1;
  /** The highest latest seq the live stream announced. */
  let announced = 0;
  const behind = () => announced > checkpointSeen;

  const pendingOf = () => current?.pending ?? 0;
  const setStatus = (next: EngineStatus) => {
    if (sameStatus(current, next)) return;
    current = next;
    try {
      options.onStatus(next);
    } catch {
      // A listener's bug must not stop the sync; the status stays readable
      // through status().
    }
  };
  const pendingNow = async () => {
    try {
      return await store.pendingCount();
    } catch {
      return pendingOf();
    }
  };

  const clearTimer = () => {
    if (timer) timers.clearTimeout(timer.handle);
    timer = null;
  };
  const schedule = (ms: number, kind: 'soon' | 'retry') => {
    clearTimer();
    if (!started) return;
    const handle = timers.setTimeout(() => {
      timer = null;
      void requestRound();
    }, ms);
    timer = { handle, kind };
  };

  const hooks: RoundHooks = {
    halting: () => halting,
    reached: () => {
      // The service answers: wake-ups during the round need no retry.
      lastFailure = null;
      if (current?.kind === 'connecting') {
        setStatus({ kind: 'syncing', pending: current.pending });
      }
    },
    pushed: async () => {
      setStatus({ kind: 'syncing', pending: await pendingNow() });
    },
    pulled: (checkpoint) => {
      checkpointSeen = checkpoint;
    },
  };

  const failed = (error: AppError, pending: number) => {
    const kind = failureKind(error);
    failures += 1;
    lastFailure = kind;
    const wait =
      kind === 'permanent'
        ? slowRetryMs(retry, random)
        : backoffMs(retry, failures, random);
    const at = now();
    if (kind === 'offline') {
      offlineSince ||= at.toISOString();
      const retryAt = new Date(at.getTime() + wait).toISOString();
      setStatus({ kind: 'offline', pending, since: offlineSince, retryAt });
    } else {
      offlineSince = '';
      setStatus({ kind: 'error', pending, at: at.toISOString(), error });
    }
    schedule(wait, 'retry');
  };

  const round = async (): Promise<Result<number>> => {
    const pending = await pendingNow();
    const connected = current?.kind === 'synced' || current?.kind === 'syncing';
    setStatus({ kind: connected ? 'syncing' : 'connecting', pending });

    const pushed = await pushAll(ports, hooks);
    const result = pushed.ok ? await pullAll(ports, hooks) : pushed;
    if (!result.ok && result.error.code === 'stopped') return result;

    const after = await pendingNow();
    if (!result.ok) {
      failed(result.error, after);
      return result;
    }
    failures = 0;
    lastFailure = null;
    offlineSince = '';
    setStatus({ kind: 'synced', pending: after, at: now().toISOString() });
    watcher.reconnectNow();
    return result;
  };

  const watcher = createWatcher({
    transport: options.transport,
    retry,
    random,
    timers,
    onLatest: (latestSeq) => {
      // After a refusal, wake-ups wait for the slow retry: a desk with a
      // gap must not push again on every write of the other desks.
      announced = Math.max(announced, latestSeq);
      if (lastFailure === 'permanent') return;
      // The service answers again: retry now instead of after the wait,
      // unless a round is already trying.
      if (lastFailure !== null) {
        if (!loop) void requestRound();
      } else if (behind()) void runRounds();
    },
    onClosed: () => {
      // The service may be gone: a round finds out and shows it.
      if (current?.kind === 'synced') void requestRound();
    },
  });

  const runLoop = async () => {
    // Yield first, so that requestRound has stored this loop before the
    // loop can end and clear it.
    await Promise.resolve();
    try {
      let ok = true;
      while (ok && (wanted || behind()) && !halting) {
        wanted = false;
        clearTimer();
        ok = (await round()).ok;
      }
    } finally {
      loop = null;
    }
  };

  /** Runs rounds while one is wanted or the stream announced more. */
  const runRounds = (): Promise<void> => {
    loop ??= runLoop();
    return loop;
  };
  const requestRound = (): Promise<void> => {
    wanted = true;
    return runRounds();
  };

  return {
    start() {
      if (started) return;
      started = true;
      watcher.open();
      void requestRound();
    },
    async stop() {
      started = false;
      clearTimer();
      watcher.close();
      halting = true;
      try {
        await loop;
      } finally {
        halting = false;
      }
      // start() or syncNow() called while stopping: their round runs now.
      if (wanted) void runRounds();
    },
    syncNow: () => requestRound(),
    localWrite() {
      if (!started) return;
      if (timer?.kind === 'retry') {
        // Backing off: keep the wait, but show the new pending count.
        void pendingNow().then((pending) => {
          if (current && current.kind !== 'synced') {
            setStatus({ ...current, pending });
          }
        });
        return;
      }
      if (!timer) schedule(localWriteDelayMs, 'soon');
    },
    status: () => current ?? { kind: 'connecting', pending: 0 },
  };
};
