import { describe, expect, it } from 'vitest';

import { firstFreeBlock } from './leases';

describe('firstFreeBlock', () => {
  const pool = { first: 100, last: 199 };

  it('starts at the bottom of an empty pool', () => {
    expect(firstFreeBlock(pool, [], 10)).toEqual({ first: 100, last: 109 });
  });

  it('skips every taken span, in any order, and fills a gap big enough', () => {
    const taken = [
      { first: 120, last: 129 },
      { first: 100, last: 109 },
    ];
    expect(firstFreeBlock(pool, taken, 10)).toEqual({ first: 110, last: 119 });
    expect(firstFreeBlock(pool, taken, 11)).toEqual({ first: 130, last: 140 });
  });

  it('gives nothing when the block would pass the end of the pool', () => {
    expect(firstFreeBlock(pool, [{ first: 100, last: 190 }], 10)).toBeNull();
  });
});
