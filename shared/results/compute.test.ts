import { describe, expect, it } from 'vitest';
import { computeResults } from './compute';
import { finishAt, makeStarter, massSetup } from './fixtures';
import { defaultClassSetup, defaultRaceSetup } from './setup';
import type {
  ComputeInput,
  PersonResult,
  RaceSetup,
  ResultPassing,
  Starter,
} from './types';

const compute = (
  setup: RaceSetup,
  starters: Starter[],
  passings: ResultPassing[],
  closed = true,
) => computeResults({ setup, starters, passings, closed });

const byBib = (results: PersonResult[]) =>
  new Map(results.map((result) => [result.bib, result]));

const onlyClass = (input: Omit<ComputeInput, 'closed'>, closed = true) => {
  const list = computeResults({ ...input, closed });
  expect(list.classes).toHaveLength(1);
  return list.classes[0]?.results ?? [];
};

describe('computeResults, mass start', () => {
  it('times everyone from the gun and ranks by time', () => {
    const results = onlyClass({
      setup: massSetup('10:00:00'),
      starters: ['1', '2', '3'].map((bib) => makeStarter({ bib })),
      passings: [
        finishAt('2', '10:20:00.500'),
        finishAt('1', '10:19:59.000'),
        finishAt('3', '10:25:00.000'),
      ],
    });
    expect(results.map((r) => [r.bib, r.place, r.timeMs, r.behindMs])).toEqual([
      ['1', 1, 1_199_000, 0],
      ['2', 2, 1_200_500, 1_500],
      ['3', 3, 1_500_000, 301_000],
    ]);
    expect(results[0]?.start).toBe('10:00:00.000');
    expect(results[0]?.finish).toBe('10:19:59.000');
  });

  it('gives tied runners one place and skips the next', () => {
    const results = onlyClass({
      setup: massSetup('10:00:00', { precision: 'seconds' }),
      starters: ['1', '2', '3', '4'].map((bib) => makeStarter({ bib })),
      passings: [
        finishAt('1', '10:10:00.100'),
        finishAt('2', '10:10:00.900'),
        finishAt('3', '10:10:00.000'),
        finishAt('4', '10:10:01.000'),
      ],
    });
    expect(results.map((r) => [r.bib, r.place])).toEqual([
      ['1', 1],
      ['2', 1],
      ['3', 1],
      ['4', 4],
    ]);
  });

  it('rounds up to the second when the class says so', () => {
    const results = onlyClass({
      setup: massSetup('10:00:00', { precision: 'seconds', rounding: 'up' }),
      starters: [makeStarter({ bib: '1' })],
      passings: [finishAt('1', '10:10:00.001')],
    });
    expect(results[0]?.timeMs).toBe(601_000);
  });

  it('takes the first finish after the start and ignores reads before it', () => {
    const results = onlyClass({
      setup: massSetup('10:00:00', { minSeconds: 60 }),
      starters: [makeStarter({ bib: '7' })],
      passings: [
        finishAt('7', '09:59:50.000'),
        finishAt('7', '10:00:20.000'),
        finishAt('7', '10:31:00.000'),
        finishAt('7', '10:31:01.000'),
        finishAt('7', '10:45:00.000'),
      ],
    });
    expect(results[0]?.finish).toBe('10:31:00.000');
    expect(results[0]?.timeMs).toBe(31 * 60_000);
  });

  it('times a race that runs past midnight', () => {
    const results = onlyClass({
      setup: massSetup('23:30:00'),
      starters: [makeStarter({ bib: '1' })],
      passings: [finishAt('1', '00:15:30.250')],
    });
    expect(results[0]?.status).toBe('ok');
    expect(results[0]?.timeMs).toBe(45 * 60_000 + 30_250);
  });

  it('matches a Timy bib with leading zeros and a chip by its number', () => {
    const results = onlyClass({
      setup: massSetup('10:00:00'),
      starters: [
        makeStarter({ bib: '42' }),
        makeStarter({ bib: '43', chip: '8001234' }),
      ],
      passings: [
        { bib: '0042', station: 'C1', time: '10:05:00.0000' },
        { chip: '8001234', station: 'c1', time: '10:06:00.000' },
      ],
    });
    expect(results.map((r) => [r.bib, r.status, r.place])).toEqual([
      ['42', 'ok', 1],
      ['43', 'ok', 2],
    ]);
  });
});

