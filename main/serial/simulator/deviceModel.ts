// A simulated timing device: what it sends when a chip or bib passes, what
// it keeps in memory, and how it answers the host. The runner puts it on a
// serial line; the models themselves are plain state machines.

import type { Passing, TimingProtocol } from '../../../shared/timing/passing';

export type SimulatedRead = {
  /** The passing the host should end up with (time as decoded). */
  passing: Passing;
  /** Bytes sent live, in order (an Emit 250 repeats its package). */
  frames: Uint8Array[];
};

export type DeviceModel = {
  readonly protocol: TimingProtocol;
  /** The next chip or bib passes: stored in memory and sent live. */
  next(): SimulatedRead;
  /** Bytes from the host in; the answers to send back, in order. */
  hear(bytes: Uint8Array): Uint8Array[];
  /** Power cycle that clears the memory: the record counter starts over. */
  reset(): void;
};

/** Milliseconds of the day of the n-th passing: unique, 10:00 onwards. */
export const simulatedClockMs = (index: number) =>
  (36_000_000 + index * 1_237) % 86_400_000;

/** Appends host bytes to what is still waiting to be read. */
export const joinBytes = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
};
