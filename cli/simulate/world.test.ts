// A skewed desk clock is off by a minute or more, so run.ts counts every
// desk the clock-skew fault touched; without the fault, under a second.

import { describe, expect, it } from 'vitest';

import { seededRandom } from './random';
import { deskSkewMs } from './world';

describe('deskSkewMs', () => {
  it('puts a skewed clock at least a minute off, at most ten, either way', () => {
    const skews = Array.from({ length: 2000 }, (_, seed) =>
      deskSkewMs(seededRandom(seed), true),
    );
    for (const skew of skews) {
      expect(Math.abs(skew)).toBeGreaterThanOrEqual(60_000);
      expect(Math.abs(skew)).toBeLessThan(11 * 60_000);
    }
    expect(skews.some((skew) => skew < 0)).toBe(true);
    expect(skews.some((skew) => skew > 0)).toBe(true);
  });

  it('keeps an unskewed clock under a second off', () => {
    for (let seed = 0; seed < 200; seed += 1) {
      expect(Math.abs(deskSkewMs(seededRandom(seed), false))).toBeLessThan(
        1000,
      );
    }
  });
});
