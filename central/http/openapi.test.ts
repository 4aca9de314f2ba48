// The OpenAPI document against the service: the routes, the request
// schemas the service validates with, and real answers (success and error,
// on a seeded PGlite store) against the documented response schemas.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { writeSheet } from '../../node/xlsx/writeSheet';
import { demoExport } from '../../shared/demo/demoExport';
import type { Participant } from '../../shared/domain/participant';
import { computeResults } from '../../shared/results/compute';
import {
  finishAt,
  makeStarter,
  massSetup,
} from '../../shared/results/fixtures';
import { resultListSchema } from '../../shared/results/schema';
import * as schemas from '../../shared/sync/schemas';
import type {
  DeskRegistration,
  PullResponse,
  PushResponse,
  SyncDocument,
} from '../../shared/sync/types';
import { demoEventId, seedDemo } from '../demo/seedDemo';
import { centralLogger } from '../log';
import {
  answerChecker,
  closedSchema,
  openapiDocument,
} from '../test/openapiAnswers';
import { operationsOf } from '../test/operations';
import { servedRoutes, unusedDb } from '../test/servedRoutes';
import { openTempPglite, type TempPglite } from '../test/tempPglite';
import { centralContext } from './context';
import { defaultLimits } from './limits';
import { eventSettingsSchema } from './routes/events';
import { buildServer } from './server';

const document = openapiDocument();

describe('the OpenAPI document', () => {
  it('documents exactly the routes the service serves', async () => {
    const documented = Object.entries(document.paths)
      .flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
      )
      .sort();

    expect(document.openapi).toBe('3.1.0');
    expect(documented).toEqual(await servedRoutes());
  });

  it('carries the request schemas the service validates with', () => {
    const served = {
      Operation: schemas.operationSchema,
      PushRequest: schemas.pushRequestSchema,
      Participant: schemas.participantSchema,
      ParticipantUpsertRequest: schemas.participantUpsertSchema,
      LoginRequest: schemas.loginRequestSchema,
      EventCreateRequest: schemas.eventCreateSchema,
      DeskCreateRequest: schemas.deskCreateSchema,
      LeaseRequest: schemas.leaseRequestSchema,
      ResultList: resultListSchema,
      EventSettingsRequest: eventSettingsSchema,
    };
    for (const [name, schema] of Object.entries(served)) {
      expect(document.components.schemas[name], name).toEqual(
        JSON.parse(JSON.stringify(schema)),
      );
    }
  });

  it('lets a desk page on another origin call it: preflight answered, origin allowed', async () => {
    const app = buildServer(centralContext(unusedDb, centralLogger('silent')));
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/events/e1/operations',
      headers: {
        origin: 'http://127.0.0.1:5180',
        'access-control-request-method': 'POST',
      },
    });
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    await app.close();

    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toContain(
      'authorization',
    );
    expect(health.headers['access-control-allow-origin']).toBe('*');
  });
});

const xlsxType =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Call = {
  token?: string;
  body?: unknown;
  raw?: string | Buffer;
  contentType?: string;
  query?: string;
  params?: Record<string, string>;
};

