// IOF XML 3.0 ResultList: a ClassResult per timing class with one
// PersonResult per start, in the order the results computation ranked them.
// Time is seconds from start to finish (a period before fractions), and
// Position is written only for status OK, as the standard says: the others
// are not ranked.

import {
  type IofListOptions,
  iofClass,
  iofEntryId,
  iofEvent,
  iofOrganisation,
  iofPerson,
  iofRoot,
} from './iofCommon';
import { classIds, type TimingEntrant } from './timingClasses';
import { element, optionalText, type XmlElement } from './xmlElement';

/** The schema's ResultStatus values, in its order. */
export const iofResultStatuses = [
  'OK',
  'Finished',
  'MissingPunch',
  'Disqualified',
  'DidNotFinish',
  'Active',
  'Inactive',
  'OverTime',
  'SportingWithdrawal',
  'NotCompeting',
  'Moved',
  'MovedUp',
  'DidNotStart',
  'DidNotEnter',
  'Cancelled',
] as const;

export type IofResultStatus = (typeof iofResultStatuses)[number];

export type PersonResultRow = {
  entrant: TimingEntrant;
  registrationId: string;
  status: IofResultStatus;
  /** Local date-times yyyy-mm-ddTHH:MM:SS(.fff), or ''. */
  startTime: string;
  finishTime: string;
  /** Seconds from start to finish, or null when there is none. */
  time: number | null;
  /** 1 for the winner; null when not ranked. */
  position: number | null;
  /** Controls of the course and additional punches, in list order. */
  splits?: IofSplitTime[];
};

/** One IOF SplitTime: seconds from the start, or null when not punched. */
export type IofSplitTime = {
  controlCode: string;
  status: 'OK' | 'Missing' | 'Additional';
  time: number | null;
};

export type ClassResultRows = { name: string; results: PersonResultRow[] };

export type ResultListOptions = IofListOptions & {
  /** Complete when final; Snapshot while the race is on. */
  status?: 'Complete' | 'Snapshot';
};

/** Seconds with at most millisecond precision, no trailing zeros. */
export const iofSeconds = (seconds: number): string =>
  String(Math.round(seconds * 1000) / 1000);

const validTime = (time: number | null): time is number =>
  time !== null && Number.isFinite(time) && time >= 0;

/** status is the schema's default OK unless said; Time only when known. */
const splitTime = (split: IofSplitTime): XmlElement =>
  element(
    'SplitTime',
    [
      element('ControlCode', split.controlCode),
      ...(validTime(split.time)
        ? [element('Time', iofSeconds(split.time))]
        : []),
    ],
    split.status === 'OK' ? {} : { status: split.status },
  );

const personResult = (row: PersonResultRow): XmlElement => {
  const ranked =
    row.status === 'OK' &&
    row.position !== null &&
    Number.isInteger(row.position) &&
    row.position > 0;
  return element('PersonResult', [
    ...iofEntryId(row.registrationId),
    iofPerson(row.entrant.participant),
    ...iofOrganisation(row.entrant.participant),
    element('Result', [
      ...optionalText('BibNumber', row.entrant.bib),
      ...optionalText('StartTime', row.startTime),
      ...optionalText('FinishTime', row.finishTime),
      ...(validTime(row.time) ? [element('Time', iofSeconds(row.time))] : []),
      ...(ranked ? [element('Position', String(row.position))] : []),
      element('Status', row.status),
      // The schema's order: SplitTime before ControlCard.
      ...(row.splits ?? []).map(splitTime),
      ...optionalText('ControlCard', row.entrant.chip),
    ]),
  ]);
};

/** Class ids are the start list's: the same names give the same ids. */
export const iofResultList = (
  classes: readonly ClassResultRows[],
  options: ResultListOptions,
): XmlElement => {
  const ids = classIds(classes.map((classResult) => classResult.name));
  return iofRoot(
    'ResultList',
    options,
    [
      iofEvent(options),
      ...classes.map((classResult) =>
        element('ClassResult', [
          iofClass(ids.get(classResult.name) ?? 0, classResult.name),
          ...classResult.results.map(personResult),
        ]),
      ),
    ],
    { status: options.status ?? 'Complete' },
  );
};
