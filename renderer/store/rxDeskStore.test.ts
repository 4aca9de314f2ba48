import { IDBDatabase } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LateEntry } from '../../shared/domain/operation';
import type { RxDeskStore } from './rxDeskStore';
import { freshDatabaseName, openTestDesk } from './testDesk';
import { baseline, sheetOf } from './testSheets';

const open: RxDeskStore[] = [];

const desk = async (dbName = freshDatabaseName()) => {
  const store = await openTestDesk({ dbName });
  open.push(store);
  return store;
};

const close = async (store: RxDeskStore) => {
  open.splice(open.indexOf(store), 1);
  await store.close();
};

afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

/** A desk with the baseline sheet imported as an open event. */
const withEvent = async (dbName = freshDatabaseName()) => {
  const store = await desk(dbName);
  const preview = await store.previewImport(sheetOf(baseline), {
    newEventName: 'Vårløpet',
  });
  const committed = await store.commitImport(preview, []);
  if (!committed.ok) throw new Error(committed.error.message);
  const opened = await store.openEvent(committed.value.eventId);
  if (!opened.ok) throw new Error(opened.error.message);
  return { store, eventId: committed.value.eventId, dbName };
};

const idOf = (store: RxDeskStore, query: string) => {
  const id = store.search(query)[0]?.participant.id;
  if (!id) throw new Error(`nobody found for ${query}`);
  return id;
};

describe('desk store: check-in', () => {
  it('keeps a check-in after the database is closed and reopened', async () => {
    const { store, eventId, dbName } = await withEvent();
    const kari = idOf(store, 'kari nordmann');
    const saved = await store.checkIn(kari);
    expect(saved.ok).toBe(true);
    await close(store);

    const reopened = await desk(dbName);
    await reopened.openEvent(eventId);
    expect(reopened.get(kari)?.state.checkedIn).toBe(true);
    expect(reopened.lastOperation()?.type).toBe('check-in');
  });

  it('asks IndexedDB for strict durability when it stores a check-in', async () => {
    // Dexie binds transaction() when it opens, so the spy goes in first.
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    try {
      const { store } = await withEvent();
      const kari = idOf(store, 'kari');
      spy.mockClear();
      await store.checkIn(kari);
      const writes = spy.mock.calls.filter(([, mode]) => mode === 'readwrite');
      expect(writes.length).toBeGreaterThan(0);
      for (const [, , options] of writes) {
        expect(options?.durability).toBe('strict');
      }
    } finally {
      spy.mockRestore();
    }
  });

  it('numbers operations 1, 2, 3… without gaps, across reopening', async () => {
    const { store, eventId, dbName } = await withEvent();
    const kari = idOf(store, 'kari');
    const ingrid = idOf(store, 'ingrid');
    await store.checkIn(kari);
    await store.checkIn(kari); // refused: does not use a number
    await store.undoCheckIn(kari);
    const deskId = store.deskId;
    await close(store);

    const reopened = await desk(dbName);
    expect(reopened.deskId).toBe(deskId);
    await reopened.openEvent(eventId);
    await Promise.all([reopened.checkIn(ingrid), reopened.checkIn(kari)]);
    const ops = await reopened.database.operations
      .find({ selector: { deskId }, sort: [{ seq: 'asc' }] })
      .exec();
    expect(ops.map((op) => op.seq)).toEqual([1, 2, 3, 4]);
  });

  it("numbers each event's operations from 1, as the central service counts them", async () => {
    const { store, eventId } = await withEvent();
    await store.checkIn(idOf(store, 'kari'));
    await store.checkIn(idOf(store, 'ingrid'));
    const demo = await store.loadDemo();
    if (!demo.ok) throw new Error(demo.error.message);
    const someone =
      store.search('a', 50).find((view) => view.participant.status === 'active')
        ?.participant.id ?? '';
    const inDemo = await store.checkIn(someone);
    expect(inDemo.ok && inDemo.value.seq).toBe(1);

    await store.openEvent(eventId);
    const again = await store.undoCheckIn(idOf(store, 'kari'));
    expect(again.ok && again.value.seq).toBe(3);
  });

  it('refuses to check in a deregistered person', async () => {
    const { store } = await withEvent();
    const result = await store.checkIn(idOf(store, 'ola dunk'));
    expect(result.ok ? '' : result.error.code).toBe('deregistered');
    expect(store.lastOperation()).toBeNull();
  });

  it('records an undo as its own operation', async () => {
    const { store } = await withEvent();
    const kari = idOf(store, 'kari');
    const checkIn = await store.checkIn(kari);
    const undo = await store.undoCheckIn(kari);
    if (!checkIn.ok || !undo.ok) throw new Error('refused');
    expect(undo.value.type).toBe('check-in-undo');
    expect(undo.value.id).not.toBe(checkIn.value.id);
    expect(store.get(kari)?.state.checkedIn).toBe(false);
    const stored = await store.database.operations.find().exec();
    expect(stored.map((op) => op.type).sort()).toEqual([
      'check-in',
      'check-in-undo',
    ]);
  });

  it('tells subscribers about every change', async () => {
    const { store } = await withEvent();
    let calls = 0;
    const stop = store.subscribe(() => {
      calls += 1;
    });
    const before = store.version();
    await store.checkIn(idOf(store, 'kari'));
    stop();
    expect(calls).toBeGreaterThan(0);
    expect(store.version()).toBeGreaterThan(before);
  });
});

