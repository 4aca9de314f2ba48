// The desk reads the organizer's retention days from the central event
// with its own desk token; none set (or a service older than the field)
// is null, and nothing out of range is taken.

import { describe, expect, it } from 'vitest';
import type { Fetch, FetchInit } from '../../../shared/sync/desk/httpRequest';
import { readCentralRetention } from './centralRetention';

const link = {
  url: 'http://central.local:8787/',
  centralEventId: 'ev 1',
  deskToken: 'rdd_desk',
};

const answering = (status: number, body: unknown) => {
  const asked: { url: string; init: FetchInit }[] = [];
  const fetch: Fetch = async (url, init) => {
    asked.push({ url, init });
    return { status, text: async () => JSON.stringify(body), body: null };
  };
  return { fetch, asked };
};

describe('readCentralRetention', () => {
  it('asks the central event with the desk token and reads the organizer’s days', async () => {
    const { fetch, asked } = answering(200, { id: 'ev 1', retentionDays: 3 });
    expect(await readCentralRetention(link, fetch)).toEqual({
      ok: true,
      value: 3,
    });
    expect(asked[0]?.url).toBe('http://central.local:8787/api/events/ev%201');
    expect(asked[0]?.init.headers.authorization).toBe('Bearer rdd_desk');
    const zero = answering(200, { id: 'ev 1', retentionDays: 0 });
    expect(await readCentralRetention(link, zero.fetch)).toEqual({
      ok: true,
      value: 0,
    });
  });

  it('reads none set, or an older service without the field, as null', async () => {
    for (const body of [{ id: 'ev 1', retentionDays: null }, { id: 'ev 1' }]) {
      expect(
        await readCentralRetention(link, answering(200, body).fetch),
      ).toEqual({ ok: true, value: null });
    }
  });

  it('takes no days out of range or not whole, and passes on a refusal', async () => {
    for (const retentionDays of [366, -1, 2.5, '3']) {
      const read = await readCentralRetention(
        link,
        answering(200, { id: 'ev 1', retentionDays }).fetch,
      );
      expect(read.ok ? read.value : read.error.code).toBe('bad-response');
    }
    const revoked = await readCentralRetention(
      link,
      answering(403, { error: { code: 'desk-revoked', message: 'Revoked' } })
        .fetch,
    );
    expect(revoked.ok).toBe(false);
  });
});
