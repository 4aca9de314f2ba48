import { describe, expect, it } from 'vitest';

import { createScanDetector } from './scanDetector';

const typeAt = (
  detector: ReturnType<typeof createScanDetector>,
  text: string,
  start: number,
  gap: number,
): number => {
  let at = start;
  for (const char of text) {
    detector.key(char, at);
    at += gap;
  }
  return at - gap;
};

describe('scan detector', () => {
  it('reports a fast burst ending in Enter as a scanned code', () => {
    const detector = createScanDetector();
    const last = typeAt(detector, 'AB12345', 1000, 8);
    expect(detector.enter(last + 10)).toBe('AB12345');
  });

  it('treats keys typed at human speed as typing, not a scan', () => {
    const detector = createScanDetector();
    const last = typeAt(detector, '1234', 1000, 120);
    expect(detector.enter(last + 100)).toBeNull();
  });

  it('keeps only the fast burst when a person typed before the scan', () => {
    const detector = createScanDetector();
    const typed = typeAt(detector, 'ol', 0, 150);
    const last = typeAt(detector, '4711', typed + 2000, 5);
    expect(detector.enter(last + 5)).toBe('4711');
  });

  it('ignores a burst shorter than the shortest code', () => {
    const detector = createScanDetector({ maxGapMs: 40, minLength: 3 });
    const last = typeAt(detector, '12', 0, 5);
    expect(detector.enter(last + 5)).toBeNull();
  });

  it('ignores a fast burst followed by a slow Enter', () => {
    const detector = createScanDetector();
    const last = typeAt(detector, '99887', 0, 5);
    expect(detector.enter(last + 500)).toBeNull();
  });

  it('starts afresh after each Enter', () => {
    const detector = createScanDetector();
    const last = typeAt(detector, 'X1Y2', 0, 5);
    expect(detector.enter(last + 5)).toBe('X1Y2');
    expect(detector.enter(last + 10)).toBeNull();
  });
});
