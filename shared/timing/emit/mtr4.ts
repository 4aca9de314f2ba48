import type {
  DecoderOutput,
  JsonObject,
  Passing,
  TimingDecoder,
} from '../passing';
import { createStreamDecoder, type FrameScan } from '../streamDecoder';
import { formatTimeOfDay } from '../timeOfDay';
import {
  ascii,
  controlsJson,
  type EcardControl,
  headSumFor,
  le,
  putLe,
  readControls,
  sum8,
  writeControls,
} from './ecard';

/**
 * Emit MTR4 (ttime.no "rs232.pdf", MTR message description): 9600 8N1, no
 * XOR. Packages start with 4 x 0xFF (which never occur inside one), then
 * the size without the preamble, a type letter, the body, a checksum (sum
 * of every byte before it, preamble included, mod 256) and a 0x00 filler.
 *   'M' ECard reading, 234 bytes; 'S' status, 59 bytes.
 */
const sizes: Record<number, number> = { 77: 230, 83: 55 };

const scanMtr = (buf: Uint8Array, pos: number, end: number): FrameScan => {
  for (let index = 0; index < 4; index++) {
    if (pos + index >= end) return { type: 'partial' };
    if (buf[pos + index] !== 0xff) return { type: 'noise' };
  }
  if (end - pos < 6) return { type: 'partial' };
  const size = buf[pos + 4] ?? 0;
  // A fifth 0xFF means the preamble starts one byte later.
  if (size === 0xff) return { type: 'idle' };
  const type = buf[pos + 5] ?? 0;
  if (sizes[type] !== size) {
    return { type: 'bad', length: 6, reason: 'unknown package type or size' };
  }
  const length = size + 4;
  if (end - pos < length) return { type: 'partial' };
  if (sum8(buf, pos, pos + length - 2) !== buf[pos + length - 2]) {
    return { type: 'bad', length, reason: 'checksum failed' };
  }
  if (buf[pos + length - 1] !== 0) {
    return { type: 'bad', length, reason: 'no NULL filler' };
  }
  return { type: 'frame', length };
};

type Clock = { date: string; secondsOfDay: number; ms: number };

/** Year, month, day, hour, minute, second, then milliseconds LSB first. */
const readClock = (bytes: Uint8Array, at: number): Clock | undefined => {
  const [yy, mo, dd, hh, mi, ss] = Array.from(bytes.subarray(at, at + 6));
  const ms = le(bytes, at + 6, 2);
  if (yy === undefined || mo === undefined || dd === undefined) return;
  if (hh === undefined || mi === undefined || ss === undefined) return;
  if (mo < 1 || mo > 12 || dd < 1 || dd > 31 || yy > 99) return;
  if (hh > 23 || mi > 59 || ss > 59 || ms > 999) return;
  const year = yy >= 90 ? 1900 + yy : 2000 + yy;
  const pad = (value: number) => String(value).padStart(2, '0');
  return {
    date: `${year}-${pad(mo)}-${pad(dd)}`,
    secondsOfDay: hh * 3600 + mi * 60 + ss,
    ms,
  };
};

const decodeM = (frame: Uint8Array, offset: number): DecoderOutput => {
  const clock = readClock(frame, 8);
  if (!clock) {
    return {
      kind: 'bad-frame',
      protocol: 'emit-mtr4',
      offset,
      length: frame.length,
      reason: 'invalid MTR timestamp',
    };
  }
  const chip = le(frame, 20, 3);
  const week = frame[23] ?? 0;
  const year = frame[24] ?? 0;
  return {
    kind: 'passing',
    protocol: 'emit-mtr4',
    offset,
    chip: String(chip),
    station: le(frame, 6, 2),
    time: formatTimeOfDay(clock.secondsOfDay, clock.ms),
    extra: {
      date: clock.date,
      packageNumber: le(frame, 16, 4),
      productionWeek: week,
      productionYear: year,
      // The description says spooled packages blank week, year and head
      // sum, but captures from real MTR4s keep them: no memory flag here.
      headSumOk: headSumFor(chip, week, year) === frame[25],
      controls: controlsJson(readControls(frame, 26)),
      text: ascii(frame, 176, 232),
    },
  } satisfies Passing;
};

