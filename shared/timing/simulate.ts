import { encodeEcard250 } from './emit/emit250';
import { encodeMtrReading } from './emit/mtr4';
import type { TimingProtocol } from './passing';
import { encodeSiFrame } from './sportident/frame';

/** A small deterministic generator (mulberry32), so streams repeat. */
const random = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

const two = (value: number) => String(value).padStart(2, '0');

const siPunch = (index: number, next: () => number) => {
  const chip = 500_000 + Math.floor(next() * 1_000_000);
  const seconds = (36_000 + index) % 86_400;
  const pm = seconds >= 43_200 ? 1 : 0;
  const twelve = seconds % 43_200;
  return encodeSiFrame(0xd3, [
    0,
    31 + (index % 10),
    0,
    chip >> 16,
    (chip >> 8) & 0xff,
    chip & 0xff,
    (6 << 1) | pm,
    twelve >> 8,
    twelve & 0xff,
    Math.floor(next() * 256),
    0,
    (index >> 5) & 0xff,
    (index << 3) & 0xff,
  ]);
};

const timyLine = (index: number, next: () => number) => {
  const seconds = (36_000 + index) % 86_400;
  const clock = `${two(Math.floor(seconds / 3600))}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
  const fraction = String(Math.floor(next() * 10_000)).padStart(4, '0');
  const bib = String((index % 9999) + 1).padStart(4, '0');
  const line = ` ${bib} c${index % 2}  ${clock}.${fraction} 00\r`;
  return Uint8Array.from(line, (char) => char.charCodeAt(0));
};

const controls = (next: () => number) => [
  { code: 0, seconds: 0 },
  ...Array.from({ length: 10 }, (_, index) => ({
    code: 31 + index,
    seconds: 60 * (index + 1) + Math.floor(next() * 30),
  })),
];

/**
 * A stream of `count` passings as the device would send them, for device
 * simulators and throughput measurements.
 */
export const simulatedStream = (
  protocol: TimingProtocol,
  count: number,
  seed = 1,
): Uint8Array[] => {
  const next = random(seed);
  return Array.from({ length: count }, (_, index) => {
    switch (protocol) {
      case 'sportident':
        return siPunch(index, next);
      case 'alge-timy':
        return timyLine(index, next);
      case 'emit-250':
        return encodeEcard250({
          chip: 100_000 + index,
          productionWeek: 10,
          productionYear: 20,
          controls: controls(next),
        });
      default:
        return encodeMtrReading({
          mtrId: 77,
          date: '2026-06-14',
          secondsOfDay: 36_000 + (index % 40_000),
          ms: 0,
          packageNumber: index + 1,
          chip: 100_000 + index,
          productionWeek: 10,
          productionYear: 20,
          controls: controls(next),
        });
    }
  });
};
