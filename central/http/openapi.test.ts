import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import * as schemas from '../../shared/sync/schemas';
import type { Db } from '../db/db';
import { centralLogger } from '../log';
import { centralContext } from './context';
import { buildServer } from './server';

type Document = {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
};

const document: Document = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'openapi.json'), 'utf8'),
);

// Routes are only registered here, never called: no query reaches the store.
const unusedDb: Db = {
  kind: 'pglite',
  query: () => Promise.reject(new Error('not used')),
  exec: () => Promise.reject(new Error('not used')),
  transaction: () => Promise.reject(new Error('not used')),
  close: () => Promise.resolve(),
};

const serverRoutes = async () => {
  const routes: string[] = [];
  const app = buildServer(
    centralContext(unusedDb, centralLogger('silent')),
    ({ method, url }) => {
      routes.push(`${method} ${url.replace(/:(\w+)/g, '{$1}')}`);
    },
  );
  await app.ready();
  await app.close();
  return routes.sort();
};

describe('the OpenAPI document', () => {
  it('documents exactly the routes the service serves', async () => {
    const documented = Object.entries(document.paths)
      .flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
      )
      .sort();

    expect(document.openapi).toBe('3.1.0');
    expect(documented).toEqual(await serverRoutes());
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
