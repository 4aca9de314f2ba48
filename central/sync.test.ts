// The sync protocol against the real central process, on a real PostgreSQL
// and on PGlite. Each adversarial case ends with no lost and no doubled
// effect, and the server still serving.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Participant } from '../shared/domain/participant';
import type { SyncDocument } from '../shared/sync/types';
import { demoEventId } from './demo/seedDemo';
import { backends } from './test/backends';
import {
  type CentralProcess,
  type CentralStore,
  runCentral,
  startCentral,
  storeArgs,
} from './test/centralProcess';
import {
  type Desk,
  login,
  participantsOf,
  pullAll,
  push,
  registerDesk,
  request,
  upsertParticipants,
} from './test/client';
import { operationsOf } from './test/operations';

// A PGlite start (WASM, recovery after a kill) takes seconds, many more
// when the machine is busy; the kill test starts the service twice.
const startTimeout = 90_000;

const checkedIn = (docs: readonly SyncDocument[], id: string) =>
  participantsOf(docs).get(id)?.state.checkedIn;

describe.each(backends())('central sync on $name', (backend) => {
  let store: CentralStore;
  let central: CentralProcess;
  let base = '';
  let organizer = '';
  let ids: string[] = [];
  let participants: Participant[] = [];

  const pull = (token = organizer, checkpoint = 0) =>
    pullAll(base, token, demoEventId, checkpoint);

  const serving = async () => {
    const health = await request(base, 'GET', '/api/health');
    expect(health.status).toBe(200);
  };

  beforeAll(async () => {
    store = await backend.open();
    central = await startCentral(store);
    base = central.url;
    organizer = await login(base, 'demo');
    const { documents } = await pull();
    participants = [...participantsOf(documents).values()].map(
      (doc) => doc.participant,
    );
    ids = participants.map((p) => p.id);
  }, startTimeout);

  afterAll(async () => {
    await central?.stop();
    backend.close();
  });

  const newDesk = () => registerDesk(base, organizer, demoEventId);

  it('a repeated push takes effect once and returns the stored result', async () => {
    const desk = await newDesk();
    const op = operationsOf(desk);
    const batch = [
      op('check-in', ids[0] ?? '', {}),
      op('payment', ids[0] ?? '', { method: 'cash', amount: 5000 }),
    ];

    const first = await push(base, desk, batch);
    const second = await push(base, desk, batch);

    expect(first.status).toBe(200);
    expect(second.body.results.map((r) => r.repeated)).toEqual([true, true]);
    expect(second.body.results.map((r) => r.result)).toEqual(
      first.body.results.map((r) => r.result),
    );
    const state = participantsOf((await pull()).documents).get(ids[0] ?? '');
    expect(state?.state.checkedIn).toBe(true);
    expect(
      state?.state.payments.filter((p) => p.deskId === desk.deskId),
    ).toHaveLength(1);
  });

  it('pushes out of order end in the state of the latest operation and show the gap', async () => {
    const desk = await newDesk();
    const op = operationsOf(desk);
    const id = ids[1] ?? '';
    const checkIn = op('check-in', id, {}, '2025-06-14T08:00:00.000Z');
    const undo = op('check-in-undo', id, {}, '2025-06-14T08:01:00.000Z');
    const again = op('check-in', id, {}, '2025-06-14T08:02:00.000Z');

    const late = await push(base, desk, [again]);
    expect(late.body.desk).toMatchObject({ contiguousSeq: 0, highestSeq: 3 });
    await push(base, desk, [undo]);
    const last = await push(base, desk, [checkIn]);

    expect(last.body.desk).toMatchObject({ contiguousSeq: 3, highestSeq: 3 });
    const doc = participantsOf((await pull()).documents).get(id);
    expect(doc?.state).toMatchObject({
      checkedIn: true,
      checkedInAt: again.createdAt,
    });
  });

  it('a check-in older than an undo does not check the participant in again', async () => {
    const desk = await newDesk();
    const op = operationsOf(desk);
    const id = ids[2] ?? '';
    const checkIn = op('check-in', id, {}, '2025-06-14T09:00:00.000Z');
    const undo = op('check-in-undo', id, {}, '2025-06-14T09:05:00.000Z');

    await push(base, desk, [undo]);
    const stale = await push(base, desk, [checkIn]);

    expect(stale.body.results[0]?.result).toMatchObject({
      outcome: 'unchanged',
      code: 'superseded',
    });
    expect(checkedIn((await pull()).documents, id)).toBe(false);
  });

  it('a lost answer followed by a retry takes effect once', async () => {
    const desk = await newDesk();
    const op = operationsOf(desk);
    const batch = ids
      .slice(0, 10)
      .map((id) => op('payment', id, { method: 'card', amount: 100 }));
    const before = (await pull()).checkpoint;

    // Send, then drop the connection before the answer is read.
    const aborter = new AbortController();
    const lost = fetch(`${base}/api/events/${demoEventId}/operations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${desk.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ operations: batch }),
      signal: aborter.signal,
    }).catch(() => null);
    setTimeout(() => aborter.abort(), 5);
    await lost;
    const retry = await push(base, desk, batch);

    expect(retry.status).toBe(200);
    expect(retry.body.desk.contiguousSeq).toBe(10);
    const { documents } = await pull(organizer, before);
    const payments = [...participantsOf(documents).values()].flatMap((doc) =>
      doc.state.payments.filter((p) => p.deskId === desk.deskId),
    );
    expect(payments).toHaveLength(10);
  });

  it('a stale checkpoint returns every change since, in seq order', async () => {
    const old = (await pull()).checkpoint;
    const desk = await newDesk();
    const op = operationsOf(desk);
    await push(base, desk, [op('check-in', ids[3] ?? '', {})]);
    await push(base, desk, [
      op('payment', ids[4] ?? '', { method: 'vipps', amount: 200 }),
      op('payment', ids[3] ?? '', { method: 'vipps', amount: 300 }),
    ]);

    const paged = await pullAll(base, organizer, demoEventId, old, 1);
    const whole = await pullAll(base, organizer, demoEventId, old);

    const seqs = paged.documents.map((doc) => doc.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs.every((seq) => seq > old)).toBe(true);
    expect(paged.checkpoint).toBe(whole.checkpoint);
    // Participant 3 changed twice: it comes once, with its latest state.
    const latest = participantsOf(whole.documents).get(ids[3] ?? '');
    expect(latest?.state.checkedIn).toBe(true);
    expect(latest?.state.payments.at(-1)?.amount).toBe(300);
    expect(participantsOf(paged.documents).size).toBe(2);
  });

  it('a checkpoint past the latest seq is refused so the desk downloads again', async () => {
    const { checkpoint } = await pull();

    const ahead = await request(
      base,
      'GET',
      `/api/events/${demoEventId}/pull?checkpoint=${checkpoint + 100}`,
      { token: organizer },
    );

    expect(ahead.status).toBe(409);
    expect(ahead.body).toMatchObject({
      error: { code: 'checkpoint-ahead', data: { latestSeq: checkpoint } },
    });
  });

  it('the same operation id with another payload is refused and the stored one stands', async () => {
    const desk = await newDesk();
    const op = operationsOf(desk);
    const original = op('payment', ids[14] ?? '', {
      method: 'cash',
      amount: 50,
    });
    const altered = { ...original, payload: { method: 'cash', amount: 5000 } };
    const reusedSeq = { ...op('check-in', ids[14] ?? '', {}), seq: 1 };

    await push(base, desk, [original]);
    const refused = await push(base, desk, [altered, reusedSeq]);

    expect(refused.body.results.map((r) => r.result.code)).toEqual([
      'operation-id-reused',
      'desk-seq-reused',
    ]);
    const doc = participantsOf((await pull()).documents).get(ids[14] ?? '');
    expect(doc?.state.checkedIn).toBe(false);
    expect(doc?.state.payments.filter((p) => p.deskId === desk.deskId)).toEqual(
      [expect.objectContaining({ amount: 50 })],
    );
  });

  it('an operation for another event is refused and changes neither event', async () => {
    const created = await request<{ id: string }>(base, 'POST', '/api/events', {
      token: organizer,
      body: { name: 'Other race', type: 'event', date: '2025-07-01' },
    });
    const otherDesk = await registerDesk(base, organizer, created.body.id);
    const desk = await newDesk();
    const before = (await pull()).checkpoint;

    // A desk of event A using its token on event B's path.
    const crossed = await push(base, { ...desk, eventId: created.body.id }, [
      operationsOf({ ...desk, eventId: created.body.id })(
        'check-in',
        ids[5] ?? '',
        {},
      ),
    ]);
    // An operation naming event B pushed to event A.
    const foreign = await push(base, desk, [
      operationsOf({ ...desk, eventId: created.body.id })(
        'check-in',
        ids[5] ?? '',
        {},
      ),
    ]);

    expect(crossed.status).toBe(403);
    expect(foreign.status).toBe(400);
    expect((await pull(organizer, before)).documents).toEqual([]);
    const fresh = await push(base, otherDesk, [
      operationsOf(otherDesk)('check-in', ids[5] ?? '', {}),
    ]);
    expect(fresh.body.results[0]?.result.code).toBe('unknown-participant');
    await serving();
  });

  it('a forged desk id is refused and nothing is applied', async () => {
    const honest = await newDesk();
    const forger = await newDesk();
    const before = (await pull()).checkpoint;

    const forged = await push(base, forger, [
      operationsOf(honest)('check-in', ids[6] ?? '', {}),
    ]);

    expect(forged.status).toBe(403);
    expect(forged.body).toMatchObject({ error: { code: 'forged-desk-id' } });
    expect((await pull(organizer, before)).documents).toEqual([]);
    // The honest desk's seq 1 is still free for its own operation.
    const own = await push(base, honest, [
      operationsOf(honest)('check-in', ids[6] ?? '', {}),
    ]);
    expect(own.body.results[0]?.result.outcome).toBe('applied');
  });

  it('a revoked token is refused while other desks keep working', async () => {
    const revoked = await newDesk();
    const other = await newDesk();
    const removal = await request(
      base,
      'DELETE',
      `/api/events/${demoEventId}/desks/${revoked.deskId}`,
      { token: organizer },
    );
    const before = (await pull()).checkpoint;

    const refused = await push(base, revoked, [
      operationsOf(revoked)('check-in', ids[7] ?? '', {}),
    ]);
    const pulled = await request(
      base,
      'GET',
      `/api/events/${demoEventId}/pull?checkpoint=0`,
      { token: revoked.token },
    );

    expect(removal.status).toBe(204);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'desk-revoked' } });
    expect(pulled.status).toBe(403);
    expect((await pull(organizer, before)).documents).toEqual([]);
    const working = await push(base, other, [
      operationsOf(other)('check-in', ids[7] ?? '', {}),
    ]);
    expect(working.body.results[0]?.result.outcome).toBe('applied');
  });

  it('an oversized or malformed body is refused and the server keeps serving', async () => {
    const desk = await newDesk();
    const path = `/api/events/${demoEventId}/operations`;
    const op = operationsOf(desk);
    const tooMany = Array.from({ length: 501 }, () =>
      op('check-in', ids[8] ?? '', {}),
    );
    const huge = JSON.stringify({ operations: [], pad: 'x'.repeat(2_000_000) });

    const replies = await Promise.all([
      request(base, 'POST', path, { token: desk.token, rawBody: huge }),
      request(base, 'POST', path, {
        token: desk.token,
        rawBody: '{"operations":[',
      }),
      request(base, 'POST', path, {
        token: desk.token,
        body: { operations: tooMany },
      }),
      request(base, 'POST', path, {
        token: desk.token,
        body: {
          operations: [{ ...op('check-in', ids[8] ?? '', {}), seq: '1' }],
        },
      }),
    ]);

    expect(replies.map((r) => r.status)).toEqual([413, 400, 400, 400]);
    expect(
      replies.map((r) => (r.body as { error: { code: string } }).error.code),
    ).toEqual([
      'body-too-large',
      'malformed-json',
      'invalid-body',
      'invalid-body',
    ]);
    expect(checkedIn((await pull()).documents, ids[8] ?? '')).toBe(false);
    await serving();
  });

  it('invalid operations are stored as rejected results the desk can show', async () => {
    const desk = await newDesk();
    const op = operationsOf(desk);
    const gone = {
      ...(participants[9] as Participant),
      status: 'deregistered' as const,
    };
    await upsertParticipants(base, organizer, demoEventId, [gone]);
    const className = participants[10]?.entries[0]?.className ?? '';
    const batch = [
      op('check-in', gone.id, {}),
      op('check-in', 'p-nobody', {}),
      op('class-range-set', '', { className, first: 100, last: 199 }),
      op('bib-assign', ids[10] ?? '', {
        bib: '5',
        previousBib: '',
        source: 'typed',
      }),
      op('bib-assign', ids[10] ?? '', {
        bib: '150',
        previousBib: 'x',
        source: 'typed',
      }),
    ];

    const first = await push(base, desk, batch);
    const again = await push(base, desk, batch);

    expect(first.status).toBe(200);
    expect(first.body.results.map((r) => r.result.code)).toEqual([
      'deregistered',
      'unknown-participant',
      '',
      'bib-outside-range',
      'bib-changed',
    ]);
    expect(again.body.results.map((r) => r.result.code)).toEqual(
      first.body.results.map((r) => r.result.code),
    );
    expect(first.body.desk.contiguousSeq).toBe(5);
    const { documents } = await pull();
    expect(checkedIn(documents, gone.id)).toBe(false);
    expect(participantsOf(documents).get(ids[10] ?? '')?.state.bib).toBe('');
  });

  it('a bib clash is committed as a conflict that every desk pulls', async () => {
    const one = await newDesk();
    const two = await newDesk();
    const holder = ids[11] ?? '';
    const claimant = ids[12] ?? '';

    const given = await push(base, one, [
      operationsOf(one)('bib-assign', holder, {
        bib: '4321',
        previousBib: '',
        source: 'lease',
      }),
    ]);
    const clash = await push(base, two, [
      operationsOf(two)('bib-assign', claimant, {
        bib: '4321',
        previousBib: '',
        source: 'lease',
      }),
    ]);

    expect(given.body.results[0]?.result.outcome).toBe('applied');
    expect(clash.status).toBe(200);
    expect(clash.body.results[0]?.result).toMatchObject({
      outcome: 'conflict',
      code: 'bib-taken',
      data: { holderId: holder },
    });
    for (const desk of [one, two]) {
      const { documents } = await pull(desk.token);
      const conflicts = documents.filter((d) => d.kind === 'bib-conflict');
      expect(conflicts).toEqual([
        expect.objectContaining({
          conflict: expect.objectContaining({
            bib: '4321',
            holderId: holder,
            claimantId: claimant,
          }),
        }),
      ]);
      const byId = participantsOf(documents);
      expect(byId.get(holder)?.state.bib).toBe('4321');
      expect(byId.get(claimant)?.state.bib).toBe('');
    }
  });

  it('two desks pushing the same bib at the same moment give it to one participant only', async () => {
    const desks = await Promise.all([newDesk(), newDesk(), newDesk()]);
    const claimants = [ids[15], ids[16], ids[17]].map((id) => id ?? '');

    const replies = await Promise.all(
      desks.map((desk, i) =>
        push(base, desk, [
          operationsOf(desk)('bib-assign', claimants[i] ?? '', {
            bib: '777',
            previousBib: '',
            source: 'typed',
          }),
        ]),
      ),
    );

    const outcomes = replies.map((r) => r.body.results[0]?.result.outcome);
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'conflict')).toHaveLength(2);
    const { documents } = await pull();
    const holders = [...participantsOf(documents).values()].filter(
      (doc) => doc.state.bib === '777',
    );
    expect(holders).toHaveLength(1);
  });

  it('leases give desks blocks of bibs that never overlap', async () => {
    const one = await newDesk();
    const two = await newDesk();
    const lease = (desk: Desk, token: string) =>
      request<{ first: number; last: number }>(
        base,
        'POST',
        `/api/events/${demoEventId}/leases`,
        { token, body: { deskId: desk.deskId, className: '', count: 50 } },
      );

    const a = await lease(one, organizer);
    const b = await lease(two, two.token);
    const stolen = await lease(one, two.token);

    expect([a.status, b.status, stolen.status]).toEqual([201, 201, 403]);
    expect(b.body.first).toBeGreaterThan(a.body.last);
    const leases = (await pull(one.token)).documents.filter(
      (d) => d.kind === 'bib-lease',
    );
    expect(leases).toHaveLength(2);
  });

  it('the event is visible to its club, krets and særforbund and to nobody else', async () => {
    const seen: Record<string, number> = {};
    for (const name of ['demo', 'krets', 'forbund', 'other']) {
      const token = await login(base, name);
      const events = await request<{ events: { id: string }[] }>(
        base,
        'GET',
        '/api/events',
        { token },
      );
      const pulled = await request(
        base,
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
    const wrong = await request(base, 'POST', '/api/login', {
      body: { login: 'demo', password: 'wrong' },
    });
    expect(wrong.status).toBe(401);
  });

  it('the live stream wakes with the latest seq after a push', async () => {
    const desk = await newDesk();
    const aborter = new AbortController();
    const response = await fetch(`${base}/api/events/${demoEventId}/stream`, {
      headers: { authorization: `Bearer ${desk.token}` },
      signal: aborter.signal,
    });
    const reader = response.body?.getReader();
    const messages: number[] = [];
    const read = async () => {
      const chunk = await reader?.read();
      const text = new TextDecoder().decode(chunk?.value);
      for (const match of text.matchAll(/"latestSeq":(\d+)/g)) {
        messages.push(Number(match[1]));
      }
    };

    await read();
    const pushed = await push(base, desk, [
      operationsOf(desk)('payment', ids[13] ?? '', {
        method: 'cash',
        amount: 1,
      }),
    ]);
    await read();
    aborter.abort();

    expect(messages.at(-1)).toBe(pushed.body.latestSeq);
    expect(messages[0]).toBeLessThan(pushed.body.latestSeq);
  });

  it.runIf(backend.name === 'PGlite')(
    'a second process refuses the data folder while the first serves',
    async () => {
      const second = runCentral(['--port', '0', ...storeArgs(store)]);
      await second.exited;

      expect(second.child.exitCode).toBe(1);
      expect(second.output().stderr).toContain('data folder is in use');
      await serving();
    },
  );

  it(
    'a server killed mid-push loses nothing and doubles nothing after a restart',
    async () => {
      const desk = await newDesk();
      const op = operationsOf(desk);
      const batches = Array.from({ length: 4 }, () =>
        Array.from({ length: 100 }, (_, i) =>
          op('payment', ids[i % ids.length] ?? '', {
            method: 'cash',
            amount: 7,
          }),
        ),
      );

      // The first batch is answered; the others are queued or mid-commit
      // when the process dies.
      const inFlight = batches.map((batch) =>
        push(base, desk, batch).catch(() => null),
      );
      const answered = await inFlight[0];
      await central.kill();
      await Promise.all(inFlight);
      central = await startCentral(store);
      base = central.url;
      const survived = (await pull()).documents;
      expect(answered?.status).toBe(200);
      expect(
        [...participantsOf(survived).values()].flatMap((doc) =>
          doc.state.payments.filter((p) => p.deskId === desk.deskId),
        ).length,
      ).toBeGreaterThanOrEqual(100);
      for (const batch of batches) {
        const retry = await push(base, desk, batch);
        expect(retry.status).toBe(200);
      }

      const { documents } = await pull();
      const payments = [...participantsOf(documents).values()].flatMap((doc) =>
        doc.state.payments.filter((p) => p.deskId === desk.deskId),
      );
      expect(payments).toHaveLength(400);
      const last = await push(base, desk, []);
      expect(last.status).toBe(400);
      await serving();
    },
    startTimeout,
  );
});
