// A push batch is decided in memory and written at its end (batchState.ts,
// batchWrites.ts). These check, on a real PGlite store, that a batch gives
// every operation the result it gets when the operations arrive one by
// one, and leaves the same participants and bib conflicts: an operation
// later in a batch sees what an earlier one did.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoExport } from '../../shared/demo/demoExport';
import { lateEntryParticipantId } from '../../shared/desk/reduce';
import type { Operation } from '../../shared/domain/operation';
import type { Participant } from '../../shared/domain/participant';
import { foldSheet } from '../../shared/isonen/fold';
import type { OperationResult } from '../../shared/sync/types';
import type { Db } from '../db/db';
import { createEvent } from '../http/routes/events';
import { upsertParticipants } from '../participants/upsertParticipants';
import { type OperationFactory, operationsOf } from '../test/operations';
import { openTempPglite, type TempPglite } from '../test/tempPglite';
import { pushOperations } from './push';

let db: Db;
let store: TempPglite | undefined;
let events = 0;
const deskId = 'desk-a';

/** A fresh event with one desk and a few demo participants. */
const newEvent = async (): Promise<{
  eventId: string;
  people: Participant[];
}> => {
  events += 1;
  const eventId = `batch-${events}`;
  await createEvent(
    { db },
    {
      id: eventId,
      name: 'Batch',
      type: 'event',
      date: '',
      organizationId: 'org',
      createdAt: '',
    },
  );
  await db.query(
    `INSERT INTO desks (event_id, desk_id, name, token_hash, created_at)
     VALUES ($1, $2, $2, $1, '')`,
    [eventId, deskId],
  );
  const sheet = demoExport({ participants: 5, seed: 3 });
  // The last one deregistered: refused bibs and check-ins, and no holder.
  const participants = foldSheet(sheet, { eventId }).participants.map(
    (p, i, all): Participant =>
      i === all.length - 1 ? { ...p, status: 'deregistered' } : p,
  );
  await upsertParticipants(db, eventId, participants);
  return { eventId, people: participants };
};

/** Pushes ops in batches of size; returns each op's result, in order. */
const pushIn = async (
  eventId: string,
  ops: readonly Operation[],
  size: number,
): Promise<OperationResult[]> => {
  const results: OperationResult[] = [];
  for (let at = 0; at < ops.length; at += size) {
    const batch = ops.slice(at, at + size).map((op) => ({ ...op, eventId }));
    const pushed = await pushOperations(db, eventId, deskId, batch);
    if (!pushed.ok) throw new Error(pushed.error.message);
    results.push(...pushed.value.results.map((r) => r.result));
  }
  return results;
};

/** A result with the conflict's id (new on each push) left out. */
const comparable = (result: OperationResult) => {
  const { conflictId, ...data } = result.data;
  return { ...result, data: { ...data, conflict: conflictId !== undefined } };
};

/** The event's participants and conflicts, for comparing two events. */
const stateOf = async (eventId: string) => ({
  participants: await db.query(
    `SELECT participant_id, status, checked_in, checked_in_at,
            checked_in_desk, bib, bib_source, chip, chip_rental, payments,
            late_entry, doc - 'eventId' - 'updatedAt' AS doc
       FROM participants WHERE event_id = $1 ORDER BY participant_id`,
    [eventId],
  ),
  conflicts: await db.query(
    `SELECT bib, holder_id, claimant_id, operation_id, status
       FROM bib_conflicts WHERE event_id = $1 ORDER BY operation_id`,
    [eventId],
  ),
  // Rows whose pull text (migration 0004's trigger) is behind the row.
  stalePullText: await db.query(
    `SELECT participant_id FROM participants
      WHERE event_id = $1
        AND ((sync_doc::jsonb->>'seq')::int <> seq
             OR sync_doc::jsonb->'state'->>'bib' <> bib
             OR sync_doc::jsonb->'state'->>'checkedIn' <> checked_in::text
             OR sync_doc::jsonb->'state'->'payments' <> payments)`,
    [eventId],
  ),
});