const decodeS = (frame: Uint8Array, offset: number): DecoderOutput => {
  const clock = readClock(frame, 8);
  const packages = (at: number) => le(frame, at, 4);
  const data: JsonObject = {
    mtrId: le(frame, 6, 2),
    date: clock?.date ?? null,
    time: clock ? formatTimeOfDay(clock.secondsOfDay, clock.ms) : null,
    batteryLow: frame[16] === 1,
    recentPackage: packages(17),
    oldestPackage: packages(21),
    currentSessionStart: packages(25),
    previousSessionStarts: [29, 33, 37, 41, 45, 49, 53].map(packages),
  };
  return {
    kind: 'message',
    protocol: 'emit-mtr4',
    offset,
    type: 'mtr-status',
    data,
  };
};

export const createMtr4Decoder = (): TimingDecoder =>
  createStreamDecoder({
    protocol: 'emit-mtr4',
    // 234 bytes x 10 bits at 9600 baud is 244 ms.
    maxFrameMs: 400,
    scan: scanMtr,
    decode: (frame, offset) =>
      frame[5] === 0x4d ? [decodeM(frame, offset)] : [decodeS(frame, offset)],
  });

const ascii7 = (text: string) =>
  Array.from(text, (char) => char.charCodeAt(0) & 0x7f);

const withPackageNumber = (command: string, packageNumber: number) => {
  const bytes = new Uint8Array(7);
  bytes.set(ascii7(command), 0);
  putLe(bytes, 3, 4, packageNumber);
  return bytes;
};

/** '/ST': ask for a status package. */
export const mtrStatus = () => Uint8Array.from(ascii7('/ST'));
/** '/SA': spool every stored reading. */
export const mtrSpoolAll = () => Uint8Array.from(ascii7('/SA'));
/** '/SB' + package number LSB first: spool from that package on. */
export const mtrSpoolFrom = (packageNumber: number) =>
  withPackageNumber('/SB', packageNumber);
/** '/GB' + package number LSB first: send one stored package. */
export const mtrGetPackage = (packageNumber: number) =>
  withPackageNumber('/GB', packageNumber);
/** '/NS': start a new session. */
export const mtrNewSession = () => Uint8Array.from(ascii7('/NS'));
/** '/CL': clear the ring buffer (and the package counter!). */
export const mtrClear = () => Uint8Array.from(ascii7('/CL'));

export type MtrClock = {
  year: number;
  month: number;
  day: number;
  secondsOfDay: number;
};

/** '/SC' + year (2 digits) month day hour minute second, binary. */
export const mtrSetClock = (clock: MtrClock) =>
  Uint8Array.from([
    ...ascii7('/SC'),
    clock.year % 100,
    clock.month,
    clock.day,
    Math.floor(clock.secondsOfDay / 3600),
    Math.floor((clock.secondsOfDay % 3600) / 60),
    clock.secondsOfDay % 60,
  ]);

export type MtrReading = {
  mtrId: number;
  date: string;
  secondsOfDay: number;
  ms: number;
  packageNumber: number;
  chip: number;
  productionWeek: number;
  productionYear: number;
  controls: EcardControl[];
  text?: string;
};

/** The 234 bytes of an 'M' package, for simulators and tests. */
export const encodeMtrReading = (reading: MtrReading): Uint8Array => {
  const bytes = new Uint8Array(234);
  bytes.fill(0xff, 0, 4);
  bytes[4] = 230;
  bytes[5] = 0x4d;
  putLe(bytes, 6, 2, reading.mtrId);
  const [year = 0, month = 1, day = 1] = reading.date.split('-').map(Number);
  bytes.set(
    [
      year % 100,
      month,
      day,
      Math.floor(reading.secondsOfDay / 3600),
      Math.floor((reading.secondsOfDay % 3600) / 60),
      reading.secondsOfDay % 60,
    ],
    8,
  );
  putLe(bytes, 14, 2, reading.ms);
  putLe(bytes, 16, 4, reading.packageNumber);
  putLe(bytes, 20, 3, reading.chip);
  bytes[23] = reading.productionWeek;
  bytes[24] = reading.productionYear;
  bytes[25] =
    reading.productionWeek === 0 && reading.productionYear === 0
      ? 0
      : headSumFor(
          reading.chip,
          reading.productionWeek,
          reading.productionYear,
        );
  writeControls(bytes, 26, reading.controls);
  const text = ascii7((reading.text ?? '').slice(0, 56));
  bytes.fill(0x20, 176, 232);
  bytes.set(text, 176);
  bytes[232] = sum8(bytes, 0, 232);
  bytes[233] = 0;
  return bytes;
};
