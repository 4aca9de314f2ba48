// The computed result list (shared/results) as IOF XML 3.0 ResultList
// text. People are named by their identities when at hand (Person ID,
// birth date, club id, Påmeldings-ID as the start list gave them); a result
// without one (a list from the central service) carries name and club only.

import { blankParticipant, type Participant } from '../domain/participant';
import { dayMs, parseClock } from '../results/clock';
import type {
  PersonResult,
  ResultList,
  ResultStatus,
  SplitTime,
} from '../results/types';
import type { IofListOptions } from './iofCommon';
import {
  type ClassResultRows,
  type IofResultStatus,
  type IofSplitTime,
  iofResultList,
  type PersonResultRow,
} from './iofResultList';
import type { TimingClass } from './timingClasses';
import { xmlDocument } from './xmlDocument';

export const iofStatusOf: Record<ResultStatus, IofResultStatus> = {
  ok: 'OK',
  dns: 'DidNotStart',
  dnf: 'DidNotFinish',
  dsq: 'Disqualified',
  mp: 'MissingPunch',
  active: 'Active',
};

/**
 * Who a result belongs to, as the IOF list names them: only what timing
 * software needs (iofCommon.ts). The desk sends it beside a result list;
 * the CLI takes it from the start list.
 */
export type ResultIdentity = Pick<
  Participant,
  | 'personId'
  | 'firstName'
  | 'lastName'
  | 'birthDate'
  | 'gender'
  | 'country'
  | 'countryCode'
  | 'club'
  | 'clubId'
> & {
  /** Påmeldings-ID per timing class. */
  registrationIds: Record<string, string>;
  /** yyyy-mm-dd of the entry per timing class, when known. */
  dates: Record<string, string>;
};

export type ResultListTextOptions = IofListOptions & {
  /** By participant id; without one a result carries name and club only. */
  identities?: Readonly<Record<string, ResultIdentity>>;
};

/** The identities of everyone in the start list the results came from. */
export const identitiesFromClasses = (
  classes: readonly TimingClass[],
): Record<string, ResultIdentity> => {
  const identities: Record<string, ResultIdentity> = {};
  for (const timingClass of classes) {
    for (const { entrant, entry } of timingClass.starts) {
      const p = entrant.participant;
      const identity = identities[p.id] ?? {
        personId: p.personId,
        firstName: p.firstName,
        lastName: p.lastName,
        birthDate: p.birthDate,
        gender: p.gender,
        country: p.country,
        countryCode: p.countryCode,
        club: p.club,
        clubId: p.clubId,
        registrationIds: {},
        dates: {},
      };
      identities[p.id] = identity;
      identity.registrationIds[timingClass.name] = entry.registrationId;
      identity.dates[timingClass.name] = entry.date;
    }
  }
  return identities;
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

const participantOf = (
  result: PersonResult,
  identity: ResultIdentity | undefined,
): Participant => {
  const blank = blankParticipant(result.participantId, '');
  if (identity) {
    const { registrationIds: _, dates: __, ...person } = identity;
    return { ...blank, ...person };
  }
  const [given = '', ...family] = result.name.split(' ');
  return {
    ...blank,
    firstName: given,
    lastName: family.join(' '),
    club: result.club,
  };
};

const iofSplitStatus: Record<SplitTime['status'], IofSplitTime['status']> = {
  ok: 'OK',
  missing: 'Missing',
  additional: 'Additional',
};

const iofSplit = (split: SplitTime): IofSplitTime => ({
  controlCode: split.control,
  status: iofSplitStatus[split.status],
  time: split.timeMs === null ? null : split.timeMs / 1000,
});

const rowOf = (
  result: PersonResult,
  identity: ResultIdentity | undefined,
  eventDate: string,
): PersonResultRow => {
  const date = identity?.dates[result.className] || eventDate;
  return {
    entrant: {
      participant: participantOf(result, identity),
      bib: result.bib,
      chip: result.chip,
    },
    registrationId: identity?.registrationIds[result.className] ?? '',
    status: iofStatusOf[result.status],
    ...dateTimes(result, date),
    time: result.timeMs === null ? null : result.timeMs / 1000,
    position: result.place,
    splits: (result.splits ?? []).map(iofSplit),
  };
};

export const resultListRows = (
  list: ResultList,
  options: ResultListTextOptions,
): ClassResultRows[] => {
  const identities = options.identities ?? {};
  return list.classes.map((classResult) => ({
    name: classResult.className,
    results: classResult.results.map((result) =>
      rowOf(result, identities[result.participantId], options.eventDate ?? ''),
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
