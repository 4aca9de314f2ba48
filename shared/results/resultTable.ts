// A result list as rows of text, for Excel and the terminal: one row per
// start, classes one after the other, in the order the list ranks them.

import type { Lang } from '../i18n/problems';
import { formatElapsed } from './clock';
import type {
  PersonResult,
  ResultList,
  ResultStatus,
  SplitTime,
  TimePrecision,
} from './types';

const statusText: Record<Lang, Record<ResultStatus, string>> = {
  nb: {
    ok: '',
    dns: 'Ikke startet',
    dnf: 'Brutt',
    dsq: 'Diskvalifisert',
    mp: 'Manglende stempling',
    active: 'I løypa',
  },
  en: {
    ok: '',
    dns: 'Did not start',
    dnf: 'Did not finish',
    dsq: 'Disqualified',
    mp: 'Missing punch',
    active: 'On the course',
  },
};

const headerText: Record<Lang, string[]> = {
  nb: [
    'Klasse',
    'Plass',
    'Startnr.',
    'Navn',
    'Klubb',
    'Tid',
    'Etter',
    'Status',
    'Start',
    'Mål',
    'Brikke',
    'Merknad',
    'Mellomtider',
  ],
  en: [
    'Class',
    'Place',
    'Bib',
    'Name',
    'Club',
    'Time',
    'Behind',
    'Status',
    'Start',
    'Finish',
    'Chip',
    'Note',
    'Splits',
  ],
};

export const resultWidths = [16, 6, 8, 28, 24, 12, 10, 20, 13, 13, 10, 24, 60];

export const resultHeaders = (lang: Lang): string[] => [...headerText[lang]];

/**
 * The reason a status set by hand on the desk carries: a code, so nobody's
 * name leaves the desk with the results (the file's Note column and the
 * central service); the writers say it in the list's language.
 */
export const manualReason = 'manual';

const noteOf = (result: PersonResult, lang: Lang): string => {
  if (result.reason === manualReason) {
    return lang === 'nb' ? 'Satt manuelt' : 'Set manually';
  }
  if (result.reason !== '') return result.reason;
  if (result.missing.length === 0) return '';
  const missing = result.missing.join(', ');
  return lang === 'nb' ? `Mangler ${missing}` : `Missing ${missing}`;
};

/** As many decimals as the time has: '2:00', '2:00.5', '2:00.25'. */
const splitElapsed = (ms: number): string => {
  const precision: TimePrecision =
    ms % 1000 === 0
      ? 'seconds'
      : ms % 100 === 0
        ? 'tenths'
        : ms % 10 === 0
          ? 'hundredths'
          : 'ms';
  return formatElapsed(ms, precision);
};

const splitText = (split: SplitTime): string => {
  const time = split.timeMs === null ? '–' : splitElapsed(split.timeMs);
  const text = `${split.control}: ${time}`;
  return split.status === 'additional' ? `(${text})` : text;
};

/**
 * The split times in one cell: the course's controls ('–' where not
 * punched), then additional punches in brackets.
 */
export const splitsText = (result: PersonResult): string =>
  (result.splits ?? []).map(splitText).join(', ');

/** One row of text per result, the columns of resultHeaders. */
export const resultCells = (result: PersonResult, lang: Lang): string[] => [
  result.className,
  result.place === null ? '' : `${result.place}`,
  result.bib,
  result.name,
  result.club,
  result.timeMs === null ? '' : formatElapsed(result.timeMs),
  result.behindMs === null || result.place === 1
    ? ''
    : `+${formatElapsed(result.behindMs)}`,
  statusText[lang][result.status],
  result.start.slice(0, 10),
  result.finish.slice(0, 12),
  result.chip,
  noteOf(result, lang),
  splitsText(result),
];

export function* resultRows(list: ResultList, lang: Lang): Iterable<string[]> {
  for (const classResult of list.classes) {
    for (const result of classResult.results) yield resultCells(result, lang);
  }
}

/** Rows padded into columns, classes under a heading, for a terminal. */
export const resultText = (list: ResultList, lang: Lang): string => {
  const lines: string[] = [];
  for (const classResult of list.classes) {
    lines.push(classResult.className);
    for (const result of classResult.results) {
      const [, place = '', bib = '', name = '', club = '', time = ''] =
        resultCells(result, lang);
      const status = statusText[lang][result.status];
      lines.push(
        [
          place.padStart(4),
          bib.padStart(6),
          name.slice(0, 28).padEnd(28),
          club.slice(0, 20).padEnd(20),
          (result.status === 'ok' ? time : status).padStart(12),
          noteOf(result, lang),
        ]
          .join(' ')
          .trimEnd(),
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
};
