// Order: operations out of order, checkpoints old and impossible, the live stream.
// Registered inside the sync suite (sync.test.ts), which runs them against
// the real central process on each store.

import { expect, it } from 'vitest';

import { demoEventId } from '../../demo/seedDemo';
import { participantsOf, pullAll, push, request } from '../client';
import { operationsOf } from '../operations';
import { checkedIn, helpersOf, type SyncContext } from './context';

export const orderingCases = (ctx: SyncContext) => {
  const { pull, serving, newDesk } = helpersOf(ctx);

  it('pushes out of order end in the state of the latest operation and show the gap', async () => {
    const desk = await newDesk();
    const op = operationsOf(desk);
    const id = ctx.ids[1] ?? '';
    const checkIn = op('check-in', id, {}, '2025-06-14T08:00:00.000Z');
    const undo = op('check-in-undo', id, {}, '2025-06-14T08:01:00.000Z');
    const again = op('check-in', id, {}, '2025-06-14T08:02:00.000Z');

    const late = await push(ctx.base, desk, [again]);
    expect(late.body.desk).toMatchObject({ contiguousSeq: 0, highestSeq: 3 });
    await push(ctx.base, desk, [undo]);
    const last = await push(ctx.base, desk, [checkIn]);

    expect(last.body.desk).toMatchObject({ contiguousSeq: 3, highestSeq: 3 });
    const doc = participantsOf((await pull()).documents).get(id);
    expect(doc?.state).toMatchObject({
      checkedIn: true,
      checkedInAt: again.createdAt,
    });
    await serving();
  });

  it('a check-in older than an undo does not check the participant in again', async () => {
    const desk = await newDesk();
    const op = operationsOf(desk);
    const id = ctx.ids[2] ?? '';
    const checkIn = op('check-in', id, {}, '2025-06-14T09:00:00.000Z');
    const undo = op('check-in-undo', id, {}, '2025-06-14T09:05:00.000Z');

    await push(ctx.base, desk, [undo]);
    const stale = await push(ctx.base, desk, [checkIn]);

    expect(stale.body.results[0]?.result).toMatchObject({
      outcome: 'unchanged',
      code: 'superseded',
    });
    expect(checkedIn((await pull()).documents, id)).toBe(false);
    await serving();
  });

  it('a stale checkpoint returns every change since, in seq order', async () => {
    const old = (await pull()).checkpoint;
    const desk = await newDesk();
    const op = operationsOf(desk);
    await push(ctx.base, desk, [op('check-in', ctx.ids[3] ?? '', {})]);
    await push(ctx.base, desk, [
      op('payment', ctx.ids[4] ?? '', { method: 'vipps', amount: 200 }),
      op('payment', ctx.ids[3] ?? '', { method: 'vipps', amount: 300 }),
    ]);

    const paged = await pullAll(ctx.base, ctx.organizer, demoEventId, old, 1);
    const whole = await pullAll(ctx.base, ctx.organizer, demoEventId, old);

    const seqs = paged.documents.map((doc) => doc.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs.every((seq) => seq > old)).toBe(true);
    expect(paged.checkpoint).toBe(whole.checkpoint);
    // Participant 3 changed twice: it comes once, with its latest state.
    const latest = participantsOf(whole.documents).get(ctx.ids[3] ?? '');
    expect(latest?.state.checkedIn).toBe(true);
    expect(latest?.state.payments.at(-1)?.amount).toBe(300);
    expect(participantsOf(paged.documents).size).toBe(2);
    await serving();
  });

  it('a checkpoint past the latest seq is refused so the desk downloads again', async () => {
    const { checkpoint } = await pull();

    const ahead = await request(
      ctx.base,
      'GET',
      `/api/events/${demoEventId}/pull?checkpoint=${checkpoint + 100}`,
      { token: ctx.organizer },
    );

    expect(ahead.status).toBe(409);
    expect(ahead.body).toMatchObject({
      error: { code: 'checkpoint-ahead', data: { latestSeq: checkpoint } },
    });
    await serving();
  });

  it('the live stream wakes with the latest seq after a push', async () => {
    const desk = await newDesk();
    const aborter = new AbortController();
    const response = await fetch(
      `${ctx.base}/api/events/${demoEventId}/stream`,
      {
        headers: { authorization: `Bearer ${desk.token}` },
        signal: aborter.signal,
      },
    );
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
    const pushed = await push(ctx.base, desk, [
      operationsOf(desk)('payment', ctx.ids[13] ?? '', {
        method: 'cash',
        amount: 1,
      }),
    ]);
    await read();
    aborter.abort();

    expect(messages.at(-1)).toBe(pushed.body.latestSeq);
    expect(messages[0]).toBeLessThan(pushed.body.latestSeq);
    await serving();
  });
};
