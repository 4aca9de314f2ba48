// A card read out at a reader tells which controls its holder punched: each
// punch becomes a passing (chip, station = the control code, time), so the
// results see the controls visited even where no control was online.
//
// What the card keeps differs:
// - SportIdent SI6 and newer: time of day and weekday per punch; a punch
//   from another day than the read (a card read at check-in still holds
//   last week's race) is left out. SI5: 12 hours only, resolved to the
//   latest time not after the read (`twelveHour` kept).
// - Emit (250 reader, MTR4): seconds since the card was started, so the
//   time of day is estimated from when the card was read, taking its last
//   control as punched then (`estimated`).
// `extra.cardTime` is what the card itself holds (a time, or seconds):
// re-reading the same card gives the same value, and the journal's natural
// key for a readout punch is built from it, not from the estimate.

import type { DecoderOutput, JsonValue, Passing } from './passing';
import { weekdays } from './sportident/siTime';
import { formatTimeOfDay, millisecondsOf, parseTimeOfDay } from './timeOfDay';

const dayMs = 86_400_000;
const halfDayMs = 43_200_000;

const msOf = (time: string) => {
  const parsed = parseTimeOfDay(time);
  return parsed ? millisecondsOf(parsed) : undefined;
};

const format = (ms: number) => {
  const day = ((ms % dayMs) + dayMs) % dayMs;
  return formatTimeOfDay(Math.floor(day / 1000), day % 1000);
};

const isObject = (
  value: JsonValue | undefined,
): value is { [key: string]: JsonValue } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const punchOf = (
  base: Pick<Passing, 'protocol' | 'offset' | 'chip'>,
  code: number,
  time: string,
  extra: Passing['extra'],
): Passing => ({
  kind: 'passing',
  protocol: base.protocol,
  offset: base.offset,
  ...(base.chip !== undefined ? { chip: base.chip } : {}),
  station: code,
  time,
  extra: { readout: true, ...extra },
});

/** SI5 stores 12-hour times: the later of am/pm that is not after the read. */
const resolveTwelveHour = (time: string, readAt: string | undefined) => {
  const ms = msOf(time);
  const read = readAt === undefined ? undefined : msOf(readAt);
  if (ms === undefined || read === undefined) return time;
  return ms + halfDayMs <= read ? format(ms + halfDayMs) : time;
};

/** 0 = Sunday .. 6 = Saturday, as SportIdent names them; -1 unknown. */
const weekdayOf = (name: string) =>
  (weekdays as readonly string[]).indexOf(name);

/**
 * Whether a punch with this weekday can be from the race being read: the
 * read's own day, or the day before when its time is later in the day than
 * the read (a race past midnight). Unknown weekdays are kept.
 */
const sameDay = (
  dayOfWeek: JsonValue | undefined,
  time: string,
  read: ReadMoment | undefined,
) => {
  const day = weekdayOf(String(dayOfWeek));
  const readDay = read?.day === undefined ? -1 : weekdayOf(read.day);
  if (day < 0 || readDay < 0) return true;
  if (day === readDay) return true;
  const before = (readDay + 6) % 7;
  const at = msOf(time);
  const readMs = read?.time === undefined ? undefined : msOf(read.time);
  return (
    day === before && at !== undefined && readMs !== undefined && at > readMs
  );
};

/** When a card was read: time of day, and weekday where known. */
export type ReadMoment = { time: string; day?: string };

const sportidentPunches = (
  data: { [key: string]: JsonValue },
  offset: number,
  read: ReadMoment | undefined,
): Passing[] => {
  const readAt = read?.time;
  const { chip, punches, cardType } = data;
  if (typeof chip !== 'string' || chip === '' || chip === '0') return [];
  if (!Array.isArray(punches)) return [];
  const twelveHour = data.twelveHour === true;
  const out: Passing[] = [];
  for (const punch of punches) {
    if (!isObject(punch)) continue;
    const { code, time } = punch;
    if (typeof code !== 'number' || typeof time !== 'string') continue;
    if (msOf(time) === undefined) continue;
    if (!sameDay(punch.dayOfWeek, time, read)) continue;
    out.push(
      punchOf(
        { protocol: 'sportident', offset, chip },
        code,
        twelveHour ? resolveTwelveHour(time, readAt) : time,
        {
          cardTime: time,
          cardType: typeof cardType === 'string' ? cardType : '',
          ...(twelveHour ? { twelveHour: true } : {}),
        },
      ),
    );
  }
  return out;
};

/**
 * Emit controls: the first pair is the start (code 0 at 0 s); the others
 * are seconds since then. The last is taken as punched at `readAt`.
 */
const emitPunches = (
  protocol: Passing['protocol'],
  chip: string,
  controls: JsonValue | undefined,
  offset: number,
  readAt: string | undefined,
): Passing[] => {
  const read = readAt === undefined ? undefined : msOf(readAt);
  if (read === undefined || !Array.isArray(controls)) return [];
  if (chip === '' || chip === '0') return [];
  const pairs: { code: number; seconds: number }[] = [];
  for (const [index, control] of controls.entries()) {
    if (index === 0 || !isObject(control)) continue;
    const { code, seconds } = control;
    if (typeof code === 'number' && typeof seconds === 'number') {
      pairs.push({ code, seconds });
    }
  }
  const last = pairs.at(-1);
  if (!last) return [];
  // Read to the second: the estimate must not depend on when within it.
  const readSecond = Math.floor(read / 1000) * 1000;
  return pairs.map(({ code, seconds }) =>
    punchOf(
      { protocol, offset, chip },
      code,
      format(readSecond - (last.seconds - seconds) * 1000),
      { cardTime: seconds, estimated: true },
    ),
  );
};

/**
 * The punches of a card readout as passings; none for anything else. An
 * Emit 250 package repeated while the card lies on the reader gives none
 * (its first copy did). `read` is when the card was read: a time of day
 * ('HH:MM:SS.fff'), or that and its weekday ('sunday'...).
 */
export const readoutPassings = (
  output: DecoderOutput,
  read?: string | ReadMoment,
): Passing[] => {
  const moment = typeof read === 'string' ? { time: read } : read;
  const readAt = moment?.time;
  if (output.kind === 'message') {
    const { data } = output;
    if (output.type === 'si-card-readout') {
      return sportidentPunches(data, output.offset, moment);
    }
    if (output.type === 'ecard-readout') {
      const { chip, repeat, controls } = data;
      if (typeof repeat === 'number' && repeat > 0) return [];
      return typeof chip === 'string'
        ? emitPunches(output.protocol, chip, controls, output.offset, readAt)
        : [];
    }
    return [];
  }
  if (output.kind === 'passing' && output.protocol === 'emit-mtr4') {
    if (output.extra.readout === true) return [];
    return emitPunches(
      'emit-mtr4',
      output.chip ?? '',
      output.extra.controls,
      output.offset,
      output.time,
    );
  }
  return [];
};

/** Whether a passing is a punch read from a card. */
export const isReadoutPunch = (passing: Passing): boolean =>
  passing.extra.readout === true;
