// The push path on a real PGlite store, without HTTP: whatever order, in
// whatever batches and however often a desk's operations arrive, the state
// ends the same as when they arrive once, in order, one by one.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoExport } from '../../shared/demo/demoExport';
import type { Operation } from '../../shared/domain/operation';
import { foldSheet } from '../../shared/isonen/fold';
import type { Db } from '../db/db';
import { createEvent } from '../http/routes/events';
import { upsertParticipants } from '../participants/upsertParticipants';
import { operationsOf } from '../test/operations';
import { openTempPglite, type TempPglite } from '../test/tempPglite';
import { pushOperations } from './push';

let db: Db;
let store: TempPglite | undefined;
let events = 0;

const desks = ['desk-a', 'desk-b', 'desk-c'];

/** A fresh event with three desks and a few participants. */
const newEvent = async (): Promise<{ eventId: string; ids: string[] }> => {
  events += 1;
  const eventId = `prop-${events}`;
  await createEvent(
    { db },
    {
      id: eventId,
      name: 'Property',
      type: 'event',
      date: '',
      organizationId: 'org',
      createdAt: '',
    },
  );
  for (const deskId of desks) {
    await db.query(
      `INSERT INTO desks (event_id, desk_id, name, token_hash, created_at)
       VALUES ($1, $2, $2, $3, '')`,
      [eventId, deskId, `${eventId}-${deskId}`],
    );
  }
  const sheet = demoExport({ participants: 3, seed: 7 });
  const { participants } = foldSheet(sheet, { eventId });
  await upsertParticipants(db, eventId, participants);
  return { eventId, ids: participants.map((p) => p.id) };
};

type Plan = { desk: number; kind: number; who: number; minute: number };

const operationsFor = (eventId: string, ids: string[], plan: Plan[]) => {
  const factories = desks.map((deskId) =>
    operationsOf({ eventId, deskId, token: '' }),
  );
  return plan.map(({ desk, kind, who, minute }, index) => {
    const make = factories[desk];
    const id = ids[who] ?? '';
    const at = `2025-06-14T08:${String(minute).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}.000Z`;
    if (!make) throw new Error('no desk');
    if (kind === 0) return make('check-in', id, {}, at);
    if (kind === 1) return make('check-in-undo', id, {}, at);
    return make('payment', id, { method: 'cash', amount: 10 + index }, at);
  });
};

const stateOf = async (eventId: string) => {
  const rows = await db.query<{
    checked_in: boolean;
    checked_in_at: string;
    checked_in_desk: string;
    payments: { amount: number }[];
  }>(
    `SELECT checked_in, checked_in_at, checked_in_desk, payments
       FROM participants WHERE event_id = $1 ORDER BY participant_id`,
    [eventId],
  );
  return rows.map((row) => ({
    ...row,
    payments: row.payments.map((p) => p.amount).sort((a, b) => a - b),
  }));
};

/** Pushes ops in batches of up to size, each batch from one desk. */
const pushAs = async (eventId: string, ops: Operation[], size: number) => {
  const batches: Operation[][] = [];
  for (const op of ops) {
    const last = batches.at(-1);
    const joins = last && last.length < size && last[0]?.deskId === op.deskId;
    if (joins) last.push({ ...op, eventId });
    else batches.push([{ ...op, eventId }]);
  }
  for (const batch of batches) {
    const deskId = batch[0]?.deskId ?? '';
    const pushed = await pushOperations(db, eventId, deskId, batch);
    expect(pushed.ok).toBe(true);
  }
};

beforeAll(async () => {
  store = await openTempPglite('push');
  db = store.db;
  await db.query(
    `INSERT INTO organizations (id, kind, name) VALUES ('org', 'club', 'IL')`,
  );
}, 60_000);

afterAll(async () => {
  await store?.remove();
});

describe('pushOperations', () => {
  it('ends in the same state whatever order and however often operations arrive', async () => {
    const plan = fc.array(
      fc.record({
        desk: fc.integer({ min: 0, max: 2 }),
        kind: fc.integer({ min: 0, max: 2 }),
        who: fc.integer({ min: 0, max: 2 }),
        minute: fc.integer({ min: 0, max: 9 }),
      }),
      { minLength: 1, maxLength: 15 },
    );
    await fc.assert(
      fc.asyncProperty(
        plan,
        fc.infiniteStream(fc.nat()),
        async (steps, noise) => {
          const inOrder = await newEvent();
          const shuffled = await newEvent();
          const ops = operationsFor(inOrder.eventId, inOrder.ids, steps);
          const keys = ops.map(() => noise.next().value ?? 0);
          const arrival = ops
            .map((op, i) => ({ op, key: keys[i] ?? 0 }))
            .sort((a, b) => a.key - b.key)
            .map(({ op }) => op);
          // Every third operation arrives twice, as after a lost answer.
          const repeated = arrival.flatMap((op, i) =>
            i % 3 ? [op] : [op, op],
          );

          await pushAs(inOrder.eventId, ops, 1);
          await pushAs(shuffled.eventId, repeated, 4);

          expect(await stateOf(shuffled.eventId)).toEqual(
            await stateOf(inOrder.eventId),
          );
        },
      ),
      { numRuns: 15 },
    );
  }, 60_000);
});
