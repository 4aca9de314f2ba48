import { describe, expect, it } from 'vitest';
import { classRanges, nextFreeBib } from './bibs';
import { makeOperation, testEventId } from './fixtures';

const rangeOp = (
  className: string,
  first: number,
  last: number,
  minute: number,
) =>
  makeOperation(
    {
      eventId: testEventId,
      participantId: '',
      type: 'class-range-set',
      payload: { className, first, last },
    },
    { createdAt: new Date(Date.UTC(2025, 5, 14, 8, minute)).toISOString() },
  );

describe('bib ranges', () => {
  it('takes each class range from its latest class-range-set', () => {
    const ranges = classRanges([
      rangeOp('K 30-34', 300, 399, 5),
      rangeOp('K 30-34', 100, 199, 1),
      rangeOp('M 30-34', 200, 299, 2),
    ]);
    expect(ranges.get('K 30-34')).toEqual({ first: 300, last: 399 });
    expect(ranges.get('M 30-34')).toEqual({ first: 200, last: 299 });
  });

  it('gives the lowest free bib in the class range', () => {
    const ranges = classRanges([rangeOp('K 30-34', 100, 199, 1)]);
    const used = new Set(['100', '101', '103', '7']);
    expect(nextFreeBib('K 30-34', ranges, used)).toEqual({
      ok: true,
      value: '102',
    });
  });

  it('says when a class has no range or its range is full', () => {
    const ranges = classRanges([rangeOp('K 30-34', 1, 2, 1)]);
    const none = nextFreeBib('M 30-34', ranges, new Set());
    expect(none.ok ? '' : none.error.code).toBe('no-range');
    const full = nextFreeBib('K 30-34', ranges, new Set(['1', '2']));
    expect(full.ok ? '' : full.error.code).toBe('range-full');
  });
});