describe('computeResults, interval and punch starts', () => {
  it('starts the n-th runner of a class n intervals after the first', () => {
    const setup: RaceSetup = {
      ...defaultRaceSetup,
      defaults: {
        ...defaultClassSetup,
        start: { mode: 'interval', firstStart: '11:00', intervalSeconds: 30 },
      },
    };
    const results = onlyClass({
      setup,
      starters: ['5', '6', '7'].map((bib) => makeStarter({ bib })),
      passings: [
        finishAt('5', '11:20:00.000'),
        finishAt('6', '11:20:00.000'),
        finishAt('7', '11:20:00.000'),
      ],
    });
    expect(byBib(results).get('7')?.start).toBe('11:01:00.000');
    expect(results.map((r) => [r.bib, r.timeMs])).toEqual([
      ['7', 19 * 60_000],
      ['6', 19 * 60_000 + 30_000],
      ['5', 20 * 60_000],
    ]);
  });

  it('uses each start time from the start list', () => {
    const results = onlyClass({
      setup: defaultRaceSetup,
      starters: [
        makeStarter({ bib: '1', startTime: '2025-06-14T10:00:00' }),
        makeStarter({ bib: '2', startTime: '10:02' }),
      ],
      passings: [finishAt('1', '10:30:00.000'), finishAt('2', '10:31:00.000')],
    });
    expect(results.map((r) => [r.bib, r.timeMs])).toEqual([
      ['2', 29 * 60_000],
      ['1', 30 * 60_000],
    ]);
  });

  it('times a punch start from the last start punch before the finish', () => {
    const setup: RaceSetup = {
      ...defaultRaceSetup,
      defaults: {
        ...defaultClassSetup,
        start: { mode: 'punch', station: 1 },
        finishStation: 2,
      },
    };
    const chip = '500100';
    const punch = (station: number, time: string) => ({ chip, station, time });
    const results = onlyClass({
      setup,
      starters: [makeStarter({ bib: '1', chip })],
      passings: [
        punch(1, '12:00:00.000'),
        punch(1, '12:03:00.000'),
        punch(1, '12:03:01.000'),
        punch(2, '12:40:00.000'),
        punch(2, '12:40:02.000'),
      ],
    });
    expect(results[0]?.start).toBe('12:03:00.000');
    expect(results[0]?.timeMs).toBe(37 * 60_000);
  });

  it('skips a finish too long after a stray start punch for a later pair', () => {
    const setup: RaceSetup = {
      ...defaultRaceSetup,
      defaults: {
        ...defaultClassSetup,
        start: { mode: 'punch', station: 1 },
        finishStation: 2,
      },
    };
    const chip = '500200';
    const punch = (station: number, time: string) => ({ chip, station, time });
    const results = onlyClass({
      setup,
      starters: [makeStarter({ bib: '1', chip })],
      passings: [
        punch(1, '06:00:00.000'),
        punch(2, '19:00:00.000'),
        punch(1, '19:10:00.000'),
        punch(2, '19:50:00.000'),
      ],
    });
    expect(results[0]?.start).toBe('19:10:00.000');
    expect(results[0]?.timeMs).toBe(40 * 60_000);
  });

  it('falls back to the start-list time when the start punch is missing', () => {
    const setup: RaceSetup = {
      ...defaultRaceSetup,
      defaults: {
        ...defaultClassSetup,
        start: { mode: 'punch', station: 1 },
      },
    };
    const results = onlyClass({
      setup,
      starters: [
        makeStarter({ bib: '1', startTime: '12:00:00' }),
        makeStarter({ bib: '2' }),
      ],
      passings: [finishAt('1', '12:30:00.000'), finishAt('2', '12:31:00.000')],
    });
    const bibs = byBib(results);
    expect(bibs.get('1')?.timeMs).toBe(30 * 60_000);
    expect(bibs.get('2')?.status).toBe('mp');
    expect(bibs.get('2')?.missing).toEqual(['start']);
  });
});

