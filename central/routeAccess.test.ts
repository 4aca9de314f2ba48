// Every event route of the OpenAPI document, against the real central
// process: no token, a revoked desk token, a desk token of another event
// and an organizer of another club are each refused with their status, and
// nothing changes. The routes and their bodies come from the document, so
// a route added there is covered without touching this file. The routes
// without an event (login, the event list, health, the document) each have
// a case below; the served routes are compared with both, so a route added
// to central/http/routes without an access case fails here.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoEventId } from './demo/seedDemo';
import { type CentralProcess, startCentral } from './test/centralProcess';
import {
  type Desk,
  login,
  participantsOf,
  pullAll,
  registerDesk,
  request,
} from './test/client';
import { exampleOf, type Schema } from './test/schemaExample';
import { servedRoutes } from './test/servedRoutes';

type Operation = {
  requestBody?: { content: Record<string, { schema: Schema }> };
};

const document: Schema & {
  paths: Record<string, Record<string, Operation>>;
} = JSON.parse(readFileSync(join(import.meta.dirname, 'openapi.json'), 'utf8'));

type Route = { method: string; path: string; operation: Operation };

const eventRoutes: Route[] = Object.entries(document.paths)
  .filter(([path]) => path.includes('{eventId}'))
  .flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      operation,
    })),
  );

/**
 * Who may call each route that names no event. Event routes are the
 * document's; each of these has its own test below.
 */
const otherRoutes: Record<string, 'anyone' | 'organizer'> = {
  'GET /api/health': 'anyone',
  'GET /api/openapi.json': 'anyone',
  // Takes credentials, gives a token: refusals are central/http/limits.test.ts
  // and the cases below.
  'POST /api/login': 'anyone',
  'GET /api/events': 'organizer',
  'POST /api/events': 'organizer',
};

const state = {
  central: null as CentralProcess | null,
  dir: '',
  organizer: '',
  victim: null as Desk | null,
  participantId: '',
};

const pathOf = (route: Route) =>
  route.path
    .replace('{eventId}', demoEventId)
    .replace('{deskId}', state.victim?.deskId ?? '')
    .replace('{participantId}', state.participantId)
    .replace(/\{\w+\}/g, 'x');

/** A body the route's validation accepts, with its content type. */
const bodyOf = (route: Route) => {
  const content = route.operation.requestBody?.content ?? {};
  const json = content['application/json'];
  if (json) {
    return {
      type: 'application/json',
      body: JSON.stringify(exampleOf(json.schema, document)),
    };
  }
  const [type] = Object.keys(content);
  return type ? { type, body: 'PK\u0003\u0004' } : null;
};

const call = async (route: Route, token: string | null) => {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  const payload = bodyOf(route);
  if (payload) headers['content-type'] = payload.type;
  const response = await fetch(`${state.central?.url}${pathOf(route)}`, {
    method: route.method,
    headers,
    body: payload?.body,
  });
  const text = await response.text();
  const body: { error?: { code: string } } = text ? JSON.parse(text) : {};
  return { status: response.status, code: body.error?.code ?? '' };
};

/** What a refused call must leave as it was: seqs, desks, the participant. */
const snapshot = async () => {
  const pulled = await pullAll(
    state.central?.url ?? '',
    state.organizer,
    demoEventId,
  );
  const victim = await request(
    state.central?.url ?? '',
    'GET',
    `/api/events/${demoEventId}`,
    { token: state.victim?.token },
  );
  return {
    checkpoint: pulled.checkpoint,
    participant: participantsOf(pulled.documents).has(state.participantId),
    victimStatus: victim.status,
  };
};

beforeAll(async () => {
  state.dir = mkdtempSync(join(tmpdir(), 'racedesk-access-'));
  const central = await startCentral({ dataDir: state.dir }, [
    '--demo',
    '--demo-participants',
    '10',
  ]);
  state.central = central;
  state.organizer = await login(central.url, 'demo');
  state.victim = await registerDesk(central.url, state.organizer, demoEventId);
  const { documents } = await pullAll(
    central.url,
    state.organizer,
    demoEventId,
  );
  state.participantId = [...participantsOf(documents).keys()][0] ?? '';
}, 120_000);

afterAll(async () => {
  await state.central?.stop();
  rmSync(state.dir, { recursive: true, force: true });
});

describe('the routes the service serves', () => {
  it('each have an access case here: an event route or one of the others', async () => {
    const covered = [
      ...eventRoutes.map((r) => `${r.method} ${r.path}`),
      ...Object.keys(otherRoutes),
    ].sort();
    expect(covered).toEqual(await servedRoutes());
  });
});

