// Refusals: wrong event, forged desk, revoked token, bad bodies, visibility, a locked folder.
// Registered inside the sync suite (sync.test.ts), which runs them against
// the real central process on each store.

import { expect, it } from 'vitest';

import { demoEventId } from '../../demo/seedDemo';
import { runCentral, storeArgs } from '../centralProcess';
import { login, push, registerDesk, request } from '../client';
import { operationsOf } from '../operations';
import { checkedIn, helpersOf, type SyncContext } from './context';

export const refusalsCases = (ctx: SyncContext) => {
  const { pull, serving, newDesk } = helpersOf(ctx);

  it('an operation for another event is refused and changes neither event', async () => {
    const created = await request<{ id: string }>(
      ctx.base,
      'POST',
      '/api/events',
      {
        token: ctx.organizer,
        body: { name: 'Other race', type: 'event', date: '2025-07-01' },
      },
    );
    const otherDesk = await registerDesk(
      ctx.base,
      ctx.organizer,
      created.body.id,
    );
    const desk = await newDesk();
    const before = (await pull()).checkpoint;

    // A desk of event A using its token on event B's path.
    const crossed = await push(
      ctx.base,
      { ...desk, eventId: created.body.id },
      [
        operationsOf({ ...desk, eventId: created.body.id })(
          'check-in',
          ctx.ids[5] ?? '',
          {},
        ),
      ],
    );
    // An operation naming event B pushed to event A.
    const foreign = await push(ctx.base, desk, [
      operationsOf({ ...desk, eventId: created.body.id })(
        'check-in',
        ctx.ids[5] ?? '',
        {},
      ),
    ]);

    expect(crossed.status).toBe(403);
    expect(foreign.status).toBe(400);
    expect((await pull(ctx.organizer, before)).documents).toEqual([]);
    const fresh = await push(ctx.base, otherDesk, [
      operationsOf(otherDesk)('check-in', ctx.ids[5] ?? '', {}),
    ]);
    expect(fresh.body.results[0]?.result.code).toBe('unknown-participant');
    await serving();
  });

  it('a forged desk id is refused and nothing is applied', async () => {
    const honest = await newDesk();
    const forger = await newDesk();
    const before = (await pull()).checkpoint;

    const forged = await push(ctx.base, forger, [
      operationsOf(honest)('check-in', ctx.ids[6] ?? '', {}),
    ]);

    expect(forged.status).toBe(403);
    expect(forged.body).toMatchObject({ error: { code: 'forged-desk-id' } });
    expect((await pull(ctx.organizer, before)).documents).toEqual([]);
    // The honest desk's seq 1 is still free for its own operation.
    const own = await push(ctx.base, honest, [
      operationsOf(honest)('check-in', ctx.ids[6] ?? '', {}),
    ]);
    expect(own.body.results[0]?.result.outcome).toBe('applied');
    await serving();
  });

  it('a revoked token is refused while other desks keep working', async () => {
    const revoked = await newDesk();
    const other = await newDesk();
    const removal = await request(
      ctx.base,
      'DELETE',
      `/api/events/${demoEventId}/desks/${revoked.deskId}`,
      { token: ctx.organizer },
    );
    const before = (await pull()).checkpoint;

    const refused = await push(ctx.base, revoked, [
      operationsOf(revoked)('check-in', ctx.ids[7] ?? '', {}),
    ]);
    const pulled = await request(
      ctx.base,
      'GET',
      `/api/events/${demoEventId}/pull?checkpoint=0`,
      { token: revoked.token },
    );

    expect(removal.status).toBe(204);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'desk-revoked' } });
    expect(pulled.status).toBe(403);
    expect((await pull(ctx.organizer, before)).documents).toEqual([]);
    const working = await push(ctx.base, other, [
      operationsOf(other)('check-in', ctx.ids[7] ?? '', {}),
    ]);
    expect(working.body.results[0]?.result.outcome).toBe('applied');
    await serving();
  });

  it('a desk registered under its own id pushes what it did before, and re-registering retires its old token', async () => {
    const deskId = '018f0000-0000-7000-8000-00000000d35c';
    const register = () =>
      request<{ deskId: string; token: string }>(
        ctx.base,
        'POST',
        `/api/events/${demoEventId}/desks`,
        { token: ctx.organizer, body: { name: 'Offline desk', deskId } },
      );
    const first = await register();
    const offline = { ...first.body, eventId: demoEventId };
    const done = await push(ctx.base, offline, [
      operationsOf(offline)('check-in', ctx.ids[20] ?? '', {}),
    ]);
    const second = await register();
    const stale = await push(ctx.base, offline, [
      operationsOf(offline)('check-in', ctx.ids[20] ?? '', {}),
    ]);
    await request(
      ctx.base,
      'DELETE',
      `/api/events/${demoEventId}/desks/${deskId}`,
      { token: ctx.organizer },
    );
    const afterRevoke = await register();

    expect(first.status).toBe(201);
    expect(first.body.deskId).toBe(deskId);
    expect(done.body.results[0]?.result.outcome).toBe('applied');
    expect(second.status).toBe(201);
    expect(second.body.token).not.toBe(first.body.token);
    expect([401, 403]).toContain(stale.status);
    expect(afterRevoke.status).toBe(403);
    expect(afterRevoke.body).toMatchObject({ error: { code: 'desk-revoked' } });
    await serving();
  });

  it('an oversized or malformed body is refused and the server keeps serving', async () => {
    const desk = await newDesk();
    const path = `/api/events/${demoEventId}/operations`;
    const op = operationsOf(desk);
    const tooMany = Array.from({ length: 501 }, () =>
      op('check-in', ctx.ids[8] ?? '', {}),
    );
    const huge = JSON.stringify({ operations: [], pad: 'x'.repeat(2_000_000) });

    const replies = await Promise.all([
      request(ctx.base, 'POST', path, { token: desk.token, rawBody: huge }),
      request(ctx.base, 'POST', path, {
        token: desk.token,
        rawBody: '{"operations":[',
      }),
      request(ctx.base, 'POST', path, {
        token: desk.token,
        body: { operations: tooMany },
      }),
      request(ctx.base, 'POST', path, {
        token: desk.token,
        body: {
          operations: [{ ...op('check-in', ctx.ids[8] ?? '', {}), seq: '1' }],
        },
      }),
      request(
        ctx.base,
        'GET',
        `/api/events/${demoEventId}/pull?checkpoint=0&limit=100000`,
        { token: desk.token },
      ),
    ]);

    expect(replies.map((r) => r.status)).toEqual([413, 400, 400, 400, 400]);
    expect(
      replies.map((r) => (r.body as { error: { code: string } }).error.code),
    ).toEqual([
      'body-too-large',
      'malformed-json',
      'invalid-body',
      'invalid-body',
      'invalid-querystring',
    ]);
    expect(checkedIn((await pull()).documents, ctx.ids[8] ?? '')).toBe(false);
    await serving();
  });

  it('the event is visible to its club, krets and særforbund and to nobody else', async () => {
    const seen: Record<string, number> = {};
    for (const name of ['demo', 'krets', 'forbund', 'other']) {
      const token = await login(ctx.base, name);
      const events = await request<{ events: { id: string }[] }>(
        ctx.base,
        'GET',
        '/api/events',
        { token },
      );
      const pulled = await request(
        ctx.base,
        'GET',
        `/api/events/${demoEventId}/pull?checkpoint=0&limit=1`,
        { token },
      );
      seen[name] = pulled.status;
      expect(events.body.events.some((e) => e.id === demoEventId)).toBe(
        name !== 'other',
      );
    }
    expect(seen).toEqual({ demo: 200, krets: 200, forbund: 200, other: 403 });
    const wrong = await request(ctx.base, 'POST', '/api/login', {
      body: { login: 'demo', password: 'wrong' },
    });
    expect(wrong.status).toBe(401);
    await serving();
  });

  it.runIf(ctx.backend.name === 'PGlite')(
    'a second process refuses the data folder while the first serves',
    async () => {
      const second = runCentral(['--port', '0', ...storeArgs(ctx.store)]);
      await second.exited;

      expect(second.child.exitCode).toBe(1);
      expect(second.output().stderr).toContain('data folder is in use');
      await serving();
    },
  );
};
