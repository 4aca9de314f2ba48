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

export type StarterPassings = {
  times: Float64Array;
  stations: string[];
  indexes: readonly number[];
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
  for (const index of passings.indexes) {
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
  setup: ClassSetup,
  startMs: number,
  passings: StarterPassings,
  repeatMs: number,
): RaceRead => {
  const finishStation = stationKey(setup.finishStation);
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
    missing: finish
      ? missingControls(setup.requiredControls.map(stationKey), between)
      : [],
  };
};

/**
 * Punch start: the finish is the first finish passing that has a start
 * punch at least minSeconds before it; the start is the last start punch
 * (first of its burst) before that finish.
 */
const fromStartPunch = (
  setup: ClassSetup,
  start: { station: string; opensAt: number },
  passings: StarterPassings,
  repeatMs: number,
): RaceRead | undefined => {
  const finishStation = stationKey(setup.finishStation);
  const all = ordered(passings, start.opensAt, repeatMs);
  let lastStart: Timed | undefined;
  for (const passing of all) {
    if (passing.station === start.station) lastStart = passing;
    else if (passing.station === finishStation && lastStart) {
      const took = passing.at - lastStart.at;
      if (took < setup.minSeconds * 1000) continue;
      if (took > setup.maxSeconds * 1000) break;
      const startAt = lastStart.at;
      const between = all.filter((p) => p.at > startAt && p.at < passing.at);
      return {
        startMs: start.opensAt + startAt,
        finishMs: start.opensAt + passing.at,
        seen: true,
        missing: missingControls(
          setup.requiredControls.map(stationKey),
          between,
        ),
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
  setup: ClassSetup,
  starter: Starter,
  order: number,
  passings: StarterPassings,
  repeatMs: number,
): RaceRead => {
  const mode = setup.start;
  const listed = parseClock(starter.startTime);
  let startMs: number | undefined;
  if (mode.mode === 'mass') startMs = parseClock(mode.startTime);
  else if (mode.mode === 'interval') {
    const first = parseClock(mode.firstStart);
    startMs =
      first === undefined
        ? undefined
        : (first + order * mode.intervalSeconds * 1000) % 86_400_000;
  } else if (mode.mode === 'start-list') startMs = listed;
  else {
    const punched = fromStartPunch(
      setup,
      {
        station: stationKey(mode.station),
        opensAt: parseClock(mode.opensAt ?? '00:00') ?? 0,
      },
      passings,
      repeatMs,
    );
    if (punched) return punched;
    startMs = listed;
  }
  if (startMs !== undefined) {
    return fromKnownStart(setup, startMs, passings, repeatMs);
  }
  const finishStation = stationKey(setup.finishStation);
  const finished = passings.indexes.some(
    (index) => passings.stations[index] === finishStation,
  );
  return {
    startMs: undefined,
    finishMs: undefined,
    seen: passings.indexes.length > 0,
    missing: finished ? ['start'] : [],
  };
};