describe('real answers match the documented response schemas', () => {
  let store: TempPglite;
  let app: FastifyInstance;
  let strict: FastifyInstance;
  const checker = answerChecker();
  const problems: string[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'racedesk-openapi-'));

  /** Calls `method path` (as documented) and checks the answer. */
  const call = async <T>(
    method: string,
    path: string,
    options: Call = {},
    server: FastifyInstance = app,
  ) => {
    const params: Record<string, string> = {
      eventId: demoEventId,
      ...options.params,
    };
    const url =
      path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? name) +
      (options.query ? `?${options.query}` : '');
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | Buffer | undefined = options.raw;
    if (options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/json';
    }
    const response = await server.inject({
      method: method as 'GET',
      url,
      headers,
      payload,
    });
    const body = response.body === '' ? null : JSON.parse(response.body);
    problems.push(
      ...checker.problems(method, path, { status: response.statusCode, body }),
    );
    return { status: response.statusCode, body: body as T };
  };

  const pullAll = async (token: string) => {
    const documents: SyncDocument[] = [];
    let checkpoint = 0;
    for (;;) {
      const page = await call<PullResponse>(
        'GET',
        '/api/events/{eventId}/pull',
        { token, query: `checkpoint=${checkpoint}&limit=7` },
      );
      documents.push(...page.body.documents);
      checkpoint = page.body.checkpoint;
      if (!page.body.hasMore) return documents;
    }
  };

  beforeAll(async () => {
    store = await openTempPglite('openapi');
    await seedDemo(store.db, 30);
    const ctx = centralContext(store.db, centralLogger('silent'));
    app = buildServer(ctx);
    // One request a second with no burst: the second one is refused.
    strict = buildServer(ctx, undefined, {
      ...defaultLimits,
      rate: {
        perToken: { perSecond: 0.001, burst: 1 },
        perAddress: { perSecond: 0.001, burst: 1 },
      },
    });
  }, 90_000);

  afterAll(async () => {
    await app?.close();
    await strict?.close();
    await store?.remove();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('closes every listed object, so an undocumented field fails', () => {
    const closed = closedSchema({
      type: 'object',
      properties: { a: { type: 'object', properties: { b: {} } } },
    });
    expect(closed).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: {
        a: {
          type: 'object',
          additionalProperties: false,
          properties: { b: {} },
        },
      },
    });
    const extra = answerChecker().problems('GET', '/api/health', {
      status: 200,
      body: { ok: true, uptime: 3 },
    });
    expect(extra).toHaveLength(1);
    const missing = answerChecker().problems('POST', '/api/login', {
      status: 401,
      body: { code: 'x', message: 'y' },
    });
    expect(missing.length).toBeGreaterThan(0);
  });

  it('on every route, for success and error answers', async () => {
    // Health, login, events.
    await call('GET', '/api/health');
    const loggedIn = await call<{ token: string }>('POST', '/api/login', {
      body: { login: 'demo', password: 'demo' },
    });
    const organizer = loggedIn.body.token;
    const other = (
      await call<{ token: string }>('POST', '/api/login', {
        body: { login: 'other', password: 'demo' },
      })
    ).body.token;
    await call('POST', '/api/login', {
      body: { login: 'demo', password: 'wrong' },
    });
    await call('POST', '/api/login', { body: { login: 'demo' } });
    // Wrong passwords past the login's budget: locked out.
    for (let i = 0; i < 7; i += 1) {
      await call('POST', '/api/login', {
        body: { login: 'krets', password: 'wrong' },
      });
    }
    await call('POST', '/api/login', { raw: '{"login":' });
    await call('POST', '/api/login', {
      raw: JSON.stringify({ login: 'x'.repeat(300_000), password: 'x' }),
    });
    await call('GET', '/api/events', { token: organizer });
    await call('GET', '/api/events');
    const created = await call<{ id: string }>('POST', '/api/events', {
      token: organizer,
      body: { name: 'Spring race', type: 'event', date: '2025-04-01' },
    });
    await call('POST', '/api/events', { token: organizer, body: { name: '' } });
    await call('GET', '/api/events/{eventId}', { token: organizer });
    await call('GET', '/api/events/{eventId}', { token: other });
    await call('PUT', '/api/events/{eventId}/settings', {
      token: organizer,
      body: { allowExternalList: true },
    });
    await call('PUT', '/api/events/{eventId}/settings', {
      token: other,
      body: { allowExternalList: false },
    });
    await call('PUT', '/api/events/{eventId}/settings', {
      token: organizer,
      body: { allowExternalList: 'yes' },
    });

    // Desks and leases.
    const registered = await call<DeskRegistration>(
      'POST',
      '/api/events/{eventId}/desks',
      { token: organizer, body: { name: 'Desk A' } },
    );
    const desk = { ...registered.body, eventId: demoEventId };
    const second = await call<DeskRegistration>(
      'POST',
      '/api/events/{eventId}/desks',
      { token: organizer, body: { name: 'Desk B' } },
    );
    const deskB = { ...second.body, eventId: demoEventId };
    await call('POST', '/api/events/{eventId}/desks', {
      token: organizer,
      body: {},
    });
    await call('POST', '/api/events/{eventId}/leases', {
      token: desk.token,
      body: { deskId: desk.deskId, className: '', count: 20 },
    });
    await call('POST', '/api/events/{eventId}/leases', {
      token: deskB.token,
      body: { deskId: desk.deskId, className: '', count: 20 },
    });
    await call('POST', '/api/events/{eventId}/leases', {
      token: organizer,
      body: { deskId: 'no-such-desk', className: '', count: 20 },
    });
    await call('POST', '/api/events/{eventId}/leases', {
      token: organizer,
      body: { deskId: desk.deskId, className: '', count: 0 },
    });

    // Push: every outcome, a repeat, and refusals.
    const participants = (await pullAll(organizer))
      .filter((d) => d.kind === 'participant')
      .map((d) => d.participant);
    const ids = participants.map((p) => p.id);
    const className = participants[2]?.entries[0]?.className ?? '';
    const op = operationsOf(desk);
    const batch = [
      op('check-in', ids[0] ?? '', {}),
      op('check-in', ids[0] ?? '', {}),
      op('check-in', 'p-nobody', {}),
      op('payment', ids[1] ?? '', { method: 'card', amount: 100 }),
      op('bib-assign', ids[1] ?? '', {
        bib: '901',
        previousBib: '',
        source: 'typed',
      }),
      op('bib-assign', ids[2] ?? '', {
        bib: '901',
        previousBib: '',
        source: 'typed',
      }),
      op('class-range-set', '', { className, first: 1000, last: 1099 }),
      op('chip-assign', ids[3] ?? '', {
        chip: '8001',
        previousChip: '',
        rental: true,
      }),
      op('late-entry', '', {
        entry: {
          firstName: 'Kari',
          lastName: 'Nordmann',
          birthDate: '1990-05-05',
          gender: 'female',
          club: 'Sim IL',
          className,
          paymentMethod: 'cash',
          amount: 5000,
        },
      }),
    ];
    const pushed = await call<PushResponse>(
      'POST',
      '/api/events/{eventId}/operations',
      { token: desk.token, body: { operations: batch } },
    );
    expect(pushed.body.results.map((r) => r.result.outcome)).toEqual([
      'applied',
      'unchanged',
      'rejected',
      'applied',
      'applied',
      'conflict',
      'applied',
      'applied',
      'applied',
    ]);
    const repeated = await call<PushResponse>(
      'POST',
      '/api/events/{eventId}/operations',
      { token: desk.token, body: { operations: batch.slice(0, 2) } },
    );
    expect(repeated.body.results.map((r) => r.repeated)).toEqual([true, true]);
    // The holder gets another bib: the conflict is settled.
    await call('POST', '/api/events/{eventId}/operations', {
      token: desk.token,
      body: {
        operations: [
          op('bib-assign', ids[1] ?? '', {
            bib: '902',
            previousBib: '901',
            source: 'typed',
          }),
        ],
      },
    });
    await call('POST', '/api/events/{eventId}/operations', {
      token: desk.token,
      body: { operations: [{ ...batch[0], seq: 'x' }] },
    });
    await call('POST', '/api/events/{eventId}/operations', {
      token: deskB.token,
      body: { operations: [op('check-in', ids[4] ?? '', {})] },
    });
    await call('POST', '/api/events/{eventId}/operations', {
      token: desk.token,
      raw: JSON.stringify({ operations: [], pad: 'x'.repeat(1_100_000) }),
    });
    await call('POST', '/api/events/{eventId}/operations', {
      body: { operations: [op('check-in', ids[4] ?? '', {})] },
    });

    // A class range too small for the lease asked.
    await call('POST', '/api/events/{eventId}/leases', {
      token: organizer,
      body: { deskId: desk.deskId, className, count: 500 },
    });

    // Participants: upsert, erase.
    const changed: Participant = {
      ...(participants[5] as Participant),
      status: 'deregistered',
    };
    await call('POST', '/api/events/{eventId}/participants', {
      token: organizer,
      body: { participants: [changed] },
    });
    await call('POST', '/api/events/{eventId}/participants', {
      token: organizer,
      body: { participants: [{ id: 'x' }] },
    });
    await call('POST', '/api/events/{eventId}/participants', {
      token: desk.token,
      body: { participants: [changed] },
    });
    await call('DELETE', '/api/events/{eventId}/participants/{participantId}', {
      token: organizer,
      params: { participantId: ids[6] ?? '' },
    });
    await call('DELETE', '/api/events/{eventId}/participants/{participantId}', {
      token: organizer,
      params: { participantId: 'p-nobody' },
    });

    // Pull: every kind of document, and refusals.
    const documents = await pullAll(desk.token);
    const kinds = new Set(documents.map((d) => d.kind));
    expect([...kinds].sort()).toEqual([
      'bib-conflict',
      'bib-lease',
      'class-range',
      'participant',
      'participant-erased',
    ]);
    const conflict = documents.find((d) => d.kind === 'bib-conflict');
    expect(conflict?.kind === 'bib-conflict' && conflict.conflict.status).toBe(
      'settled',
    );
    await call('GET', '/api/events/{eventId}/pull', {
      token: desk.token,
      query: 'checkpoint=999999',
    });
    await call('GET', '/api/events/{eventId}/pull', {
      token: desk.token,
      query: 'checkpoint=0&limit=100000',
    });
    await call('GET', '/api/events/{eventId}/pull', {
      token: other,
      query: 'checkpoint=0',
    });
    await call('GET', '/api/events/{eventId}/pull', { query: 'checkpoint=0' });
    await call('GET', '/api/events/{eventId}/stream');
    await call('GET', '/api/events/{eventId}/stream', { token: other });

    // Import: a preview, an apply, and a body that is no .xlsx.
    const file = join(tmp, 'export.xlsx');
    await writeSheet(demoExport({ participants: 20, seed: 3 }), file);
    const bytes = readFileSync(file);
    const newEvent = { eventId: created.body.id };
    for (const mode of ['preview', 'apply']) {
      const report = await call<{ mode: string }>(
        'POST',
        '/api/events/{eventId}/import',
        {
          token: organizer,
          raw: bytes,
          contentType: xlsxType,
          query: `mode=${mode}&fileName=export.xlsx`,
          params: newEvent,
        },
      );
      expect(report.body.mode).toBe(mode);
    }
    await call('POST', '/api/events/{eventId}/import', {
      token: organizer,
      body: { participants: [] },
      params: newEvent,
    });
    await call('POST', '/api/events/{eventId}/import', {
      token: organizer,
      raw: Buffer.from('not a spreadsheet'),
      contentType: xlsxType,
      params: newEvent,
    });

    // Results: none yet, posted, read back, refused.
    const list = computeResults({
      setup: massSetup('10:00:00'),
      starters: [1, 2, 3].map((n) =>
        makeStarter({ bib: String(n), className: 'H 21' }),
      ),
      passings: [
        finishAt('1', '10:20:00.000'),
        finishAt('2', '10:21:00.000'),
        { chip: '999999', station: 'c1', time: '10:30:00.000' },
      ],
      closed: false,
    });
    await call('GET', '/api/events/{eventId}/results', { token: organizer });
    await call('POST', '/api/events/{eventId}/results', {
      token: desk.token,
      body: list,
    });
    await call('GET', '/api/events/{eventId}/results', { token: desk.token });
    await call('POST', '/api/events/{eventId}/results', {
      token: desk.token,
      body: { ...list, closed: 'yes' },
    });
    await call('GET', '/api/events/{eventId}/results', { token: other });

    // Revoking a desk, twice.
    for (let i = 0; i < 2; i += 1) {
      await call('DELETE', '/api/events/{eventId}/desks/{deskId}', {
        token: organizer,
        params: { deskId: deskB.deskId },
      });
    }
    await call('DELETE', '/api/events/{eventId}/desks/{deskId}', {
      token: organizer,
      params: { deskId: 'no-such-desk' },
    });

    // Over a rate limit.
    await call('GET', '/api/health', {}, strict);
    await call('GET', '/api/health', {}, strict);
    await call('GET', '/api/events', { token: organizer }, strict);
    await call('GET', '/api/events', { token: organizer }, strict);

    // A store that fails: the service says so and took no effect.
    const failing = buildServer(
      centralContext(unusedDb, centralLogger('silent')),
    );
    await call('GET', '/api/events', { token: organizer }, failing);
    await call(
      'POST',
      '/api/events/{eventId}/operations',
      {
        token: desk.token,
        body: { operations: [op('check-in', ids[7] ?? '', {})] },
      },
      failing,
    );
    await failing.close();

    expect(problems).toEqual([]);
    const checked = checker.checked();
    for (const expected of [
      'GET /api/health 200',
      'GET /api/health 429',
      'POST /api/login 200',
      'POST /api/login 400',
      'POST /api/login 401',
      'POST /api/login 413',
      'POST /api/login 429',
      'GET /api/events 200',
      'GET /api/events 401',
      'GET /api/events 429',
      'POST /api/events 201',
      'POST /api/events 400',
      'GET /api/events/{eventId} 200',
      'GET /api/events/{eventId} 403',
      'PUT /api/events/{eventId}/settings 200',
      'PUT /api/events/{eventId}/settings 400',
      'PUT /api/events/{eventId}/settings 403',
      'POST /api/events/{eventId}/desks 201',
      'POST /api/events/{eventId}/desks 400',
      'DELETE /api/events/{eventId}/desks/{deskId} 204',
      'DELETE /api/events/{eventId}/desks/{deskId} 404',
      'POST /api/events/{eventId}/leases 201',
      'POST /api/events/{eventId}/leases 400',
      'POST /api/events/{eventId}/leases 403',
      'POST /api/events/{eventId}/leases 404',
      'POST /api/events/{eventId}/leases 409',
      'POST /api/events/{eventId}/operations 200',
      'POST /api/events/{eventId}/operations 400',
      'POST /api/events/{eventId}/operations 401',
      'POST /api/events/{eventId}/operations 403',
      'POST /api/events/{eventId}/operations 413',
      'POST /api/events/{eventId}/operations 500',
      'GET /api/events 500',
      'GET /api/events/{eventId}/pull 200',
      'GET /api/events/{eventId}/pull 400',
      'GET /api/events/{eventId}/pull 401',
      'GET /api/events/{eventId}/pull 403',
      'GET /api/events/{eventId}/pull 409',
      'GET /api/events/{eventId}/stream 401',
      'GET /api/events/{eventId}/stream 403',
      'POST /api/events/{eventId}/participants 200',
      'POST /api/events/{eventId}/participants 400',
      'POST /api/events/{eventId}/participants 403',
      'DELETE /api/events/{eventId}/participants/{participantId} 204',
      'DELETE /api/events/{eventId}/participants/{participantId} 404',
      'POST /api/events/{eventId}/import 200',
      'POST /api/events/{eventId}/import 400',
      'POST /api/events/{eventId}/results 201',
      'POST /api/events/{eventId}/results 400',
      'GET /api/events/{eventId}/results 200',
      'GET /api/events/{eventId}/results 403',
      'GET /api/events/{eventId}/results 404',
    ]) {
      expect(checked, expected).toContain(expected);
    }
  }, 120_000);
});
