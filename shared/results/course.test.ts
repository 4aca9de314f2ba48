// Courses: the controls a class must punch, in order or in any order, the
// missing punch (MP) when one is not there, and split times per control.
// Punches arrive as passings (chip or bib, station = control code, time),
// live from radio controls or from a card readout, often both.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClock, parseClock } from './clock';
import { computeResults } from './compute';
import { makeStarter, massSetup } from './fixtures';
import { defaultClassSetup, defaultRaceSetup } from './setup';
import type {
  ClassSetup,
  PersonResult,
  RaceSetup,
  ResultPassing,
  Starter,
} from './types';

const startMs = parseClock('10:00:00') ?? 0;
const at = (seconds: number) => formatClock(startMs + seconds * 1000);

/** A punch `seconds` after the 10:00 mass start, as a card readout gives it. */
const punch = (
  chip: string,
  station: number | string,
  seconds: number,
): ResultPassing => ({ chip, station, time: at(seconds) });

const runner = (bib: string): Starter =>
  makeStarter({ bib, chip: `50${bib}`, className: 'H 21' });

const course = (
  requiredControls: (number | string)[],
  fields: Partial<ClassSetup> = {},
): RaceSetup =>
  massSetup('10:00:00', { requiredControls, finishStation: 100, ...fields });

const results = (
  setup: RaceSetup,
  passings: ResultPassing[],
  starters: Starter[] = [runner('1')],
  closed = true,
): PersonResult[] =>
  computeResults({ setup, starters, passings, closed }).classes[0]?.results ??
  [];

const only = (setup: RaceSetup, passings: ResultPassing[]): PersonResult => {
  const [result] = results(setup, passings);
  if (!result) throw new Error('no result');
  return result;
};

const splitsOf = (result: PersonResult) =>
  (result.splits ?? []).map((s) => [s.control, s.status, s.timeMs]);

