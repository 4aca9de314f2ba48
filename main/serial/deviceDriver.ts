// What differs per device once the port is open: its start-up commands and
// how to fetch what was missed from its own memory.

import type { Result } from '../../shared/contract/result';
import type { DeviceMessage } from '../../shared/timing/passing';
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

/** A local wall-clock time to set a device's clock to. */
export type WallClock = {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday .. 6 = Saturday. */
  dayOfWeek: number;
  secondsOfDay: number;
  milliseconds: number;
};

/** This computer's local time at `epochMs`. */
export const wallClockAt = (epochMs: number): WallClock => {
  const at = new Date(epochMs);
  return {
    year: at.getFullYear(),
    month: at.getMonth() + 1,
    day: at.getDate(),
    dayOfWeek: at.getDay(),
    secondsOfDay: at.getHours() * 3600 + at.getMinutes() * 60 + at.getSeconds(),
    milliseconds: at.getMilliseconds(),
  };
};

export type DeviceDriver = {
  /** False when the device did not answer (try again, then the next rate). */
  startUp(context: DriverContext): Promise<boolean>;
  /** Start-up commands sent at each baud rate before trying the next. */
  startUpAttempts?: number;
  /** After every (re)connect and on each poll: fetch what was missed. */
  recover(context: DriverContext): Promise<void>;
  /** Live counters skipped from `from` to `to`. */
  fillGap(context: DriverContext, from: number, to: number): Promise<void>;
  /** The counter went back (device reset or cleared). */
  afterReset(context: DriverContext, firstCounter: number): Promise<void>;
  /** A damaged frame: its passing may be lost. */
  afterBadFrame?(context: DriverContext): Promise<void>;
  /** A message from the device (e.g. a card put on a readout station). */
  onMessage?(context: DriverContext, message: DeviceMessage): Promise<void>;
  /**
   * Sets the device clock; answers the device's clock as it reports it
   * afterwards ('' when it does not say). Absent: the device has none.
   */
  setClock?(
    context: DriverContext,
    clock: WallClock,
  ): Promise<Result<{ deviceTime: string }>>;
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

/** A display board: nothing to start, nothing to read back; lines go out. */
export const boardDriver: DeviceDriver = noMemoryDriver;
