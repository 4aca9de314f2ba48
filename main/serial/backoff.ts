// Reconnect delays: doubling from `firstMs` up to `maxMs`, so a pulled
// cable is retried quickly at first and without busy looping later.

export type BackoffOptions = { firstMs: number; maxMs: number };

export const defaultBackoff: BackoffOptions = { firstMs: 250, maxMs: 5000 };

export const createBackoff = (options: BackoffOptions = defaultBackoff) => {
  let attempt = 0;
  return {
    /** The delay before the next attempt; each call doubles it. */
    next: () => {
      const delay = Math.min(options.maxMs, options.firstMs * 2 ** attempt);
      attempt += 1;
      return delay;
    },
    reset: () => {
      attempt = 0;
    },
    get attempt() {
      return attempt;
    },
  };
};
