// The desk reads the organizer's permission for the external list from the
// central event with its own desk token, and takes nothing else for a yes.

import { describe, expect, it } from 'vitest';
import type { Fetch, FetchInit } from '../../../shared/sync/desk/httpRequest';
import { readCentralPermission } from './centralSettings';

const link = {
  url: 'http://central.local:8787/',
  centralEventId: 'ev 1',
  deskToken: 'rdd_desk',
};

const answering = (status: number, body: unknown) => {
  const asked: { url: string; init: FetchInit }[] = [];
  const fetch: Fetch = async (url, init) => {
    asked.push({ url, init });
    return {
      status,
      text: async () => JSON.stringify(body),
      body: null,
    };
  };
  return { fetch, asked };
};

describe('readCentralPermission', () => {
  it('asks the central event with the desk token and reads its setting', async () => {
    const { fetch, asked } = answering(200, {
      id: 'ev 1',
      allowExternalList: true,
    });
    expect(await readCentralPermission(link, fetch)).toEqual({
      ok: true,
      value: true,
    });
    expect(asked[0]?.url).toBe('http://central.local:8787/api/events/ev%201');
    expect(asked[0]?.init.headers.authorization).toBe('Bearer rdd_desk');
  });

  it('reads a refusal as a refusal', async () => {
    const { fetch } = answering(200, { allowExternalList: false });
    expect(await readCentralPermission(link, fetch)).toEqual({
      ok: true,
      value: false,
    });
  });

  it('takes an answer without the setting for no answer, not a yes', async () => {
    const { fetch } = answering(200, { id: 'ev 1', allowExternalList: 'yes' });
    const read = await readCentralPermission(link, fetch);
    expect(read.ok ? read.value : read.error.code).toBe('bad-response');
  });

  it('passes on a refused token', async () => {
    const { fetch } = answering(403, {
      error: { code: 'desk-revoked', message: 'Revoked' },
    });
    const read = await readCentralPermission(link, fetch);
    expect(read.ok).toBe(false);
  });
});