describe('the event list and event creation', () => {
  const revokedDesk = async () => {
    const base = state.central?.url ?? '';
    const desk = await registerDesk(base, state.organizer, demoEventId);
    const revoked = await request(
      base,
      'DELETE',
      `/api/events/${demoEventId}/desks/${desk.deskId}`,
      { token: state.organizer },
    );
    expect(revoked.status).toBe(204);
    return desk;
  };
  const listed = async (token: string | undefined) =>
    request<{ events?: { id: string; name: string }[] }>(
      state.central?.url ?? '',
      'GET',
      '/api/events',
      { token },
    );

  it('GET /api/events refuses no token, a desk token and a revoked one; an organizer sees its own', async () => {
    const desk = state.victim;
    if (!desk) throw new Error('no desk');
    const revoked = await revokedDesk();

    for (const token of [undefined, desk.token, revoked.token]) {
      const reply = await listed(token);
      expect(reply.status, String(token)).toBe(401);
      expect(reply.body, String(token)).toMatchObject({
        error: { code: 'unauthorized' },
      });
      expect(reply.body.events, String(token)).toBeUndefined();
    }
    const own = await listed(state.organizer);
    expect(own.status).toBe(200);
    expect(own.body.events?.map((e) => e.id)).toContain(demoEventId);
    const other = await listed(await login(state.central?.url ?? '', 'other'));
    expect(other.status).toBe(200);
    expect(other.body.events?.map((e) => e.id)).not.toContain(demoEventId);
  });

  it('POST /api/events refuses no token, a desk token and a revoked one, and creates nothing', async () => {
    const base = state.central?.url ?? '';
    const desk = state.victim;
    if (!desk) throw new Error('no desk');
    const revoked = await revokedDesk();
    const before = (await listed(state.organizer)).body.events ?? [];
    const body = { name: 'Refused race', type: 'event', date: '2025-08-01' };

    for (const token of [undefined, desk.token, revoked.token]) {
      const reply = await request<{ error?: { code: string } }>(
        base,
        'POST',
        '/api/events',
        { token, body },
      );
      expect(reply.status, String(token)).toBe(401);
      expect(reply.body.error?.code, String(token)).toBe('unauthorized');
    }

    const after = (await listed(state.organizer)).body.events ?? [];
    expect(after).toEqual(before);
    expect(after.map((e) => e.name)).not.toContain('Refused race');
    const made = await request(base, 'POST', '/api/events', {
      token: state.organizer,
      body,
    });
    expect(made.status).toBe(201);
  });

  it('health, the document and login need no token', async () => {
    const base = state.central?.url ?? '';
    for (const path of ['/api/health', '/api/openapi.json']) {
      expect((await request(base, 'GET', path)).status, path).toBe(200);
    }
    const wrong = await request<{ error?: { code: string } }>(
      base,
      'POST',
      '/api/login',
      { body: { login: 'demo', password: 'not the password' } },
    );
    expect(wrong.status).toBe(401);
    expect(typeof (await login(base, 'demo'))).toBe('string');
  });
});

describe('every event route', () => {
  it('is found in the OpenAPI document, with bodies its schemas accept', () => {
    const ajv = new Ajv({ strict: false, discriminator: true });
    ajv.addSchema(document, 'openapi');
    expect(eventRoutes.length).toBeGreaterThanOrEqual(10);
    for (const route of eventRoutes) {
      const json = route.operation.requestBody?.content['application/json'];
      if (!json) continue;
      const ref = String(json.schema.$ref ?? '').replace('#', 'openapi#');
      const valid = ajv.validate(
        { $ref: ref },
        exampleOf(json.schema, document),
      );
      expect(valid, `${route.method} ${route.path}`).toBe(true);
    }
  });

  it('refuses no token, a revoked desk, another event and another club, and changes nothing', async () => {
    const base = state.central?.url ?? '';
    const revoked = await registerDesk(base, state.organizer, demoEventId);
    await request(
      base,
      'DELETE',
      `/api/events/${demoEventId}/desks/${revoked.deskId}`,
      { token: state.organizer },
    );
    const created = await request<{ id: string }>(base, 'POST', '/api/events', {
      token: state.organizer,
      body: { name: 'Another race', type: 'event', date: '2025-07-01' },
    });
    const foreignDesk = await registerDesk(
      base,
      state.organizer,
      created.body.id,
    );
    const otherClub = await login(base, 'other');
    const before = await snapshot();

    for (const route of eventRoutes) {
      const name = `${route.method} ${route.path}`;
      const none = await call(route, null);
      const wasRevoked = await call(route, revoked.token);
      const foreign = await call(route, foreignDesk.token);
      const club = await call(route, otherClub);
      expect(none, name).toEqual({ status: 401, code: 'unauthorized' });
      expect(wasRevoked.status, name).toBe(403);
      expect(['desk-revoked', 'wrong-caller'], name).toContain(wasRevoked.code);
      expect(foreign.status, name).toBe(403);
      expect(['forbidden', 'wrong-caller'], name).toContain(foreign.code);
      expect(club.status, name).toBe(403);
      expect(['forbidden', 'wrong-caller'], name).toContain(club.code);
    }

    expect(await snapshot()).toEqual(before);
    expect(before).toMatchObject({ participant: true, victimStatus: 200 });
  }, 120_000);
});

describe('a desk page on another origin', () => {
  it('reads every answer, the live stream too (its headers are written by hand)', async () => {
    const base = state.central?.url ?? '';
    const desk = await registerDesk(base, state.organizer, demoEventId);
    const origin = 'http://127.0.0.1:5180';
    for (const path of [
      `/api/events/${demoEventId}`,
      `/api/events/${demoEventId}/pull?checkpoint=0`,
      `/api/events/${demoEventId}/stream`,
    ]) {
      const aborter = new AbortController();
      const response = await fetch(`${base}${path}`, {
        headers: { authorization: `Bearer ${desk.token}`, origin },
        signal: aborter.signal,
      });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('access-control-allow-origin'), path).toBe(
        '*',
      );
      // The stream never ends by itself.
      aborter.abort();
    }
  });
});
