import { describe, expect, it } from 'vitest';
import { medianPerKeystroke } from './figures';
import type { KeystrokeFigures } from './page/benchApi';

const pass = (store: number[], floor: number[]): KeystrokeFigures => ({
  queries: 1,
  typed: store.map((_, i) => 'bjorn h'.slice(0, i + 1)),
  store,
  floor,
  hits: [3],
});

describe('warm keystroke figures', () => {
  it('drop a keystroke the scheduler paused once in three passes', () => {
    const warm = medianPerKeystroke([
      pass([0.2, 40, 0.3], [0.1, 0.1, 0.1]),
      pass([0.2, 0.4, 0.3], [0.1, 25, 0.1]),
      pass([0.3, 0.5, 0.2], [0.2, 0.1, 0.1]),
    ]);

    expect(warm.store).toEqual([0.2, 0.5, 0.3]);
    expect(warm.floor).toEqual([0.1, 0.1, 0.1]);
  });

  it('keep a keystroke that is slow in every pass', () => {
    const warm = medianPerKeystroke([
      pass([0.2, 9], [0.1, 0.1]),
      pass([0.2, 8], [0.1, 0.1]),
      pass([0.2, 10], [0.1, 0.1]),
    ]);

    expect(warm.store[1]).toBe(9);
  });
});
