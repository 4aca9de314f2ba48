// A seeded random source (mulberry32), so that `racedesk simulate --seed S`
// makes the same operations and the same fault decisions again. Each desk
// and each kind of decision forks its own stream, so one desk drawing more
// numbers does not shift the others' draws.

export type Random = {
  /** In [0, 1). */
  next(): number;
  /** A whole number in [0, max). */
  int(max: number): number;
  /** A whole number in [min, max]. */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T | undefined;
  /** An independent stream named by label. */
  fork(label: string): Random;
  /** A UUID (version 7 layout) made of seeded bits, for ids a run reuses. */
  uuid(): string;
};

const mulberry32 = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

/** FNV-1a over the label, mixed with the parent seed. */
const childSeed = (seed: number, label: string) => {
  let hash = (2_166_136_261 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i += 1) {
    hash = Math.imul(hash ^ label.charCodeAt(i), 16_777_619) >>> 0;
  }
  return hash;
};

export const seededRandom = (seed: number): Random => {
  const next = mulberry32(seed);
  const int = (max: number) => Math.floor(next() * max);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (probability) => next() < probability,
    pick: (items) => items[int(items.length)],
    fork: (label) => seededRandom(childSeed(seed, label)),
    uuid() {
      const hex = (digits: number) =>
        Array.from({ length: digits }, () => int(16).toString(16)).join('');
      const variant = (8 + int(4)).toString(16);
      return `${hex(8)}-${hex(4)}-7${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
    },
  };
};
