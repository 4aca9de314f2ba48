// The desk's sync engine over the real HTTP transport against the real
// central process, on a real PostgreSQL and on PGlite, with the demo
// event. Each desk keeps its data in an in-memory store.

import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoEventId } from '../../../central/demo/seedDemo';
import { backends } from '../../../central/test/backends';
import type {
  CentralProcess,
  CentralStore,
} from '../../../central/test/centralProcess';
import { login, participantsOf, pullAll } from '../../../central/test/client';
import {
  byKey,
  deskEngine,
  freePort,
  newDesk,
  revokeDesk,
  startCentralOnPort,
  type TestDesk,
  waitUntil,
} from '../../../central/test/deskEngine';
import {
  createHttpTransport,
  listCentralEvents,
  loginToCentral,
  registerDesk,
} from './httpTransport';
import type { SyncStatus } from './status';

// A PGlite start takes seconds, more on a busy machine; the kill case
// starts the service twice.
const startTimeout = 120_000;

describe.each(backends())('the desk sync engine on $name', (backend) => {
  let store: CentralStore = { dataDir: '' };
  let central: CentralProcess | null = null;
  let port = 0;
  let base = '';
  let organizer = '';
  let ids: string[] = [];
  const running: TestDesk[] = [];

  const desk = async (name: string, options = {}) => {
    const registered = await newDesk(base, organizer, name);
    const made = deskEngine(base, registered, options);
    running.push(made);
    return made;
  };
  const serverState = async () => await pullAll(base, organizer, demoEventId);
  const paymentsOf = async (deskId: string) =>
    [...participantsOf((await serverState()).documents).values()].flatMap(
      (doc) => doc.state.payments.filter((p) => p.deskId === deskId),
    );
  const last = (statuses: SyncStatus[]) => statuses.at(-1);

  beforeAll(async () => {
    store = await backend.open();
    port = await freePort();
    central = await startCentralOnPort(store, port);
    base = central.url;
    organizer = await login(base, 'demo');
    const { documents } = await serverState();
    ids = [...participantsOf(documents).keys()];
  }, startTimeout);

  afterAll(async () => {
    for (const made of running) await made.engine.stop();
    await central?.stop();
    backend.close();
  });

  it('a desk pushes 1,200 operations in three batches and ends holding the server state', async () => {
    const batches: number[] = [];
    const a = await desk('bulk', {
      onPushed: (results: readonly unknown[]) => batches.push(results.length),
    });
    for (let i = 0; i < 1200; i += 1) {
      a.store.record(
        a.write('payment', ids[i % ids.length] ?? '', {
          method: 'cash',
          amount: 1,
        }),
      );
    }

    await a.engine.syncNow();

    expect(batches).toEqual([500, 500, 200]);
    expect(last(a.statuses)).toMatchObject({ kind: 'synced', pending: 0 });
    expect(
      a.store.operations().every((op) => a.store.result(op.id)?.result),
    ).toBe(true);
    expect(await paymentsOf(a.desk.deskId)).toHaveLength(1200);
    expect(a.store.documents()).toEqual(byKey((await serverState()).documents));
  });

  it('two desks see each other’s check-ins through the live stream', async () => {
    const a = await desk('north');
    const b = await desk('south');
    a.engine.start();
    b.engine.start();
    await waitUntil('both desks synced', () =>
      [a, b].every((d) => last(d.statuses)?.kind === 'synced'),
    );
    const checkedIn = (d: TestDesk, id: string) => {
      const doc = d.store.documents().get(`participant:${id}`);
      return doc?.kind === 'participant' && doc.state.checkedIn;
    };
    const [first = '', second = ''] = ids.slice(30, 32);

    b.record(b.write('check-in', first, {}));
    a.record(a.write('check-in', second, {}));

    await waitUntil(
      'each desk holds the other’s check-in',
      () => checkedIn(a, first) && checkedIn(b, second),
    );
    await a.engine.stop();
    await b.engine.stop();
  });

  it(
    'a service killed mid-round leaves the desk offline, and once it is back nothing is lost or doubled',
    async () => {
      let killed: Promise<void> | null = null;
      const a = await desk('venue', {
        onPushed: () => {
          killed ??= central?.kill() ?? null;
        },
      });
      for (let i = 0; i < 1500; i += 1) {
        a.store.record(
          a.write('payment', ids[i % ids.length] ?? '', {
            method: 'card',
            amount: 3,
          }),
        );
      }

      a.engine.start();
      await waitUntil('the desk shows it is offline', () =>
        a.statuses.some((s) => s.kind === 'offline'),
      );
      await killed;
      central = await startCentralOnPort(store, port);
      await waitUntil(
        'the desk is synced again',
        async () => {
          const now = last(a.statuses);
          return now?.kind === 'synced' && now.pending === 0;
        },
        startTimeout,
      );
      await a.engine.stop();

      const offline = a.statuses.find((s) => s.kind === 'offline');
      expect(offline).toMatchObject({ pending: 1500 });
      expect(await paymentsOf(a.desk.deskId)).toHaveLength(1500);
      expect(
        a.store.operations().filter((op) => !a.store.result(op.id)),
      ).toEqual([]);
      expect(a.store.documents()).toEqual(
        byKey((await serverState()).documents),
      );
    },
    startTimeout * 2,
  );

  it('a revoked desk shows an error saying it was revoked', async () => {
    const a = await desk('revoked');
    a.store.record(a.write('check-in', ids[5] ?? '', {}));
    await a.engine.syncNow();
    expect(last(a.statuses)?.kind).toBe('synced');

    await revokeDesk(base, organizer, a.desk);
    a.store.record(a.write('check-in-undo', ids[5] ?? '', {}));
    await a.engine.syncNow();

    expect(last(a.statuses)).toMatchObject({
      kind: 'error',
      pending: 1,
      error: { code: 'desk-revoked' },
    });
  });

  it('a desk that crashed between storing documents and its checkpoint pulls again and ends identical', async () => {
    const a = await desk('crashing', { pullLimit: 7 });
    a.store.crash('storeCheckpoint');

    await a.engine.syncNow();
    expect(last(a.statuses)).toMatchObject({
      kind: 'error',
      error: { code: 'store-failed' },
    });
    expect(await a.store.checkpoint()).toBe(0);
    expect(a.store.documents().size).toBe(7);

    const reopened = a.store.reopen();
    const again = deskEngine(base, a.desk, { store: reopened, pullLimit: 7 });
    await again.engine.syncNow();
    const fresh = await desk('fresh');
    await fresh.engine.syncNow();

    expect(last(again.statuses)?.kind).toBe('synced');
    expect(reopened.documents()).toEqual(fresh.store.documents());
    expect(await reopened.checkpoint()).toBe(await fresh.store.checkpoint());
    expect(reopened.documents()).toEqual(
      byKey((await serverState()).documents),
    );
  });

  it('a desk whose own sequence has a hole shows a seq gap and keeps the operations after it', async () => {
    const a = await desk('gap');
    const [one, two, , four] = ['', '', '', ''].map(() =>
      a.write('payment', ids[20] ?? '', { method: 'cash', amount: 2 }),
    );
    for (const op of [one, two]) if (op) a.store.record(op);
    await a.engine.syncNow();
    if (four) a.store.record(four);

    await a.engine.syncNow();

    expect(last(a.statuses)).toMatchObject({
      kind: 'error',
      error: { code: 'seq-gap', data: { contiguousSeq: 2, pushedSeq: 4 } },
    });
    expect(four && a.store.result(four.id)).toBeUndefined();
  });

  it('a lease for another desk is refused as a forged desk id, and one for itself is granted', async () => {
    const a = await desk('leasing');
    const transport = createHttpTransport({
      baseUrl: base,
      eventId: demoEventId,
      token: a.desk.token,
      fetch,
    });

    const forged = await transport.lease({
      deskId: 'someone-else',
      className: '',
      count: 10,
    });
    const own = await transport.lease({
      deskId: a.desk.deskId,
      className: '',
      count: 10,
    });

    expect(forged).toMatchObject({
      ok: false,
      error: { code: 'forged-desk-id' },
    });
    expect(own).toMatchObject({ ok: true, value: { deskId: a.desk.deskId } });
  });

  it('an organizer signs in, finds the demo event and registers a desk under its own id', async () => {
    const wrong = await loginToCentral(fetch, base, 'demo', 'not-it');
    const signedIn = await loginToCentral(fetch, `${base}/`, 'demo', 'demo');
    const token = signedIn.ok ? signedIn.value.token : '';
    const events = await listCentralEvents(fetch, base, token);
    const deskId = uuidv7();
    const first = await registerDesk(fetch, base, token, demoEventId, {
      name: 'Sekretariat 1',
      deskId,
    });
    const again = await registerDesk(fetch, base, token, demoEventId, {
      name: 'Sekretariat 1',
      deskId,
    });

    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'bad-credentials' },
    });
    expect(events.ok && events.value.map((event) => event.id)).toContain(
      demoEventId,
    );
    expect(first).toMatchObject({ ok: true, value: { deskId } });
    expect(again).toMatchObject({ ok: true, value: { deskId } });
    const stale = first.ok ? first.value.token : '';
    const refused = await createHttpTransport({
      baseUrl: base,
      eventId: demoEventId,
      token: stale,
      fetch,
    }).pull(0, 1);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a first round says connecting, then syncing, then synced with nothing pending', async () => {
    const a = await desk('statuses');
    for (const id of ids.slice(10, 13)) {
      a.store.record(a.write('payment', id, { method: 'vipps', amount: 9 }));
    }

    await a.engine.syncNow();

    expect(a.statuses.map((s) => s.kind)).toEqual([
      'connecting',
      'syncing',
      'synced',
    ]);
    expect(a.statuses.map((s) => ('pending' in s ? s.pending : null))).toEqual([
      3, 3, 0,
    ]);
  });
});
