// The desk's sync end to end: desk stores on fake-indexeddb against the
// real central process on PGlite with the demo event (40 people). Offline
// is a fetch that fails; each case works on its own participants, since
// they share one service. Free RxDB opens at most 13 collections per
// process, six per desk: each case has at most two desks open.

// biome-ignore lint/correctness/noNodejsModules: the central event's export is written as a file and uploaded, as the office does.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
// biome-ignore lint/correctness/noNodejsModules: the central event's export is written as a file and uploaded, as the office does.
import { tmpdir } from 'node:os';
// biome-ignore lint/correctness/noNodejsModules: the central event's export is written as a file and uploaded, as the office does.
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoEventId } from '../../central/demo/seedDemo';
import { backends } from '../../central/test/backends';
import {
  type CentralProcess,
  startCentral,
} from '../../central/test/centralProcess';
import {
  login,
  participantsOf,
  pullAll,
  push,
  registerDesk,
  request,
  upsertParticipants,
} from '../../central/test/client';
import { operationsOf } from '../../central/test/operations';
import { writeSheet } from '../../node/xlsx/writeSheet';
import type { Participant } from '../../shared/domain/participant';
import type { Fetch } from '../../shared/sync/desk/httpTransport';
import { maxPullLimit } from '../../shared/sync/types';
import type { RxDeskStore } from '../store/rxDeskStore';
import { freshDatabaseName, openTestDesk } from '../store/testDesk';
import { type SheetPerson, sheetOf } from '../store/testSheets';
import type { DownloadProgress } from './deskSync';

const backend = backends().find((b) => b.name === 'PGlite');
if (!backend) throw new Error('no PGlite backend');

/** A desk whose network can be cut, whole or for pulls only. */
type TestDesk = {
  store: RxDeskStore;
  dbName: string;
  net: { online: boolean; pulls: boolean; asked: string[] };
};

const startTimeout = 120_000;
const poll = { timeout: 15_000, interval: 50 };

