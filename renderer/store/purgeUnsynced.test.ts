// Purging a connected event: refused while an operation made offline is
// not synced, unless confirmed a second time; then the event's server
// documents, answers and sync record go with the rest. Runs the real
// central process on PGlite, as renderer/sync/rxDeskSync.test.ts does.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoEventId } from '../../central/demo/seedDemo';
import { backends } from '../../central/test/backends';
import {
  type CentralProcess,
  startCentral,
} from '../../central/test/centralProcess';
import type { Fetch } from '../../shared/sync/desk/httpTransport';
import type { RxDeskStore } from './rxDeskStore';
import { openTestDesk } from './testDesk';

const backend = backends().find((b) => b.name === 'PGlite');
if (!backend) throw new Error('no PGlite backend');

describe('purging a connected event', () => {
  let central: CentralProcess | null = null;
  const open: RxDeskStore[] = [];

  beforeAll(async () => {
    central = await startCentral(await backend.open());
  }, 120_000);

  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });

  afterAll(async () => {
    await central?.stop();
    backend.close();
  });

  it('refuses while an operation is unsynced, then purges when told twice', async () => {
    const net = { online: true };
    const netFetch: Fetch<AbortSignal> = (url, init) =>
      net.online
        ? fetch(url, init)
        : Promise.reject(new TypeError('network down'));
    const store = await openTestDesk({
      fetch: netFetch,
      syncRetry: { firstMs: 50, maxMs: 200 },
    });
    open.push(store);
    const session = await store.sync.login(central?.url ?? '', 'demo', 'demo');
    if (!session.ok) throw new Error(session.error.message);
    const connected = await store.sync.connect(
      {
        session: session.value,
        centralEventId: demoEventId,
        deskName: 'Purge desk',
      },
      () => undefined,
    );
    if (!connected.ok) throw new Error(connected.error.message);
    const eventId = connected.value.id;
    const someone = store.search('a', 50).find((v) => !v.state.checkedIn);
    if (!someone) throw new Error('nobody to check in');
    net.online = false;
    expect((await store.checkIn(someone.participant.id)).ok).toBe(true);
    await store.sync.syncNow();
    expect(store.sync.pendingCount()).toBe(1);

    const refused = await store.purgeEvent(eventId);

    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'unsynced-operations', data: { pending: 1 } },
    });
    expect(store.activeEvent()?.id).toBe(eventId);

    const purged = await store.purgeEvent(eventId, { unsynced: true });

    expect(purged.ok).toBe(true);
    if (!purged.ok) return;
    expect(purged.value.participants).toBeGreaterThan(0);
    expect(purged.value.operations).toBe(1);
    expect(store.activeEvent()).toBeNull();
    const db = store.database;
    for (const collection of [
      db.participants,
      db.operations,
      db.imports,
      db.syncDocs,
      db.opResults,
    ]) {
      const left = await collection.find({ selector: { eventId } }).exec();
      expect(left).toEqual([]);
    }
    expect(await db.getLocal(`sync-record|${eventId}`)).toBeNull();
    expect(await store.listEvents()).toEqual([]);
  });
});
