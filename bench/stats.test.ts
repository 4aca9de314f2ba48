import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './stats';

describe('summarize', () => {
  it('reports nearest-rank percentiles that were actually observed', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);

    const summary = summarize(samples);

    expect(summary.p50).toBe(50);
    expect(summary.p95).toBe(95);
    expect(summary.p99).toBe(99);
    expect(summary.max).toBe(100);
    expect(summary.mean).toBe(50.5);
  });

  it('takes the slowest sample as p99 when there are few samples', () => {
    expect(percentile([1, 2, 3], 99)).toBe(3);
    expect(percentile([1, 2, 3], 50)).toBe(2);
  });

  it('reports no figure rather than zero for no samples', () => {
    expect(summarize([]).p95).toBeNaN();
  });
});
