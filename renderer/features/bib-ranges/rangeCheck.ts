// A class's bib range as typed on the ranges page, and its check against
// the other classes' ranges and the class's size.

export type RangeDraft = { first: string; last: string };

export type SavedRange = {
  className: string;
  first: number;
  last: number;
};

export type RangeProblem =
  | { key: 'ranges.notInteger'; field: 'first' | 'last' }
  | { key: 'ranges.lastBeforeFirst'; field: 'last' }
  | {
      key: 'ranges.overlaps';
      field: 'first';
      other: string;
      first: number;
      last: number;
    }
  | { key: 'ranges.tooSmall'; field: 'last'; size: number; count: number };

export type RangeCheck =
  | { ok: true; first: number; last: number; warnings: RangeProblem[] }
  | { ok: false; problems: RangeProblem[] };

const wholeNumber = (text: string): number | null =>
  /^\s*\d+\s*$/.test(text) && Number(text) >= 1 ? Number(text) : null;

export const checkRange = (
  className: string,
  draft: RangeDraft,
  others: readonly SavedRange[],
  participants: number,
): RangeCheck => {
  const first = wholeNumber(draft.first);
  const last = wholeNumber(draft.last);
  const problems: RangeProblem[] = [];
  if (first === null)
    problems.push({ key: 'ranges.notInteger', field: 'first' });
  if (last === null) problems.push({ key: 'ranges.notInteger', field: 'last' });
  if (first === null || last === null) return { ok: false, problems };

  if (last < first) {
    return {
      ok: false,
      problems: [{ key: 'ranges.lastBeforeFirst', field: 'last' }],
    };
  }

  // Two classes drawing from the same numbers would hand out one bib twice.
  const clash = others.find(
    (o) => o.className !== className && o.first <= last && first <= o.last,
  );
  if (clash) {
    return {
      ok: false,
      problems: [
        {
          key: 'ranges.overlaps',
          field: 'first',
          other: clash.className,
          first: clash.first,
          last: clash.last,
        },
      ],
    };
  }

  // Too few places is allowed (late entries can use another range) but
  // worth a warning before the box runs out on the day.
  const size = last - first + 1;
  const warnings: RangeProblem[] =
    size < participants
      ? [{ key: 'ranges.tooSmall', field: 'last', size, count: participants }]
      : [];
  return { ok: true, first, last, warnings };
};
