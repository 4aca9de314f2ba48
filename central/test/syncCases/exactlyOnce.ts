// Exactly once: repeats, lost answers, reused ids and a crash mid-push.
// Registered inside the sync suite (sync.test.ts), which runs them against
// the real central process on each store.

import { expect, it } from 'vitest';

import { demoEventId } from '../../demo/seedDemo';
import { startCentral } from '../centralProcess';
import { participantsOf, push } from '../client';
import { operationsOf } from '../operations';
import { helpersOf, type SyncContext, startTimeout } from './context';

export const exactlyOnceCases = (ctx: SyncContext) => {
  const { pull, serving, newDesk } = helpersOf(ctx);

  it('a repeated push takes effect once and returns the stored result', async () => {
    const desk = await newDesk();
    const op = operationsOf(desk);
    const batch = [
      op('check-in', ctx.ids[0] ?? '', {}),
      op('payment', ctx.ids[0] ?? '', { method: 'cash', amount: 5000 }),
    ];

    const first = await push(ctx.base, desk, batch);
    const second = await push(ctx.base, desk, batch);

    expect(first.status).toBe(200);
    expect(second.body.results.map((r) => r.repeated)).toEqual([true, true]);
    expect(second.body.results.map((r) => r.result)).toEqual(
      first.body.results.map((r) => r.result),
    );
    const state = participantsOf((await pull()).documents).get(
      ctx.ids[0] ?? '',
    );
    expect(state?.state.checkedIn).toBe(true);
    expect(
      state?.state.payments.filter((p) => p.deskId === desk.deskId),
    ).toHaveLength(1);
  });

  it('a lost answer followed by a retry takes effect once', async () => {
    const desk = await newDesk();
    const op = operationsOf(desk);
    const batch = ctx.ids
      .slice(0, 10)
      .map((id) => op('payment', id, { method: 'card', amount: 100 }));
    const before = (await pull()).checkpoint;

    // Send, then drop the connection before the answer is read.
    const aborter = new AbortController();
    const lost = fetch(`${ctx.base}/api/events/${demoEventId}/operations`, {
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
    const retry = await push(ctx.base, desk, batch);

    expect(retry.status).toBe(200);
    expect(retry.body.desk.contiguousSeq).toBe(10);
    const { documents } = await pull(ctx.organizer, before);
    const payments = [...participantsOf(documents).values()].flatMap((doc) =>
      doc.state.payments.filter((p) => p.deskId === desk.deskId),
    );
    expect(payments).toHaveLength(10);
  });

  it('the same operation id with another payload is refused and the stored one stands', async () => {
    const desk = await newDesk();
    const op = operationsOf(desk);
    const original = op('payment', ctx.ids[14] ?? '', {
      method: 'cash',
      amount: 50,
    });
    const altered = { ...original, payload: { method: 'cash', amount: 5000 } };
    const reusedSeq = { ...op('check-in', ctx.ids[14] ?? '', {}), seq: 1 };

    await push(ctx.base, desk, [original]);
    const refused = await push(ctx.base, desk, [altered, reusedSeq]);

    expect(refused.body.results.map((r) => r.result.code)).toEqual([
      'operation-id-reused',
      'desk-seq-reused',
    ]);
    const doc = participantsOf((await pull()).documents).get(ctx.ids[14] ?? '');
    expect(doc?.state.checkedIn).toBe(false);
    expect(doc?.state.payments.filter((p) => p.deskId === desk.deskId)).toEqual(
      [expect.objectContaining({ amount: 50 })],
    );
  });

  it(
    'a server killed mid-push loses nothing and doubles nothing after a restart',
    async () => {
      const desk = await newDesk();
      const op = operationsOf(desk);
      const batches = Array.from({ length: 4 }, () =>
        Array.from({ length: 100 }, (_, i) =>
          op('payment', ctx.ids[i % ctx.ids.length] ?? '', {
            method: 'cash',
            amount: 7,
          }),
        ),
      );

      // The first batch is answered; the others are queued or mid-commit
      // when the process dies.
      const inFlight = batches.map((batch) =>
        push(ctx.base, desk, batch).catch(() => null),
      );
      const answered = await inFlight[0];
      await ctx.central?.kill();
      await Promise.all(inFlight);
      const restarted = await startCentral(ctx.store);
      ctx.central = restarted;
      ctx.base = restarted.url;
      const survived = (await pull()).documents;
      expect(answered?.status).toBe(200);
      expect(
        [...participantsOf(survived).values()].flatMap((doc) =>
          doc.state.payments.filter((p) => p.deskId === desk.deskId),
        ).length,
      ).toBeGreaterThanOrEqual(100);
      for (const batch of batches) {
        const retry = await push(ctx.base, desk, batch);
        expect(retry.status).toBe(200);
      }

      const { documents } = await pull();
      const payments = [...participantsOf(documents).values()].flatMap((doc) =>
        doc.state.payments.filter((p) => p.deskId === desk.deskId),
      );
      expect(payments).toHaveLength(400);
      await serving();
    },
    startTimeout,
  );

  it.runIf(ctx.backend.crashDatabase)(
    'a database crash mid-push loses nothing and doubles nothing once it is back',
    async () => {
      const desk = await newDesk();
      const op = operationsOf(desk);
      const batches = Array.from({ length: 3 }, () =>
        Array.from({ length: 100 }, (_, i) =>
          op('payment', ctx.ids[i % ctx.ids.length] ?? '', {
            method: 'card',
            amount: 3,
          }),
        ),
      );

      const inFlight = batches.map((batch) =>
        push(ctx.base, desk, batch).catch(() => null),
      );
      await inFlight[0];
      ctx.backend.crashDatabase?.();
      const during = await Promise.all(inFlight);
      // A desk retries a failed push; the pool's first connection after the
      // crash may still be a dead one.
      for (const batch of batches) {
        let retry = await push(ctx.base, desk, batch);
        for (let tries = 1; retry.status === 500 && tries < 5; tries += 1) {
          retry = await push(ctx.base, desk, batch);
        }
        expect(retry.status).toBe(200);
      }

      // A push the crash cut off got a 500 or no answer, nothing else.
      expect(
        during.every((r) => r === null || r.status === 200 || r.status === 500),
      ).toBe(true);
      const { documents } = await pull();
      const payments = [...participantsOf(documents).values()].flatMap((doc) =>
        doc.state.payments.filter((p) => p.deskId === desk.deskId),
      );
      expect(payments).toHaveLength(300);
      await serving();
    },
    startTimeout,
  );
};
