// The cards a readout station sees after a race: runners on three courses,
// one start a minute from 10:00, a split of two to eight minutes per
// control, and now and then a control missed. Each card family in turn,
// numbered as the real cards are (SI5 below 500 000, SI6 in the 500 000s
// to 900 000s, SI9 1 000 001.., SI8 2 000 001.., SI10 7 000 001..,
// SIAC 8 000 001.., SI11 9 000 001..).

import { seededRandom } from './faults';
import {
  maxPunchesOf,
  type SimulatedCard,
  type SimulatedCardType,
} from './siCards';

const families: SimulatedCardType[] = [
  'SI5',
  'SI6',
  'SI8',
  'SI9',
  'SI10',
  'SI11',
  'SIAC',
];

const firstNumber: Record<SimulatedCardType, number> = {
  SI5: 412_001,
  SI6: 812_001,
  SI8: 2_012_001,
  SI9: 1_012_001,
  SI10: 7_012_001,
  SI11: 9_012_001,
  SIAC: 8_012_001,
};

/** Control codes in course order. */
export const readoutCourses: readonly (readonly number[])[] = [
  [31, 32, 33, 34, 35, 36, 37, 38, 100],
  [31, 41, 42, 34, 43, 44, 100],
  [51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 100],
];

const raceStart = 10 * 3600;

/** The `index`-th card read out (from 0); the same seed, the same race. */
export const readoutCard = (index: number, seed = 1): SimulatedCard => {
  const random = seededRandom(seed * 7_919 + index + 1);
  const cardType = families[index % families.length] ?? 'SI8';
  const course = readoutCourses[index % readoutCourses.length] ?? [];
  const round = Math.floor(index / families.length);
  const chip = firstNumber[cardType] + round * 37 + (index % 7);
  const start = raceStart + index * 60;
  // Every fifth runner misses a control (not the finish).
  const missed =
    index % 5 === 4 ? Math.floor(random() * (course.length - 1)) : -1;
  let at = start;
  const punches = course.flatMap((code, position) => {
    at += 120 + Math.floor(random() * 360);
    return position === missed ? [] : [{ code, secondsOfDay: at }];
  });
  return {
    chip,
    cardType,
    start,
    finish: at + 5,
    punches: punches.slice(0, maxPunchesOf[cardType]),
  };
};
