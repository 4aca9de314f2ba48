// The results page's path through the desk: a course set for a class and
// manual statuses are operations with the operator's name, punches are
// stored passings, and the live results read them all back.

import { afterEach, describe, expect, it } from 'vitest';
import type { RxDeskStore } from '../../store/rxDeskStore';
import { openTestDesk } from '../../store/testDesk';
import { baseline, sheetOf } from '../../store/testSheets';
import type { IncomingPassing } from '../../store/timingStore';
import { resultsOf, startListOf } from './liveResults';
import { readDraft } from './raceSetupDraft';

const open: RxDeskStore[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

const withEvent = async () => {
  const store = await openTestDesk();
  open.push(store);
  const preview = await store.previewImport(sheetOf(baseline), {
    newEventName: 'Vårløpet',
  });
  const committed = await store.commitImport(preview, []);
  if (!committed.ok) throw new Error(committed.error.message);
  await store.openEvent(committed.value.eventId);
  store.setOperator('Tor Tidtaker');
  return store;
};

const idOf = (store: RxDeskStore, query: string) =>
  store.search(query)[0]?.participant.id ?? '';

let key = 0;
const punch = (
  chip: string,
  station: number,
  time: string,
  source: 'live' | 'memory' = 'memory',
): IncomingPassing => {
  key += 1;
  return {
    id: `j${key}`,
    device: 'reader',
    session: 1,
    key: `reader|${key}`,
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
  };
};

const women = 'K 30-34 10 km';
const men = 'M 30-34 10 km';

const live = (store: RxDeskStore) => {
  const { timing } = store;
  const results = resultsOf(
    startListOf(timing.views()),
    timing.passings(),
    timing.setupOperations(),
    timing.statusOperations(),
    true,
  );
  const byName = new Map(
    results.list.classes.flatMap((c) => c.results.map((r) => [r.name, r])),
  );
  return (name: string) => byName.get(name);
};

describe('results at the desk', () => {
  it('sets a course from the form and gives MP to a finisher who missed a control', async () => {
    const store = await withEvent();
    const kari = idOf(store, 'kari nordmann');
    const ingrid = idOf(store, 'ingrid berg');
    await store.timing.assignChip(kari, '501', false);
    await store.timing.assignChip(ingrid, '502', false);

    const draft = readDraft({
      mode: 'mass',
      startTime: '10:00:00',
      interval: '30',
      startStation: 'c0',
      finish: '100',
      controls: '31 32',
      controlOrder: 'in-order',
    });
    if (!draft.ok) throw new Error('the draft is valid');
    const saved = await store.timing.setRaceSetup(women, draft.value);
    expect(saved.ok && saved.value.operator).toBe('Tor Tidtaker');
    // A course the desk's rules refuse is named by its field.
    const refused = await store.timing.setRaceSetup(women, {
      requiredControls: [31, 'x'.repeat(30)],
    });
    expect(refused.ok ? '' : refused.error.message).toContain(
      `classes["${women}"].requiredControls[1]`,
    );
    const stored = await store.timing.storePassings([
      punch('501', 31, '10:05:00.000', 'live'),
      // The card readout repeats the live punch and brings the rest.
      punch('501', 31, '10:05:00.000'),
      punch('501', 32, '10:09:00.000'),
      punch('501', 100, '10:12:00.000'),
      punch('502', 32, '10:06:00.000'),
      punch('502', 100, '10:10:00.000'),
    ]);
    expect(stored.ok).toBe(true);

    const result = live(store);
    expect(result('Kari Nordmann')).toMatchObject({
      status: 'ok',
      place: 1,
      timeMs: 720_000,
      splits: [
        { control: '31', status: 'ok', timeMs: 300_000 },
        { control: '32', status: 'ok', timeMs: 540_000 },
      ],
    });
    expect(result('Ingrid Berg')).toMatchObject({
      status: 'mp',
      place: null,
      timeMs: 600_000,
      missing: ['31'],
    });
    // The men's class has no course: no MP without one.
    expect(result('Bjørn Ås')?.splits).toEqual([]);
  });

  it('sets DNS, DNF and DSQ per participant, with the operator, and lifts them', async () => {
    const store = await withEvent();
    const kari = idOf(store, 'kari nordmann');
    const ingrid = idOf(store, 'ingrid berg');
    const bjorn = idOf(store, 'bjørn ås');
    await store.timing.assignChip(kari, '501', false);
    await store.timing.assignChip(ingrid, '502', false);
    await store.timing.setRaceSetup('', {
      start: { mode: 'mass', startTime: '10:00:00' },
      finishStation: 100,
    });
    await store.timing.storePassings([
      punch('501', 100, '10:12:00.000'),
      punch('502', 100, '10:10:00.000'),
    ]);
    expect(live(store)('Ingrid Berg')?.place).toBe(1);

    const set = [
      await store.timing.setResultStatus(ingrid, women, 'dsq', 'Short cut'),
      await store.timing.setResultStatus(kari, '', 'dnf', 'Gave up at 31'),
      await store.timing.setResultStatus(bjorn, men, 'dns', ''),
    ];
    expect(set.map((op) => op.ok && op.value.operator)).toEqual([
      'Tor Tidtaker',
      'Tor Tidtaker',
      'Tor Tidtaker',
    ]);
    let result = live(store);
    expect(result('Ingrid Berg')).toMatchObject({
      status: 'dsq',
      place: null,
      reason: 'Short cut',
    });
    expect(result('Kari Nordmann')).toMatchObject({
      status: 'dnf',
      reason: 'Gave up at 31',
    });
    expect(result('Bjørn Ås')?.status).toBe('dns');

    await store.timing.setResultStatus(ingrid, women, '', '');
    result = live(store);
    expect(result('Ingrid Berg')).toMatchObject({ status: 'ok', place: 1 });
  });
});
