// What one operation does to server state, inside the push transaction.
// Invalid operations are stored with a rejected result the desk shows;
// nothing here throws for bad input, or the desk would retry forever.

import type { Operation } from '../../shared/domain/operation';
import type { OperationResult } from '../../shared/sync/types';
import type { Queryable } from '../db/db';
import type { BatchState } from './batchState';
import { applyBibAssign } from './bibAssign';
import { applyCheckIn } from './checkIn';
import { applyChipAssign } from './chipAssign';
import { bumpSeq } from './eventSeq';
import { applyLateEntry } from './lateEntry';
import { applied, rejected, unchanged } from './operationResult';
import { applyPassing, applyRaceSetup } from './timingOperations';

type RangeOperation = Extract<Operation, { type: 'class-range-set' }>;

const applyClassRange = async (
  tx: Queryable,
  eventId: string,
  op: RangeOperation,
  state: BatchState,
): Promise<OperationResult> => {
  const { className, first, last } = op.payload;
  if (last < first) {
    return rejected('bad-range', `Not a bib range: ${first}–${last}`, {
      className,
      first,
      last,
    });
  }
  // The latest range by (createdAt, id) wins, as on the desk (bibs.ts).
  const rows = await tx.query<{ set_at: string; set_by: string }>(
    `SELECT set_at, set_by FROM class_ranges
      WHERE event_id = $1 AND class_name = $2`,
    [eventId, className],
  );
  const seen = rows[0];
  const newer =
    !seen ||
    seen.set_at < op.createdAt ||
    (seen.set_at === op.createdAt && seen.set_by < op.id);
  if (!newer) {
    return unchanged('superseded', 'A later range for the class is set');
  }
  await tx.query(
    `INSERT INTO class_ranges (event_id, class_name, first, last, set_at,
       set_by, seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (event_id, class_name) DO UPDATE
       SET first = $3, last = $4, set_at = $5, set_by = $6, seq = $7`,
    [
      eventId,
      className,
      first,
      last,
      op.createdAt,
      op.id,
      await bumpSeq(tx, eventId),
    ],
  );
  // Bib-assigns later in the batch check against it.
  state.rangeSet({ class_name: className, first, last });
  return applied({ className, first, last });
};

export const applyOperation = async (
  tx: Queryable,
  eventId: string,
  op: Operation,
  state: BatchState,
): Promise<OperationResult> => {
  if (op.type === 'late-entry') return applyLateEntry(op, state);
  if (op.type === 'class-range-set') {
    return applyClassRange(tx, eventId, op, state);
  }
  if (op.type === 'passing') return applyPassing(tx, eventId, op, state);
  if (op.type === 'race-setup-set') return applyRaceSetup(op);

  const row = state.participant(op.participantId);
  if (!row) {
    return rejected('unknown-participant', 'No such participant', {
      participantId: op.participantId,
    });
  }

  switch (op.type) {
    case 'check-in':
    case 'check-in-undo':
      return applyCheckIn(op, row, state);
    case 'bib-assign':
      return applyBibAssign(op, row, state);
    case 'chip-assign':
      return applyChipAssign(tx, eventId, op, row);
    case 'result-status-set':
      // Stored with the operation; the results read it from there.
      return applied({ status: op.payload.status });
    case 'payment': {
      const payment = {
        method: op.payload.method,
        amount: op.payload.amount,
        at: op.createdAt,
        deskId: op.deskId,
      };
      row.payments = [...row.payments, payment];
      // Written with the batch's check-ins in one statement (batchState).
      state.stage(row);
      return applied({ amount: payment.amount });
    }
  }
};
