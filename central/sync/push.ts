// A desk's push: each operation takes effect exactly once. In the same
// transaction as its effect, the operation is stored under its id and its
// (desk, seq); a repeat finds it and gets the stored result back, the same
// id with another body is refused, and the desk's highest contiguous seq
// shows any gap. The event lock taken first serializes pushes of one
// event, so the look-up of stored operations cannot race a second push of
// the same batch. A crash before COMMIT leaves neither the operation nor its
// effect, so the desk's retry applies it once.

import { fail, ok, type Result } from '../../shared/contract/result';
import { lateEntryParticipantId } from '../../shared/desk/reduce';
import type { Operation } from '../../shared/domain/operation';
import type {
  DeskSeqState,
  OperationResult,
  PushedOperation,
  PushResponse,
} from '../../shared/sync/types';
import type { Db, Queryable } from '../db/db';
import { applyOperation } from './applyOperation';
import { type BatchState, loadBatchState } from './batchState';
import { latestSeq, lockEvent } from './eventSeq';
import { rejected } from './operationResult';
import { sameJson } from './sameJson';

type StoredOperation = {
  operation_id: string;
  desk_seq: number;
  body: unknown;
  result: OperationResult;
};

/** The batch's operations the server has already, by id and by desk seq. */
const storedFor = async (
  tx: Queryable,
  eventId: string,
  deskId: string,
  ops: readonly Operation[],
) => {
  const rows = await tx.query<StoredOperation>(
    `SELECT operation_id, desk_seq, body, result FROM operations
      WHERE event_id = $1
        AND (operation_id = ANY($2::text[])
             OR (desk_id = $3 AND desk_seq = ANY($4::int[])))`,
    [eventId, ops.map((op) => op.id), deskId, ops.map((op) => op.seq)],
  );
  return {
    byId: new Map(rows.map((row) => [row.operation_id, row])),
    bySeq: new Set(rows.map((row) => row.desk_seq)),
  };
};

type Stored = Awaited<ReturnType<typeof storedFor>>;

/** The answer to an operation the server has seen, or null if it is new. */
const repeatOf = (op: Operation, stored: Stored): PushedOperation | null => {
  const base = { id: op.id, seq: op.seq };
  const same = stored.byId.get(op.id);
  if (same) {
    return sameJson(same.body, op)
      ? { ...base, repeated: true, result: same.result }
      : {
          ...base,
          repeated: false,
          result: rejected(
            'operation-id-reused',
            'Another operation with this id is stored; this one is refused',
            { operationId: op.id },
          ),
        };
  }
  if (stored.bySeq.has(op.seq)) {
    return {
      ...base,
      repeated: false,
      result: rejected(
        'desk-seq-reused',
        `Seq ${op.seq} of this desk belongs to another operation`,
        { seq: op.seq },
      ),
    };
  }
  return null;
};

/**
 * Kinds whose checks read the participants table (a chip holder), so the
 * writes staged in the batch state go first. Every other kind is decided
 * from the batch state (batchState.ts) or reads no participant.
 */
const readsTable = new Set<Operation['type']>(['chip-assign']);

type NewOperation = {
  op: Operation;
  participantId: string;
  result: OperationResult;
};

/** Applies a new operation; it is stored with the batch, before COMMIT. */
const applyNew = async (
  tx: Queryable,
  eventId: string,
  op: Operation,
  stored: Stored,
  state: BatchState,
  fresh: NewOperation[],
): Promise<PushedOperation> => {
  if (readsTable.has(op.type)) await state.flush();
  const result = await applyOperation(tx, eventId, op, state);
  const participantId =
    op.type === 'late-entry' ? lateEntryParticipantId(op.id) : op.participantId;
  fresh.push({ op, participantId, result });
  // A repeat later in the same batch must find this one.
  stored.byId.set(op.id, {
    operation_id: op.id,
    desk_seq: op.seq,
    body: op,
    result,
  });
  stored.bySeq.add(op.seq);
  return { id: op.id, seq: op.seq, repeated: false, result };
};

/** Stores the batch's new operations with their results, in one statement. */
const storeNew = async (
  tx: Queryable,
  eventId: string,
  fresh: readonly NewOperation[],
) => {
  if (fresh.length === 0) return;
  await tx.query(
    `INSERT INTO operations (event_id, operation_id, desk_id, desk_seq,
       participant_id, type, created_at, body, result)
     SELECT $1, e->'op'->>'id', e->'op'->>'deskId', (e->'op'->>'seq')::int,
            e->>'participantId', e->'op'->>'type', e->'op'->>'createdAt',
            e->'op', e->'result'
       FROM jsonb_array_elements($2::jsonb) AS e`,
    [eventId, JSON.stringify(fresh)],
  );
};

/** Moves the desk's contiguous seq past every stored seq that follows it. */
const advanceDeskSeq = async (
  tx: Queryable,
  eventId: string,
  deskId: string,
): Promise<DeskSeqState> => {
  const desks = await tx.query<{ contiguous_seq: number }>(
    'SELECT contiguous_seq FROM desks WHERE event_id = $1 AND desk_id = $2',
    [eventId, deskId],
  );
  let contiguous = desks[0]?.contiguous_seq ?? 0;
  const later = await tx.query<{ desk_seq: number }>(
    `SELECT desk_seq FROM operations
      WHERE event_id = $1 AND desk_id = $2 AND desk_seq > $3
      ORDER BY desk_seq`,
    [eventId, deskId, contiguous],
  );
  for (const { desk_seq } of later) {
    if (desk_seq !== contiguous + 1) break;
    contiguous = desk_seq;
  }
  const highest = later.at(-1)?.desk_seq ?? contiguous;
  await tx.query(
    `UPDATE desks SET contiguous_seq = $3, highest_seq = GREATEST(highest_seq, $4)
      WHERE event_id = $1 AND desk_id = $2`,
    [eventId, deskId, contiguous, highest],
  );
  return {
    deskId,
    contiguousSeq: contiguous,
    highestSeq: Math.max(highest, contiguous),
  };
};

/** Refuses the whole batch, before any write, if one op is not the desk's. */
const checkEnvelope = (
  eventId: string,
  deskId: string,
  ops: readonly Operation[],
): Result<true> => {
  for (const [index, op] of ops.entries()) {
    if (op.eventId !== eventId) {
      return fail(
        'operation-for-another-event',
        `operations/${index}: event ${op.eventId} is not this event`,
        { index, operationId: op.id },
      );
    }
    if (op.deskId !== deskId) {
      return fail(
        'forged-desk-id',
        `operations/${index}: desk ${op.deskId} is not the desk of this token`,
        { index, operationId: op.id },
      );
    }
  }
  return ok(true);
};

export const pushOperations = async (
  db: Db,
  eventId: string,
  deskId: string,
  ops: readonly Operation[],
): Promise<Result<PushResponse>> => {
  const envelope = checkEnvelope(eventId, deskId, ops);
  if (!envelope.ok) return envelope;

  const response = await db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const stored = await storedFor(tx, eventId, deskId, ops);
    const state = await loadBatchState(tx, eventId, ops);
    const results: PushedOperation[] = [];
    const fresh: NewOperation[] = [];
    for (const op of ops) {
      const repeat = repeatOf(op, stored);
      results.push(
        repeat ?? (await applyNew(tx, eventId, op, stored, state, fresh)),
      );
    }
    await state.flush();
    await storeNew(tx, eventId, fresh);
    const desk = await advanceDeskSeq(tx, eventId, deskId);
    return { results, desk, latestSeq: await latestSeq(tx, eventId) };
  });
  return ok(response);
};