const lateEntry = (className: string) =>
  ({
    entry: {
      firstName: 'Kari',
      lastName: 'Sent',
      birthDate: '1990-05-17',
      gender: 'female',
      club: 'Sen IL',
      className,
      paymentMethod: 'cash',
      amount: 15_000,
    },
  }) as const;

const bib = (bib: string, previousBib: string) =>
  ({ bib, previousBib, source: 'typed' }) as const;

beforeAll(async () => {
  store = await openTempPglite('batch');
  db = store.db;
  await db.query(
    `INSERT INTO organizations (id, kind, name) VALUES ('org', 'club', 'IL')`,
  );
}, 60_000);

afterAll(async () => {
  await store?.remove();
});

/** The same ops one by one and in one batch: results and state agree. */
const expectBatchLikeSingles = async (
  make: (op: OperationFactory, people: Participant[]) => Operation[],
  size = 500,
) => {
  const single = await newEvent();
  const batched = await newEvent();
  const ops = make(operationsOf({ eventId: '', deskId, token: '' }), [
    ...single.people,
  ]);
  const one = await pushIn(single.eventId, ops, 1);
  const all = await pushIn(batched.eventId, ops, size);
  expect(all.map(comparable)).toEqual(one.map(comparable));
  const state = await stateOf(batched.eventId);
  expect(state).toEqual(await stateOf(single.eventId));
  expect(state.stalePullText).toEqual([]);
  return all;
};

const active = (people: Participant[]) =>
  people.filter((p) => p.status === 'active');

