import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  makeOperation,
  makeParticipant,
  testEventId,
} from '../../../shared/desk/fixtures';
import { viewOf } from '../../../shared/desk/reduce';
import type { Operation } from '../../../shared/domain/operation';
import { manualReason, resultCells } from '../../../shared/results/resultTable';
import { en } from '../../i18n/en';
import { nb } from '../../i18n/nb';
import type {
  PassingOperation,
  SetupOperation,
  StatusOperation,
} from '../../store/timingStore';
import { liveResults, raceSetupOf, setByOf, setByText } from './liveResults';

const chipOp = (participantId: string, chip: string) =>
  makeOperation({
    eventId: testEventId,
    participantId,
    type: 'chip-assign',
    payload: { chip, previousChip: '', rental: false },
  });

const passing = (
  chip: string,
  time: string,
  source: 'live' | 'readout' = 'live',
  station = 31,
) =>
  makeOperation({
    eventId: testEventId,
    participantId: '',
    type: 'passing',
    payload: {
      device: 'finish',
      session: 1,
      key: `finish|${chip}|${station}|${time}`,
      source,
      passing: {
        kind: 'passing',
        protocol: 'sportident',
        offset: 0,
        chip,
        station,
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

let t: TFunction;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { nb: { translation: nb }, en: { translation: en } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  t = i18n.t;
});

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

  it('lists the readout punches of a card nobody holds as one row, station passings one row each', () => {
    const readout = (chip: string, station: number, time: string) =>
      passing(chip, time, 'readout', station);
    const live = liveResults(
      views,
      [
        passing('999', '10:00:40.000'),
        readout('123456', 41, '10:05:00.000'),
        readout('123456', 42, '10:09:00.000'),
        readout('123456', 43, '10:12:00.000'),
        // A card someone holds: matched, not listed.
        readout('111', 41, '10:06:00.000'),
        passing('998', '10:13:00.000'),
        readout('654321', 41, '10:14:00.000'),
        passing('999', '10:15:00.000'),
      ],
      [setupOp('', '10:00:00')],
      [],
      false,
    );
    expect(live.list.unmatched).toHaveLength(7);
    expect(
      live
        .unmatched()
        .map((row) =>
          row.kind === 'card'
            ? ['card', row.chip, row.punches, row.index]
            : ['passing', row.passing.chip, row.passing.time, row.index],
        ),
    ).toEqual([
      ['passing', '999', '10:00:40.000', 0],
      ['card', '123456', 3, 3],
      ['passing', '998', '10:13:00.000', 5],
      ['card', '654321', 1, 6],
      ['passing', '999', '10:15:00.000', 7],
    ]);
    const card = live.unmatched()[1];
    expect(
      card?.kind === 'card' &&
        t('results.unknownCard', { chip: card.chip, count: card.punches }),
    ).toBe('Card 123456 read out, 3 punches, no participant holds it');
    expect(
      t('results.unknownCard', { chip: '123456', count: 9, lng: 'nb' }),
    ).toBe('Brikke 123456 lest ut, 9 stemplinger, ingen deltaker har den');
  });

  it('shows who set a status by hand on the desk, from the operation, and hands on no name', () => {
    const byKari = { ...statusOp('p1', 'dsq'), operator: 'Siri Operatørsen' };
    const setBy = setByOf([
      byKari,
      statusOp('p2', 'dsq'),
      statusOp('p3', 'dsq'),
      statusOp('p3', ''),
    ]);
    expect([...setBy]).toEqual([
      ['p1', 'Siri Operatørsen'],
      ['p2', ''],
    ]);
    expect(setByText(t, setBy.get('p1'))).toBe('Set by Siri Operatørsen');
    expect(setByText(t, setBy.get('p2'))).toBe('Set by the timing crew');
    // The results handed on carry the code, said in the list's language.
    const live = liveResults(
      views,
      [],
      [],
      [
        {
          ...byKari,
          payload: { className: '', status: 'dsq', reason: manualReason },
        },
      ],
      false,
    );
    const kari = live.list.classes
      .flatMap((c) => c.results)
      .find((r) => r.participantId === 'p1');
    if (!kari) throw new Error('p1 has no result');
    expect(kari.reason).toBe(manualReason);
    for (const lang of ['nb', 'en'] as const) {
      const cells = resultCells(kari, lang).join('|');
      expect(cells).not.toContain('Siri');
      expect(cells).toContain(lang === 'nb' ? 'Satt manuelt' : 'Set manually');
    }
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
