// The organizer's event settings read as part of the desk's sync
// (eventSettings.ts): a desk store on fake-indexeddb against the central
// service in process (PGlite, demo seed of 40, listening on a free port).
// Offline is a fetch that fails. Each GET of the event is counted, so a
// read on every round would show.

import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { demoEventId, seedDemo } from '../../central/demo/seedDemo';
import { centralContext } from '../../central/http/context';
import { buildServer } from '../../central/http/server';
import { centralLogger } from '../../central/log';
import { login, request } from '../../central/test/client';
import { openTempPglite, type TempPglite } from '../../central/test/tempPglite';
import type { Fetch } from '../../shared/sync/desk/httpTransport';
import type { SyncRecord } from '../db/syncSchemas';
import type { RxDeskStore } from '../store/rxDeskStore';
import { openTestDesk } from '../store/testDesk';
import {
  createSettingsRefresh,
  settingsOf,
  settingsRefreshMs,
} from './eventSettings';

const startTimeout = 120_000;
const poll = { timeout: 15_000, interval: 50 };

describe('the settings in a central event answer', () => {
  it('takes 0 to 365 days or null, a boolean permission, and drops each field that is not one', () => {
    expect(settingsOf({ retentionDays: 3, allowExternalList: true })).toEqual({
      retentionDays: 3,
      allowExternalList: true,
    });
    expect(
      settingsOf({ retentionDays: null, allowExternalList: false }),
    ).toEqual({ retentionDays: null, allowExternalList: false });
    expect(settingsOf({ retentionDays: 0 })).toEqual({ retentionDays: 0 });
    expect(settingsOf({ retentionDays: 365 })).toEqual({ retentionDays: 365 });
    // An older service without the field: nothing to keep, not "none set".
    expect(settingsOf({ allowExternalList: true })).toEqual({
      allowExternalList: true,
    });
    for (const days of [366, -1, 2.5, '3']) {
      expect(
        settingsOf({ retentionDays: days, allowExternalList: 'yes' }),
      ).toEqual({});
    }
    expect(settingsOf([])).toEqual({});
  });
});

describe('when a desk reads the settings again', () => {
  it('not while it stays online, once more after settingsRefreshMs, and at once after offline or an error', async () => {
    const opened = await openTestDesk();
    try {
      let clock = Date.parse('2025-06-14T08:00:00.000Z');
      let reads = 0;
      const fakeFetch: Fetch<AbortSignal> = async () => {
        reads += 1;
        const body = JSON.stringify({ retentionDays: reads });
        return { status: 200, text: async () => body, body: null };
      };
      let redraws = 0;
      const refresh = createSettingsRefresh({
        db: opened.database,
        fetch: fakeFetch,
        now: () => new Date(clock),
        changed: () => {
          redraws += 1;
        },
      });
      const record: SyncRecord = {
        eventId: 'local-1',
        url: 'http://127.0.0.1:9',
        centralEventId: 'central-1',
        deskId: opened.deskId,
        deskName: 'T',
        deskToken: 'd_test',
        connectedAt: '2025-06-14T08:00:00.000Z',
        active: true,
        checkpoint: 0,
      };
      const synced = { kind: 'synced', pending: 0, at: '' } as const;
      const days = async () =>
        (await opened.retention('local-1')).organizerDays;

      refresh.status(record, synced);
      await refresh.settled();
      expect([reads, await days(), redraws]).toEqual([1, 1, 1]);

      clock += settingsRefreshMs - 1;
      refresh.status(record, { kind: 'syncing', pending: 0 });
      refresh.status(record, synced);
      await refresh.settled();
      expect(reads).toBe(1);

      clock += 1;
      refresh.status(record, synced);
      await refresh.settled();
      expect([reads, await days()]).toEqual([2, 2]);

      refresh.status(record, {
        kind: 'offline',
        pending: 0,
        since: '',
        retryAt: '',
      });
      refresh.status(record, synced);
      await refresh.settled();
      expect([reads, await days(), redraws]).toEqual([3, 3, 3]);
    } finally {
      await opened.close();
    }
  });
});

