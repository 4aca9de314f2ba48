import type { JsonObject } from '../passing';
import { formatTimeOfDay } from '../timeOfDay';
import { decodeSiCardNumber } from './cardNumber';
import { dayName, decodeTd, SI_NO_TIME, siTimeOfDay } from './siTime';

export type SiCardType = 'SI5' | 'SI6' | 'SI8' | 'SI9' | 'pCard' | 'SI10+';
export type SiPlusCardType = Exclude<SiCardType, 'SI5'>;

/** Where a card keeps its fields, after its blocks are concatenated. */
type Layout = {
  number: [number, number, number];
  /** [time-day byte, code byte, time high byte] or undefined. */
  check?: [number, number, number];
  start: [number, number, number];
  finish: [number, number, number];
  clear?: [number, number, number];
  punchCount: number;
  firstPunch: number;
  maxPunches: number;
};

// Offsets per the SportIdent programmer's guide card memory maps (the same
// maps sportident-python documents): 4-byte punches TD CN TH TL on SI6 and
// newer; SI5 has 3-byte punches CN TH TL and no am/pm.
const siPlus = (firstPunch: number, maxPunches: number): Layout => ({
  number: [25, 26, 27],
  check: [8, 9, 10],
  start: [12, 13, 14],
  finish: [16, 17, 18],
  punchCount: 22,
  firstPunch,
  maxPunches,
});

const layouts: Record<SiPlusCardType, Layout> = {
  SI6: {
    number: [11, 12, 13],
    finish: [20, 21, 22],
    start: [24, 25, 26],
    check: [28, 29, 30],
    clear: [32, 33, 34],
    punchCount: 18,
    firstPunch: 128,
    maxPunches: 64,
  },
  SI8: siPlus(136, 30),
  SI9: siPlus(56, 50),
  pCard: siPlus(176, 20),
  'SI10+': siPlus(128, 128),
};

/** Blocks a host reads (command 0xE1 / 0xEF) to get the whole card. */
export const blocksNeeded: Record<SiPlusCardType, number[]> = {
  SI6: [0, 6, 7],
  SI8: [0, 1],
  SI9: [0, 1],
  pCard: [0, 1],
  'SI10+': [0, 4, 5, 6, 7],
};

/** Card family from byte 24 of block 0 of an SI8-and-newer card. */
export const siPlusTypeOf = (
  block0: Uint8Array,
): SiPlusCardType | undefined => {
  switch (block0[24]) {
    case 0x01:
      return 'SI9';
    case 0x02:
      return 'SI8';
    case 0x04:
      return 'pCard';
    case 0x0f:
      return 'SI10+';
    default:
      return undefined;
  }
};

const u16 = (data: Uint8Array, at: number) =>
  ((data[at] ?? 0) << 8) | (data[at + 1] ?? 0);

const stamp = (data: Uint8Array, at: [number, number, number]) => {
  const seconds = u16(data, at[2]);
  if (seconds === SI_NO_TIME) return null;
  const td = decodeTd(data[at[0]] ?? 0);
  return {
    code: (data[at[1]] ?? 0) + (td.codeHigh << 8),
    time: siTimeOfDay(seconds, td.pm),
    dayOfWeek: dayName(td.dayOfWeek),
  };
};

/** SI6 and newer: concatenated blocks in the order `blocksNeeded` lists. */
export const decodeSiPlusCard = (
  type: SiPlusCardType,
  data: Uint8Array,
): JsonObject => {
  const layout = layouts[type];
  const [n2, n1, n0] = layout.number;
  const count = Math.min(data[layout.punchCount] ?? 0, layout.maxPunches);
  const punches: JsonObject[] = [];
  for (let index = 0; index < count; index++) {
    const at = layout.firstPunch + index * 4;
    if (at + 4 > data.length) break;
    const punch = stamp(data, [at, at + 1, at + 2]);
    if (punch) punches.push(punch);
  }
  return {
    cardType: type,
    chip: String(
      decodeSiCardNumber(0, data[n2] ?? 0, data[n1] ?? 0, data[n0] ?? 0),
    ),
    start: stamp(data, layout.start),
    finish: stamp(data, layout.finish),
    check: layout.check ? stamp(data, layout.check) : null,
    clear: layout.clear ? stamp(data, layout.clear) : null,
    punches,
  };
};

/** SI5 keeps 12-hour times only: they come back as HH:MM:SS below 12:00. */
const si5Stamp = (data: Uint8Array, at: number) => {
  const seconds = u16(data, at);
  return seconds === SI_NO_TIME ? null : formatTimeOfDay(seconds, 0);
};

/** SI-Card 5: the 128 bytes of a 0xB1 readout. */
export const decodeSi5Card = (data: Uint8Array): JsonObject => {
  // Byte 23 is the index of the next punch, so it counts one too many.
  const count = Math.min(Math.max((data[23] ?? 1) - 1, 0), 30);
  const punches: JsonObject[] = [];
  let at = 32;
  for (let index = 0; index < count && at + 3 <= data.length; index++) {
    // The first byte of each 16-byte row holds code-only punches 31..36.
    if (at % 16 === 0) at += 1;
    const time = si5Stamp(data, at + 1);
    punches.push({ code: data[at] ?? 0, time });
    at += 3;
  }
  return {
    cardType: 'SI5',
    chip: String(
      decodeSiCardNumber(0, data[6] ?? 0, data[4] ?? 0, data[5] ?? 0),
    ),
    twelveHour: true,
    start: si5Stamp(data, 19),
    finish: si5Stamp(data, 21),
    check: si5Stamp(data, 25),
    clear: null,
    punches,
  };
};
