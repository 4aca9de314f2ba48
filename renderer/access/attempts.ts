// Wrong passwords slow the next try down: after a few failures each further
// one doubles the wait, up to a cap. Kept per login in memory: a desk that
// restarts starts over, but a restart costs more than the wait.

export type AttemptPolicy = {
  /** Failures allowed before any wait. */
  free: number;
  firstWaitMs: number;
  maxWaitMs: number;
};

export const defaultAttemptPolicy: AttemptPolicy = {
  free: 4,
  firstWaitMs: 15_000,
  maxWaitMs: 15 * 60_000,
};

type Record = { failures: number; blockedUntil: number };

export type AttemptGuard = {
  /** Milliseconds to wait before this login may try again; 0 when it may. */
  waitMs(login: string, nowMs: number): number;
  failed(login: string, nowMs: number): void;
  succeeded(login: string): void;
};

export const createAttemptGuard = (
  policy: AttemptPolicy = defaultAttemptPolicy,
): AttemptGuard => {
  const records = new Map<string, Record>();
  const keyOf = (login: string) => login.trim().toLowerCase();
  return {
    waitMs(login, nowMs) {
      const record = records.get(keyOf(login));
      return record ? Math.max(0, record.blockedUntil - nowMs) : 0;
    },
    failed(login, nowMs) {
      const key = keyOf(login);
      const record = records.get(key) ?? { failures: 0, blockedUntil: 0 };
      record.failures += 1;
      const over = record.failures - policy.free;
      if (over > 0) {
        const wait = Math.min(
          policy.maxWaitMs,
          policy.firstWaitMs * 2 ** (over - 1),
        );
        record.blockedUntil = nowMs + wait;
      }
      records.set(key, record);
    },
    succeeded(login) {
      records.delete(keyOf(login));
    },
  };
};