describe('a course in order', () => {
  const setup = course([31, 32, 33]);

  it('is OK with every control punched in order, with split times', () => {
    const result = only(setup, [
      punch('501', 31, 60),
      punch('501', 32, 120.5),
      punch('501', 33, 180),
      punch('501', 100, 240),
    ]);
    expect(result).toMatchObject({ status: 'ok', place: 1, missing: [] });
    expect(result.timeMs).toBe(240_000);
    expect(splitsOf(result)).toEqual([
      ['31', 'ok', 60_000],
      ['32', 'ok', 120_500],
      ['33', 'ok', 180_000],
    ]);
  });

  it('is MP when a control is missing, and keeps its time unranked', () => {
    const result = only(setup, [
      punch('501', 31, 60),
      punch('501', 33, 180),
      punch('501', 100, 240),
    ]);
    expect(result).toMatchObject({
      status: 'mp',
      place: null,
      missing: ['32'],
    });
    expect(result.timeMs).toBe(240_000);
    expect(splitsOf(result)).toEqual([
      ['31', 'ok', 60_000],
      ['32', 'missing', null],
      ['33', 'ok', 180_000],
    ]);
  });

  it('is MP when controls are punched out of order', () => {
    const result = only(setup, [
      punch('501', 31, 60),
      punch('501', 33, 120),
      punch('501', 32, 180),
      punch('501', 100, 240),
    ]);
    expect(result.status).toBe('mp');
    expect(result.missing).toEqual(['33']);
  });

  it('takes a control punched again later in its right place', () => {
    // 33 too early, then the runner goes back and punches it after 32.
    const result = only(setup, [
      punch('501', 31, 60),
      punch('501', 33, 90),
      punch('501', 32, 120),
      punch('501', 33, 180),
      punch('501', 100, 240),
    ]);
    expect(result.status).toBe('ok');
    expect(splitsOf(result)).toEqual([
      ['31', 'ok', 60_000],
      ['32', 'ok', 120_000],
      ['33', 'ok', 180_000],
    ]);
  });

  it('needs a control twice when the course visits it twice (butterfly)', () => {
    const butterfly = course([31, 40, 32, 40, 33]);
    const once = only(butterfly, [
      punch('501', 31, 60),
      punch('501', 40, 80),
      punch('501', 32, 120),
      punch('501', 33, 180),
      punch('501', 100, 240),
    ]);
    const twice = only(butterfly, [
      punch('501', 31, 60),
      punch('501', 40, 80),
      punch('501', 32, 120),
      punch('501', 40, 150),
      punch('501', 33, 180),
      punch('501', 100, 240),
    ]);
    expect(once).toMatchObject({ status: 'mp', missing: ['40'] });
    expect(twice.status).toBe('ok');
  });

  it('counts a live radio punch and the same punch from the readout once', () => {
    const live = [punch('501', 31, 60.25), punch('501', 32, 120.5)];
    // The card keeps whole seconds; the radio control sent 1/256 s.
    const readout = [
      { chip: '501', station: 31, time: at(60).slice(0, 8) },
      { chip: '501', station: 32, time: at(120).slice(0, 8) },
      { chip: '501', station: 33, time: at(180).slice(0, 8) },
      { chip: '501', station: 100, time: at(240).slice(0, 8) },
    ];
    const result = only(setup, [...live, ...readout, ...readout]);
    expect(result.status).toBe('ok');
    expect(result.splits?.map((s) => [s.control, s.status])).toEqual([
      ['31', 'ok'],
      ['32', 'ok'],
      ['33', 'ok'],
    ]);
  });

  it('ignores punches before the start, and after the finish', () => {
    const early = only(setup, [
      punch('501', 31, -30),
      punch('501', 32, 120),
      punch('501', 33, 180),
      punch('501', 100, 240),
      punch('501', 31, 300),
    ]);
    expect(early).toMatchObject({ status: 'mp', missing: ['31'] });
  });

  it('lists punches off the course as additional, never start or finish', () => {
    const result = only(setup, [
      punch('501', 31, 60),
      punch('501', 45, 90),
      punch('501', 32, 120),
      punch('501', 33, 180),
      punch('501', 100, 200),
    ]);
    expect(result.status).toBe('ok');
    expect(splitsOf(result)).toEqual([
      ['31', 'ok', 60_000],
      ['32', 'ok', 120_000],
      ['33', 'ok', 180_000],
      ['45', 'additional', 90_000],
    ]);
  });

  it('cuts split times to the class precision', () => {
    const whole = course([31], { precision: 'seconds', rounding: 'up' });
    const result = only(whole, [
      punch('501', 31, 60.2),
      punch('501', 100, 240.4),
    ]);
    expect(result.timeMs).toBe(241_000);
    expect(splitsOf(result)).toEqual([['31', 'ok', 61_000]]);
  });
});

describe('a course in any order', () => {
  const setup = course([31, 32, 33], { controlOrder: 'any-order' });

  it('is OK with every control punched whatever the order, splits by time', () => {
    const result = only(setup, [
      punch('501', 33, 60),
      punch('501', 31, 120),
      punch('501', 32, 180),
      punch('501', 100, 240),
    ]);
    expect(result.status).toBe('ok');
    expect(splitsOf(result)).toEqual([
      ['33', 'ok', 60_000],
      ['31', 'ok', 120_000],
      ['32', 'ok', 180_000],
    ]);
  });

  it('lists the splits in punch order when no start is known', () => {
    // A start list without the runner's time: no split times, only the
    // punches' order. By name '100' would sort before '31'.
    const noStart = course([31, 100], {
      controlOrder: 'any-order',
      start: { mode: 'start-list' },
      finishStation: 200,
    });
    const runners = [runner('1'), runner('2')];
    const list = results(
      noStart,
      [
        punch('501', 31, 60),
        punch('501', 100, 120),
        punch('502', 100, 60),
        punch('502', 31, 120),
      ],
      runners,
    );
    const splitsOfBib = (bib: string) => {
      const result = list.find((r) => r.bib === bib);
      if (!result) throw new Error(`no result for ${bib}`);
      return splitsOf(result);
    };
    expect(splitsOfBib('1')).toEqual([
      ['31', 'ok', null],
      ['100', 'ok', null],
    ]);
    expect(splitsOfBib('2')).toEqual([
      ['100', 'ok', null],
      ['31', 'ok', null],
    ]);
  });

  it('is MP when one is missing, listed after the punched ones', () => {
    const result = only(setup, [
      punch('501', 33, 60),
      punch('501', 31, 120),
      punch('501', 33, 150),
      punch('501', 100, 240),
    ]);
    expect(result).toMatchObject({ status: 'mp', missing: ['32'] });
    expect(splitsOf(result)).toEqual([
      ['33', 'ok', 60_000],
      ['31', 'ok', 120_000],
      ['32', 'missing', null],
    ]);
  });
});

