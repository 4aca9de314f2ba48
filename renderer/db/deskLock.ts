// One window per desk database. Operations carry the desk's gapless
// sequence, counted in memory from the highest stored number; two windows
// on the same database would hand out the same numbers. The Web Locks API
// holds a lock per database name for as long as the store is open (the
// browser drops it when the page goes away, a crash included). A reload
// may ask before the old page has let go, so a store waits a few seconds
// for the lock before it gives up. Where the API is missing (Node tests)
// or refuses the page (an opaque origin, such as Electron's file:// page,
// gets a SecurityError) the store opens without it: Electron opens one
// window.

/** release() resolves once the lock is free for the next store. */
export type DeskLock = { release(): Promise<void> };

export const deskLockName = (dbName: string) => `racedesk:${dbName}`;

const patienceMs = 3000;

/** The lock, or null when another window keeps it. */
export const acquireDeskLock = async (
  dbName: string,
  waitMs = patienceMs,
): Promise<DeskLock | null> => {
  const locks = globalThis.navigator?.locks;
  if (!locks) return { release: async () => undefined };

  let letGo: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    letGo = resolve;
  });
  let onGranted: () => void = () => undefined;
  const granted = new Promise<'granted'>((resolve) => {
    onGranted = () => resolve('granted');
  });
  const freed = locks
    .request(
      deskLockName(dbName),
      { signal: AbortSignal.timeout(waitMs) },
      async () => {
        onGranted();
        await held;
      },
    )
    .then(
      () => 'released' as const,
      // The wait timed out, or the page may not use locks at all.
      (error: unknown) =>
        error instanceof Error && error.name === 'TimeoutError'
          ? ('refused' as const)
          : ('unavailable' as const),
    );

  const outcome = await Promise.race([granted, freed]);
  if (outcome === 'refused') return null;
  if (outcome === 'unavailable') return { release: async () => undefined };
  return {
    release: async () => {
      letGo();
      await freed;
    },
  };
};
