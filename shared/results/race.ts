// One starter's race read from their passings: when they started, which
// passing is their finish, and which required controls they missed.
// Times are on a clock face: a passing belongs to the race when it lies
// within maxSeconds after the start, so a race may run past midnight.

import { clockOffset, cutTime, parseClock } from './clock';
import { stationKey } from './setup';
import type { ClassSetup, SplitTime, Starter } from './types';

export type RaceRead = {
  /** Time of day in ms, or undefined when no start is known. */
  startMs: number | undefined;
  finishMs: number | undefined;
  /** A passing or start punch shows the participant was out there. */
  seen: boolean;
  /** Course controls not punched (or not in order); only with a finish. */
  missing: string[];
  splits: SplitTime[];
};

/** A class setup with its stations and clocks read once, not per start. */
export type ClassRules = {
  setup: ClassSetup;
  finish: string;
  required: string[];
  anyOrder: boolean;
  /** The course with nothing punched, shared by everyone who has no punch. */
  noneMissing: SplitTime[];
  /** Stations that are not controls: the start and the finish. */
  notControls: Set<string>;
  /** The course's stations, to tell an additional punch. */
  onCourse: Set<string>;
  /** The mass start or the first interval start, ms of the day. */
  firstStartMs: number | undefined;
  intervalMs: number;
  /** Punch start: the start station and when the start opens. */
  startStation: string | undefined;
  opensAtMs: number;
};

export const classRules = (setup: ClassSetup): ClassRules => {
  const mode = setup.start;
  const finish = stationKey(setup.finishStation);
  const required = setup.requiredControls.map(stationKey);
  return {
    setup,
    finish,
    required,
    anyOrder: setup.controlOrder === 'any-order',
    noneMissing: required.map((control) => ({
      control,
      status: 'missing',
      timeMs: null,
    })),
    notControls: new Set(
      mode.mode === 'punch' ? [finish, stationKey(mode.station)] : [finish],
    ),
    onCourse: new Set(required),
    firstStartMs:
      mode.mode === 'mass'
        ? parseClock(mode.startTime)
        : mode.mode === 'interval'
          ? parseClock(mode.firstStart)
          : undefined,
    intervalMs: mode.mode === 'interval' ? mode.intervalSeconds * 1000 : 0,
    startStation: mode.mode === 'punch' ? stationKey(mode.station) : undefined,
    opensAtMs:
      mode.mode === 'punch' ? (parseClock(mode.opensAt ?? '00:00') ?? 0) : 0,
  };
};

export type StarterPassings = {
  times: Float64Array;
  stations: string[];
  /** The starter's passings: order[from] to order[to - 1]. */
  order: Int32Array;
  from: number;
  to: number;
};

/** A chip read this long before the start (the start pen) counts as seen. */
const presenceBeforeStartMs = 10 * 60_000;

type Timed = { at: number; station: string };

/**
 * Passings by distance from `anchor` on the clock face, without repeats:
 * a passing at a station within `repeatMs` of the last one kept there.
 */
const ordered = (
  passings: StarterPassings,
  anchor: number,
  repeatMs: number,
): Timed[] => {
  const timed: Timed[] = [];
  for (let at = passings.from; at < passings.to; at++) {
    const index = passings.order[at] ?? 0;
    timed.push({
      at: clockOffset(anchor, passings.times[index] ?? 0),
      station: passings.stations[index] ?? '',
    });
  }
  timed.sort((a, b) => a.at - b.at);
  const lastAt = new Map<string, number>();
  return timed.filter(({ at, station }) => {
    const last = lastAt.get(station);
    if (last !== undefined && at - last < repeatMs) return false;
    lastAt.set(station, at);
    return true;
  });
};

/** Additional punches kept per result, beyond the course's controls. */
const maxAdditional = 100;

export type CourseCheck = { missing: string[]; splits: SplitTime[] };

/**
 * Which punch counts for each course control, among `passed` (by time,
 * repeats dropped, `at` in ms from `zero`): in order, each control the
 * first punch of it after the one before; in any order, the first punch
 * of it not yet used. What is left at a station off the course (and not
 * the start or finish) is an additional punch.
 */
export const checkCourse = (
  rules: ClassRules,
  passed: readonly Timed[],
  zero: number | undefined,
): CourseCheck => {
  const { required } = rules;
  if (passed.length === 0) {
    return {
      missing: [...required],
      splits: required.length === 0 ? [] : rules.noneMissing,
    };
  }
  const used = new Uint8Array(passed.length);
  const found: (number | undefined)[] = new Array(required.length);
  let from = 0;
  required.forEach((control, course) => {
    for (let i = rules.anyOrder ? 0 : from; i < passed.length; i++) {
      if (used[i] === 0 && passed[i]?.station === control) {
        used[i] = 1;
        found[course] = i;
        from = i + 1;
        return;
      }
    }
  });
  const { precision, rounding } = rules.setup;
  const timeOf = (i: number) =>
    zero === undefined
      ? null
      : cutTime((passed[i]?.at ?? 0) - zero, precision, rounding);
  const missing: string[] = [];
  const splits: SplitTime[] = [];
  const absent: SplitTime[] = [];
  // In any order: the punched controls with their punch's index in passed.
  const punched: { at: number; split: SplitTime }[] = [];
  required.forEach((control, course) => {
    const at = found[course];
    if (at === undefined) {
      missing.push(control);
      (rules.anyOrder ? absent : splits).push({
        control,
        status: 'missing',
        timeMs: null,
      });
      return;
    }
    const split: SplitTime = { control, status: 'ok', timeMs: timeOf(at) };
    if (rules.anyOrder) punched.push({ at, split });
    else splits.push(split);
  });
  if (rules.anyOrder) {
    // Punch order: found[] indexes into passed, which is by time, so the
    // order holds without a start to time the splits from.
    punched.sort((a, b) => a.at - b.at);
    for (const { split } of punched) splits.push(split);
    splits.push(...absent);
  }
  let additional = 0;
  for (let i = 0; i < passed.length && additional < maxAdditional; i++) {
    const station = passed[i]?.station ?? '';
    if (used[i] === 1 || rules.onCourse.has(station)) continue;
    if (rules.notControls.has(station)) continue;
    splits.push({ control: station, status: 'additional', timeMs: timeOf(i) });
    additional++;
  }
  return { missing, splits };
};