describe('missing punch among the other results', () => {
  it('ranks MP after OK and those still out, before DNF and DNS', () => {
    const setup = course([31]);
    const list = results(
      setup,
      [
        // 1: MP with the best time. 2, 3: OK. 4: out there. 5: nothing.
        punch('501', 100, 100),
        punch('502', 31, 60),
        punch('502', 100, 300),
        punch('503', 31, 60),
        punch('503', 100, 200),
        punch('504', 31, 60),
      ],
      ['1', '2', '3', '4', '5'].map(runner),
      false,
    );
    expect(list.map((r) => [r.bib, r.status, r.place])).toEqual([
      ['3', 'ok', 1],
      ['2', 'ok', 2],
      ['4', 'active', null],
      ['5', 'active', null],
      ['1', 'mp', null],
    ]);
    const closed = results(
      setup,
      [punch('501', 100, 100), punch('504', 31, 60)],
      ['1', '4', '5'].map(runner),
    );
    expect(closed.map((r) => [r.bib, r.status])).toEqual([
      ['1', 'mp'],
      ['4', 'dnf'],
      ['5', 'dns'],
    ]);
  });

  it('gives everyone the course as splits, missing when nothing was punched', () => {
    const [result] = results(course([31, 32]), [], [runner('1')]);
    expect(result?.status).toBe('dns');
    expect(result && splitsOf(result)).toEqual([
      ['31', 'missing', null],
      ['32', 'missing', null],
    ]);
  });

  it('times splits from a start punch, ignoring punches before it', () => {
    const setup: RaceSetup = {
      ...defaultRaceSetup,
      defaults: {
        ...defaultClassSetup,
        start: { mode: 'punch', station: 1 },
        finishStation: 100,
        requiredControls: [31, 32],
      },
    };
    const result = only(setup, [
      punch('501', 31, -120),
      punch('501', 1, 0),
      punch('501', 31, 30),
      punch('501', 32, 90),
      punch('501', 100, 120),
    ]);
    expect(result).toMatchObject({ status: 'ok', timeMs: 120_000 });
    expect(splitsOf(result)).toEqual([
      ['31', 'ok', 30_000],
      ['32', 'ok', 90_000],
    ]);
  });
});

// Random courses and random runs over them, against a plain reading of
// the rules: in order, the course is a subsequence of what was punched
// between start and finish; in any order, every control of the course is
// punched at least as often as the course lists it.

const codes = [31, 32, 33, 34, 35, 36];

type Run = { controls: number[]; order: 'in-order' | 'any-order' };

const runArbitrary = fc.record({
  course: fc.array(fc.constantFrom(...codes), { minLength: 1, maxLength: 6 }),
  order: fc.constantFrom<'in-order' | 'any-order'>('in-order', 'any-order'),
  // Punches between start and finish, in time order, 10 s apart.
  punched: fc.array(fc.constantFrom(...codes), { maxLength: 10 }),
});

const isSubsequence = (wanted: readonly number[], seen: readonly number[]) => {
  let next = 0;
  for (const code of seen) if (code === wanted[next]) next++;
  return next === wanted.length;
};

const coversCounts = (wanted: readonly number[], seen: readonly number[]) =>
  wanted.every(
    (code) =>
      seen.filter((c) => c === code).length >=
      wanted.filter((c) => c === code).length,
  );

