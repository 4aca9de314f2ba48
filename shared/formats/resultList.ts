// The computed result list (shared/results) as IOF XML 3.0 ResultList
// text. People come from the start list when it is at hand (identities,
// birth date, club id as the start list gave them); a result without one
// (a list from the central service) carries its name and club only.

import { blankParticipant } from '../domain/participant';
import { dayMs, parseClock } from '../results/clock';
import type { PersonResult, ResultList, ResultStatus } from '../results/types';
import type { IofListOptions } from './iofCommon';
import {
  type ClassResultRows,
  type IofResultStatus,
  iofResultList,
  type PersonResultRow,
} from './iofResultList';
import type { TimingClass, TimingStart } from './timingClasses';
import { xmlDocument } from './xmlDocument';

export const iofStatusOf: Record<ResultStatus, IofResultStatus> = {
  ok: 'OK',
  dns: 'DidNotStart',
  dnf: 'DidNotFinish',
  dsq: 'Disqualified',
  mp: 'MissingPunch',
  active: 'Active',
};

export type ResultListTextOptions = IofListOptions & {
  /** The start list the results were computed from, when at hand. */
  classes?: readonly TimingClass[];
};

const startKey = (participantId: string, className: string) =>
  `${participantId}\u0000${className}`;

const startsByKey = (classes: readonly TimingClass[]) => {
  const starts = new Map<string, TimingStart>();
  for (const timingClass of classes) {
    for (const start of timingClass.starts) {
      starts.set(
        startKey(start.entrant.participant.id, timingClass.name),
        start,
      );
    }
  }
  return starts;
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const nextDay = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);

/**
 * Start and finish as local date-times on the race day; a finish earlier
 * on the clock than the start is on the next day.
 */
const dateTimes = (result: PersonResult, date: string) => {
  if (!isoDate.test(date)) return { startTime: '', finishTime: '' };
  const start = parseClock(result.start);
  const finish = parseClock(result.finish);
  const finishDate =
    start !== undefined && finish !== undefined && finish < start
      ? nextDay(date)
      : date;
  return {
    startTime: result.start === '' ? '' : `${date}T${result.start}`,
    finishTime: result.finish === '' ? '' : `${finishDate}T${result.finish}`,
  };
};

const withoutStart = (result: PersonResult): TimingStart['entrant'] => {
  const participant = blankParticipant(result.participantId, '');
  const [given = '', ...family] = result.name.split(' ');
  return {
    participant: {
      ...participant,
      firstName: given,
      lastName: family.join(' '),
      club: result.club,
    },
    bib: result.bib,
    chip: result.chip,
  };
};

const rowOf = (
  result: PersonResult,
  start: TimingStart | undefined,
  eventDate: string,
): PersonResultRow => {
  const date = start?.entry.date || eventDate;
  return {
    entrant: start
      ? { ...start.entrant, bib: result.bib, chip: result.chip }
      : withoutStart(result),
    registrationId: start?.entry.registrationId ?? '',
    status: iofStatusOf[result.status],
    ...dateTimes(result, date),
    time: result.timeMs === null ? null : result.timeMs / 1000,
    position: result.place,
  };
};

export const resultListRows = (
  list: ResultList,
  options: ResultListTextOptions,
): ClassResultRows[] => {
  const starts = startsByKey(options.classes ?? []);
  return list.classes.map((classResult) => ({
    name: classResult.className,
    results: classResult.results.map((result) =>
      rowOf(
        result,
        starts.get(startKey(result.participantId, result.className)),
        options.eventDate ?? '',
      ),
    ),
  }));
};

/** Complete once the race is closed, a Snapshot while it is on. */
export const resultListText = (
  list: ResultList,
  options: ResultListTextOptions,
): string =>
  xmlDocument(
    iofResultList(resultListRows(list, options), {
      ...options,
      status: list.closed ? 'Complete' : 'Snapshot',
    }),
  );
