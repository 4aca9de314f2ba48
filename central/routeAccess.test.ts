// Every event route of the OpenAPI document, against the real central
// process: no token, a revoked desk token, a desk token of another event
// and an organizer of another club are each refused with their status, and
// nothing changes. The routes and their bodies come from the document, so
// a route added there is covered without touching this file.

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
