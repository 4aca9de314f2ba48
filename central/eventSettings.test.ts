// The organizer's event settings (PUT /api/events/{eventId}/settings):
// whether the external participant list may be made. The organizer and
// its krets set it; the event's desks read it with the event and may not
// change it; another club may neither read nor change it. In process on a
// migrated PGlite with the demo seed.

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoEventId, seedDemo } from './demo/seedDemo';
import { centralContext } from './http/context';
import { buildServer } from './http/server';
import { centralLogger } from './log';
import { openTempPglite, type TempPglite } from './test/tempPglite';

let store: TempPglite;
let app: FastifyInstance;

const call = async (
  method: 'GET' | 'PUT' | 'POST',
  url: string,
  token: string,
  body?: unknown,
) => {
  const reply = await app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return { status: reply.statusCode, body: reply.json() };
};

const loginAs = async (login: string) => {
  const reply = await app.inject({
    method: 'POST',
    url: '/api/login',
    payload: { login, password: 'demo' },
  });
  return (reply.json() as { token: string }).token;
};

const eventUrl = `/api/events/${demoEventId}`;
const settingsUrl = `${eventUrl}/settings`;

beforeAll(async () => {
  store = await openTempPglite('event-settings');
  await seedDemo(store.db, 5);
  app = buildServer(centralContext(store.db, centralLogger('silent')));
}, 90_000);

afterAll(async () => {
  await app?.close();
  await store?.remove();
});

describe('event settings', () => {
  it('does not allow the external list until the organizer does', async () => {
    const organizer = await loginAs('demo');
    const event = await call('GET', eventUrl, organizer);
    expect(event.status).toBe(200);
    expect(event.body.allowExternalList).toBe(false);

    const created = await call('POST', '/api/events', organizer, {
      name: 'Nytt løp',
      type: 'event',
      date: '2025-06-14',
    });
    expect(created.body.allowExternalList).toBe(false);
  });

  it('lets the organizer allow it, and the event’s desk reads it', async () => {
    const organizer = await loginAs('demo');
    const desk = await call('POST', `${eventUrl}/desks`, organizer, {
      name: 'Desk 1',
    });
    expect(desk.status).toBe(201);

    const set = await call('PUT', settingsUrl, organizer, {
      allowExternalList: true,
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      id: demoEventId,
      allowExternalList: true,
    });
    const seen = await call('GET', eventUrl, desk.body.token);
    expect(seen.body.allowExternalList).toBe(true);

    // The organizer's krets sees the event's data, and may withdraw it.
    const krets = await loginAs('krets');
    const withdrawn = await call('PUT', settingsUrl, krets, {
      allowExternalList: false,
    });
    expect(withdrawn.status).toBe(200);
    expect(
      (await call('GET', eventUrl, desk.body.token)).body.allowExternalList,
    ).toBe(false);
    const rows = await store.db.query<{ settings_changed_by: string }>(
      'SELECT settings_changed_by FROM events WHERE event_id = $1',
      [demoEventId],
    );
    expect(rows[0]?.settings_changed_by).toBe('acct-krets');
  });

  it('refuses a desk, another club and a body that is not the settings', async () => {
    const organizer = await loginAs('demo');
    const desk = await call('POST', `${eventUrl}/desks`, organizer, {
      name: 'Desk 2',
    });
    const byDesk = await call('PUT', settingsUrl, desk.body.token, {
      allowExternalList: true,
    });
    expect(byDesk.status).toBe(403);
    expect(byDesk.body.error.code).toBe('wrong-caller');

    const other = await loginAs('other');
    const byOther = await call('PUT', settingsUrl, other, {
      allowExternalList: true,
    });
    expect(byOther.status).toBe(403);

    const bad = await call('PUT', settingsUrl, organizer, {
      allowExternalList: 'yes',
    });
    expect(bad.status).toBe(400);
    const extra = await call('PUT', settingsUrl, organizer, {
      allowExternalList: true,
      phoneList: true,
    });
    expect(extra.status).toBe(400);

    expect(
      (await call('GET', eventUrl, organizer)).body.allowExternalList,
    ).toBe(false);
  });
});
