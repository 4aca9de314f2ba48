import { describe, expect, it } from 'vitest';

import { checkRange } from './rangeCheck';

const others = [
  { className: 'M17', first: 100, last: 199 },
  { className: 'K17', first: 200, last: 299 },
];

describe('bib range check', () => {
  it('accepts a free range big enough for the class', () => {
    expect(
      checkRange('J14', { first: '300', last: '349' }, others, 40),
    ).toEqual({ ok: true, first: 300, last: 349, warnings: [] });
  });

  it('refuses numbers that are not whole numbers from 1', () => {
    const check = checkRange('J14', { first: '0', last: 'x' }, others, 1);
    expect(check.ok ? [] : check.problems.map((p) => p.field)).toEqual([
      'first',
      'last',
    ]);
  });

  it('refuses a last bib before the first', () => {
    const check = checkRange('J14', { first: '50', last: '40' }, others, 1);
    expect(check.ok ? null : check.problems[0]?.key).toBe(
      'ranges.lastBeforeFirst',
    );
  });

  it('refuses a range that overlaps another class and names it', () => {
    const check = checkRange('J14', { first: '150', last: '160' }, others, 1);
    expect(check.ok ? null : check.problems[0]).toMatchObject({
      key: 'ranges.overlaps',
      other: 'M17',
      first: 100,
      last: 199,
    });
  });

  it('lets a class keep its own range when it is saved again', () => {
    const check = checkRange('M17', { first: '100', last: '210' }, others, 1);
    expect(check.ok ? null : check.problems[0]).toMatchObject({
      other: 'K17',
    });
    expect(checkRange('M17', { first: '100', last: '199' }, others, 1).ok).toBe(
      true,
    );
  });

  it('warns but accepts a range smaller than the class', () => {
    const check = checkRange('J14', { first: '300', last: '309' }, others, 25);
    expect(check.ok ? check.warnings[0] : null).toMatchObject({
      key: 'ranges.tooSmall',
      size: 10,
      count: 25,
    });
  });
});
