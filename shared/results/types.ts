// Results: what a race is set up as, what goes into the computation and
// what comes out (issue #4, item 5). Times of day are local clock times
// 'HH:MM:SS' with an optional fraction, as devices and start lists give
// them; passings carry no date, so a race is read as at most one span
// shorter than a day (see ClassSetup.maxSeconds).

import type { Passing } from '../timing/passing';

/** A station as passings name it: an SI control code or a Timy channel. */
export type Station = number | string;

/**
 * How the class starts:
 * - mass: everyone at `startTime`;
 * - interval: the n-th start of the class (0-based, in start-list order)
 *   at `firstStart` + n × `intervalSeconds`;
 * - start-list: each participant at their own start time from the list;
 * - punch: at their own punch on `station` (the last burst of start
 *   punches before the finish); `opensAt` is when the start opens, so that
 *   punches after midnight sort after those before it. Without a start
 *   punch, the start-list time counts when there is one.
 */
export type StartMode =
  | { mode: 'mass'; startTime: string }
  | { mode: 'interval'; firstStart: string; intervalSeconds: number }
  | { mode: 'start-list' }
  | { mode: 'punch'; station: Station; opensAt?: string };

/** How result times are cut: running rounds up to the second, ski truncates. */
export type TimePrecision = 'ms' | 'hundredths' | 'tenths' | 'seconds';
export type TimeRounding = 'down' | 'up';

/**
 * How the course's controls must be punched: in the order listed (a
 * classic orienteering course), or each of them in any order (score-less
 * "free order" courses, a relay's fixed set of controls).
 */
export type ControlOrder = 'in-order' | 'any-order';

export type ClassSetup = {
  start: StartMode;
  finishStation: Station;
  /**
   * The course: controls that must be punched between start and finish,
   * listed in course order (a control may appear twice, a butterfly loop);
   * one that is missing (or out of order, when `controlOrder` is
   * 'in-order') makes the result MissingPunch. Empty: no course.
   */
  requiredControls: Station[];
  controlOrder: ControlOrder;
  precision: TimePrecision;
  rounding: TimeRounding;
  /** A finish passing sooner than this after the start is not a finish. */
  minSeconds: number;
  /** A passing later than this after the start belongs to no race. */
  maxSeconds: number;
};

/** What the jury or the timing crew decided about one participant. */
export type ManualStatus = 'dns' | 'dnf' | 'dsq' | 'ok';

export type StatusOverride = {
  participantId: string;
  /** The timing class it applies to; every class of the person when ''. */
  className: string;
  /**
   * 'ok' accepts a missing punch (the time stands when there is a finish);
   * the others set the status whatever the passings say.
   */
  status: ManualStatus;
  reason: string;
};

export type RaceSetup = {
  /** The setup of every class not named in `classes`. */
  defaults: ClassSetup;
  /** Per timing class, what differs from the defaults. */
  classes: Record<string, Partial<ClassSetup>>;
  overrides: StatusOverride[];
  /**
   * Passings of one chip or bib at one station closer than this to the one
   * before are repeats (a card left on the reader, a double photocell
   * break) and are ignored.
   */
  repeatSeconds: number;
};

/** One start of one participant in one timing class (class + exercise). */
export type Starter = {
  participantId: string;
  className: string;
  bib: string;
  chip: string;
  /** 'HH:MM:SS' or a local date-time 'yyyy-mm-ddTHH:MM:SS', or ''. */
  startTime: string;
  checkedIn: boolean;
  /** For showing and handing on the result; not used to compute. */
  name: string;
  club: string;
};

/** What the computation reads of a passing. */
export type ResultPassing = Pick<Passing, 'chip' | 'bib' | 'station' | 'time'>;

export type ComputeInput = {
  setup: RaceSetup;
  /** In start-list order per class (interval starts count on it). */
  starters: readonly Starter[];
  passings: readonly ResultPassing[];
  /**
   * false while the race is on: whoever has no finish yet is 'active'.
   * true once it is over: no finish means DNS or DNF.
   */
  closed: boolean;
};

/**
 * ok, dns (no start and no finish seen), dnf (started, no finish), dsq,
 * mp (missing punch), active (on the course while the race is on).
 */
export type ResultStatus = 'ok' | 'dns' | 'dnf' | 'dsq' | 'mp' | 'active';

/**
 * The time at one control, from the start: a course control punched
 * ('ok'), one not punched ('missing', no time), or a punch at a station
 * that is not on the course, the start or the finish ('additional').
 */
export type SplitTime = {
  /** The station as results key it (setup.ts stationKey): '31', 'c2'. */
  control: string;
  status: 'ok' | 'missing' | 'additional';
  /** ms from the start; null when missing or the start is unknown. */
  timeMs: number | null;
};

export type PersonResult = {
  participantId: string;
  className: string;
  bib: string;
  chip: string;
  name: string;
  club: string;
  checkedIn: boolean;
  status: ResultStatus;
  /** 1 for the winner; ties share a place and the next is skipped. */
  place: number | null;
  /** Times of day 'HH:MM:SS.fff', or '' when unknown. */
  start: string;
  finish: string;
  /** Elapsed time in ms, cut to the class precision; null without one. */
  timeMs: number | null;
  /** Behind the winner in ms, for ranked results. */
  behindMs: number | null;
  /** Required controls not found in order (missing punch). */
  missing: string[];
  /**
   * The course's controls in course order (in punch order for an
   * any-order course, the missing ones after), then additional punches by
   * time. Absent in lists from before splits were kept.
   */
  splits?: SplitTime[];
  /** Why a status was set by hand, or ''. */
  reason: string;
};

export type ClassResult = {
  className: string;
  /** Ranked first, then active, mp, dnf, dsq, dns; each by bib. */
  results: PersonResult[];
};

export type UnmatchedReason =
  | 'unknown-chip'
  | 'unknown-bib'
  | 'no-chip-or-bib'
  | 'bad-time';

export type UnmatchedPassing = {
  /** Index of the passing in the input. */
  index: number;
  passing: ResultPassing;
  reason: UnmatchedReason;
};

export type ResultList = {
  classes: ClassResult[];
  unmatched: UnmatchedPassing[];
  closed: boolean;
};
