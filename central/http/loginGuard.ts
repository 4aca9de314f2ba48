// Login attempts (issue #5, hardening): wrong passwords are counted per
// login and per client address. Past the allowed number, each further
// failure doubles the lockout (1 s, 2 s, 4 s, … up to a cap); while locked,
// the login answers 429 `too-many-attempts` with Retry-After and checks no
// password, so guessing costs time whatever the guesser's speed. A correct
// password clears its login's count. Counts of a quiet key are forgotten.

export type LoginLimits = {
  /** Failures a login may have before lockouts start; 0 switches off. */
  perLogin: number;
  /** Failures an address may have (many organizers can share one). */
  perAddress: number;
  /** Longest lockout, in seconds. */
  maxLockSeconds: number;
};

export const defaultLoginLimits: LoginLimits = {
  perLogin: 5,
  perAddress: 30,
  maxLockSeconds: 15 * 60,
};

type Failures = { count: number; lockedUntil: number; lastAt: number };

// A key with no failure for this long starts again from zero.
const forgetAfterMs = 60 * 60 * 1000;

export type LoginCheck =
  | { ok: true }
  | { ok: false; retryAfterSeconds: number };

export const createLoginGuard = (
  limits: LoginLimits,
  now: () => number = Date.now,
) => {
  const failures = new Map<string, Failures>();

  const current = (key: string, at: number): Failures | undefined => {
    const entry = failures.get(key);
    if (entry && at - entry.lastAt > forgetAfterMs) {
      failures.delete(key);
      return undefined;
    }
    return entry;
  };

  const keysOf = (login: string, address: string) => [
    { key: `login:${login.toLowerCase()}`, allowed: limits.perLogin },
    { key: `address:${address}`, allowed: limits.perAddress },
  ];

  return {
    /** Whether a password may be checked for login from address now. */
    check(login: string, address: string): LoginCheck {
      if (limits.perLogin <= 0) return { ok: true };
      const at = now();
      let until = 0;
      for (const { key } of keysOf(login, address)) {
        until = Math.max(until, current(key, at)?.lockedUntil ?? 0);
      }
      if (until <= at) return { ok: true };
      return { ok: false, retryAfterSeconds: Math.ceil((until - at) / 1000) };
    },
    /** Counts a wrong password; past the allowance, locks for longer. */
    failed(login: string, address: string) {
      if (limits.perLogin <= 0) return;
      const at = now();
      for (const { key, allowed } of keysOf(login, address)) {
        const entry = current(key, at) ?? {
          count: 0,
          lockedUntil: 0,
          lastAt: at,
        };
        entry.count += 1;
        entry.lastAt = at;
        const over = entry.count - allowed;
        if (over > 0) {
          const seconds = Math.min(limits.maxLockSeconds, 2 ** (over - 1));
          entry.lockedUntil = at + seconds * 1000;
        }
        failures.set(key, entry);
      }
    },
    /** A correct password: the login starts again from zero. */
    succeeded(login: string) {
      failures.delete(`login:${login.toLowerCase()}`);
    },
    size: () => failures.size,
  };
};

export type LoginGuard = ReturnType<typeof createLoginGuard>;
