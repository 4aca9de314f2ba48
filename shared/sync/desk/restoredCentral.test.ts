// A central service whose database is restored from an older copy, as an
// operator does after losing the disk: the desks are ahead of it. The real
// central process on PGlite, its folder copied while it is stopped (the
// backup) and copied back (the restore). A desk that downloads the event
// again pushes what the restored service lost and ends holding its state.

// biome-ignore lint/correctness/noNodejsModules: the test copies the stopped service's folder, as a backup and a restore.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
// biome-ignore lint/correctness/noNodejsModules: the test copies the stopped service's folder, as a backup and a restore.
import { tmpdir } from 'node:os';
// biome-ignore lint/correctness/noNodejsModules: the test copies the stopped service's folder, as a backup and a restore.
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoEventId } from '../../../central/demo/seedDemo';
import type { CentralProcess } from '../../../central/test/centralProcess';
import { login, participantsOf, pullAll } from '../../../central/test/client';
import {
  byKey,
  deskEngine,
  freePort,
  newDesk,
  startCentralOnPort,
  type TestDesk,
} from '../../../central/test/deskEngine';
import type { SyncStatus } from './status';

const startTimeout = 120_000;

describe('a central service restored from an older copy (PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'racedesk-restored-'));
  const backupDir = mkdtempSync(join(tmpdir(), 'racedesk-backup-'));
  let central: CentralProcess | null = null;
  let port = 0;
  let base = '';
  let organizer = '';
  let ids: string[] = [];
  const running: TestDesk[] = [];

  const start = async () => {
    central = await startCentralOnPort({ dataDir }, port);
    base = central.url;
    organizer = await login(base, 'demo');
  };
  const stop = async () => {
    await central?.stop();
    central = null;
  };
  const serverState = () => pullAll(base, organizer, demoEventId);
  const participant = async (id: string) =>
    participantsOf((await serverState()).documents).get(id);
  const amountsOf = async (deskId: string) =>
    [...participantsOf((await serverState()).documents).values()]
      .flatMap((doc) => doc.state.payments)
      .filter((payment) => payment.deskId === deskId)
      .map((payment) => payment.amount)
      .sort((x, y) => x - y);
  const last = (statuses: SyncStatus[]) => statuses.at(-1);
  const desk = async (name: string) => {
    const made = deskEngine(base, await newDesk(base, organizer, name));
    running.push(made);
    return made;
  };
  const pay = (d: TestDesk, amount: number) =>
    d.record(
      d.write('payment', ids[amount % ids.length] ?? '', {
        method: 'cash',
        amount,
      }),
    );

  beforeAll(async () => {
    port = await freePort();
    await start();
    ids = [...participantsOf((await serverState()).documents).keys()];
  }, startTimeout);

  afterAll(async () => {
    for (const made of running) await made.engine.stop();
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(backupDir, { recursive: true, force: true });
  });

  it(
    'desks ahead of the restored service are refused, download the event again, and nothing they did is lost or doubled',
    async () => {
      const a = await desk('ahead');
      const b = await desk('other');
      const [early = '', late = '', other = ''] = ids.slice(0, 3);
      for (let amount = 1; amount <= 5; amount += 1) pay(a, amount);
      a.record(a.write('check-in', early, {}));
      await a.engine.syncNow();
      await b.engine.syncNow();
      expect(last(a.statuses)).toMatchObject({ kind: 'synced', pending: 0 });

      // The backup: the folder of the stopped service.
      await stop();
      cpSync(dataDir, backupDir, { recursive: true });
      await start();

      // Work the backup does not have.
      for (let amount = 6; amount <= 10; amount += 1) pay(a, amount);
      a.record(a.write('check-in', late, {}));
      b.record(b.write('check-in', other, {}));
      await a.engine.syncNow();
      await b.engine.syncNow();
      expect(await amountsOf(a.desk.deskId)).toHaveLength(10);

      // The disk is lost; the backup is restored.
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
      cpSync(backupDir, dataDir, { recursive: true });
      await start();
      expect(await participant(late)).toMatchObject({
        state: { checkedIn: false },
      });

      await a.engine.syncNow();
      expect(last(a.statuses)).toMatchObject({
        kind: 'error',
        error: { code: 'checkpoint-ahead' },
      });
      // Written while refused: it goes up with the rest.
      pay(a, 11);

      await a.engine.downloadAgain();

      expect(last(a.statuses)).toMatchObject({ kind: 'synced', pending: 0 });
      expect(await amountsOf(a.desk.deskId)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
      ]);
      for (const id of [early, late]) {
        expect(await participant(id)).toMatchObject({
          state: { checkedIn: true, checkedInDesk: a.desk.deskId },
        });
      }
      // Those the restored service kept were answered as repeats.
      const repeated = a.store
        .operations()
        .filter((op) => a.store.result(op.id)?.repeated);
      expect(repeated).toHaveLength(6);
      expect(
        a.store.operations().every((op) => a.store.result(op.id)?.result),
      ).toBe(true);

      // The other desk's check-in is lost until it too downloads again.
      expect(await participant(other)).toMatchObject({
        state: { checkedIn: false },
      });
      await b.engine.downloadAgain();
      expect(last(b.statuses)).toMatchObject({ kind: 'synced', pending: 0 });
      expect(await participant(other)).toMatchObject({
        state: { checkedIn: true, checkedInDesk: b.desk.deskId },
      });

      // Both hold the service's state, and the checkpoint it gives.
      await a.engine.syncNow();
      const now = await serverState();
      for (const d of [a, b]) {
        expect(d.store.documents()).toEqual(byKey(now.documents));
        expect(await d.store.checkpoint()).toBe(now.checkpoint);
      }
    },
    startTimeout * 3,
  );
});