describe('a push batch', () => {
  it('makes a second claim on a bib in the same batch a conflict, as in two batches', async () => {
    const results = await expectBatchLikeSingles((op, people) => {
      const [a, b] = active(people);
      if (!a || !b) throw new Error('too few active demo participants');
      return [
        op('bib-assign', a.id, bib('12', '')),
        op('bib-assign', b.id, bib('12', '')),
      ];
    });
    expect(results.map((r) => r.outcome)).toEqual(['applied', 'conflict']);
  });

  it('lets later operations of the batch work on a late entry it made', async () => {
    const results = await expectBatchLikeSingles((op, people) => {
      const className = active(people)[0]?.entries[0]?.className ?? '';
      const entry = op('late-entry', '', lateEntry(className));
      const late = lateEntryParticipantId(entry.id);
      return [
        entry,
        op('bib-assign', late, bib('77', '')),
        op('check-in', late, {}),
        op('payment', late, { method: 'card', amount: 2_500 }),
        op('chip-assign', late, {
          chip: '4711',
          previousChip: '',
          rental: true,
        }),
        op('bib-assign', late, bib('78', '77')),
      ];
    });
    expect(results.map((r) => r.outcome)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
      'applied',
      'applied',
    ]);
  });

  it('passes bibs on within a batch without tripping the unique bib index', async () => {
    // In batches of five: the second gives stored bibs to other rows, and
    // the rows that take them are staged (by a payment) before the rows
    // that give them up.
    const pay = { method: 'cash', amount: 100 } as const;
    const results = await expectBatchLikeSingles((op, people) => {
      const [a, b, c] = active(people);
      if (!a || !b || !c) throw new Error('too few active demo participants');
      return [
        op('bib-assign', a.id, bib('5', '')),
        op('bib-assign', b.id, bib('6', '')),
        op('payment', a.id, pay),
        op('payment', b.id, pay),
        op('payment', c.id, pay),
        op('payment', c.id, pay),
        op('payment', a.id, pay),
        op('bib-assign', b.id, bib('7', '6')),
        op('bib-assign', a.id, bib('6', '5')),
        op('bib-assign', c.id, bib('5', '')),
      ];
    }, 5);
    const bibs = results.filter((_, i) => [0, 1, 7, 8, 9].includes(i));
    expect(bibs.map((r) => r.outcome)).toEqual(Array(5).fill('applied'));
  });

  it('refuses a deregistered participant a bib and a check-in, as one by one', async () => {
    const results = await expectBatchLikeSingles((op, people) => {
      const gone = people.find((p) => p.status === 'deregistered');
      if (!gone) throw new Error('no deregistered participant');
      return [
        op('bib-assign', gone.id, bib('12', '')),
        op('check-in', gone.id, {}),
        op('check-in', 'nobody', {}),
      ];
    });
    expect(results.map((r) => r.code)).toEqual([
      'deregistered',
      'deregistered',
      'unknown-participant',
    ]);
  });

  it("checks a late entry's class whether or not a participant of the batch has it", async () => {
    const results = await expectBatchLikeSingles((op, people) => {
      const [a, b] = active(people);
      const classOf = (p?: Participant) => p?.entries[0]?.className ?? '';
      if (!a || !b || classOf(a) === classOf(b)) {
        throw new Error('want two active demo participants in two classes');
      }
      return [
        op('check-in', a.id, {}),
        op('late-entry', '', lateEntry(classOf(a))),
        op('late-entry', '', lateEntry(classOf(b))),
        op('late-entry', '', lateEntry('No such class')),
      ];
    });
    expect(results.map((r) => r.outcome)).toEqual([
      'applied',
      'applied',
      'applied',
      'rejected',
    ]);
  });

  it('checks a bib against a range set earlier in the batch', async () => {
    const results = await expectBatchLikeSingles((op, people) => {
      const [a, b] = active(people);
      const className = a?.entries[0]?.className ?? '';
      if (!a || !b) throw new Error('too few active demo participants');
      return [
        op('class-range-set', '', { className, first: 100, last: 199 }),
        op('bib-assign', a.id, bib('12', '')),
        op('bib-assign', a.id, bib('120', '')),
      ];
    });
    expect(results.map((r) => r.code)).toEqual(['', 'bib-outside-range', '']);
  });

  it('stores a conflict settled later in the same batch as settled', async () => {
    const results = await expectBatchLikeSingles((op, people) => {
      const [a, b] = active(people);
      if (!a || !b) throw new Error('too few active demo participants');
      return [
        op('bib-assign', a.id, bib('12', '')),
        op('bib-assign', b.id, bib('12', '')),
        op('bib-assign', b.id, bib('13', '')),
      ];
    });
    expect(results.map((r) => r.outcome)).toEqual([
      'applied',
      'conflict',
      'applied',
    ]);
  });

  it('gives any mix of operations the results they get one by one', async () => {
    const step = fc.record({
      kind: fc.integer({ min: 0, max: 7 }),
      who: fc.nat(),
      bib: fc.constantFrom('', '1', '2', '3', '150', 'x'),
      seen: fc.constantFrom('', '1', '2', '3'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 2, max: 30 }),
        async (steps, size) => {
          await expectBatchLikeSingles((op, people) => {
            const ids = people.map((p) => p.id);
            const className = active(people)[0]?.entries[0]?.className ?? '';
            return steps.map(({ kind, who, bib: wanted, seen }) => {
              const id = ids[who % ids.length] ?? '';
              if (kind === 3) {
                const entry = op('late-entry', '', lateEntry(className));
                // Later steps may work on the new participant too.
                ids.push(lateEntryParticipantId(entry.id));
                return entry;
              }
              if (kind === 0) return op('check-in', id, {});
              if (kind === 1) return op('check-in-undo', id, {});
              if (kind === 2)
                return op('payment', id, { method: 'cash', amount: 1 });
              if (kind === 4) {
                return op('class-range-set', '', {
                  className,
                  first: 1,
                  last: 99,
                });
              }
              if (kind === 5) {
                return op('chip-assign', id, {
                  chip: seen || '9',
                  previousChip: '',
                  rental: false,
                });
              }
              return op('bib-assign', id, bib(wanted, seen));
            });
          }, size);
        },
      ),
      { numRuns: 20 },
    );
  }, 120_000);
});
