// The organizer's event settings (PUT /api/events/{eventId}/settings):
// whether the external participant list may be made, and how many days
// after the event its data stays on the desks. The organizer and
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

  it('keeps the event on the desks the days the organizer sets, each desk’s own until then', async () => {
    const organizer = await loginAs('demo');
    expect((await call('GET', eventUrl, organizer)).body.retentionDays).toBe(
      null,
    );
    const desk = await call('POST', `${eventUrl}/desks`, organizer, {
      name: 'Desk 3',
    });
    const before = (await call('GET', eventUrl, organizer)).body
      .allowExternalList;

    const set = await call('PUT', settingsUrl, organizer, { retentionDays: 3 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ id: demoEventId, retentionDays: 3 });
    const seen = await call('GET', eventUrl, desk.body.token);
    expect(seen.status).toBe(200);
    expect(seen.body.retentionDays).toBe(3);
    // A setting left out is kept: the external list, then the days.
    expect(seen.body.allowExternalList).toBe(before);
    await call('PUT', settingsUrl, organizer, { allowExternalList: !before });
    const both = (await call('GET', eventUrl, desk.body.token)).body;
    expect(both).toMatchObject({
      retentionDays: 3,
      allowExternalList: !before,
    });
    await call('PUT', settingsUrl, organizer, { allowExternalList: before });

    // 0 is a setting (the day after), not the desk's default.
    await call('PUT', settingsUrl, organizer, { retentionDays: 0 });
    expect(
      (await call('GET', eventUrl, desk.body.token)).body.retentionDays,
    ).toBe(0);
    const cleared = await call('PUT', settingsUrl, organizer, {
      retentionDays: null,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.retentionDays).toBe(null);
    const stored = await store.db.query<{ retention_days: number | null }>(
      'SELECT retention_days FROM events WHERE event_id = $1',
      [demoEventId],
    );
    expect(stored[0]?.retention_days).toBe(null);
  });

  it('refuses days from a desk or another club, out of range or not whole, naming the field', async () => {
    const organizer = await loginAs('demo');
    await call('PUT', settingsUrl, organizer, { retentionDays: 5 });
    const desk = await call('POST', `${eventUrl}/desks`, organizer, {
      name: 'Desk 4',
    });
    const byDesk = await call('PUT', settingsUrl, desk.body.token, {
      retentionDays: 30,
    });
    expect(byDesk.status).toBe(403);
    expect(byDesk.body.error.code).toBe('wrong-caller');
    const byOther = await call('PUT', settingsUrl, await loginAs('other'), {
      retentionDays: 30,
    });
    expect(byOther.status).toBe(403);
    expect((await call('GET', eventUrl, await loginAs('other'))).status).toBe(
      403,
    );

    for (const retentionDays of [366, -1, 2.5, '3']) {
      const bad = await call('PUT', settingsUrl, organizer, { retentionDays });
      expect(bad.status, String(retentionDays)).toBe(400);
      expect(bad.body.error.code).toBe('invalid-body');
      expect(bad.body.error.message).toContain('retentionDays');
    }
    expect(
      (await call('PUT', settingsUrl, organizer, { retentionDays: 365 }))
        .status,
    ).toBe(200);
    const empty = await call('PUT', settingsUrl, organizer, {});
    expect(empty.status).toBe(400);

    expect(
      (await call('GET', eventUrl, desk.body.token)).body.retentionDays,
    ).toBe(365);
  });
});
