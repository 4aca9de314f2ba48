// SI-Card memory as a readout station sends it, for the simulator: the
// 0xB1 answer of an SI-Card 5 and the blocks of the others (0xE1 for an
// SI-Card 6, 0xEF for SI8 and newer), laid out as the programmer's guide
// card memory maps (the same maps shared/timing/sportident/cards.ts reads).

import { encodeSiCardNumber } from '../../../shared/timing/sportident/cardNumber';
import { encodeTd } from '../../../shared/timing/sportident/siTime';

/** The card families the simulator plays. SIAC and SI10/11 share a map. */
export type SimulatedCardType =
  | 'SI5'
  | 'SI6'
  | 'SI8'
  | 'SI9'
  | 'SI10'
  | 'SI11'
  | 'SIAC';

export type SimulatedPunch = {
  code: number;
  secondsOfDay: number;
  /** 0 = Sunday; this computer's weekday unless given. */
  dayOfWeek?: number;
};

/** A card put on the station: its number and its punches, time of day. */
export type SimulatedCard = {
  chip: number;
  /** SI-Card 8 unless given. */
  cardType?: SimulatedCardType;
  punches: SimulatedPunch[];
  /** Start and finish stamps the card holds besides its punches. */
  start?: number;
  finish?: number;
};

/** The command a station sends when the card is put on it. */
export const insertCommandOf = (type: SimulatedCardType) =>
  type === 'SI5' ? 0xe5 : type === 'SI6' ? 0xe6 : 0xe8;

/** The read command that answers with this card (0xB1, 0xE1, 0xEF). */
export const readCommandOf = (type: SimulatedCardType) =>
  type === 'SI5' ? 0xb1 : type === 'SI6' ? 0xe1 : 0xef;

/** Punches each family can hold (with a time). */
export const maxPunchesOf: Record<SimulatedCardType, number> = {
  SI5: 30,
  SI6: 64,
  SI8: 30,
  SI9: 50,
  SI10: 128,
  SI11: 128,
  SIAC: 128,
};

const noTime = 0xee;

const today = () => new Date().getDay();

/** TD CN TH TL, the 4-byte stamp of SI6 and newer. */
const stamp4 = (
  bytes: Uint8Array,
  at: number,
  code: number,
  secondsOfDay: number | undefined,
  dayOfWeek = today(),
) => {
  if (secondsOfDay === undefined) {
    bytes.set([0, code & 0xff, noTime, noTime], at);
    return;
  }
  const pm = secondsOfDay >= 43_200;
  const seconds = secondsOfDay % 43_200;
  bytes.set(
    [
      encodeTd({ pm, dayOfWeek, weekCounter: 0 }, code >> 8),
      code & 0xff,
      seconds >> 8,
      seconds & 0xff,
    ],
    at,
  );
};

const twelveHour = (bytes: Uint8Array, at: number, secondsOfDay?: number) => {
  if (secondsOfDay === undefined) {
    bytes.set([noTime, noTime], at);
    return;
  }
  const seconds = secondsOfDay % 43_200;
  bytes.set([seconds >> 8, seconds & 0xff], at);
};

/** SI-Card 5: the 128 bytes of the 0xB1 answer. */
const si5Memory = (card: SimulatedCard) => {
  const bytes = new Uint8Array(128);
  const [, series, high, low] = encodeSiCardNumber(card.chip);
  bytes[4] = high;
  bytes[5] = low;
  bytes[6] = series;
  twelveHour(bytes, 19, card.start);
  twelveHour(bytes, 21, card.finish);
  const punches = card.punches.slice(0, maxPunchesOf.SI5);
  // The index of the next punch: one more than the count.
  bytes[23] = punches.length + 1;
  twelveHour(bytes, 25, undefined);
  let at = 32;
  for (const punch of punches) {
    // The first byte of each 16-byte row holds code-only punches 31..36.
    if (at % 16 === 0) at += 1;
    bytes[at] = punch.code & 0xff;
    twelveHour(bytes, at + 1, punch.secondsOfDay);
    at += 3;
  }
  return bytes;
};

/** SI-Card 6: eight blocks; header in block 0, punches from block 6. */
const si6Memory = (card: SimulatedCard) => {
  const bytes = new Uint8Array(8 * 128);
  const [, n2, n1, n0] = encodeSiCardNumber(card.chip);
  bytes.set([n2, n1, n0], 11);
  const punches = card.punches.slice(0, maxPunchesOf.SI6);
  bytes[18] = punches.length;
  stamp4(bytes, 20, 0, card.finish);
  stamp4(bytes, 24, 0, card.start);
  stamp4(bytes, 28, 0, undefined);
  stamp4(bytes, 32, 0, undefined);
  punches.forEach((punch, index) => {
    stamp4(
      bytes,
      6 * 128 + index * 4,
      punch.code,
      punch.secondsOfDay,
      punch.dayOfWeek,
    );
  });
  return bytes;
};

const family: Record<SimulatedCardType, number> = {
  SI5: 0,
  SI6: 0,
  SI8: 0x02,
  SI9: 0x01,
  SI10: 0x0f,
  SI11: 0x0f,
  SIAC: 0x0f,
};

/** Where the punches start in the card memory (SI8 and newer). */
const firstPunchAt: Partial<Record<SimulatedCardType, number>> = {
  SI8: 136,
  SI9: 56,
  // SI10, SI11 and SIAC keep their punches in blocks 4 to 7.
  SI10: 512,
  SI11: 512,
  SIAC: 512,
};

const siPlusMemory = (card: SimulatedCard, type: SimulatedCardType) => {
  const bytes = new Uint8Array(8 * 128);
  stamp4(bytes, 8, 0, undefined);
  stamp4(bytes, 12, 0, card.start);
  stamp4(bytes, 16, 0, card.finish);
  const punches = card.punches.slice(0, maxPunchesOf[type]);
  bytes[22] = punches.length;
  const [, n2, n1, n0] = encodeSiCardNumber(card.chip);
  bytes.set([family[type], n2, n1, n0], 24);
  const first = firstPunchAt[type] ?? 136;
  punches.forEach((punch, index) => {
    stamp4(
      bytes,
      first + index * 4,
      punch.code,
      punch.secondsOfDay,
      punch.dayOfWeek,
    );
  });
  return bytes;
};

/** Blocks a station sends for block 8 ("all that hold data"). */
const allBlocks: Record<SimulatedCardType, number[]> = {
  SI5: [],
  SI6: [0, 6, 7],
  SI8: [0, 1],
  SI9: [0, 1],
  SI10: [0, 4, 5, 6, 7],
  SI11: [0, 4, 5, 6, 7],
  SIAC: [0, 4, 5, 6, 7],
};

/**
 * The card's memory: for an SI-Card 5 the 128 bytes of 0xB1 (block 0),
 * else its 128-byte blocks by number.
 */
export const cardMemory = (card: SimulatedCard) => {
  const type = card.cardType ?? 'SI8';
  const bytes =
    type === 'SI5'
      ? si5Memory(card)
      : type === 'SI6'
        ? si6Memory(card)
        : siPlusMemory(card, type);
  return {
    type,
    block: (number: number) =>
      number * 128 < bytes.length
        ? bytes.subarray(number * 128, number * 128 + 128)
        : undefined,
    /** The block numbers to send when the host asks for block `wanted`. */
    blocksFor: (wanted: number) =>
      wanted === 8 ? allBlocks[type] : wanted < 8 ? [wanted] : [],
  };
};