describe('desk sync against the central service on PGlite', () => {
  let central: CentralProcess | null = null;
  let base = '';
  let organizer = '';
  let people: Participant[] = [];
  const desks: TestDesk[] = [];

  const openDesk = async (dbName = freshDatabaseName('sync')) => {
    const net = { online: true, pulls: true, asked: [] as string[] };
    const netFetch: Fetch<AbortSignal> = (url, init) => {
      net.asked.push(url);
      return net.online && (net.pulls || !url.includes('/pull?'))
        ? fetch(url, init)
        : Promise.reject(new TypeError('network down'));
    };
    const store = await openTestDesk({
      dbName,
      demoParticipants: 40,
      fetch: netFetch,
      syncRetry: { firstMs: 50, maxMs: 200 },
    });
    const desk = { store, dbName, net };
    desks.push(desk);
    return desk;
  };

  const closeDesk = async (desk: TestDesk) => {
    desks.splice(desks.indexOf(desk), 1);
    await desk.store.close();
  };

  const connectDesk = async (name: string, desk?: TestDesk) => {
    const opened = desk ?? (await openDesk());
    const session = await opened.store.sync.login(base, 'demo', 'demo');
    if (!session.ok) throw new Error(session.error.message);
    const progress: DownloadProgress[] = [];
    const event = await opened.store.sync.connect(
      { session: session.value, centralEventId: demoEventId, deskName: name },
      (p) => progress.push(p),
    );
    if (!event.ok) throw new Error(event.error.message);
    return { ...opened, progress };
  };

  const serverState = async (id: string) =>
    participantsOf((await pullAll(base, organizer, demoEventId)).documents).get(
      id,
    )?.state;

  /** The n-th demo participant who is active: each case takes its own. */
  const person = (n: number): string => {
    const active = people.filter((p) => p.status === 'active');
    const found = active[n];
    if (!found) throw new Error(`no active person ${n}`);
    return found.id;
  };

  beforeAll(async () => {
    const store = await backend.open();
    central = await startCentral(store);
    base = central.url;
    organizer = await login(base, 'demo');
    const { documents } = await pullAll(base, organizer, demoEventId);
    people = [...participantsOf(documents).values()].map((d) => d.participant);
  }, startTimeout);

  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.store.close();
  });

  afterAll(async () => {
    await central?.stop();
    backend.close();
  });

  it('downloads the demo event with progress, opens it and shows it synced', async () => {
    const { store, progress, net } = await connectDesk('Desk 1');
    // The first download asks for the largest pages the service gives:
    // fewer transactions to store (bench/syncDownload.ts).
    const pulls = net.asked.filter((url) => url.includes('/pull?'));
    expect(pulls[0]).toContain(`limit=${maxPullLimit}`);
    expect(store.activeEvent()?.id).toBe(demoEventId);
    expect(store.activeEvent()?.source).toBe('central');
    expect(people.filter((p) => store.get(p.id)).length).toBe(people.length);
    const last = progress.at(-1);
    expect(last?.documents).toBeGreaterThanOrEqual(people.length);
    expect(last?.done).toBe(1);
    expect(store.sync.connection()).toMatchObject({
      url: base,
      centralEventId: demoEventId,
      deskId: store.deskId,
      deskName: 'Desk 1',
    });
    await store.sync.syncNow();
    expect(store.sync.status()).toMatchObject({ kind: 'synced', pending: 0 });
  });

  it('opens a first download from what it stored: the same views and search as reading the event back', async () => {
    const first = await connectDesk('Desk R');
    const shown = (store: RxDeskStore) => ({
      views: people.map((p) => store.get(p.id)),
      found: people
        .slice(0, 5)
        .map((p) => store.search(p.lastName, 50).map((v) => v.participant.id)),
      classes: store.classes(),
    });
    const downloaded = shown(first.store);
    await closeDesk(first);

    const again = await openDesk(first.dbName);
    expect((await again.store.openEvent(demoEventId)).ok).toBe(true);
    expect(downloaded.views.every((view) => view !== undefined)).toBe(true);
    expect(downloaded).toEqual(shown(again.store));
  });

  it('keeps a check-in made offline pending and converges once online', async () => {
    const { store, net } = await connectDesk('Offline desk');
    const id = person(1);
    net.online = false;
    expect((await store.checkIn(id)).ok).toBe(true);
    await store.sync.syncNow();
    expect(store.sync.status()).toMatchObject({ kind: 'offline', pending: 1 });
    expect(store.sync.pendingCount()).toBe(1);
    expect(store.get(id)?.state.checkedIn).toBe(true);

    net.online = true;
    await store.sync.syncNow();
    expect(store.sync.status()).toMatchObject({ kind: 'synced', pending: 0 });
    expect(store.sync.pendingCount()).toBe(0);
    expect(store.get(id)?.state).toMatchObject({
      checkedIn: true,
      checkedInDesk: store.deskId,
    });
    expect(await serverState(id)).toMatchObject({
      checkedIn: true,
      checkedInDesk: store.deskId,
    });
  });

  it("shows each desk the other desk's check-ins", async () => {
    const a = await connectDesk('Desk A');
    const b = await connectDesk('Desk B');
    const [first, second] = [person(2), person(3)];
    await a.store.checkIn(first);
    await b.store.checkIn(second);
    await expect
      .poll(async () => {
        await b.store.sync.syncNow();
        return b.store.get(first)?.state.checkedInDesk;
      }, poll)
      .toBe(a.store.deskId);
    await expect
      .poll(async () => {
        await a.store.sync.syncNow();
        return a.store.get(second)?.state.checkedInDesk;
      }, poll)
      .toBe(b.store.deskId);
  });

  it('flags a person deregistered centrally and notes the check-in it refused', async () => {
    const { store, net } = await connectDesk('Desk D');
    const id = person(4);
    net.online = false;
    expect((await store.checkIn(id)).ok).toBe(true);
    const stored = people.find((p) => p.id === id);
    if (!stored) throw new Error('no such person');
    const changed = await upsertParticipants(base, organizer, demoEventId, [
      { ...stored, status: 'deregistered' },
    ]);
    expect(changed.status).toBe(200);

    net.online = true;
    await store.sync.syncNow();
    expect(store.get(id)?.participant.status).toBe('deregistered');
    expect(store.get(id)?.state.checkedIn).toBe(false);
    expect(store.sync.notes(id)).toMatchObject([
      { type: 'check-in', outcome: 'rejected', code: 'deregistered' },
    ]);
    expect((await store.checkIn(id)).ok).toBe(false);
  });

  it('turns a bib clash into a conflict both desks show with both holders', async () => {
    const a = await connectDesk('Desk E');
    const b = await connectDesk('Desk F');
    const [holder, claimant] = [person(5), person(6)];
    b.net.online = false;
    expect((await a.store.assignBib(holder, '777')).ok).toBe(true);
    await a.store.sync.syncNow();
    expect((await b.store.assignBib(claimant, '777')).ok).toBe(true);
    expect(b.store.get(claimant)?.state.bib).toBe('777');

    b.net.online = true;
    await b.store.sync.syncNow();
    expect(b.store.get(claimant)?.state.bib).toBe('');
    expect(b.store.sync.notes(claimant)[0]).toMatchObject({
      outcome: 'conflict',
      code: 'bib-taken',
    });
    await a.store.sync.syncNow();
    for (const desk of [a, b]) {
      const [shown] = desk.store.sync.conflicts();
      expect(shown?.conflict).toMatchObject({
        bib: '777',
        holderId: holder,
        claimantId: claimant,
      });
      expect(shown?.holder?.state.bib).toBe('777');
      expect(shown?.claimant?.participant.id).toBe(claimant);
    }
  });

  it('draws a pushed check-in on top until a pull covers it', async () => {
    const { store, net } = await connectDesk('Desk G');
    const id = person(7);
    net.pulls = false;
    await store.checkIn(id);
    await store.sync.syncNow();
    expect(await serverState(id)).toMatchObject({ checkedIn: true });
    expect(store.sync.pendingCount()).toBe(1);
    expect(store.get(id)?.state.checkedIn).toBe(true);

    net.pulls = true;
    await store.sync.syncNow();
    expect(store.sync.pendingCount()).toBe(0);
    expect(store.get(id)?.state.checkedIn).toBe(true);
  });

  it('resumes syncing a connected event when the desk opens again', async () => {
    const first = await connectDesk('Desk H');
    const other = await connectDesk('Desk I');
    const { dbName, store } = first;
    const deskId = store.deskId;
    await closeDesk(first);

    const id = person(8);
    await other.store.checkIn(id);
    await other.store.sync.syncNow();
    const again = await openDesk(dbName);
    expect((await again.store.openEvent(demoEventId)).ok).toBe(true);
    expect(again.store.sync.connection()?.deskId).toBe(deskId);
    await expect
      .poll(async () => {
        await again.store.sync.syncNow();
        return again.store.get(id)?.state.checkedIn;
      }, poll)
      .toBe(true);
  });

  it('joins a local event worked offline to the central event and pushes its work', async () => {
    const desk = await openDesk();
    const loaded = await desk.store.loadDemo();
    if (!loaded.ok) throw new Error(loaded.error.message);
    const id = person(9);
    expect(desk.store.get(id)).toBeDefined();
    expect((await desk.store.checkIn(id)).ok).toBe(true);

    const session = await desk.store.sync.login(base, 'demo', 'demo');
    if (!session.ok) throw new Error(session.error.message);
    const joined = await desk.store.sync.connect(
      {
        session: session.value,
        centralEventId: demoEventId,
        deskName: 'Desk J',
        localEventId: loaded.value.id,
      },
      () => undefined,
    );
    expect(joined.ok && joined.value.id).toBe(loaded.value.id);
    await desk.store.sync.syncNow();
    expect(await serverState(id)).toMatchObject({
      checkedIn: true,
      checkedInDesk: desk.store.deskId,
    });
    expect(desk.store.sync.pendingCount()).toBe(0);
    expect(desk.store.get(id)?.state.checkedIn).toBe(true);
  });

  it('hands out bibs from the lease the desk asked for, and marks a typed bib outside it unconfirmed', async () => {
    const { store } = await connectDesk('Desk K');
    const [leased, typed] = [person(10), person(11)];
    const lease = await store.sync.requestLease('', 5);
    if (!lease.ok) throw new Error(lease.error.message);
    expect(store.sync.leases()).toEqual([lease.value]);

    const assigned = await store.assignNextBib(leased);
    if (!assigned.ok) throw new Error(assigned.error.message);
    expect(assigned.value.payload).toMatchObject({ source: 'lease' });
    const bib = Number(store.get(leased)?.state.bib);
    expect(bib).toBeGreaterThanOrEqual(lease.value.first);
    expect(bib).toBeLessThanOrEqual(lease.value.last);

    const outside = String(lease.value.last + 1000);
    const typedBib = await store.assignBib(typed, outside);
    expect(typedBib.ok && typedBib.value.payload).toMatchObject({
      source: 'typed',
    });
    await store.sync.syncNow();
    expect(await serverState(leased)).toMatchObject({
      bib: String(bib),
      bibSource: 'lease',
    });
    expect(store.sync.leases()).toEqual([lease.value]);
  });

  it('stops syncing on disconnect, keeps the data, and reconnects from where it was', async () => {
    const desk = await connectDesk('Desk L');
    const id = person(12);
    await desk.store.sync.disconnect();
    expect(desk.store.sync.status()).toEqual({ kind: 'local' });
    expect(desk.store.sync.connection()).toBeNull();
    expect(desk.store.get(id)).toBeDefined();
    expect((await desk.store.checkIn(id)).ok).toBe(true);
    expect(await serverState(id)).toMatchObject({ checkedIn: false });

    const again = await connectDesk('Desk L', desk);
    await again.store.sync.syncNow();
    expect(again.store.sync.connection()?.deskName).toBe('Desk L');
    expect(await serverState(id)).toMatchObject({ checkedIn: true });
    expect(again.store.sync.pendingCount()).toBe(0);
  });

  it('removes a late entry erased centrally, its typed names too, also after reopening', async () => {
    const desk = await connectDesk('Desk M');
    const className = people[0]?.entries[0]?.className ?? '';
    const added = await desk.store.addLateEntry({
      firstName: 'Sølvi',
      lastName: 'Sletteberg',
      birthDate: '1992-03-04',
      gender: 'female',
      club: 'Bærums Verk IL',
      className,
      paymentMethod: 'cash',
      amount: 0,
    });
    if (!added.ok) throw new Error(added.error.message);
    const id = added.value.participant.id;
    await desk.store.sync.syncNow();
    expect(await serverState(id)).toBeDefined();

    const erased = await request(
      base,
      'DELETE',
      `/api/events/${demoEventId}/participants/${id}`,
      { token: organizer },
    );
    expect(erased.status).toBeLessThan(300);
    await desk.store.sync.syncNow();
    expect(desk.store.get(id)).toBeUndefined();
    const op = await desk.store.database.operations
      .findOne(id.replace(/^late-/, ''))
      .exec();
    expect(op?.toJSON().payload).toMatchObject({
      entry: { firstName: '', lastName: '' },
    });

    await closeDesk(desk);
    const again = await openDesk(desk.dbName);
    await again.store.openEvent(demoEventId);
    expect(again.store.get(id)).toBeUndefined();
    expect(again.store.search('sletteberg')).toEqual([]);
  });

  it('shows the download reaching 100 % on an event whose people changed many times', async () => {
    // 150 changes to one person, each its own push (a push's changes
    // to one document take one seq): the event's seq runs far ahead of
    // its number of documents, which a count of documents over seqs
    // showed as a download stuck far below the end.
    const office = await registerDesk(base, organizer, demoEventId, 'Busy');
    const write = operationsOf(office);
    const busy = person(13);
    const before = (await pullAll(base, organizer, demoEventId)).checkpoint;
    for (let i = 0; i < 150; i += 1) {
      const op = write('payment', busy, { method: 'cash', amount: 1 });
      expect((await push(base, office, [op])).status).toBe(200);
    }
    const { checkpoint } = await pullAll(base, organizer, demoEventId);
    expect(checkpoint - before).toBe(150);

    const { progress } = await connectDesk('Desk P');

    const last = progress.at(-1);
    expect(last?.done).toBe(1);
    expect(last?.documents).toBeLessThan(checkpoint / 2);
    // Already whole when the last page was stored, before the download
    // said it ended: the share counts seqs, as the checkpoint does.
    const stored = progress.filter((p) => p.done === 1);
    expect(stored.length).toBeGreaterThanOrEqual(2);
    const shares = progress.map((p) => p.done);
    expect(shares).toEqual([...shares].sort((x, y) => x - y));
    expect(shares.every((share) => share >= 0 && share <= 1)).toBe(true);
  });

  it('pushes an operation stored before a crash, once, when the desk opens again', async () => {
    const first = await connectDesk('Desk Q');
    const id = person(14);
    // Nothing reaches the service: the desk dies between its local write
    // and the push.
    first.net.online = false;
    expect((await first.store.checkIn(id)).ok).toBe(true);
    expect((await first.store.recordPayment(id, 'cash', 250)).ok).toBe(true);
    const asked = first.net.asked.length;
    await closeDesk(first);
    expect(await serverState(id)).toMatchObject({ checkedIn: false });

    const again = await openDesk(first.dbName);
    expect((await again.store.openEvent(demoEventId)).ok).toBe(true);
    expect(again.store.sync.pendingCount()).toBe(2);
    await expect
      .poll(async () => {
        await again.store.sync.syncNow();
        return again.store.sync.pendingCount();
      }, poll)
      .toBe(0);
    await again.store.sync.syncNow();

    const deskId = again.store.deskId;
    const state = await serverState(id);
    expect(state).toMatchObject({ checkedIn: true, checkedInDesk: deskId });
    expect(state?.payments.filter((p) => p.deskId === deskId)).toEqual([
      expect.objectContaining({ method: 'cash', amount: 250 }),
    ]);
    expect(again.store.get(id)?.state.payments).toHaveLength(1);
    expect(first.net.asked.length).toBe(asked);
  });

  it('joins a central event loaded from a newer export: nothing lost, the deregistered flagged, corrections win, check-ins there', async () => {
    const v1: SheetPerson[] = [
      {
        first: 'Kari',
        last: 'Nordmann',
        personId: '2000001',
        className: 'K 30-34',
        club: 'IL Heming',
      },
      {
        first: 'Bjørn',
        last: 'Ås',
        personId: '2000002',
        className: 'M 30-34',
        club: 'Ready',
      },
      {
        first: 'Håkon',
        last: 'Bærum',
        personId: '2000003',
        className: 'M 30-34',
      },
      {
        first: 'Ingrid',
        last: 'Berg',
        personId: '2000005',
        className: 'K 30-34',
      },
    ];
    const [kari, bjorn, hakon, ingrid] = v1 as [
      SheetPerson,
      SheetPerson,
      SheetPerson,
      SheetPerson,
    ];
    // The newer export: one deregistered, one corrected, one added.
    const v2: SheetPerson[] = [
      kari,
      { ...bjorn, status: 'Avmeldt' },
      { ...hakon, last: 'Bærheim', club: 'Ready' },
      ingrid,
      { first: 'Nils', last: 'Ny', personId: '2000006', className: 'M 30-34' },
    ];

    // The desk works all day from v1 with no network.
    const desk = await openDesk();
    const preview = await desk.store.previewImport(sheetOf(v1), {
      newEventName: 'Fjelløpet',
    });
    const imported = await desk.store.commitImport(preview, []);
    if (!imported.ok) throw new Error(imported.error.message);
    const localId = imported.value.eventId;
    expect((await desk.store.openEvent(localId)).ok).toBe(true);
    const idOf = (p: SheetPerson) =>
      desk.store.lookupScan(p.personId)?.participant.id ?? '';
    const [a, b, c, d] = [kari, bjorn, hakon, ingrid].map(idOf) as [
      string,
      string,
      string,
      string,
    ];
    for (const id of [a, b, c])
      expect((await desk.store.checkIn(id)).ok).toBe(true);
    expect((await desk.store.assignBib(c, '55')).ok).toBe(true);
    expect((await desk.store.recordPayment(d, 'card', 300)).ok).toBe(true);

    // The office loads v2 into a central event.
    const created = await request<{ id: string }>(base, 'POST', '/api/events', {
      token: organizer,
      body: { name: 'Fjelløpet', type: 'event', date: '2025-06-14' },
    });
    const eventId = created.body.id;
    const dir = mkdtempSync(join(tmpdir(), 'racedesk-v2-'));
    try {
      const file = join(dir, 'v2.xlsx');
      await writeSheet(sheetOf(v2), file);
      const uploaded = await fetch(
        `${base}/api/events/${eventId}/import?mode=apply&fileName=v2.xlsx`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${organizer}`,
            'content-type':
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          },
          body: new Uint8Array(readFileSync(file)),
        },
      );
      expect(uploaded.status).toBe(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // The desk joins and pushes.
    const session = await desk.store.sync.login(base, 'demo', 'demo');
    if (!session.ok) throw new Error(session.error.message);
    const joined = await desk.store.sync.connect(
      {
        session: session.value,
        centralEventId: eventId,
        deskName: 'Desk V1',
        localEventId: localId,
      },
      () => undefined,
    );
    if (!joined.ok) throw new Error(joined.error.message);
    await desk.store.sync.syncNow();

    const central = participantsOf(
      (await pullAll(base, organizer, eventId)).documents,
    );
    // The same people under the same ids: ids derive from the export.
    for (const id of [a, b, c, d]) expect(central.has(id)).toBe(true);
    const deskId = desk.store.deskId;
    expect(central.get(a)?.state).toMatchObject({
      checkedIn: true,
      checkedInDesk: deskId,
    });
    expect(central.get(c)?.state).toMatchObject({ checkedIn: true, bib: '55' });
    expect(central.get(d)?.state.payments).toEqual([
      expect.objectContaining({ method: 'card', amount: 300, deskId }),
    ]);
    expect(central.get(b)?.participant.status).toBe('deregistered');
    expect(central.get(b)?.state.checkedIn).toBe(false);

    // The desk shows the newer export with its own work on top.
    expect(desk.store.sync.pendingCount()).toBe(0);
    expect(desk.store.get(a)?.state.checkedIn).toBe(true);
    expect(desk.store.get(c)?.participant).toMatchObject({
      lastName: 'Bærheim',
      club: 'Ready',
    });
    expect(desk.store.get(c)?.state).toMatchObject({
      checkedIn: true,
      bib: '55',
    });
    expect(desk.store.get(d)?.state.payments).toHaveLength(1);
    expect(desk.store.get(b)?.participant.status).toBe('deregistered');
    expect(desk.store.get(b)?.state.checkedIn).toBe(false);
    expect(desk.store.sync.notes(b)).toMatchObject([
      { type: 'check-in', outcome: 'rejected', code: 'deregistered' },
    ]);
    expect(desk.store.lookupScan('2000006')?.participant.lastName).toBe('Ny');
  });
});
