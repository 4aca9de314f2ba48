// A desk's push: each operation takes effect exactly once. In the same
// transaction as its effect, the operation is stored under its id and its
// (desk, seq); a repeat finds it and gets the stored result back, the same
// id with another body is refused, and the desk's highest contiguous seq
// shows any gap. A crash before COMMIT leaves neither the operation nor its
// effect, so the desk's retry applies it once.

import { fail, ok, type Result } from '../../shared/contract/result';
import { lateEntryParticipantId } from '../../shared/desk/reduce';
import type { Operation } from '../../shared/domain/operation';
import type {
  DeskSeqState,
  PushedOperation,
  PushResponse,
} from '../../shared/sync/types';
import type { Db, Queryable } from '../db/db';
import { applyOperation } from './applyOperation';
import { latestSeq, lockEvent } from './eventSeq';
import { rejected } from './operationResult';

const repeatOf = async (
  tx: Queryable,
  eventId: string,
  op: Operation,
  body: string,
): Promise<PushedOperation> => {
  const rows = await tx.query<{
    same: boolean;
    result: PushedOperation['result'];
  }>(
    `SELECT body = $3::jsonb AS same, result FROM operations
      WHERE event_id = $1 AND operation_id = $2`,
    [eventId, op.id, body],
  );
  const stored = rows[0];
  const base = { id: op.id, seq: op.seq };
  if (!stored) {
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
  if (!stored.same) {
    return {
      ...base,
      repeated: false,
      result: rejected(
        'operation-id-reused',
        'Another operation with this id is stored; this one is refused',
        { operationId: op.id },
      ),
    };
  }
  return { ...base, repeated: true, result: stored.result };
};

const pushOne = async (
  tx: Queryable,
  eventId: string,
  op: Operation,
): Promise<PushedOperation> => {
  const body = JSON.stringify(op);
  const participantId =
    op.type === 'late-entry' ? lateEntryParticipantId(op.id) : op.participantId;
  const inserted = await tx.query(
    `INSERT INTO operations (event_id, operation_id, desk_id, desk_seq,
       participant_id, type, created_at, body)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
     ON CONFLICT DO NOTHING
     RETURNING operation_id`,
    [
      eventId,
      op.id,
      op.deskId,
      op.seq,
      participantId,
      op.type,
      op.createdAt,
      body,
    ],
  );
  if (inserted.length === 0) return repeatOf(tx, eventId, op, body);

  const result = await applyOperation(tx, eventId, op);
  await tx.query(
    `UPDATE operations SET result = $3::jsonb
      WHERE event_id = $1 AND operation_id = $2`,
    [eventId, op.id, JSON.stringify(result)],
  );
  return { id: op.id, seq: op.seq, repeated: false, result };
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
    const results: PushedOperation[] = [];
    for (const op of ops) results.push(await pushOne(tx, eventId, op));
    const desk = await advanceDeskSeq(tx, eventId, deskId);
    return { results, desk, latestSeq: await latestSeq(tx, eventId) };
  });
  return ok(response);
};
