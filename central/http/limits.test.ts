// The service's limits: request rates per token and per address, login
// lockouts, their settings, and a body bound on every route. Rates and
// lockouts run on a fake clock; the HTTP answers come from the real server
// built in this process (no store is reached for what is refused).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { Db, Row } from '../db/db';
import { centralLogger } from '../log';
import { centralContext } from './context';
import { defaultLimits, limitsFrom } from './limits';
import { createLoginGuard } from './loginGuard';
import { createRateLimiter } from './rateLimit';
import { resultBodyLimit } from './routes/results';
import { buildServer } from './server';

type Documented = Record<
  string,
  Record<string, { requestBody?: { content: Record<string, unknown> } }>
>;

const document: { paths: Documented } = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'openapi.json'), 'utf8'),
);

const clock = () => {
  let at = 1_000_000;
  return { now: () => at, advance: (ms: number) => (at += ms) };
};

/** A store with no accounts: every login is unknown. Counts its queries. */
const emptyDb = () => {
  let queries = 0;
  const db: Db = {
    kind: 'pglite',
    query: async <R extends Row = Row>() => {
      queries += 1;
      return [] as R[];
    },
    exec: async () => undefined,
    transaction: (fn) => fn(db),
    close: async () => undefined,
  };
  return { db, queries: () => queries };
};

const serverWith = (settings: Parameters<typeof limitsFrom>[0]) => {
  const limits = limitsFrom(settings, {});
  if (!limits.ok) throw new Error(limits.error.message);
  const store = emptyDb();
  const app = buildServer(
    centralContext(store.db, centralLogger('silent')),
    undefined,
    limits.value,
  );
  return { app, queries: store.queries };
};

describe('the request rate limiter', () => {
  it('lets a burst through, then refuses with the seconds to wait, then refills', () => {
    const time = clock();
    const limiter = createRateLimiter({ perSecond: 2, burst: 4 }, time.now);

    const burst = Array.from({ length: 4 }, () => limiter.take('a').ok);
    const over = limiter.take('a');
    const other = limiter.take('b');
    time.advance(500);
    const refilled = limiter.take('a');

    expect(burst).toEqual([true, true, true, true]);
    expect(over).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(other.ok).toBe(true);
    expect(refilled.ok).toBe(true);
  });

  it('is off at rate 0', () => {
    const limiter = createRateLimiter({ perSecond: 0, burst: 0 });
    expect(
      Array.from({ length: 50 }, () => limiter.take('a').ok),
    ).not.toContain(false);
  });
});

describe('the login guard', () => {
  it('locks a login after its allowed failures, doubling each time, and a success clears it', () => {
    const time = clock();
    const guard = createLoginGuard(
      { perLogin: 2, perAddress: 100, maxLockSeconds: 60 },
      time.now,
    );
    guard.failed('kari', '10.0.0.1');
    guard.failed('kari', '10.0.0.1');
    const free = guard.check('Kari', '10.0.0.2');
    guard.failed('kari', '10.0.0.1');
    const first = guard.check('KARI', '10.0.0.2');
    time.advance(1_000);
    guard.failed('kari', '10.0.0.1');
    const second = guard.check('kari', '10.0.0.3');
    time.advance(2_000);
    const after = guard.check('kari', '10.0.0.3');
    guard.succeeded('kari');
    guard.failed('kari', '10.0.0.1');

    expect(free.ok).toBe(true);
    expect(first).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(second).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(after.ok).toBe(true);
    expect(guard.check('kari', '10.0.0.4').ok).toBe(true);
  });

  it('locks an address that tries many logins', () => {
    const time = clock();
    const guard = createLoginGuard(
      { perLogin: 5, perAddress: 3, maxLockSeconds: 60 },
      time.now,
    );
    for (const name of ['a', 'b', 'c', 'd']) guard.failed(name, '10.0.0.9');

    expect(guard.check('e', '10.0.0.9').ok).toBe(false);
    expect(guard.check('e', '10.0.0.8').ok).toBe(true);
  });
});

describe('the limit settings', () => {
  it('take a flag over its variable over the default, and refuse a bad value by name', () => {
    const fromFlag = limitsFrom(
      { ratePerToken: '7' },
      { RACEDESK_RATE_PER_TOKEN: '9', RACEDESK_LOGIN_ATTEMPTS: '3' },
    );
    const bad = limitsFrom({}, { RACEDESK_RATE_PER_ADDRESS: 'many' });

    expect(fromFlag.ok && fromFlag.value.rate.perToken).toEqual({
      perSecond: 7,
      burst: 28,
    });
    expect(fromFlag.ok && fromFlag.value.login.perLogin).toBe(3);
    expect(limitsFrom({}, {})).toEqual({ ok: true, value: defaultLimits });
    expect(bad.ok ? '' : bad.error.message).toContain('--rate-per-address');
  });
});

describe('the server', () => {
  it('answers 429 rate-limited with Retry-After past a token budget, other tokens unaffected', async () => {
    const { app } = serverWith({ ratePerToken: '1' });
    const as = (token: string) =>
      app.inject({
        method: 'GET',
        url: '/api/health',
        headers: { authorization: `Bearer ${token}` },
      });

    const replies = [];
    for (let i = 0; i < 6; i += 1) replies.push(await as('rdd_one'));
    const other = await as('rdd_two');
    await app.close();

    const statuses = replies.map((r) => r.statusCode);
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses.slice(4)).toEqual([429, 429]);
    expect(replies[4]?.headers['retry-after']).toBe('1');
    expect(replies[4]?.json()).toMatchObject({
      error: { code: 'rate-limited', data: { retryAfterSeconds: 1 } },
    });
    expect(other.statusCode).toBe(200);
  });

  it('locks a login after wrong passwords and then checks no password at all', async () => {
    const { app, queries } = serverWith({ loginAttempts: '1' });
    const attempt = () =>
      app.inject({
        method: 'POST',
        url: '/api/login',
        payload: { login: 'kari', password: 'guess' },
      });

    const first = await attempt();
    const second = await attempt();
    const asked = queries();
    const locked = await attempt();
    await app.close();

    expect([first.statusCode, second.statusCode]).toEqual([401, 401]);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({
      error: { code: 'too-many-attempts' },
    });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(queries()).toBe(asked);
  }, 20_000);

  it('refuses a body over the limit on every route that takes one, before any query', async () => {
    const { app, queries } = serverWith({});
    // 33 MB is over every limit but the result list's (64 MB), which gets
    // a body just over its own.
    const huge = `"${'x'.repeat(33 * 1024 * 1024)}"`;
    const overResults = `"${'x'.repeat(resultBodyLimit)}"`;
    const refused: Record<string, number> = {};
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const [type] = Object.keys(operation.requestBody?.content ?? {});
        if (!type) continue;
        const results = path === '/api/events/{eventId}/results';
        const reply = await app.inject({
          method: method.toUpperCase() as 'POST',
          url: path.replace(/\{\w+\}/g, 'x'),
          headers: { 'content-type': type },
          payload: results ? overResults : huge,
        });
        refused[`${method} ${path}`] = reply.statusCode;
      }
    }
    await app.close();

    expect(Object.keys(refused).length).toBeGreaterThanOrEqual(7);
    expect(refused['post /api/events/{eventId}/results']).toBe(413);
    for (const [route, status] of Object.entries(refused)) {
      expect(status, route).toBe(413);
    }
    expect(queries()).toBe(0);
  }, 60_000);
});
