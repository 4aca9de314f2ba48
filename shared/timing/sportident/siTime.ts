import { formatTimeOfDay } from '../timeOfDay';

/** SI stations mark "no time" with 0xEEEE. */
export const SI_NO_TIME = 0xeeee;

export const weekdays = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;

export type SiTimeDay = {
  pm: boolean;
  /** 0 = Sunday .. 6 = Saturday; 7 = not sent (SIAC beacons). */
  dayOfWeek: number;
  weekCounter: number;
  /** Bits 7..6 extend a control code above 255 on SI6 and newer cards. */
  codeHigh: number;
};

/**
 * The TD byte (programmer's guide, "time data"): bit 0 am/pm, bits 3..1 day
 * of week (0 = Sunday), bits 5..4 a relative week counter, bits 7..6 the high
 * bits of the station code on card punches.
 */
export const decodeTd = (td: number): SiTimeDay => ({
  pm: (td & 0x01) === 1,
  dayOfWeek: (td >> 1) & 0x07,
  weekCounter: (td >> 4) & 0x03,
  codeHigh: (td >> 6) & 0x03,
});

export const encodeTd = (day: Omit<SiTimeDay, 'codeHigh'>, codeHigh = 0) =>
  ((codeHigh & 3) << 6) |
  ((day.weekCounter & 3) << 4) |
  ((day.dayOfWeek & 7) << 1) |
  (day.pm ? 1 : 0);

/** 'HH:MM:SS.fff' from 12-hour seconds, the am/pm bit and TSS (1/256 s). */
export const siTimeOfDay = (seconds12h: number, pm: boolean, tss = 0) =>
  formatTimeOfDay(
    seconds12h + (pm ? 43_200 : 0),
    Math.floor((tss * 1000) / 256),
  );

/** The 1/256 s tick count closest below a millisecond value. */
export const tssFromMilliseconds = (ms: number) => Math.ceil((ms * 256) / 1000);

export const dayName = (dayOfWeek: number): string =>
  weekdays[dayOfWeek] ?? 'unknown';
