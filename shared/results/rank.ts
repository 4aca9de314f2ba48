// Places within a class: by time, ties share the place and the next place
// is skipped (1, 2, 2, 4). Only OK results are ranked; the rest follow in
// the order results boards use, each group by bib.

import type { PersonResult, ResultStatus } from './types';

const statusOrder: Record<ResultStatus, number> = {
  ok: 0,
  active: 1,
  mp: 2,
  dnf: 3,
  dsq: 4,
  dns: 5,
};

const numeric = /^\d+$/;

const compareBibs = (a: string, b: string): number => {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : 1;
};

const compareResults = (a: PersonResult, b: PersonResult): number =>
  statusOrder[a.status] - statusOrder[b.status] ||
  (a.status === 'ok' ? (a.timeMs ?? 0) - (b.timeMs ?? 0) : 0) ||
  compareBibs(a.bib, b.bib) ||
  (a.participantId === b.participantId
    ? 0
    : a.participantId < b.participantId
      ? -1
      : 1);

/** The class's results in list order, with place and time behind. */
export const rankClass = (results: readonly PersonResult[]): PersonResult[] => {
  const sorted = [...results].sort(compareResults);
  const winner = sorted[0]?.status === 'ok' ? sorted[0].timeMs : null;
  let previous: PersonResult | undefined;
  return sorted.map((result, index) => {
    if (result.status !== 'ok' || result.timeMs === null || winner === null) {
      return result;
    }
    const place =
      previous && previous.timeMs === result.timeMs
        ? previous.place
        : index + 1;
    previous = { ...result, place, behindMs: result.timeMs - winner };
    return previous;
  });
};
