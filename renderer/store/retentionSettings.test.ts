// What decides when an event leaves the desk (retentionSettings.ts): its
// days, whether it is connected, when its results were last handed to the
// central service; and what a purge of a connected event that is not open
// would lose. A sync record is written directly: connecting for real is
// purgeUnsynced.test.ts.

import { afterEach, describe, expect, it } from 'vitest';

import { writeSyncRecord } from '../db/syncRecords';
import { unsentOperations } from './retentionSettings';
import type { RxDeskStore } from './rxDeskStore';
import { openTestDesk } from './testDesk';
import { baseline, sheetOf } from './testSheets';

const open: RxDeskStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

const deskWithEvent = async () => {
  const store = await openTestDesk();
  open.push(store);
  const preview = await store.previewImport(sheetOf(baseline), {
    newEventName: 'Vårløpet',
  });
  const committed = await store.commitImport(preview, []);
  if (!committed.ok) throw new Error(committed.error.message);
  const eventId = committed.value.eventId;
  await store.openEvent(eventId);
  return { store, eventId };
};

const connect = (store: RxDeskStore, eventId: string, active = true) =>
  writeSyncRecord(store.database, {
    eventId,
    url: 'http://127.0.0.1:9',
    centralEventId: 'central-1',
    deskId: store.deskId,
    deskName: 'Test',
    deskToken: 'd_test',
    connectedAt: '2025-06-14T08:00:00.000Z',
    active,
    checkpoint: 0,
  });

describe('an event’s retention basis', () => {
  it('is the default days, not connected and no results before anything is set', async () => {
    const { store, eventId } = await deskWithEvent();

    expect(await store.retention(eventId)).toEqual({
      days: 7,
      connected: false,
      resultsSentAt: null,
    });
  });

  it('keeps the days and the results hand-over side by side, and is connected while the sync record is active', async () => {
    const { store, eventId } = await deskWithEvent();
    await connect(store, eventId);
    expect(await store.setRetentionDays(eventId, 3)).toEqual({
      ok: true,
      value: 3,
    });
    const sentAt = '2025-06-20T16:30:00.000Z';

    expect(await store.markResultsSent(eventId, sentAt)).toEqual({
      ok: true,
      value: sentAt,
    });
    expect(await store.setRetentionDays(eventId, 4)).toMatchObject({
      ok: true,
    });
    expect(await store.retention(eventId)).toEqual({
      days: 4,
      connected: true,
      resultsSentAt: sentAt,
    });
    expect(await store.retentionDays(eventId)).toBe(4);
    const refused = await store.markResultsSent(eventId, 'yesterday');
    expect(refused.ok ? '' : refused.error.code).toBe('invalid-time');

    await connect(store, eventId, false);
    expect((await store.retention(eventId)).connected).toBe(false);
  });

  it('goes with the purge', async () => {
    const { store, eventId } = await deskWithEvent();
    await store.markResultsSent(eventId, '2025-06-20T16:30:00.000Z');

    expect((await store.purgeEvent(eventId)).ok).toBe(true);

    expect(await store.retention(eventId)).toEqual({
      days: 7,
      connected: false,
      resultsSentAt: null,
    });
    expect(await store.database.getLocal(`retention|${eventId}`)).toBeNull();
  });
});

describe('what a purge would lose', () => {
  it('counts a connected event’s unanswered operations of this desk, open or not, and refuses once', async () => {
    const { store, eventId } = await deskWithEvent();
    await connect(store, eventId);
    const kari = store.search('kari nordmann')[0]?.participant.id ?? '';
    const checkedIn = await store.checkIn(kari);
    if (!checkedIn.ok) throw new Error(checkedIn.error.message);
    const db = store.database;

    expect(await unsentOperations(db, eventId, store.deskId)).toEqual({
      pending: 1,
      neverConnected: false,
    });
    // Another desk's operation in this database is not this desk's to send.
    expect(await unsentOperations(db, eventId, 'another-desk')).toEqual({
      pending: 0,
      neverConnected: false,
    });
    // Not open: counted from the database all the same.
    const other = await store.previewImport(sheetOf(baseline.slice(0, 1)), {
      newEventName: 'Sommerløpet',
    });
    const committed = await store.commitImport(other, []);
    if (!committed.ok) throw new Error(committed.error.message);
    await store.openEvent(committed.value.eventId);
    expect(await store.purgeEvent(eventId)).toMatchObject({
      ok: false,
      error: {
        code: 'unsynced-operations',
        data: { pending: 1, neverConnected: false },
      },
    });

    await db.opResults.insert({
      id: checkedIn.value.id,
      eventId,
      participantId: kari,
      seq: 1,
      latestSeq: 1,
      repeated: false,
      result: { outcome: 'applied', code: '', message: '', data: {} },
    });

    expect(await unsentOperations(db, eventId, store.deskId)).toEqual({
      pending: 0,
      neverConnected: false,
    });
    expect((await store.purgeEvent(eventId)).ok).toBe(true);
  });

  it('counts every operation of an event never connected, even with none of this desk', async () => {
    const { store, eventId } = await deskWithEvent();
    const kari = store.search('kari nordmann')[0]?.participant.id ?? '';
    expect((await store.checkIn(kari)).ok).toBe(true);

    expect(
      await unsentOperations(store.database, eventId, 'another-desk'),
    ).toEqual({ pending: 1, neverConnected: true });
  });

  it('takes the desk’s own days from 0 to 365, as the central service takes the organizer’s, and refuses 366 and 400 saying the range', async () => {
    const { store, eventId } = await deskWithEvent();

    expect(await store.setRetentionDays(eventId, 365)).toEqual({
      ok: true,
      value: 365,
    });
    expect(await store.setRetentionDays(eventId, 0)).toEqual({
      ok: true,
      value: 0,
    });
    for (const days of [366, 400]) {
      const refused = await store.setRetentionDays(eventId, days);
      expect(refused.ok ? null : refused.error).toMatchObject({
        code: 'invalid-retention',
        data: { field: 'days', days, max: 365 },
      });
      expect(refused.ok ? '' : refused.error.message).toContain('0 to 365');
    }
    expect(await store.retentionDays(eventId)).toBe(0);
    // The organizer's days have the same range.
    const over = await store.setOrganizerRetentionDays(eventId, 366);
    expect(over.ok ? '' : over.error.code).toBe('invalid-retention');
  });

  it('keeps the organizer’s days beside the desk’s own, and forgets them when the organizer clears them', async () => {
    const { store, eventId } = await deskWithEvent();
    await connect(store, eventId);
    await store.setRetentionDays(eventId, 10);

    expect(await store.setOrganizerRetentionDays(eventId, 2)).toEqual({
      ok: true,
      value: 2,
    });
    expect(await store.retention(eventId)).toMatchObject({
      days: 10,
      organizerDays: 2,
      connected: true,
    });
    // The desk's own setting does not touch them.
    await store.setRetentionDays(eventId, 11);
    expect((await store.retention(eventId)).organizerDays).toBe(2);
    expect(await store.retentionDays(eventId)).toBe(11);

    const refused = await store.setOrganizerRetentionDays(eventId, 1.5);
    expect(refused.ok ? '' : refused.error.code).toBe('invalid-retention');
    expect((await store.retention(eventId)).organizerDays).toBe(2);

    expect(await store.setOrganizerRetentionDays(eventId, null)).toEqual({
      ok: true,
      value: null,
    });
    const cleared = await store.retention(eventId);
    expect(cleared).not.toHaveProperty('organizerDays');
    expect(cleared.days).toBe(11);
  });
});