/**
 * Passings are ordered from a little before the start, so that a read in
 * the start pen comes before the race, and repeats are told in the order
 * they happened.
 */
const fromKnownStart = (
  rules: ClassRules,
  startMs: number,
  passings: StarterPassings,
  repeatMs: number,
): RaceRead => {
  const { setup, finish: finishStation } = rules;
  const maxMs = setup.maxSeconds * 1000;
  const minMs = setup.minSeconds * 1000;
  const lead = presenceBeforeStartMs;
  const seenSpan = ordered(passings, startMs - lead, repeatMs)
    .map((passing) => ({ ...passing, at: passing.at - lead }))
    .filter((passing) => passing.at <= maxMs);
  const inRace = seenSpan.filter((passing) => passing.at >= 0);
  const finish = inRace.find(
    (passing) => passing.station === finishStation && passing.at >= minMs,
  );
  const between = finish
    ? inRace.filter((passing) => passing.at < finish.at)
    : inRace;
  const course = checkCourse(rules, between, 0);
  return {
    startMs,
    finishMs: finish === undefined ? undefined : startMs + finish.at,
    seen: seenSpan.length > 0,
    missing: finish ? course.missing : [],
    splits: course.splits,
  };
};

/**
 * Punch start: the finish is the first finish passing that has a start
 * punch at least minSeconds before it; the start is the last start punch
 * (first of its burst) before that finish.
 */
const fromStartPunch = (
  rules: ClassRules,
  start: { station: string; opensAt: number },
  passings: StarterPassings,
  repeatMs: number,
): RaceRead | undefined => {
  const { setup, finish: finishStation } = rules;
  const all = ordered(passings, start.opensAt, repeatMs);
  let lastStart: Timed | undefined;
  for (const passing of all) {
    if (passing.station === start.station) lastStart = passing;
    else if (passing.station === finishStation && lastStart) {
      const took = passing.at - lastStart.at;
      if (took < setup.minSeconds * 1000) continue;
      if (took > setup.maxSeconds * 1000) continue;
      const startAt = lastStart.at;
      const between = all.filter((p) => p.at > startAt && p.at < passing.at);
      const course = checkCourse(rules, between, startAt);
      return {
        startMs: start.opensAt + startAt,
        finishMs: start.opensAt + passing.at,
        seen: true,
        missing: course.missing,
        splits: course.splits,
      };
    }
  }
  if (!lastStart) return undefined;
  const startAt = lastStart.at;
  const maxMs = setup.maxSeconds * 1000;
  const after = all.filter((p) => p.at > startAt && p.at - startAt <= maxMs);
  return {
    startMs: start.opensAt + startAt,
    finishMs: undefined,
    seen: true,
    missing: [],
    splits: checkCourse(rules, after, startAt).splits,
  };
};

/**
 * What the passings say about one start. `order` is the start's place in
 * its class (0-based), for interval starts.
 */
export const readRace = (
  rules: ClassRules,
  starter: Starter,
  order: number,
  passings: StarterPassings,
  repeatMs: number,
): RaceRead => {
  const mode = rules.setup.start.mode;
  let startMs: number | undefined;
  if (mode === 'mass') startMs = rules.firstStartMs;
  else if (mode === 'interval' && rules.firstStartMs !== undefined) {
    startMs = (rules.firstStartMs + order * rules.intervalMs) % 86_400_000;
  } else if (mode === 'start-list') startMs = parseClock(starter.startTime);
  else if (mode === 'punch' && rules.startStation !== undefined) {
    const punched = fromStartPunch(
      rules,
      { station: rules.startStation, opensAt: rules.opensAtMs },
      passings,
      repeatMs,
    );
    if (punched) return punched;
    startMs = parseClock(starter.startTime);
  }
  if (startMs !== undefined) {
    return fromKnownStart(rules, startMs, passings, repeatMs);
  }
  // No start: which controls were punched is known, not when from a start.
  const all = ordered(passings, rules.opensAtMs, repeatMs);
  const finished = all.some(({ station }) => station === rules.finish);
  return {
    startMs: undefined,
    finishMs: undefined,
    seen: all.length > 0,
    missing: finished ? ['start'] : [],
    splits: checkCourse(rules, all, undefined).splits,
  };
};
