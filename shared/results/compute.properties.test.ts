// Properties of the computation over random races: places follow times,
// every passing is accounted for, and neither the clock's position (a race
// across midnight), the order passings arrive in, nor repeats change a
// result.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayMs, formatClock } from './clock';
import { computeResults } from './compute';
import { makeStarter, massSetup } from './fixtures';
import type { ResultList, ResultPassing, Starter } from './types';

type Race = {
  startMs: number;
  starters: Starter[];
  /** Offsets from the start in ms, and stations, before the clock is put on. */
  passings: { bib: string; station: string; offsetMs: number }[];
};

const controls = ['31', '32'];
const stations = [...controls, 'c1'];

const raceArbitrary: fc.Arbitrary<Race> = fc
  .record({
    startMs: fc.integer({ min: 0, max: dayMs - 1 }),
    runners: fc.integer({ min: 1, max: 25 }),
    passings: fc.array(
      fc.record({
        runner: fc.nat(40),
        station: fc.constantFrom(...stations),
        // Up to 5 h after the start, some a little before it.
        offsetMs: fc.integer({ min: -120_000, max: 5 * 3_600_000 }),
      }),
      { maxLength: 120 },
    ),
  })
  .map(({ startMs, runners, passings }) => ({
    startMs,
    starters: Array.from({ length: runners }, (_, i) =>
      makeStarter({ bib: String(i + 1) }),
    ),
    passings: passings.map((p) => ({
      bib: String(p.runner + 1),
      station: p.station,
      offsetMs: p.offsetMs,
    })),
  }));

const onClock = (race: Race, shiftMs = 0): ResultPassing[] =>
  race.passings.map((p) => ({
    bib: p.bib,
    station: p.station,
    time: formatClock(race.startMs + shiftMs + p.offsetMs),
  }));

const run = (race: Race, passings: ResultPassing[], shiftMs = 0) =>
  computeResults({
    setup: massSetup(formatClock(race.startMs + shiftMs), {
      requiredControls: controls,
      minSeconds: 0,
    }),
    starters: race.starters,
    passings,
    closed: true,
  });

/** What must not change: everything but the clock times themselves. */
const outcome = (list: ResultList) =>
  list.classes.flatMap((c) =>
    c.results.map((r) => [r.bib, r.status, r.place, r.timeMs, r.missing]),
  );

const runs = { numRuns: 200 };

const repeatMs = 3_000;

/** The race without passings that would be repeats of one another. */
const spaced = (race: Race): Race => {
  const last = new Map<string, number>();
  const passings = [...race.passings]
    .sort((a, b) => a.offsetMs - b.offsetMs)
    .filter((p) => {
      const key = `${p.bib} ${p.station}`;
      const before = last.get(key);
      if (before !== undefined && p.offsetMs - before < repeatMs) return false;
      last.set(key, p.offsetMs);
      return true;
    });
  return { ...race, passings };
};

describe('computeResults over random races', () => {
  it('places each OK runner one after those strictly faster', () => {
    fc.assert(
      fc.property(raceArbitrary, (race) => {
        const results = run(race, onClock(race)).classes[0]?.results ?? [];
        const ok = results.filter((r) => r.status === 'ok');
        for (const result of results) {
          if (result.status !== 'ok') {
            expect(result.place).toBeNull();
            continue;
          }
          const faster = ok.filter(
            (other) => (other.timeMs ?? 0) < (result.timeMs ?? 0),
          ).length;
          expect(result.place).toBe(faster + 1);
        }
      }),
      runs,
    );
  });

  it('times each finisher to their first finish passing after the gun', () => {
    fc.assert(
      fc.property(raceArbitrary.map(spaced), (race) => {
        const results = run(race, onClock(race)).classes[0]?.results ?? [];
        for (const result of results) {
          const finishes = race.passings
            .filter((p) => p.bib === result.bib && p.station === 'c1')
            .map((p) => p.offsetMs)
            .filter((offset) => offset >= 0);
          const first = finishes.length ? Math.min(...finishes) : null;
          expect(result.status === 'ok' || result.status === 'mp').toBe(
            first !== null,
          );
          if (first !== null) expect(result.timeMs).toBe(first);
        }
      }),
      runs,
    );
  });

  it('accounts for every passing: matched to its bib or listed unmatched', () => {
    fc.assert(
      fc.property(raceArbitrary, (race) => {
        const passings = onClock(race);
        const list = run(race, passings);
        const bibs = new Set(race.starters.map((s) => s.bib));
        const unmatched = new Set(list.unmatched.map((u) => u.index));
        passings.forEach((passing, index) => {
          expect(unmatched.has(index)).toBe(!bibs.has(passing.bib ?? ''));
        });
      }),
      runs,
    );
  });

  it('gives the same results wherever the race sits on the clock', () => {
    fc.assert(
      fc.property(
        raceArbitrary,
        fc.integer({ min: 0, max: dayMs - 1 }),
        (race, shiftMs) => {
          const here = outcome(run(race, onClock(race)));
          const shifted = outcome(run(race, onClock(race, shiftMs), shiftMs));
          expect(shifted).toEqual(here);
        },
      ),
      runs,
    );
  });

  it('gives the same results for passings in any order and with repeats', () => {
    fc.assert(
      fc.property(
        raceArbitrary.map(spaced).chain((race) =>
          fc.record({
            race: fc.constant(race),
            order: fc.shuffledSubarray(onClock(race), {
              minLength: race.passings.length,
            }),
            echoes: fc.array(
              fc.record({
                of: fc.nat(Math.max(0, race.passings.length - 1)),
                afterMs: fc.integer({ min: 0, max: repeatMs - 1 }),
              }),
              { maxLength: race.passings.length === 0 ? 0 : 10 },
            ),
          }),
        ),
        ({ race, order, echoes }) => {
          const repeats = echoes.flatMap(({ of, afterMs }) => {
            const p = race.passings[of];
            if (!p) return [];
            const time = formatClock(race.startMs + p.offsetMs + afterMs);
            return [{ bib: p.bib, station: p.station, time }];
          });
          expect(outcome(run(race, [...order, ...repeats]))).toEqual(
            outcome(run(race, onClock(race))),
          );
        },
      ),
      runs,
    );
  });
});
