// Bibs: rejected operations, clashes, concurrent claims and leases.
// Registered inside the sync suite (sync.test.ts), which runs them against
// the real central process on each store.

import { expect, it } from 'vitest';

import type { Participant } from '../../../shared/domain/participant';

import { demoEventId } from '../../demo/seedDemo';
import {
  type Desk,
  participantsOf,
  push,
  request,
  upsertParticipants,
} from '../client';
import { operationsOf } from '../operations';
import { checkedIn, helpersOf, type SyncContext } from './context';

export const bibsCases = (ctx: SyncContext) => {
  const { pull, serving, newDesk } = helpersOf(ctx);

  it('invalid operations are stored as rejected results the desk can show', async () => {
    const desk = await newDesk();
    const op = operationsOf(desk);
    const gone = {
      ...(ctx.participants[9] as Participant),
      status: 'deregistered' as const,
    };
    await upsertParticipants(ctx.base, ctx.organizer, demoEventId, [gone]);
    const className = ctx.participants[10]?.entries[0]?.className ?? '';
    const batch = [
      op('check-in', gone.id, {}),
      op('check-in', 'p-nobody', {}),
      op('class-range-set', '', { className, first: 100, last: 199 }),
      op('bib-assign', ctx.ids[10] ?? '', {
        bib: '5',
        previousBib: '',
        source: 'typed',
      }),
      op('bib-assign', ctx.ids[10] ?? '', {
        bib: '150',
        previousBib: 'x',
        source: 'typed',
      }),
    ];

    const first = await push(ctx.base, desk, batch);
    const again = await push(ctx.base, desk, batch);

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
    expect(participantsOf(documents).get(ctx.ids[10] ?? '')?.state.bib).toBe(
      '',
    );
    await serving();
  });

  it('a bib clash is committed as a conflict that every desk pulls', async () => {
    const one = await newDesk();
    const two = await newDesk();
    const holder = ctx.ids[11] ?? '';
    const claimant = ctx.ids[12] ?? '';

    const given = await push(ctx.base, one, [
      operationsOf(one)('bib-assign', holder, {
        bib: '4321',
        previousBib: '',
        source: 'lease',
      }),
    ]);
    const clash = await push(ctx.base, two, [
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
    await serving();
  });

  it('two desks pushing the same bib at the same moment give it to one participant only', async () => {
    const desks = await Promise.all([newDesk(), newDesk(), newDesk()]);
    const claimants = [ctx.ids[15], ctx.ids[16], ctx.ids[17]].map(
      (id) => id ?? '',
    );

    const replies = await Promise.all(
      desks.map((desk, i) =>
        push(ctx.base, desk, [
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
    await serving();
  });

  it('leases give desks blocks of bibs that never overlap', async () => {
    const one = await newDesk();
    const two = await newDesk();
    const lease = (desk: Desk, token: string) =>
      request<{ first: number; last: number }>(
        ctx.base,
        'POST',
        `/api/events/${demoEventId}/leases`,
        { token, body: { deskId: desk.deskId, className: '', count: 50 } },
      );

    const a = await lease(one, ctx.organizer);
    const b = await lease(two, two.token);
    const stolen = await lease(one, two.token);

    expect([a.status, b.status, stolen.status]).toEqual([201, 201, 403]);
    expect(b.body.first).toBeGreaterThan(a.body.last);
    const leases = (await pull(one.token)).documents.filter(
      (d) => d.kind === 'bib-lease',
    );
    expect(leases).toHaveLength(2);
    await serving();
  });
};
