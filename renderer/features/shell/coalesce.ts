// Calls `listener` at most once per `ms`: the first change at once (a
// check-in shows the moment it is stored), changes within the window once
// at its end. A finish rush stores a passing every few milliseconds, and a
// render of every page for each one kept the desk's main thread so busy
// that storing and acknowledging passings fell seconds behind
// (bench/timingLatencyDesk.ts).

export type Coalesced = {
  (): void;
  /** Drops a pending call. */
  cancel(): void;
};

export const coalesce = (
  listener: () => void,
  ms: number,
  now: () => number = () => performance.now(),
): Coalesced => {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    timer = undefined;
    last = now();
    listener();
  };
  const call = () => {
    if (timer !== undefined) return;
    const wait = last + ms - now();
    if (wait <= 0) fire();
    else timer = setTimeout(fire, wait);
  };
  call.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return call;
};
