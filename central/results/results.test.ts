// The result list route against the real central process, on a real
// PostgreSQL and on PGlite: a desk posts what it computed, the organizer
// reads the same list back, and bad, foreign or oversized posts are
// refused without touching the stored list.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { computeResults } from '../../shared/results/compute';
import {
  finishAt,
  makeStarter,
  massSetup,
} from '../../shared/results/fixtures';
import { resultListSchema } from '../../shared/results/schema';
import type { ResultList } from '../../shared/results/types';
import { demoEventId } from '../demo/seedDemo';
import { resultBodyLimit } from '../http/routes/results';
import { backends } from '../test/backends';
import { type CentralProcess, startCentral } from '../test/centralProcess';
import {
  type Desk,
  login,
  participantsOf,
  postOversized,
  pullAll,
  registerDesk,
  request,
} from '../test/client';

const path = `/api/events/${demoEventId}/results`;

const raceOf = (runners: number, closed: boolean): ResultList =>
  computeResults({
    setup: massSetup('10:00:00'),
    starters: Array.from({ length: runners }, (_, i) =>
      makeStarter({ bib: String(i + 1), className: `Class ${i % 40}` }),
    ),
    passings: [
      ...Array.from({ length: runners }, (_, i) =>
        finishAt(
          String(i + 1),
          `10:${String(20 + (i % 30)).padStart(2, '0')}:00.000`,
        ),
      ),
      { chip: '999999', station: 'c1', time: '10:30:00.000' },
    ],
    closed,
  });

type Stored = { postedAt: string; postedBy: string; list: ResultList };

describe.each(backends())('result lists on $name', (backend) => {
  let central: CentralProcess | null = null;
  let base = '';
  let organizer = '';
  let desk: Desk;

  beforeAll(async () => {
    const store = await backend.open();
    central = await startCentral(store);
    base = central.url;
    organizer = await login(base, 'demo');
    desk = await registerDesk(base, organizer, demoEventId, 'Finish');
  }, 90_000);

  afterAll(async () => {
    await central?.stop();
    backend.close();
  });

  it('says there is no list before anyone posted one', async () => {
    const reply = await request(base, 'GET', path, { token: organizer });
    expect(reply.status).toBe(404);
  });

  it('stores a desk’s list and gives the organizer the same list', async () => {
    const list = raceOf(120, false);
    const posted = await request<{ starts: number }>(base, 'POST', path, {
      token: desk.token,
      body: list,
    });
    expect(posted.status).toBe(201);
    expect(posted.body.starts).toBe(120);

    const read = await request<Stored>(base, 'GET', path, {
      token: organizer,
    });
    expect(read.status).toBe(200);
    expect(read.body.list).toEqual(list);
    expect(read.body.postedBy).toBe(`desk:${desk.deskId}`);
  });

  it('replaces the list with the next one posted', async () => {
    const final = raceOf(80, true);
    const posted = await request(base, 'POST', path, {
      token: organizer,
      body: final,
    });
    expect(posted.status).toBe(201);
    const read = await request<Stored>(base, 'GET', path, {
      token: desk.token,
    });
    expect(read.body.list.closed).toBe(true);
    expect(read.body.list).toEqual(final);
    expect(read.body.postedBy).toMatch(/^organizer:/);
  });

  it('refuses a list that breaks the schema, naming the field', async () => {
    const broken = structuredClone(raceOf(3, true));
    const first = broken.classes[0]?.results[0];
    if (!first) throw new Error('no result');
    Object.assign(first, { status: 'finished' });
    const posted = await request<{ error: { code: string; message: string } }>(
      base,
      'POST',
      path,
      { token: desk.token, body: broken },
    );
    expect(posted.status).toBe(400);
    expect(posted.body.error.code).toBe('invalid-body');
    expect(posted.body.error.message).toContain('/classes/0/results/0/status');
  });

  it('refuses callers without a token or from another organization', async () => {
    const none = await request(base, 'POST', path, { body: raceOf(2, true) });
    expect(none.status).toBe(401);
    const other = await login(base, 'other');
    const foreign = await request(base, 'GET', path, { token: other });
    expect(foreign.status).toBe(403);
    const read = await request<Stored>(base, 'GET', path, {
      token: organizer,
    });
    expect(read.body.list.classes.flatMap((c) => c.results)).toHaveLength(80);
  });

  it('takes a list of 50,000 starts and refuses a body over its bound', async () => {
    const big = raceOf(50_000, true);
    const posted = await request<{ starts: number }>(base, 'POST', path, {
      token: desk.token,
      body: big,
    });
    expect(posted.status).toBe(201);
    expect(posted.body.starts).toBe(50_000);

    // Just over the route's bound (64 MB since lists carry split times).
    const padding = 'x'.repeat(resultBodyLimit + 1024);
    const huge = await postOversized(
      base,
      path,
      desk.token,
      `{"classes":[],"unmatched":[],"closed":true,"pad":"${padding}"}`,
    );
    expect(huge).toBe(413);
  }, 60_000);

  it('an erasure takes the person out of the stored result list', async () => {
    const pulled = participantsOf(
      (await pullAll(base, desk.token, demoEventId)).documents,
    );
    const [gone, kept] = [...pulled.values()].map((doc) => doc.participant);
    if (!gone || !kept) throw new Error('the demo event has no participants');
    const nameOf = (p: typeof gone) => `${p.firstName} ${p.lastName}`;
    const list = computeResults({
      setup: massSetup('10:00:00'),
      starters: [gone, kept].map((p, i) =>
        makeStarter({
          participantId: p.id,
          bib: String(i + 1),
          name: nameOf(p),
          club: `${p.club} ${p.id}`,
        }),
      ),
      passings: [finishAt('1', '10:20:00.000'), finishAt('2', '10:21:00.000')],
      closed: true,
    });
    const posted = await request(base, 'POST', path, {
      token: desk.token,
      body: list,
    });
    expect(posted.status).toBe(201);

    const erased = await request(
      base,
      'DELETE',
      `/api/events/${demoEventId}/participants/${gone.id}`,
      { token: organizer },
    );
    expect(erased.status).toBe(204);

    const read = await request<Stored>(base, 'GET', path, {
      token: organizer,
    });
    expect(read.status).toBe(200);
    const results = read.body.list.classes.flatMap((c) => c.results);
    expect(results.map((r) => r.participantId)).toEqual([kept.id]);
    expect(results[0]?.name).toBe(nameOf(kept));
    const text = JSON.stringify(read.body);
    expect(text).not.toContain(gone.id);
    expect(text).not.toContain(nameOf(gone));
    expect(text).not.toContain(`${gone.club} ${gone.id}`);
  });
});

describe('the OpenAPI document', () => {
  it('describes result lists with the schema the service checks', () => {
    const document = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', 'openapi.json'), 'utf8'),
    );
    expect(document.components.schemas.ResultList).toEqual(
      JSON.parse(JSON.stringify(resultListSchema)),
    );
  });
});
