import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeRoster } from './rosterDocs';
import type { RxDeskStore } from './rxDeskStore';
import { freshDatabaseName, openTestDesk } from './testDesk';
import { baseline, sheetOf } from './testSheets';

const open: RxDeskStore[] = [];

const desk = async (dbName: string) => {
  const store = await openTestDesk({ dbName });
  open.push(store);
  return store;
};

afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

/** Imports the baseline sheet into a new event and closes the desk. */
const imported = async (people = baseline) => {
  const dbName = freshDatabaseName('roster');
  const store = await desk(dbName);
  const preview = await store.previewImport(sheetOf(people), {
    newEventName: 'Vårløpet',
  });
  const committed = await store.commitImport(preview, []);
  if (!committed.ok) throw new Error(committed.error.message);
  const eventId = committed.value.eventId;
  open.splice(open.indexOf(store), 1);
  await store.close();
  return { dbName, eventId };
};

const fullyLoaded = (store: RxDeskStore) =>
  vi.waitFor(() => expect(store.detailsLoaded()).toBe(true));

describe('desk store: opening from the roster', () => {
  it('answers search from the roster at once, then shows the full registration', async () => {
    const { dbName, eventId } = await imported();
    const store = await desk(dbName);
    const opened = await store.openEvent(eventId);
    expect(opened.ok).toBe(true);

    expect(store.detailsLoaded()).toBe(false);
    const kari = store.search('kari nord')[0];
    expect(kari?.participant.club).toBe('IL Heming');
    expect(kari?.participant.entries[0]?.className).toBe('K 30-34');
    expect(store.search('ola dunk')[0]?.participant.status).toBe(
      'deregistered',
    );
    expect(store.lookupScan('R1000001')?.participant.firstName).toBe('Kari');
    const before = store.version();

    await fullyLoaded(store);
    expect(store.version()).toBeGreaterThan(before);
    const full = store.get(kari?.participant.id ?? '');
    expect(full?.participant.entries[0]?.date).toBe('2025-06-14');
    expect(store.search('kari nord')[0]).toBe(full);
    expect(store.lookupScan('R1000001')).toBe(full);
  });

  it('judges a check-in only once the full registration is in', async () => {
    const { dbName, eventId } = await imported();
    const store = await desk(dbName);
    await store.openEvent(eventId);
    const kari = store.search('kari')[0]?.participant.id ?? '';
    const saved = store.checkIn(kari);
    expect(store.detailsLoaded()).toBe(false);
    expect((await saved).ok).toBe(true);
    expect(store.detailsLoaded()).toBe(true);
    expect(store.get(kari)?.state.checkedIn).toBe(true);
  });

  it('reads the documents when the roster is not the stored event’s', async () => {
    const { dbName, eventId } = await imported();
    const store = await desk(dbName);
    // A desk that died after writing a new import's roster: the event
    // document still carries the earlier import's time.
    await writeRoster(store.database, eventId, '2099-01-01T00:00:00Z', []);
    await store.openEvent(eventId);
    expect(store.detailsLoaded()).toBe(true);
    expect(store.search('kari')).toHaveLength(1);
  });

  it('writes a roster from the documents it had to read, for the next open', async () => {
    const { dbName, eventId } = await imported();
    const store = await desk(dbName);
    await writeRoster(store.database, eventId, '2099-01-01T00:00:00Z', []);
    await store.openEvent(eventId);
    expect(store.detailsLoaded()).toBe(true);
    open.splice(open.indexOf(store), 1);
    await store.close();

    const reopened = await desk(dbName);
    await reopened.openEvent(eventId);
    expect(reopened.detailsLoaded()).toBe(false);
    expect(reopened.search('kari')[0]?.participant.club).toBe('IL Heming');
  });

  it('drops summaries the documents no longer hold once they are read', async () => {
    const { dbName, eventId } = await imported();
    const store = await desk(dbName);
    const events = await store.listEvents();
    const stamp = events.find((e) => e.id === eventId)?.updatedAt ?? '';
    const preview = await store.previewImport(sheetOf(baseline), { eventId });
    const [kari] = preview.participants;
    if (!kari) throw new Error('no participant in the sheet');
    await writeRoster(store.database, eventId, stamp, [
      { ...kari, id: 'ghost', firstName: 'Zed', lastName: 'Zulu' },
    ]);
    await store.openEvent(eventId);
    expect(store.search('zulu')).toHaveLength(1);
    await fullyLoaded(store);
    expect(store.search('zulu')).toEqual([]);
    expect(store.search('kari')).toHaveLength(1);
  });

  it('opens an event right after its import with the full documents at once', async () => {
    const dbName = freshDatabaseName('roster');
    const store = await desk(dbName);
    const preview = await store.previewImport(sheetOf(baseline), {
      newEventName: 'Vårløpet',
    });
    const committed = await store.commitImport(preview, []);
    if (!committed.ok) throw new Error(committed.error.message);
    await store.openEvent(committed.value.eventId);
    expect(store.detailsLoaded()).toBe(true);
    expect(store.search('kari')[0]?.participant.entries[0]?.date).toBe(
      '2025-06-14',
    );
  });

  it('keeps the roster current with a re-import into the event', async () => {
    const { dbName, eventId } = await imported();
    const first = await desk(dbName);
    const moved = baseline.map((p) =>
      p.first === 'Kari' ? { ...p, club: 'Nydalen SK' } : p,
    );
    const preview = await first.previewImport(sheetOf(moved), { eventId });
    const committed = await first.commitImport(preview, []);
    expect(committed.ok).toBe(true);
    open.splice(open.indexOf(first), 1);
    await first.close();

    const store = await desk(dbName);
    await store.openEvent(eventId);
    expect(store.detailsLoaded()).toBe(false);
    expect(store.search('kari')[0]?.participant.club).toBe('Nydalen SK');
  });
});
