import { describe, expect, it } from 'vitest';
import {
  makeOperation,
  makeParticipant,
  testEventId,
} from '../../../shared/desk/fixtures';
import { viewOf } from '../../../shared/desk/reduce';
import type { Operation } from '../../../shared/domain/operation';
import type {
  PassingOperation,
  SetupOperation,
  StatusOperation,
} from '../../store/timingStore';
import { liveResults, raceSetupOf } from './liveResults';

const chipOp = (participantId: string, chip: string) =>
  makeOperation({
    eventId: testEventId,
    participantId,
    type: 'chip-assign',
    payload: { chip, previousChip: '', rental: false },
  });

const passing = (chip: string, time: string) =>
  makeOperation({
    eventId: testEventId,
    participantId: '',
    type: 'passing',
    payload: {
      device: 'finish',
      session: 1,
      key: `finish|${chip}|${time}`,
      source: 'live',
      passing: {
        kind: 'passing',
        protocol: 'sportident',
        offset: 0,
        chip,
        station: 31,
        time,
        extra: {},
      },
    },
  }) as PassingOperation;

const setupOp = (className: string, startTime: string) =>
  makeOperation({
    eventId: testEventId,
    participantId: '',
    type: 'race-setup-set',
    payload: {
      className,
      setup: { start: { mode: 'mass', startTime }, finishStation: 31 },
    },
  }) as SetupOperation;

const statusOp = (participantId: string, status: 'dsq' | '') =>
  makeOperation({
    eventId: testEventId,
    participantId,
    type: 'result-status-set',
    payload: { className: '', status, reason: 'Short cut' },
  }) as StatusOperation;

const people = ['p1', 'p2', 'p3'].map((id, i) =>
  makeParticipant({ id, firstName: ['Kari', 'Ola', 'Per'][i] ?? '' }),
);
const ops: Operation[] = [chipOp('p1', '111'), chipOp('p2', '222')];
const views = people.map((p) =>
  viewOf(
    p,
    ops.filter((op) => op.participantId === p.id),
  ),
);

describe('live results', () => {
  it('ranks the finishers by chip, paired at the desk, from the mass start', () => {
    const live = liveResults(
      views,
      [passing('222', '10:00:40.000'), passing('111', '10:00:30.500')],
      [setupOp('', '10:00:00')],
      [],
      false,
    );
    const [only] = live.list.classes;
    expect(only?.className).toBe('K 30-34 10 km');
    expect(
      only?.results.map((r) => [r.name, r.place, r.timeMs, r.status]),
    ).toEqual([
      ['Kari Nordmann', 1, 30_500, 'ok'],
      ['Ola Nordmann', 2, 40_000, 'ok'],
      ['Per Nordmann', null, null, 'active'],
    ]);
  });

  it('lists a passing of a chip nobody holds as unmatched', () => {
    const live = liveResults(
      views,
      [passing('999', '10:00:40.000')],
      [setupOp('', '10:00:00')],
      [],
      false,
    );
    expect(live.list.unmatched.map((u) => u.reason)).toEqual(['unknown-chip']);
  });

  it('takes the latest setup of a class and lets a status be lifted', () => {
    const setup = raceSetupOf(
      [setupOp('A', '10:00:00'), setupOp('A', '11:00:00')],
      [statusOp('p1', 'dsq'), statusOp('p2', 'dsq'), statusOp('p2', '')],
    );
    expect(setup.classes.A?.start).toEqual({
      mode: 'mass',
      startTime: '11:00:00',
    });
    expect(setup.overrides.map((o) => [o.participantId, o.status])).toEqual([
      ['p1', 'dsq'],
    ]);
  });
});
