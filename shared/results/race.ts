// One starter's race read from their passings: when they started, which
// passing is their finish, and which required controls they missed.
// Times are on a clock face: a passing belongs to the race when it lies
// within maxSeconds after the start, so a race may run past midnight.

import { clockOffset, parseClock } from './clock';
import { stationKey } from './setup';
import type { ClassSetup, Starter } from './types';

export type RaceRead = {
  /** Time of day in ms, or undefined when no start is known. */
  startMs: number | undefined;
  finishMs: number | undefined;
  /** A passing or start punch shows the participant was out there. */
  seen: boolean;
  missing: string[];
};

/** A class setup with its stations and clocks read once, not per start. */
export type ClassRules = {
  setup: ClassSetup;
  finish: string;
  required: string[];
  /** The mass start or the first interval start, ms of the day. */
  firstStartMs: number | undefined;
  intervalMs: number;
  /** Punch start: the start station and when the start opens. */
  startStation: string | undefined;
  opensAtMs: number;
};

export const classRules = (setup: ClassSetup): ClassRules => {
  const mode = setup.start;
  return {
    setup,
    finish: stationKey(setup.finishStation),
    required: setup.requiredControls.map(stationKey),
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

/** Required controls not found, in order, among the passings given. */
export const missingControls = (
  required: readonly string[],
  passed: readonly Timed[],
): string[] => {
  const missing: string[] = [];
  let from = 0;
  for (const control of required) {
    let found = -1;
    for (let i = from; i < passed.length; i++) {
      if (passed[i]?.station === control) {
        found = i;
        break;
      }
    }
    if (found === -1) missing.push(control);
    else from = found + 1;
  }
  return missing;
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
  return {
    startMs,
    finishMs: finish === undefined ? undefined : startMs + finish.at,
    seen: seenSpan.length > 0,
    missing: finish ? missingControls(rules.required, between) : [],
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
      return {
        startMs: start.opensAt + startAt,
        finishMs: start.opensAt + passing.at,
        seen: true,
        missing: missingControls(rules.required, between),
      };
    }
  }
  if (!lastStart) return undefined;
  return {
    startMs: start.opensAt + lastStart.at,
    finishMs: undefined,
    seen: true,
    missing: [],
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
  let finished = false;
  for (let at = passings.from; at < passings.to; at++) {
    const index = passings.order[at] ?? 0;
    if (passings.stations[index] === rules.finish) finished = true;
  }
  return {
    startMs: undefined,
    finishMs: undefined,
    seen: passings.to > passings.from,
    missing: finished ? ['start'] : [],
  };
};
