// What differs per device once the port is open: its start-up commands and
// how to fetch what was missed from its own memory.

import type { PassingJournal } from '../journal/passingJournal';
import type { DeviceSession } from './deviceSession';
import type { MemoryRead } from './deviceState';

export type DriverContext = {
  device: string;
  session: DeviceSession;
  journal: PassingJournal;
  /** Shows `reading` while memory is read; undefined goes back. */
  reading(what: MemoryRead | undefined): void;
};

export type DeviceDriver = {
  /** False when the device did not answer (try the next baud rate). */
  startUp(context: DriverContext): Promise<boolean>;
  /** After every (re)connect and on each poll: fetch what was missed. */
  recover(context: DriverContext): Promise<void>;
  /** Live counters skipped from `from` to `to`. */
  fillGap(context: DriverContext, from: number, to: number): Promise<void>;
  /** The counter went back (device reset or cleared). */
  afterReset(context: DriverContext, firstCounter: number): Promise<void>;
  /** A damaged frame: its passing may be lost. */
  afterBadFrame?(context: DriverContext): Promise<void>;
  /** Whether `recover` is cheap enough to run on a timer. */
  polls: boolean;
};

export const noMemoryDriver: DeviceDriver = {
  startUp: async () => true,
  recover: async () => undefined,
  fillGap: async () => undefined,
  afterReset: async () => undefined,
  polls: false,
};