describe('desk store: bibs', () => {
  it('refuses a bib another participant holds, naming the holder', async () => {
    const { store } = await withEvent();
    expect((await store.assignBib(idOf(store, 'kari'), '101')).ok).toBe(true);
    const result = await store.assignBib(idOf(store, 'bjorn'), '101');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bib-taken');
    expect(result.error.message).toContain('Kari Nordmann');
    expect(store.lookupScan('101')?.participant.firstName).toBe('Kari');
  });

  it('hands out the next free bib in the class range', async () => {
    const { store } = await withEvent();
    expect(
      (await store.assignNextBib(idOf(store, 'bjorn'))).ok ? 'ok' : 'no-range',
    ).toBe('no-range');
    await store.setClassRange('M 30-34', 200, 202);
    await store.assignBib(idOf(store, 'kari'), '200');
    const bjorn = await store.assignNextBib(idOf(store, 'bjorn'));
    const hakon = await store.assignNextBib(idOf(store, 'hakon'));
    expect(bjorn.ok && bjorn.value.payload).toMatchObject({ bib: '201' });
    expect(hakon.ok && hakon.value.payload).toMatchObject({ bib: '202' });
    const summary = store.classes().find((c) => c.className === 'M 30-34');
    expect(summary).toMatchObject({
      range: { first: 200, last: 202 },
      total: 2,
      deregistered: 1,
    });
  });
});

const lateEntry: LateEntry = {
  firstName: 'Sølvi',
  lastName: 'Sent',
  birthDate: '1992-03-04',
  gender: 'female',
  club: 'Bærums Verk IL',
  className: 'K 30-34',
  paymentMethod: 'cash',
  amount: 25000,
};

describe('desk store: late entry', () => {
  it('finds a late entry in search at once and after reopening', async () => {
    const { store, eventId, dbName } = await withEvent();
    const added = await store.addLateEntry(lateEntry);
    if (!added.ok) throw new Error(added.error.message);
    expect(added.value.lateEntry).toBe(true);
    expect(store.search('solvi baerums')[0]?.participant.id).toBe(
      added.value.participant.id,
    );
    await close(store);

    const reopened = await desk(dbName);
    await reopened.openEvent(eventId);
    const found = reopened.search('sent solvi')[0];
    expect(found?.participant.id).toBe(added.value.participant.id);
    expect(found?.state.payments[0]?.amount).toBe(25000);
  });

  it('refuses a late entry without a name, naming the field', async () => {
    const { store } = await withEvent();
    const result = await store.addLateEntry({ ...lateEntry, lastName: '' });
    expect(result.ok ? '' : result.error.data).toEqual({ field: 'lastName' });
  });
});

describe('desk store: other writers', () => {
  it('records one check-in when the same person is checked in twice at once', async () => {
    const { store } = await withEvent();
    const kari = idOf(store, 'kari');
    const results = await Promise.all([
      store.checkIn(kari),
      store.checkIn(kari),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'ok',
      'already-checked-in',
    ]);
    expect(await store.database.operations.count().exec()).toBe(1);
  });

  it('shows an operation another desk stored without reopening the event', async () => {
    const { store, eventId } = await withEvent();
    const ingrid = idOf(store, 'ingrid');
    let notified = 0;
    store.subscribe(() => {
      notified += 1;
    });
    await store.database.operations.insert({
      id: '01900000-0000-7000-8000-00000000beef',
      eventId,
      deskId: 'another-desk',
      seq: 1,
      createdAt: '2025-06-14T08:00:00.000Z',
      operator: '',
      participantId: ingrid,
      type: 'check-in',
      payload: {},
    });
    await expect.poll(() => store.get(ingrid)?.state.checkedIn).toBe(true);
    expect(store.get(ingrid)?.state.checkedInDesk).toBe('another-desk');
    expect(notified).toBeGreaterThan(0);
    // Another desk's operation is not this desk's last one.
    expect(store.lastOperation()).toBeNull();
  });
});