const runPassings = (punched: readonly number[]): ResultPassing[] => [
  ...punched.map((code, i) => punch('501', code, 10 * (i + 1))),
  punch('501', 100, 10 * (punched.length + 1)),
];

const outcomeOf = (result: PersonResult) => ({
  status: result.status,
  timeMs: result.timeMs,
  missing: result.missing,
  splits: result.splits,
});

describe('courses over random runs', () => {
  const runs = { numRuns: 300 };
  const setupOf = ({ controls, order }: Run) =>
    course(controls, { controlOrder: order });

  it('is OK exactly when the punches cover the course, MP otherwise', () => {
    fc.assert(
      fc.property(runArbitrary, ({ course: controls, order, punched }) => {
        const result = only(setupOf({ controls, order }), runPassings(punched));
        const complete =
          order === 'in-order'
            ? isSubsequence(controls, punched)
            : coversCounts(controls, punched);
        expect(result.status).toBe(complete ? 'ok' : 'mp');
        expect(result.missing.length === 0).toBe(complete);
        const courseSplits = (result.splits ?? []).filter(
          (s) => s.status !== 'additional',
        );
        expect(courseSplits).toHaveLength(controls.length);
        for (const split of result.splits ?? []) {
          if (split.status === 'missing') expect(split.timeMs).toBeNull();
          else {
            expect(split.timeMs).toBeGreaterThan(0);
            expect(split.timeMs).toBeLessThan(result.timeMs ?? 0);
          }
        }
        if (order === 'in-order') {
          const times = courseSplits.flatMap((s) =>
            s.timeMs === null ? [] : [s.timeMs],
          );
          expect(times).toEqual([...times].sort((a, b) => a - b));
        }
      }),
      runs,
    );
  });

  it('is the same with punches before the start added', () => {
    fc.assert(
      fc.property(
        runArbitrary,
        fc.array(
          fc.record({
            code: fc.constantFrom(...codes, 100),
            before: fc.integer({ min: 1, max: 3_600_000 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        ({ course: controls, order, punched }, early) => {
          const setup = setupOf({ controls, order });
          const passings = runPassings(punched);
          const before = early.map(({ code, before }) => ({
            chip: '501',
            station: code,
            time: formatClock(startMs - before),
          }));
          expect(outcomeOf(only(setup, [...before, ...passings]))).toEqual(
            outcomeOf(only(setup, passings)),
          );
        },
      ),
      runs,
    );
  });

  it('is the same with punches duplicated and the input shuffled', () => {
    fc.assert(
      fc.property(
        runArbitrary.chain((run) =>
          fc.record({
            run: fc.constant(run),
            copies: fc.array(
              fc.record({
                of: fc.nat(run.punched.length),
                // A readout's whole second, or the radio's echo; all of
                // them within the 3 s that make repeats of one another.
                afterMs: fc.integer({ min: -999, max: 1_999 }),
              }),
              { maxLength: 10 },
            ),
            seed: fc.integer(),
          }),
        ),
        ({ run, copies, seed }) => {
          const setup = setupOf({ controls: run.course, order: run.order });
          const passings = runPassings(run.punched);
          const duplicates = copies.flatMap(({ of, afterMs }) => {
            const original = passings[of];
            const ms = parseClock(original?.time ?? '');
            if (!original || ms === undefined) return [];
            return [{ ...original, time: formatClock(ms + afterMs) }];
          });
          const shuffled = fc.sample(
            fc.shuffledSubarray([...passings, ...duplicates], {
              minLength: passings.length + duplicates.length,
            }),
            { numRuns: 1, seed },
          )[0];
          const base = outcomeOf(only(setup, passings));
          const again = outcomeOf(only(setup, shuffled ?? []));
          expect(again.status).toBe(base.status);
          expect(again.missing).toEqual(base.missing);
          // An echo up to a second early moves a time by that much at most.
          expect(again.splits?.map((s) => [s.control, s.status])).toEqual(
            base.splits?.map((s) => [s.control, s.status]),
          );
        },
      ),
      runs,
    );
  });
});
