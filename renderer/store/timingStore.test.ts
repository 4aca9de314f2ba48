import { afterEach, describe, expect, it } from 'vitest';
import type { RxDeskStore } from './rxDeskStore';
import { freshDatabaseName, openTestDesk } from './testDesk';
import { baseline, sheetOf } from './testSheets';
import type { IncomingPassing } from './timingStore';

const open: RxDeskStore[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

const withEvent = async (dbName = freshDatabaseName()) => {
  const store = await openTestDesk({ dbName });
  open.push(store);
  const preview = await store.previewImport(sheetOf(baseline), {
    newEventName: 'Vårløpet',
  });
  const committed = await store.commitImport(preview, []);
  if (!committed.ok) throw new Error(committed.error.message);
  await store.openEvent(committed.value.eventId);
  return { store, eventId: committed.value.eventId, dbName };
};

const idOf = (store: RxDeskStore, query: string) =>
  store.search(query)[0]?.participant.id ?? '';

const passing = (id: string, key: string, chip: string): IncomingPassing => ({
  id,
  device: 'finish',
  session: 1,
  key,
  source: 'live',
  passing: {
    kind: 'passing',
    protocol: 'sportident',
    offset: 0,
    chip,
    station: 31,
    time: '10:00:01.237',
    extra: {},
  },
});

describe('timing store', () => {
  it('pairs a rental chip and refuses it for a second live participant', async () => {
    const { store } = await withEvent();
    const kari = idOf(store, 'kari nordmann');
    const bjorn = idOf(store, 'bjørn ås');
    const paired = await store.timing.assignChip(kari, '507919', true);
    expect(paired.ok).toBe(true);
    expect(store.get(kari)?.state).toMatchObject({
      chip: '507919',
      chipRental: true,
    });
    const taken = await store.timing.assignChip(bjorn, '507919', false);
    expect(taken).toMatchObject({ ok: false, error: { code: 'chip-taken' } });
    expect(store.timing.chipHolder('507919')?.participant.id).toBe(kari);
  });

  it('stores a passing handed over twice once, and answers both ids', async () => {
    const { store, eventId, dbName } = await withEvent();
    const first = await store.timing.storePassings([
      passing('j1', 'finish|a', '507919'),
      passing('j2', 'finish|b', '515838'),
    ]);
    // Main replays j1 after a crash before its acknowledgement arrived.
    const again = await store.timing.storePassings([
      passing('j1', 'finish|a', '507919'),
    ]);
    expect(first).toEqual({ ok: true, value: ['j1', 'j2'] });
    expect(again).toEqual({ ok: true, value: ['j1'] });
    expect(store.timing.passings().map((op) => op.payload.key)).toEqual([
      'finish|a',
      'finish|b',
    ]);

    // The passings are operations in the database: a reopened desk has them.
    await store.close();
    open.splice(open.indexOf(store), 1);
    const reopened = await openTestDesk({ dbName });
    open.push(reopened);
    await reopened.openEvent(eventId);
    expect(reopened.timing.passings()).toHaveLength(2);
  });

  it('keeps no passing while no event is open, so main keeps it', async () => {
    const store = await openTestDesk();
    open.push(store);
    const result = await store.timing.storePassings([passing('j1', 'k', '1')]);
    expect(result).toMatchObject({ ok: false, error: { code: 'no-event' } });
  });

  it('records a class setup and a status override for the results', async () => {
    const { store } = await withEvent();
    const kari = idOf(store, 'kari nordmann');
    const setup = await store.timing.setRaceSetup('K 30-34', {
      start: { mode: 'mass', startTime: '10:00:00' },
      finishStation: 31,
    });
    const refused = await store.timing.setRaceSetup('K 30-34', {
      start: { mode: 'mass', startTime: 'soon' },
    });
    const status = await store.timing.setResultStatus(
      kari,
      '',
      'dsq',
      'Short cut',
    );
    expect(setup.ok && status.ok).toBe(true);
    expect(refused.ok).toBe(false);
    expect(store.timing.setupOperations()).toHaveLength(1);
    expect(store.timing.statusOperations()[0]?.payload).toEqual({
      className: '',
      status: 'dsq',
      reason: 'Short cut',
    });
  });
});
