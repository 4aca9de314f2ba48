// Locks the desk after a set time with no keyboard or pointer activity, so
// a laptop left at the venue shows no one's data. Timing logic only, tested
// with fake timers and no browser.

export type IdleTimer = {
  /** Any key or pointer activity. */
  activity(): void;
  /** Changes the idle time; 0 turns locking off. */
  setIdleMs(ms: number): void;
  stop(): void;
};

export type IdleTimerOptions = {
  idleMs: number;
  onIdle(): void;
  now?: () => number;
};

export const createIdleTimer = (options: IdleTimerOptions): IdleTimer => {
  const now = options.now ?? (() => Date.now());
  let idleMs = options.idleMs;
  let lastActivity = now();
  let handle: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const arm = (ms: number) => {
    if (handle !== null) clearTimeout(handle);
    handle = null;
    if (stopped || idleMs <= 0) return;
    handle = setTimeout(check, ms);
  };

  // Activity only stamps the time; the timer re-arms itself when it fires
  // early, so a busy desk does not reset a timer on every key.
  function check() {
    handle = null;
    const left = lastActivity + idleMs - now();
    if (left > 0) {
      arm(left);
      return;
    }
    options.onIdle();
  }

  arm(idleMs);
  return {
    activity() {
      lastActivity = now();
      if (handle === null) arm(idleMs);
    },
    setIdleMs(ms) {
      idleMs = ms;
      lastActivity = now();
      arm(idleMs);
    },
    stop() {
      stopped = true;
      if (handle !== null) clearTimeout(handle);
      handle = null;
    },
  };
};
