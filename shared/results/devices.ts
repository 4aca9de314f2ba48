// Results for the timing crew's own devices: the latest finishers as ALGE
// display-board lines, and a class's results as lines for the Timy's
// printer. The byte layouts live in shared/timing/alge; this file decides
// what goes on them.

import { encodeBoardTime, formatResultLine } from '../timing/alge/board';
import { timyPrintLine } from '../timing/alge/timyLine';
import { clockOffset, formatClock, parseClock } from './clock';
import type { ClassResult, PersonResult, ResultList } from './types';

type Finished = { result: PersonResult; finishAt: number };

/**
 * The last `count` finishers, latest first. Finishes are ordered on the
 * clock from the earliest start, so a finish after midnight is later.
 */
export const latestFinishers = (
  list: ResultList,
  count: number,
): PersonResult[] => {
  const finished: Finished[] = [];
  let earliest = Number.POSITIVE_INFINITY;
  for (const classResult of list.classes) {
    for (const result of classResult.results) {
      const start = parseClock(result.start);
      const finish = parseClock(result.finish);
      if (start === undefined || finish === undefined) continue;
      if (result.timeMs === null) continue;
      earliest = Math.min(earliest, start);
      finished.push({ result, finishAt: finish });
    }
  }
  return finished
    .map(({ result, finishAt }) => ({
      result,
      order: clockOffset(earliest, finishAt),
    }))
    .sort((a, b) => b.order - a.order)
    .slice(0, Math.max(0, count))
    .map(({ result }) => result);
};

/**
 * Board lines for the latest finishers, latest last (a board scrolls the
 * newest in at the bottom). Rank only for OK results: a missing punch or a
 * disqualification shows its time without one.
 */
export const boardLines = (list: ResultList, count: number): Uint8Array[] =>
  latestFinishers(list, count)
    .reverse()
    .flatMap((result) => {
      if (result.timeMs === null) return [];
      const line = encodeBoardTime({
        bib: result.bib,
        kind: 'finish',
        time: formatClock(result.timeMs),
        ...(result.status === 'ok' && result.place !== null
          ? { rank: result.place }
          : {}),
      });
      return line ? [line] : [];
    });

const statusWord = {
  ok: '',
  dns: 'DNS',
  dnf: 'DNF',
  dsq: 'DSQ',
  mp: 'MP',
  active: '',
} as const;

/** A class's results as the printer prints them: the class, then a line each. */
export const printerText = (classResult: ClassResult): string[] => [
  classResult.className.slice(0, 24),
  ...classResult.results
    .filter((result) => result.status !== 'active')
    .map((result) =>
      formatResultLine({
        bib: result.bib,
        time:
          result.status === 'ok' && result.timeMs !== null
            ? formatClock(result.timeMs)
            : statusWord[result.status],
        ...(result.place === null ? {} : { rank: result.place }),
      }).replace(/\r\n$/, ''),
    ),
];

/** The printer lines as Timy DTP commands, ready for the serial line. */
export const printerLines = (classResult: ClassResult): Uint8Array[] =>
  printerText(classResult).map(timyPrintLine);
