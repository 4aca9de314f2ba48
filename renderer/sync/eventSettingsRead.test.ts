// One GET of the central event with the desk token (readEventSettings), as
// the sync, the retention panel and the Lister page read it, and which
// events are read at all (connectedRecord): a disconnected event's old
// token is not used again. Moved here from the panel's and the Lister
// page's own readers (centralRetention.test.ts, centralSettings.test.ts).

import { describe, expect, it } from 'vitest';

import type { Fetch, FetchInit } from '../../shared/sync/desk/httpRequest';
import { writeSyncRecord } from '../db/syncRecords';
import type { SyncRecord } from '../db/syncSchemas';
import { openTestDesk } from '../store/testDesk';
import {
  connectedRecord,
  keepEventSettings,
  readEventSettings,
} from './eventSettings';

const link = {
  url: 'http://central.local:8787/',
  centralEventId: 'ev 1',
  deskToken: 'rdd_desk',
};

const answering = (status: number, body: unknown) => {
  const asked: { url: string; init: FetchInit<AbortSignal> }[] = [];
  const fetch: Fetch<AbortSignal> = async (url, init) => {
    asked.push({ url, init });
    return { status, text: async () => JSON.stringify(body), body: null };
  };
  return { fetch, asked };
};

describe('readEventSettings', () => {
  it('asks the central event with the desk token and reads both settings', async () => {
    const { fetch, asked } = answering(200, {
      id: 'ev 1',
      retentionDays: 3,
      allowExternalList: true,
    });
    expect(await readEventSettings(link, fetch)).toEqual({
      ok: true,
      value: { retentionDays: 3, allowExternalList: true },
    });
    expect(asked[0]?.url).toBe('http://central.local:8787/api/events/ev%201');
    expect(asked[0]?.init.headers.authorization).toBe('Bearer rdd_desk');
  });

  it('reads a refusal as a refusal and none set as null', async () => {
    const read = await readEventSettings(
      link,
      answering(200, { retentionDays: null, allowExternalList: false }).fetch,
    );
    expect(read).toEqual({
      ok: true,
      value: { retentionDays: null, allowExternalList: false },
    });
  });

  it('leaves out what is absent or malformed: an older service clears nothing, "yes" is no yes', async () => {
    const read = await readEventSettings(
      link,
      answering(200, { id: 'ev 1', allowExternalList: 'yes' }).fetch,
    );
    expect(read).toEqual({ ok: true, value: {} });
    const notEvent = await readEventSettings(link, answering(200, []).fetch);
    expect(notEvent.ok ? notEvent.value : notEvent.error.code).toBe(
      'bad-response',
    );
  });

  it('passes on a refused token', async () => {
    const read = await readEventSettings(
      link,
      answering(403, { error: { code: 'desk-revoked', message: 'Revoked' } })
        .fetch,
    );
    expect(read.ok).toBe(false);
  });
});

describe('connectedRecord', () => {
  it('is the sync record while the event is connected, null once disconnected or never connected', async () => {
    const opened = await openTestDesk();
    try {
      const record: SyncRecord = {
        eventId: 'local-1',
        url: 'http://127.0.0.1:9',
        centralEventId: 'central-1',
        deskId: opened.deskId,
        deskName: 'T',
        deskToken: 'd_old',
        connectedAt: '2025-06-14T08:00:00.000Z',
        active: true,
        checkpoint: 0,
      };
      expect(await connectedRecord(opened.database, 'local-1')).toBeNull();
      await writeSyncRecord(opened.database, record);
      expect(
        (await connectedRecord(opened.database, 'local-1'))?.deskToken,
      ).toBe('d_old');
      await writeSyncRecord(opened.database, { ...record, active: false });
      expect(await connectedRecord(opened.database, 'local-1')).toBeNull();
    } finally {
      await opened.close();
    }
  });

  it('keeps the days read and leaves them when the answer has none', async () => {
    const opened = await openTestDesk();
    try {
      const db = opened.database;
      expect(await keepEventSettings(db, 'local-1', { retentionDays: 4 })).toBe(
        true,
      );
      expect(await keepEventSettings(db, 'local-1', {})).toBe(false);
      expect((await opened.retention('local-1')).organizerDays).toBe(4);
      expect(
        await keepEventSettings(db, 'local-1', { retentionDays: null }),
      ).toBe(true);
      expect((await opened.retention('local-1')).organizerDays).toBeUndefined();
    } finally {
      await opened.close();
    }
  });
});
