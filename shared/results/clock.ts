// Clock times as milliseconds of the day, and elapsed times as text.
// Devices give 'HH:MM:SS.fff' (a Timy 1/10 000 s: finer digits are cut to
// the millisecond), start lists 'HH:MM', 'HH:MM:SS' or a local date-time.

import type { TimePrecision, TimeRounding } from './types';

export const dayMs = 86_400_000;

const clockPattern =
  /^(?:\d{4}-\d{2}-\d{2}T)?(\d{1,2}):([0-5]\d)(?::([0-5]\d)(?:[.,](\d{1,9}))?)?$/;

const fractionScale = [100, 10, 1];

const digitAt = (text: string, at: number): number => {
  const value = text.charCodeAt(at) - 48;
  return value >= 0 && value <= 9 ? value : Number.NaN;
};

/**
 * 'HH:MM:SS.f…' as devices send it, read without a regular expression:
 * this runs once per passing, 200,000 times for a large race.
 */
const parseDeviceClock = (text: string): number | undefined => {
  if (text.length < 10 || text.length > 18) return undefined;
  if (text[2] !== ':' || text[5] !== ':' || text[8] !== '.') return undefined;
  const hours = digitAt(text, 0) * 10 + digitAt(text, 1);
  const minutes = digitAt(text, 3) * 10 + digitAt(text, 4);
  const seconds = digitAt(text, 6) * 10 + digitAt(text, 7);
  let ms = 0;
  for (let at = 9; at < text.length; at++) {
    const digit = digitAt(text, at);
    if (Number.isNaN(digit)) return undefined;
    if (at < 12) ms += digit * (fractionScale[at - 9] ?? 0);
  }
  if (!(hours <= 23 && minutes <= 59 && seconds <= 59)) return undefined;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms;
};

/** Milliseconds since midnight, or undefined when `text` is no clock time. */
export const parseClock = (text: string): number | undefined => {
  const fast = parseDeviceClock(text);
  if (fast !== undefined) return fast;
  const match = clockPattern.exec(text.trim());
  if (!match) return undefined;
  const [, hh = '', mm = '', ss = '0', fraction = ''] = match;
  const hours = Number(hh);
  if (hours > 23) return undefined;
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  return ((hours * 60 + Number(mm)) * 60 + Number(ss)) * 1000 + ms;
};

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** 'HH:MM:SS.fff' of a time of day (taken modulo a day). */
export const formatClock = (ms: number): string => {
  const of = ((Math.floor(ms) % dayMs) + dayMs) % dayMs;
  const seconds = Math.floor(of / 1000);
  return `${pad(Math.floor(seconds / 3600))}:${pad(
    Math.floor(seconds / 60) % 60,
  )}:${pad(seconds % 60)}.${pad(of % 1000, 3)}`;
};

/** Forward distance on the clock face from `from` to `to`, in [0, day). */
export const clockOffset = (from: number, to: number): number =>
  (((to - from) % dayMs) + dayMs) % dayMs;

const units: Record<TimePrecision, number> = {
  ms: 1,
  hundredths: 10,
  tenths: 100,
  seconds: 1000,
};

/** An elapsed time cut to the precision the class is timed in. */
export const cutTime = (
  ms: number,
  precision: TimePrecision,
  rounding: TimeRounding,
): number => {
  const unit = units[precision];
  const steps =
    rounding === 'up' ? Math.ceil(ms / unit) : Math.floor(ms / unit);
  return steps * unit;
};

const fractionDigits: Record<TimePrecision, number> = {
  ms: 3,
  hundredths: 2,
  tenths: 1,
  seconds: 0,
};

/**
 * An elapsed time as results show it: 'M:SS', 'H:MM:SS', with as many
 * decimals as the precision has ('12:03.4', '1:02:03').
 */
export const formatElapsed = (
  ms: number,
  precision: TimePrecision = 'ms',
): string => {
  const seconds = Math.floor(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  const clock =
    hours > 0
      ? `${hours}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`
      : `${Math.floor(seconds / 60)}:${pad(seconds % 60)}`;
  const digits = fractionDigits[precision];
  if (digits === 0) return clock;
  return `${clock}.${pad(ms % 1000, 3).slice(0, digits)}`;
};

/** 'HH:MM:SS.fff' of an elapsed time below a day, for fixed-width devices. */
export const elapsedClock = (ms: number): string => formatClock(ms);
