// Bib ranges per class: the desk hands out the lowest free bib in the
// class's range (ARCHITECTURE.md, "Race numbers across offline desks").

import { fail, ok, type Result } from '../contract/result';
import type { Operation } from '../domain/operation';
import { compareOperations } from './reduce';

export type BibRange = { first: number; last: number };

/** The range of each class, from the latest class-range-set operation. */
export const classRanges = (
  ops: Iterable<Operation>,
): Map<string, BibRange> => {
  const latest = new Map<
    string,
    Extract<Operation, { type: 'class-range-set' }>
  >();
  for (const op of ops) {
    if (op.type !== 'class-range-set') continue;
    const seen = latest.get(op.payload.className);
    if (!seen || compareOperations(seen, op) < 0) {
      latest.set(op.payload.className, op);
    }
  }
  const ranges = new Map<string, BibRange>();
  for (const [className, op] of latest) {
    ranges.set(className, { first: op.payload.first, last: op.payload.last });
  }
  return ranges;
};

/** The lowest bib in the class's range that nobody holds. */
export const nextFreeBib = (
  className: string,
  ranges: ReadonlyMap<string, BibRange>,
  usedBibs: Pick<ReadonlySet<string>, 'has'>,
): Result<string> => {
  const range = ranges.get(className);
  if (!range) {
    return fail('no-range', `Class ${className} has no bib range`, {
      className,
    });
  }
  for (let bib = range.first; bib <= range.last; bib += 1) {
    if (!usedBibs.has(String(bib))) return ok(String(bib));
  }
  return fail(
    'range-full',
    `Every bib ${range.first}–${range.last} in ${className} is taken`,
    { className, first: range.first, last: range.last },
  );
};
