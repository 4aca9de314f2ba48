// Sustained push throughput against the real central process: several
// desks at once, each sending its queue in 500-operation batches as a desk
// does after a reconnect (check-ins, then payments, of its own people).
// The floor stores the same operation rows with one raw INSERT per batch,
// each batch in its own transaction, with no effects and no HTTP.

import type { Db } from '../central/db/db';
import { type Desk, push, registerDesk } from '../central/test/client';
import { operationsOf } from '../central/test/operations';
import type { Operation } from '../shared/domain/operation';

const batchSize = 500;

export type PushRun = {
  desks: number;
  operations: number;
  ms: number;
  batches: Operation[][];
};

const queueOf = (desk: Desk, ids: readonly string[]): Operation[] => {
  const make = operationsOf(desk);
  return [
    ...ids.map((id) => make('check-in', id, {})),
    ...ids.map((id) => make('payment', id, { method: 'cash', amount: 25_000 })),
  ];
};

const batchesOf = (ops: readonly Operation[]) => {
  const batches: Operation[][] = [];
  for (let i = 0; i < ops.length; i += batchSize) {
    batches.push(ops.slice(i, i + batchSize));
  }
  return batches;
};

export const measurePush = async (
  base: string,
  organizer: string,
  eventId: string,
  participantIds: readonly string[],
  deskCount: number,
): Promise<PushRun> => {
  const desks: Desk[] = [];
  for (let i = 0; i < deskCount; i += 1) {
    desks.push(await registerDesk(base, organizer, eventId, `Bench ${i + 1}`));
  }
  const slice = Math.floor(participantIds.length / deskCount);
  const queues = desks.map((desk, k) =>
    batchesOf(queueOf(desk, participantIds.slice(k * slice, (k + 1) * slice))),
  );
  const start = performance.now();
  await Promise.all(
    desks.map(async (desk, k) => {
      for (const batch of queues[k] ?? []) {
        const reply = await push(base, desk, batch);
        if (reply.status !== 200) {
          throw new Error(
            `push: ${reply.status} ${JSON.stringify(reply.body)}`,
          );
        }
      }
    }),
  );
  const ms = performance.now() - start;
  const batches = queues.flat();
  const operations = batches.reduce((sum, batch) => sum + batch.length, 0);
  return { desks: deskCount, operations, ms, batches };
};

/** The floor: the same rows into a copy of the operations table. */
export const measurePushFloor = async (
  db: Db,
  eventId: string,
  batches: readonly Operation[][],
): Promise<number> => {
  await db.exec(
    `DROP TABLE IF EXISTS bench_operations;
     CREATE TABLE bench_operations (LIKE operations INCLUDING ALL)`,
  );
  const start = performance.now();
  for (const batch of batches) {
    await db.transaction((tx) =>
      tx.query(
        `INSERT INTO bench_operations (event_id, operation_id, desk_id,
           desk_seq, participant_id, type, created_at, body, result)
         SELECT $1, e->>'id', e->>'deskId', (e->>'seq')::int,
                e->>'participantId', e->>'type', e->>'createdAt', e,
                '{"outcome":"applied","code":"","message":"","data":{}}'
           FROM jsonb_array_elements($2::jsonb) AS e`,
        [eventId, JSON.stringify(batch)],
      ),
    );
  }
  const ms = performance.now() - start;
  await db.exec('DROP TABLE bench_operations');
  return ms;
};
