// "Download the event again" on a real desk store (fake-indexeddb) after
// the central service's database was restored from an older copy: the
// real central process on PGlite, its folder copied while stopped (the
// backup) and copied back (the restore), on the same port.

// biome-ignore lint/correctness/noNodejsModules: the test copies the stopped service's folder, as a backup and a restore.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
// biome-ignore lint/correctness/noNodejsModules: as above.
import { tmpdir } from 'node:os';
// biome-ignore lint/correctness/noNodejsModules: as above.
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEventId } from '../../central/demo/seedDemo';
import type { CentralProcess } from '../../central/test/centralProcess';
import { login, participantsOf, pullAll } from '../../central/test/client';
import { freePort, startCentralOnPort } from '../../central/test/deskEngine';
import type { RxDeskStore } from '../store/rxDeskStore';
import { openTestDesk } from '../store/testDesk';
import type { DownloadProgress } from './deskSync';

const startTimeout = 120_000;

describe('downloading the event again after the central service was restored', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'racedesk-restored-'));
  const backupDir = mkdtempSync(join(tmpdir(), 'racedesk-backup-'));
  let central: CentralProcess | null = null;
  let port = 0;
  let base = '';
  let organizer = '';
  let desk: RxDeskStore | null = null;

  const start = async () => {
    central = await startCentralOnPort({ dataDir }, port);
    base = central.url;
    organizer = await login(base, 'demo');
  };
  const stop = async () => {
    await central?.stop();
    central = null;
  };
  const onServer = async (id: string) =>
    participantsOf((await pullAll(base, organizer, demoEventId)).documents).get(
      id,
    )?.state;

  beforeAll(async () => {
    port = await freePort();
    await start();
  }, startTimeout);

  afterAll(async () => {
    await desk?.close();
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(backupDir, { recursive: true, force: true });
  });

  it(
    'pushes what the restored service lost, once, forgets the lease it never gave, and shows the download to 100 %',
    async () => {
      const store = await openTestDesk({
        demoParticipants: 40,
        syncRetry: { firstMs: 50, maxMs: 200 },
      });
      desk = store;
      const session = await store.sync.login(base, 'demo', 'demo');
      if (!session.ok) throw new Error(session.error.message);
      const connected = await store.sync.connect(
        { session: session.value, centralEventId: demoEventId, deskName: 'R' },
        () => undefined,
      );
      if (!connected.ok) throw new Error(connected.error.message);
      const ids = [
        ...participantsOf(
          (await pullAll(base, organizer, demoEventId)).documents,
        ).values(),
      ]
        .filter((doc) => doc.participant.status === 'active')
        .map((doc) => doc.participant.id);
      const [kept = '', lost = ''] = ids;
      expect(store.get(lost)).toBeDefined();
      await store.checkIn(kept);
      await store.recordPayment(kept, 'cash', 100);
      await store.sync.syncNow();
      expect(store.sync.status()).toMatchObject({ kind: 'synced' });

      await stop();
      cpSync(dataDir, backupDir, { recursive: true });
      await start();

      // Work the backup does not have, and a lease it never gave.
      await store.checkIn(lost);
      await store.recordPayment(lost, 'card', 200);
      const lease = await store.sync.requestLease('', 5);
      expect(lease.ok).toBe(true);
      await store.sync.syncNow();
      expect(store.sync.pendingCount()).toBe(0);

      await stop();
      rmSync(dataDir, { recursive: true, force: true });
      cpSync(backupDir, dataDir, { recursive: true });
      await start();
      expect(await onServer(lost)).toMatchObject({ checkedIn: false });

      await store.sync.syncNow();
      expect(store.sync.status()).toMatchObject({
        kind: 'error',
        error: { code: 'checkpoint-ahead' },
      });

      const progress: DownloadProgress[] = [];
      const again = await store.sync.downloadAgain((p) => progress.push(p));
      if (!again.ok) throw new Error(again.error.message);
      expect(again.value.id).toBe(demoEventId);
      await store.sync.syncNow();

      expect(progress.at(-1)?.done).toBe(1);
      expect(store.sync.status()).toMatchObject({ kind: 'synced', pending: 0 });
      expect(store.sync.connection()?.deskName).toBe('R');
      const deskId = store.deskId;
      for (const [id, amount] of [
        [kept, 100],
        [lost, 200],
      ] as const) {
        const state = await onServer(id);
        expect(state).toMatchObject({ checkedIn: true, checkedInDesk: deskId });
        expect(state?.payments.map((p) => p.amount)).toEqual([amount]);
        expect(store.get(id)?.state.payments).toHaveLength(1);
        expect(store.get(id)?.state.checkedIn).toBe(true);
      }
      // The lease the restored service does not have hands out nothing.
      expect(store.sync.leases()).toEqual([]);
    },
    startTimeout * 3,
  );

  it(
    'connecting again to a restored service downloads the event again by itself',
    async () => {
      const store = desk;
      if (!store) throw new Error('the first case opens the desk');
      const ids = [
        ...participantsOf(
          (await pullAll(base, organizer, demoEventId)).documents,
        ).values(),
      ]
        .filter((doc) => doc.participant.status === 'active')
        .map((doc) => doc.participant.id);
      const later = ids[2] ?? '';

      await stop();
      rmSync(backupDir, { recursive: true, force: true });
      cpSync(dataDir, backupDir, { recursive: true });
      await start();
      await store.checkIn(later);
      await store.sync.syncNow();
      expect(await onServer(later)).toMatchObject({ checkedIn: true });

      await stop();
      rmSync(dataDir, { recursive: true, force: true });
      cpSync(backupDir, dataDir, { recursive: true });
      await start();
      await store.sync.disconnect();

      const session = await store.sync.login(base, 'demo', 'demo');
      if (!session.ok) throw new Error(session.error.message);
      const progress: DownloadProgress[] = [];
      const connected = await store.sync.connect(
        { session: session.value, centralEventId: demoEventId, deskName: 'R' },
        (p) => progress.push(p),
      );
      if (!connected.ok) throw new Error(connected.error.message);
      await store.sync.syncNow();

      expect(progress.at(-1)?.done).toBe(1);
      expect(store.sync.status()).toMatchObject({ kind: 'synced', pending: 0 });
      expect(await onServer(later)).toMatchObject({
        checkedIn: true,
        checkedInDesk: store.deskId,
      });
      expect(store.get(later)?.state.checkedIn).toBe(true);
    },
    startTimeout * 3,
  );
});
