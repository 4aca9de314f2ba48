import type { Passing } from '../passing';
import { millisecondsOf, parseTimeOfDay } from '../timeOfDay';
import { encodeSiCardNumber } from './cardNumber';
import { encodeSiFrame } from './frame';
import { encodeTd, tssFromMilliseconds, weekdays } from './siTime';

/**
 * Host commands in the extended protocol (programmer's guide, "extended
 * command set"). Each starts with the wake-up byte 0xFF, as stations asleep
 * on a serial line drop the first byte they see.
 */

/** 0xF0: 0x4D puts the station in direct (master) mode, 0x53 remote. */
export const setMsMode = (mode: 'direct' | 'remote') =>
  encodeSiFrame(0xf0, [mode === 'direct' ? 0x4d : 0x53], true);

/** 0x83: read `count` bytes of system memory from `address`. */
export const getSystemValue = (address: number, count: number) =>
  encodeSiFrame(0x83, [address & 0xff, count & 0xff], true);

/** 0x81: read `count` bytes of backup memory from a 24-bit address. */
export const readBackupMemory = (address: number, count: number) =>
  encodeSiFrame(
    0x81,
    [(address >> 16) & 0xff, (address >> 8) & 0xff, address & 0xff, count],
    true,
  );

/** 0xB1: read an SI-Card 5 (the whole card in one answer). */
export const readSi5 = () => encodeSiFrame(0xb1, [], true);

/** 0xE1: read block `block` of an SI-Card 6; 8 reads blocks 0, 6, 7. */
export const readSi6 = (block: number) => encodeSiFrame(0xe1, [block], true);

/** 0xEF: read block `block` of an SI8..SIAC card; 8 reads them all. */
export const readSi8Plus = (block: number) =>
  encodeSiFrame(0xef, [block], true);

export type StationClock = {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday .. 6 = Saturday, as the TD byte counts. */
  dayOfWeek: number;
  secondsOfDay: number;
  milliseconds: number;
};

/** 0xF7: ask for the station clock (answered like 0xF6). */
export const getStationTime = () => encodeSiFrame(0xf7, [], true);

/** 0xF6: set the station clock; DATA = YY MM DD TD TH TL TSS. */
export const setStationTime = (clock: StationClock) => {
  const pm = clock.secondsOfDay >= 43_200;
  const seconds = clock.secondsOfDay % 43_200;
  return encodeSiFrame(
    0xf6,
    [
      clock.year % 100,
      clock.month,
      clock.day,
      encodeTd({ pm, dayOfWeek: clock.dayOfWeek, weekCounter: 0 }),
      seconds >> 8,
      seconds & 0xff,
      Math.min(255, tssFromMilliseconds(clock.milliseconds)),
    ],
    true,
  );
};

const numberExtra = (passing: Passing, key: string, fallback: number) => {
  const value = passing.extra[key];
  return typeof value === 'number' ? value : fallback;
};

/**
 * What a BSF station in autosend mode sends for a punch (0xD3), for a
 * device simulator. Undefined when the passing has no chip or time.
 */
export const encodeSiPunch = (passing: Passing): Uint8Array | undefined => {
  const parsed = parseTimeOfDay(passing.time);
  const chip = Number(passing.chip);
  if (!parsed || !Number.isInteger(chip) || chip <= 0) return undefined;
  const station = typeof passing.station === 'number' ? passing.station : 0;
  const ms = millisecondsOf(parsed) % 1000;
  const pm = parsed.secondsOfDay >= 43_200;
  const seconds = parsed.secondsOfDay % 43_200;
  const names: readonly string[] = weekdays;
  const day = names.indexOf(String(passing.extra.dayOfWeek));
  const memory = numberExtra(passing, 'memoryAddress', 0);
  // A family byte (SI10, SIAC...) means the 24 bits are the number itself.
  const family = numberExtra(passing, 'cardSeries', 0);
  const [si3, si2, si1, si0] =
    family === 0
      ? encodeSiCardNumber(chip)
      : [family, (chip >> 16) & 0xff, (chip >> 8) & 0xff, chip & 0xff];
  return encodeSiFrame(0xd3, [
    (station >> 8) & 0xff,
    station & 0xff,
    si3,
    si2,
    si1,
    si0,
    encodeTd({
      pm,
      // Day 7 is what SIAC beacons send when they know no weekday.
      dayOfWeek: day < 0 ? 7 : day,
      weekCounter: numberExtra(passing, 'weekCounter', 0),
    }),
    seconds >> 8,
    seconds & 0xff,
    Math.min(
      255,
      numberExtra(passing, 'subSecond256', tssFromMilliseconds(ms)),
    ),
    (memory >> 16) & 0xff,
    (memory >> 8) & 0xff,
    memory & 0xff,
  ]);
};
