// Registration data entered centrally, against the real central process:
// an uploaded iSonen export (preview and apply, update in place), erasure
// reaching the desks, and the event as a desk sees it. These run on
// PostgreSQL only: the sync suite runs every store path on both stores, and
// a second PGlite start would double the suite's time.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../node/xlsx/writeSheet';
import { demoExport } from '../shared/demo/demoExport';
import type { CentralImportReport } from '../shared/sync/types';
import { demoEventId } from './demo/seedDemo';
import { backends } from './test/backends';
import {
  type CentralProcess,
  type CentralStore,
  startCentral,
  storeArgs,
} from './test/centralProcess';
import {
  login,
  participantsOf,
  pullAll,
  push,
  registerDesk,
  request,
} from './test/client';
import { operationsOf } from './test/operations';

const xlsxType =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(backends().filter((b) => b.name === 'PostgreSQL'))(
  'registration data on $name',
  (backend) => {
    let central: CentralProcess;
    let store: CentralStore;
    let base = '';
    let organizer = '';
    let eventId = '';
    let fileBytes: Buffer;
    const tmp = mkdtempSync(join(tmpdir(), 'racedesk-import-'));

    const upload = async (mode: 'preview' | 'apply', bytes: Buffer) => {
      const response = await fetch(
        `${base}/api/events/${eventId}/import?mode=${mode}&fileName=d.xlsx`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${organizer}`,
            'content-type': xlsxType,
          },
          body: new Uint8Array(bytes),
        },
      );
      return {
        status: response.status,
        body: (await response.json()) as CentralImportReport,
      };
    };

    beforeAll(async () => {
      store = await backend.open();
      central = await startCentral(store);
      base = central.url;
      organizer = await login(base, 'demo');
      const created = await request<{ id: string }>(
        base,
        'POST',
        '/api/events',
        {
          token: organizer,
          body: { name: 'Import race', type: 'event', date: '2025-06-14' },
        },
      );
      eventId = created.body.id;
      const path = join(tmp, 'export.xlsx');
      await writeSheet(demoExport({ participants: 60, seed: 11 }), path);
      fileBytes = readFileSync(path);
    }, 90_000);

    afterAll(async () => {
      await central?.stop();
      backend.close();
      rmSync(tmp, { recursive: true, force: true });
    });

    it('a preview of an export says what it would do and stores nothing', async () => {
      const preview = await upload('preview', fileBytes);

      expect(preview.status).toBe(200);
      expect(preview.body.changes.created).toBe(60);
      expect(preview.body.counts.participants).toBe(60);
      const pulled = await pullAll(base, organizer, eventId);
      expect(pulled.documents).toEqual([]);
      expect(pulled.checkpoint).toBe(0);
    });

    it('applying an export twice updates in place and keeps desk state', async () => {
      const first = await upload('apply', fileBytes);
      const desk = await registerDesk(base, organizer, eventId);
      const someone =
        [
          ...participantsOf(
            (await pullAll(base, desk.token, eventId)).documents,
          ).keys(),
        ][0] ?? '';
      await push(base, desk, [operationsOf(desk)('check-in', someone, {})]);

      const second = await upload('apply', fileBytes);

      expect(first.body.changes).toMatchObject({ created: 60, missing: 0 });
      expect(second.body.changes).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: 60,
      });
      const docs = participantsOf(
        (await pullAll(base, desk.token, eventId)).documents,
      );
      expect(docs.size).toBe(60);
      expect(docs.get(someone)?.state.checkedIn).toBe(true);
    });

    it('a file that is not a workbook is refused with a clear error', async () => {
      const refused = await upload('apply', Buffer.from('Fornavn;Etternavn\n'));

      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        error: { code: 'unreadable-file' },
      });
    });

    it('an erasure reaches every desk and a later upload does not bring the person back', async () => {
      const desk = await registerDesk(base, organizer, eventId);
      const before = await pullAll(base, desk.token, eventId);
      const gone = [...participantsOf(before.documents).keys()][1] ?? '';

      const erased = await request(
        base,
        'DELETE',
        `/api/events/${eventId}/participants/${gone}`,
        { token: organizer },
      );
      const after = await pullAll(base, desk.token, eventId, before.checkpoint);
      const checkIn = await push(base, desk, [
        operationsOf(desk)('check-in', gone, {}),
      ]);
      const again = await upload('apply', fileBytes);
      const fresh = await pullAll(base, desk.token, eventId);

      expect(erased.status).toBe(204);
      expect(after.documents).toEqual([
        expect.objectContaining({
          kind: 'participant-erased',
          participantId: gone,
        }),
      ]);
      expect(checkIn.body.results[0]?.result.code).toBe('unknown-participant');
      expect(again.body.changes.erased).toBe(1);
      expect(participantsOf(fresh.documents).has(gone)).toBe(false);
      expect(JSON.stringify(fresh.documents)).not.toContain(
        participantsOf(before.documents).get(gone)?.participant.lastName,
      );
    });

    it('a desk reads its own event and no other', async () => {
      const desk = await registerDesk(base, organizer, eventId);

      const own = await request<{ name: string }>(
        base,
        'GET',
        `/api/events/${eventId}`,
        { token: desk.token },
      );
      const other = await request(base, 'GET', `/api/events/${demoEventId}`, {
        token: desk.token,
      });

      expect(own.body.name).toBe('Import race');
      expect(other.status).toBe(403);
    });
    it('an administrator adds an organization and an account that can sign in', async () => {
      const admin = (args: string[], password = '') =>
        spawnSync(
          process.execPath,
          ['--import', 'tsx', 'central/admin.ts', ...args, ...storeArgs(store)],
          { env: { ...process.env, RACEDESK_PASSWORD: password } },
        );

      const club = admin([
        'add-organization',
        '--id',
        'org-ny-il',
        '--kind',
        'club',
        '--name',
        'Ny IL',
        '--parent',
        'org-oslo-krets',
      ]);
      const weak = admin(
        [
          'add-account',
          '--login',
          'kari',
          '--name',
          'Kari',
          '--organization',
          'org-ny-il',
        ],
        'short',
      );
      const account = admin(
        [
          'add-account',
          '--login',
          'kari',
          '--name',
          'Kari',
          '--organization',
          'org-ny-il',
        ],
        'langt-passord-2025',
      );
      const signedIn = await request(base, 'POST', '/api/login', {
        body: { login: 'kari', password: 'langt-passord-2025' },
      });

      expect(club.status).toBe(0);
      expect(weak.status).toBe(1);
      expect(weak.stdout.toString()).toContain('RACEDESK_PASSWORD');
      expect(account.status).toBe(0);
      expect(signedIn.status).toBe(200);
    });
  },
);
