import { afterEach, describe, expect, it } from 'vitest';
import type { RxDeskStore } from './rxDeskStore';
import { openTestDesk } from './testDesk';
import { baseline, type SheetPerson, sheetOf } from './testSheets';

const open: RxDeskStore[] = [];

const desk = async () => {
  const store = await openTestDesk();
  open.push(store);
  return store;
};

afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

const importNew = async (store: RxDeskStore, people: SheetPerson[]) => {
  const preview = await store.previewImport(sheetOf(people), {
    newEventName: 'Vårløpet',
  });
  const report = await store.commitImport(preview, []);
  if (!report.ok) throw new Error(report.error.message);
  return report.value;
};

/** Everything stored, to compare before and after. */
const snapshot = async (store: RxDeskStore) => ({
  participants: (await store.database.participants.find().exec())
    .map((doc) => doc.toJSON(true))
    .sort((a, b) => a.key.localeCompare(b.key)),
  events: (await store.database.events.find().exec()).map((d) =>
    d.toJSON(true),
  ),
  imports: await store.database.imports.count().exec(),
});

const newer: SheetPerson[] = baseline
  .filter((p) => p.first !== 'Håkon')
  .map((p) => {
    if (p.first === 'Kari') return { ...p, club: 'Tyrving' };
    if (p.first === 'Ingrid') return { ...p, status: 'Avmeldt' as const };
    return p;
  })
  .concat([
    {
      first: 'Åse',
      last: 'Løvås',
      personId: '1000006',
      className: 'K 30-34',
    },
  ]);

describe('desk store: import', () => {
  it('imports a new event and reports what it added', async () => {
    const store = await desk();
    const report = await importNew(store, baseline);
    expect(report).toMatchObject({ added: 5, changed: 0, missing: 0 });
    const events = await store.listEvents();
    expect(events.map((e) => e.name)).toEqual(['Vårløpet']);
    expect(events[0]?.date).toBe('2025-06-14');
  });

  it('updates people in place when a newer export is imported, and says what changed', async () => {
    const store = await desk();
    const first = await importNew(store, baseline);
    await store.openEvent(first.eventId);
    const kari = store.search('kari')[0]?.participant.id ?? '';
    await store.checkIn(kari);

    const preview = await store.previewImport(sheetOf(newer, 'ny.xlsx'), {
      eventId: first.eventId,
    });
    expect(preview.newEvent).toBe(false);
    expect(preview.diff.added).toHaveLength(1);
    const report = await store.commitImport(preview, []);
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value).toMatchObject({
      eventId: first.eventId,
      fileName: 'ny.xlsx',
      added: 1,
      changed: 1,
      deregistered: 1,
      unchanged: 2,
      missing: 1,
    });

    const stored = await store.database.participants
      .find({ selector: { eventId: first.eventId } })
      .exec();
    expect(stored).toHaveLength(6);
    const view = store.get(kari);
    expect(view?.participant.club).toBe('Tyrving');
    expect(view?.participant.revision).toBe(2);
    expect(view?.state.checkedIn).toBe(true);
    expect(store.search('ingrid')[0]?.participant.status).toBe('deregistered');
    expect(store.search('ase lovas')).toHaveLength(1);
    expect(await store.database.imports.count().exec()).toBe(2);
  });

  it('leaves stored data untouched when the file is not an iSonen export', async () => {
    const store = await desk();
    const first = await importNew(store, baseline);
    const before = await snapshot(store);

    const roster = {
      ...sheetOf(newer),
      headers: ['Navn', 'Klubb'],
      rows: [{ row: 2, cells: ['Kari Nordmann', 'Tyrving'] }],
    };
    const preview = await store.previewImport(roster, {
      eventId: first.eventId,
    });
    const result = await store.commitImport(preview, []);
    expect(result.ok ? '' : result.error.code).toBe('import-invalid');
    expect(await snapshot(store)).toEqual(before);
  });

  it('leaves stored data untouched when a preview no longer fits the data', async () => {
    const store = await desk();
    const preview = await store.previewImport(sheetOf(baseline), {
      newEventName: 'Vårløpet',
    });
    expect((await store.commitImport(preview, [])).ok).toBe(true);
    const before = await snapshot(store);

    const twice = await store.commitImport(preview, []);
    expect(twice.ok ? '' : twice.error.code).toBe('import-stale');
    const other = await store.previewImport(sheetOf(newer), {
      eventId: preview.eventId,
    });
    const tampered = {
      ...other,
      participants: other.participants.map((p) => ({ ...p, eventId: 'x' })),
    };
    const wrong = await store.commitImport(tampered, []);
    expect(wrong.ok ? '' : wrong.error.code).toBe('import-invalid');
    expect(await snapshot(store)).toEqual(before);
  });

  it('leaves out the rows the person chose to skip', async () => {
    const store = await desk();
    const preview = await store.previewImport(sheetOf(baseline), {
      newEventName: 'Vårløpet',
    });
    const report = await store.commitImport(preview, [2, 3]);
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value).toMatchObject({ added: 3, skippedRows: [2, 3] });
  });

  it('loads the demo event and opens it', async () => {
    const store = await desk();
    const demo = await store.loadDemo();
    if (!demo.ok) throw new Error(demo.error.message);
    expect(store.activeEvent()?.id).toBe(demo.value.id);
    expect(demo.value.source).toBe('demo');
    expect(store.search('a', 10)).toHaveLength(10);
    expect(store.classes().length).toBeGreaterThan(1);
  });
});
