// Exactly once: repeats, lost answers, reused ids and a crash mid-push.
// Registered inside the sync suite (sync.test.ts), which runs them against
// the real central process on each store.

import { expect, it } from 'vitest';
import type { PushResponse } from '../../../shared/sync/types';
import { answerDroppingProxy } from '../answerDroppingProxy';
import { startCentral } from '../centralProcess';
import { participantsOf, push, pushSent } from '../client';
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
    await serving();
  });

  it('a lost answer followed by a retry takes effect once', async () => {
    const desk = await newDesk();
    const op = operationsOf(desk);
    const batch = ctx.ids
      .slice(0, 10)
      .map((id) => op('payment', id, { method: 'card', amount: 100 }));
    const before = (await pull()).checkpoint;
    const paymentsOfDesk = async () =>
      [
        ...participantsOf(
          (await pull(ctx.organizer, before)).documents,
        ).values(),
      ]
        .flatMap((doc) =>
          doc.state.payments.filter((p) => p.deskId === desk.deskId),
        )
        .map((p) => p.amount);

    // The service answers in full (it committed), the answer never arrives.
    const network = await answerDroppingProxy(ctx.base);
    const sent = await push(network.url, desk, batch).then(
      () => 'answered',
      () => 'lost',
    );
    await network.close();
    const [swallowed] = network.lost;
    expect(sent).toBe('lost');
    expect(swallowed?.status).toBe(200);
    const original = JSON.parse(swallowed?.body ?? '{}') as PushResponse;
    expect(original.results.map((r) => r.repeated)).toEqual(
      batch.map(() => false),
    );
    expect(await paymentsOfDesk()).toHaveLength(10);

    const retry = await push(ctx.base, desk, batch);

    expect(retry.status).toBe(200);
    expect(retry.body.results.map((r) => r.repeated)).toEqual(
      batch.map(() => true),
    );
    expect(retry.body.results.map((r) => r.result)).toEqual(
      original.results.map((r) => r.result),
    );
    expect(retry.body.desk.contiguousSeq).toBe(10);
    expect(await paymentsOfDesk()).toEqual(batch.map(() => 100));
    await serving();
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
    await serving();
  });

  it(
    'a server killed mid-push loses nothing and doubles nothing after a restart',
    async () => {
      const desk = await newDesk();
      const op = operationsOf(desk);
      // Pushes told apart by their amounts; the one killed in flight is as
      // large as a push may be.
      const batchOf = (amount: number, length: number) =>
        Array.from({ length }, (_, i) =>
          op('payment', ctx.ids[i % ctx.ids.length] ?? '', {
            method: 'cash',
            amount,
          }),
        );
      const amounts = async () => {
        const counts = new Map<number, number>();
        for (const doc of participantsOf((await pull()).documents).values()) {
          for (const p of doc.state.payments) {
            if (p.deskId !== desk.deskId) continue;
            counts.set(p.amount, (counts.get(p.amount) ?? 0) + 1);
          }
        }
        return counts;
      };
      const restart = async () => {
        const restarted = await startCentral(ctx.store);
        ctx.central = restarted;
        ctx.base = restarted.url;
      };
      const answered = batchOf(7, 100);
      const sentOnly = batchOf(8, 500);
      const committed = batchOf(9, 200);
      expect((await push(ctx.base, desk, answered)).status).toBe(200);

      // Killed once the whole body is sent, before an answer can come.
      let killing: Promise<void> | undefined;
      const cutOff = await pushSent(ctx.base, desk, sentOnly, () => {
        killing = ctx.central?.kill();
      });
      await killing;
      await restart();
      const afterFirst = await amounts();

      expect(killing).toBeDefined();
      expect(cutOff).toBeNull();
      expect(afterFirst.get(7)).toBe(100);
      // All there or not there at all.
      expect([undefined, 500]).toContain(afterFirst.get(8));

      // Killed once the service has answered (it committed), the answer
      // never reaching the desk: the push is there in full.
      const network = await answerDroppingProxy(ctx.base, async () => {
        await ctx.central?.kill();
      });
      const late = await push(network.url, desk, committed).then(
        () => 'answered',
        () => 'lost',
      );
      await network.close();
      await restart();
      const afterSecond = await amounts();

      expect(late).toBe('lost');
      expect(network.lost.map((answer) => answer.status)).toEqual([200]);
      expect(afterSecond.get(9)).toBe(200);

      // The desk sends each again: what was stored is repeated, the rest
      // is applied now, all once.
      const retries = [];
      for (const batch of [answered, sentOnly, committed]) {
        retries.push(await push(ctx.base, desk, batch));
      }
      const repeated = retries.map(
        (reply) => new Set(reply.body.results.map((r) => r.repeated)),
      );
      expect(repeated).toEqual([
        new Set([true]),
        new Set([afterFirst.get(8) === 500]),
        new Set([true]),
      ]);
      expect(retries.at(-1)?.body.desk.contiguousSeq).toBe(800);
      expect([...(await amounts())].sort()).toEqual([
        [7, 100],
        [8, 500],
        [9, 200],
      ]);
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