describe('computeResults, statuses', () => {
  const controls = massSetup('10:00:00', { requiredControls: [31, 32, 33] });
  const punch = (bib: string, station: number | string, time: string) => ({
    bib,
    station,
    time,
  });

  it('says missing punch when a control is absent or out of order', () => {
    const results = compute(
      controls,
      ['1', '2', '3'].map((bib) => makeStarter({ bib })),
      [
        punch('1', 31, '10:01:00.000'),
        punch('1', 32, '10:02:00.000'),
        punch('1', 33, '10:03:00.000'),
        punch('1', 'c1', '10:04:00.000'),
        punch('2', 31, '10:01:00.000'),
        punch('2', 33, '10:02:00.000'),
        punch('2', 32, '10:03:00.000'),
        punch('2', 'c1', '10:04:00.000'),
        punch('3', 31, '10:01:00.000'),
        punch('3', 'c1', '10:04:00.000'),
        punch('3', 32, '10:05:00.000'),
        punch('3', 33, '10:06:00.000'),
      ],
    ).classes[0]?.results;
    const bibs = byBib(results ?? []);
    expect(bibs.get('1')?.status).toBe('ok');
    expect(bibs.get('2')?.status).toBe('mp');
    expect(bibs.get('2')?.missing).toEqual(['33']);
    expect(bibs.get('3')?.missing).toEqual(['32', '33']);
    expect(bibs.get('2')?.place).toBeNull();
  });

  it('tells did not start from did not finish by what was seen', () => {
    const results = compute(
      controls,
      [
        makeStarter({ bib: '1', checkedIn: true }),
        makeStarter({ bib: '2', checkedIn: false }),
        makeStarter({ bib: '3' }),
        makeStarter({ bib: '4' }),
      ],
      [punch('3', 31, '10:01:00.000'), punch('4', 'c1', '09:55:00.000')],
    ).classes[0]?.results;
    expect(results?.map((r) => [r.bib, r.status, r.checkedIn])).toEqual([
      ['3', 'dnf', true],
      ['4', 'dnf', true],
      ['1', 'dns', true],
      ['2', 'dns', false],
    ]);
  });

  it('shows runners without a finish as active while the race is on', () => {
    const results = compute(
      massSetup('10:00:00'),
      [makeStarter({ bib: '1' }), makeStarter({ bib: '2' })],
      [finishAt('1', '10:10:00.000')],
      false,
    ).classes[0]?.results;
    expect(results?.map((r) => [r.bib, r.status])).toEqual([
      ['1', 'ok'],
      ['2', 'active'],
    ]);
  });

  it('applies the jury: disqualified, and a missing punch accepted', () => {
    const setup = {
      ...controls,
      overrides: [
        {
          participantId: 'p1',
          className: '',
          status: 'dsq' as const,
          reason: 'short cut',
        },
        {
          participantId: 'p2',
          className: 'K 5 km',
          status: 'ok' as const,
          reason: 'station 33 broken',
        },
        {
          participantId: 'p3',
          className: 'Other class',
          status: 'dns' as const,
          reason: '',
        },
      ],
    };
    const results = compute(
      setup,
      ['1', '2', '3'].map((bib) => makeStarter({ bib })),
      [
        ...['1', '3'].flatMap((bib) => [
          punch(bib, 31, '10:01:00.000'),
          punch(bib, 32, '10:02:00.000'),
          punch(bib, 33, '10:03:00.000'),
        ]),
        punch('2', 31, '10:01:00.000'),
        punch('2', 32, '10:02:00.000'),
        ...['1', '2', '3'].map((bib) => punch(bib, 'c1', '10:04:00.000')),
      ],
    ).classes[0]?.results;
    expect(
      results?.map((r) => [r.bib, r.status, r.place, r.reason, r.timeMs]),
    ).toEqual([
      ['2', 'ok', 1, 'station 33 broken', 240_000],
      ['3', 'ok', 1, '', 240_000],
      ['1', 'dsq', null, 'short cut', 240_000],
    ]);
  });

  it('lists passings that match no start, with the reason', () => {
    const list = compute(
      massSetup('10:00:00'),
      [makeStarter({ bib: '1', chip: '100' })],
      [
        { chip: '999', station: 'c1', time: '10:01:00.000' },
        { bib: '77', station: 'c1', time: '10:01:00.000' },
        { station: 'c1', time: '10:01:00.000' },
        { bib: '1', station: 'c1', time: '25:00:00.000' },
        { chip: '100', station: 'c1', time: '10:02:00.000' },
      ],
    );
    expect(list.unmatched.map((u) => [u.index, u.reason])).toEqual([
      [0, 'unknown-chip'],
      [1, 'unknown-bib'],
      [2, 'no-chip-or-bib'],
      [3, 'bad-time'],
    ]);
    expect(list.classes[0]?.results[0]?.timeMs).toBe(120_000);
  });

  it('keeps classes apart: one chip in two exercises, two start times', () => {
    const setup: RaceSetup = {
      ...massSetup('10:00:00'),
      classes: { 'K 600 m': { start: { mode: 'mass', startTime: '12:00' } } },
    };
    const list = compute(
      setup,
      [
        makeStarter({ bib: '1', chip: '5', className: 'K 60 m' }),
        makeStarter({ bib: '1', chip: '5', className: 'K 600 m' }),
      ],
      [
        { chip: '5', station: 'c1', time: '10:00:09.870' },
        { chip: '5', station: 'c1', time: '12:01:45.000' },
      ],
    );
    expect(
      list.classes.map((c) => [c.className, c.results[0]?.timeMs]),
    ).toEqual([
      ['K 60 m', 9_870],
      ['K 600 m', 105_000],
    ]);
  });
});
