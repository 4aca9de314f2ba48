// Settling bib conflicts. A conflict is a task for a person (ARCHITECTURE.md,
// "Race numbers across offline desks"): it ends when that person gives the
// holder or the claimant another bib, or when one of them leaves the start
// list (deregistered or erased). The settled record syncs to every desk
// like any other document, with its own seq.

import type { BibConflict } from '../../shared/sync/types';
import type { Queryable } from '../db/db';
import { bumpSeqBy } from './eventSeq';

export type ConflictRow = {
  conflict_id: string;
  bib: string;
  holder_id: string;
  claimant_id: string;
  operation_id: string;
  desk_id: string;
  status: string;
  created_at: string;
  settled_at: string;
  seq: number;
};

export const conflictOf = (row: ConflictRow): BibConflict => ({
  id: row.conflict_id,
  bib: row.bib,
  holderId: row.holder_id,
  claimantId: row.claimant_id,
  operationId: row.operation_id,
  deskId: row.desk_id,
  createdAt: row.created_at,
  ...(row.status === 'settled'
    ? { status: 'settled', settledAt: row.settled_at }
    : { status: 'open' }),
});

/**
 * Marks settled every open conflict a participant is holder or claimant
 * in; call it in the writing transaction, after the participant's bib or
 * status changed. Returns how many were settled.
 */
export const settleConflictsOf = async (
  tx: Queryable,
  eventId: string,
  participantId: string,
): Promise<number> => {
  const open = await tx.query<{ conflict_id: string }>(
    `SELECT conflict_id FROM bib_conflicts
      WHERE event_id = $1 AND status = 'open'
        AND (holder_id = $2 OR claimant_id = $2)
      ORDER BY conflict_id`,
    [eventId, participantId],
  );
  if (open.length === 0) return 0;
  await markSettled(
    tx,
    eventId,
    open.map((row) => row.conflict_id),
    new Date().toISOString(),
  );
  return open.length;
};

/**
 * Marks the stored conflicts settled, in one statement, each with a new
 * seq (in the order given) so that every desk pulls the change.
 */
export const markSettled = async (
  tx: Queryable,
  eventId: string,
  conflictIds: readonly string[],
  settledAt: string,
): Promise<void> => {
  if (conflictIds.length === 0) return;
  const first = await bumpSeqBy(tx, eventId, conflictIds.length);
  await tx.query(
    `UPDATE bib_conflicts AS c
        SET status = 'settled', settled_at = $3, seq = $4::int + x.i::int - 1
       FROM unnest($2::text[]) WITH ORDINALITY AS x(id, i)
      WHERE c.event_id = $1 AND c.conflict_id = x.id`,
    [eventId, conflictIds, settledAt, first],
  );
};