describe('a connected desk reads the organizer’s settings with its sync', () => {
  let store: TempPglite;
  let app: FastifyInstance;
  let base = '';
  let organizer = '';
  let desk: RxDeskStore | null = null;

  beforeAll(async () => {
    store = await openTempPglite('desk-event-settings');
    await seedDemo(store.db, 40);
    app = buildServer(centralContext(store.db, centralLogger('silent')));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    organizer = await login(base, 'demo');
  }, startTimeout);

  afterEach(async () => {
    await desk?.close();
    desk = null;
  });

  afterAll(async () => {
    await app?.close();
    await store?.remove();
  });

  const setCentrally = async (body: {
    retentionDays?: number | null;
    allowExternalList?: boolean;
  }) => {
    const reply = await request(
      base,
      'PUT',
      `/api/events/${demoEventId}/settings`,
      { token: organizer, body },
    );
    expect(reply.status).toBe(200);
  };

  it(
    'at connect, once per online period (not on every round), and again after the desk was offline',
    async () => {
      await setCentrally({ retentionDays: 3, allowExternalList: true });
      const net = { online: true };
      const eventUrl = `${base}/api/events/${encodeURIComponent(demoEventId)}`;
      let eventReads = 0;
      const netFetch: Fetch<AbortSignal> = (url, init) => {
        if (!net.online) {
          return Promise.reject(new TypeError('network down'));
        }
        if (url === eventUrl) eventReads += 1;
        return fetch(url, init);
      };
      const kept: [string, boolean][] = [];
      const opened = await openTestDesk({
        demoParticipants: 40,
        fetch: netFetch,
        syncRetry: { firstMs: 50, maxMs: 200 },
        keepExternalList: async (eventId, allow) => {
          kept.push([eventId, allow]);
        },
      });
      desk = opened;
      const session = await opened.sync.login(base, 'demo', 'demo');
      if (!session.ok) throw new Error(session.error.message);
      const connected = await opened.sync.connect(
        { session: session.value, centralEventId: demoEventId, deskName: 'S' },
        () => undefined,
      );
      if (!connected.ok) throw new Error(connected.error.message);
      const eventId = connected.value.id;

      // Read at connect, before the event opened: no panel involved.
      expect(await opened.retention(eventId)).toMatchObject({
        organizerDays: 3,
        connected: true,
      });
      expect(kept).toEqual([[eventId, true]]);
      expect(eventReads).toBe(1);

      // Changed centrally while the desk stays online: rounds that push
      // and pull do not read the event again within the period.
      await setCentrally({ retentionDays: 5, allowExternalList: false });
      await opened.sync.syncNow();
      await opened.sync.syncNow();
      expect(opened.sync.status().kind).toBe('synced');
      expect(eventReads).toBe(1);
      expect((await opened.retention(eventId)).organizerDays).toBe(3);

      // Offline, then back: the first round that reaches the service reads
      // them again.
      net.online = false;
      await opened.sync.syncNow();
      expect(opened.sync.status().kind).toBe('offline');
      net.online = true;
      await opened.sync.syncNow();
      await expect
        .poll(async () => (await opened.retention(eventId)).organizerDays, poll)
        .toBe(5);
      expect(kept.at(-1)).toEqual([eventId, false]);
      expect(eventReads).toBe(2);

      // Cleared centrally: the desk's own days count again after the next
      // offline period.
      await setCentrally({ retentionDays: null });
      net.online = false;
      await opened.sync.syncNow();
      net.online = true;
      await opened.sync.syncNow();
      await expect
        .poll(async () => (await opened.retention(eventId)).organizerDays, poll)
        .toBeUndefined();
      expect((await opened.retention(eventId)).days).toBe(7);
    },
    startTimeout,
  );
});
