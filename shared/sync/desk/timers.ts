// The timers the engine and the transport use. shared/ compiles without DOM
// or Node types, so the two globals every runtime has are declared here,
// module-local, with only what the code calls.

/** A Node Timeout object or a browser number: only handed back. */
export type TimerHandle = unknown;

declare const setTimeout: (callback: () => void, ms: number) => TimerHandle;
declare const clearTimeout: (handle: TimerHandle) => void;

export type Timers = {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
};

/** The runtime's own timers (Node, Electron, the browser). */
export const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
};

/** Resolves after ms on the given timers. */
export const sleep = (timers: Timers, ms: number) =>
  new Promise<void>((resolve) => {
    timers.setTimeout(resolve, ms);
  });
