// A seeded random source, so that the demo export and test tables are the
// same on every machine and every run.

export type Random = {
  /** 0 <= x < 1. */
  next(): number;
  /** An integer with min <= n <= max. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** `length` characters from `alphabet`. */
  text(length: number, alphabet: string): string;
};

/** mulberry32: tiny, fast, and good enough for made-up people. */
export const seededRandom = (seed: number): Random => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) =>
    min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(0, items.length - 1)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  };
  const text = (length: number, alphabet: string) => {
    let out = '';
    for (let i = 0; i < length; i++)
      out += alphabet[int(0, alphabet.length - 1)];
    return out;
  };
  return { next, int, pick, chance: (p) => next() < p, text };
};
