// Check-in state on the server. The rule (ARCHITECTURE.md, "Field
// ownership"): the state is the fold of the participant's accepted check-in
// and undo operations in (createdAt, id) order, the same order the desk
// uses (shared/desk/reduce.ts). A check-in on a checked-in participant keeps
// the first time; only an undo moves it back. Because the fold is
// recomputed from every stored operation, the outcome does not depend on
// the order in which operations arrive.

import type { Operation } from '../../shared/domain/operation';
import type { OperationResult } from '../../shared/sync/types';
import type { Queryable } from '../db/db';
import { bumpSeq } from './eventSeq';
import { applied, rejected, unchanged } from './operationResult';
import type { ParticipantRow } from './participantRow';

type Step = { type: string; created_at: string; desk_id: string };
type CheckInState = { checkedIn: boolean; at: string; desk: string };

const notCheckedIn: CheckInState = { checkedIn: false, at: '', desk: '' };

export const foldCheckIn = (steps: readonly Step[]): CheckInState =>
  steps.reduce<CheckInState>((state, step) => {
    if (step.type === 'check-in-undo') return notCheckedIn;
    if (state.checkedIn) return state;
    return { checkedIn: true, at: step.created_at, desk: step.desk_id };
  }, notCheckedIn);

type CheckInOperation = Extract<
  Operation,
  { type: 'check-in' | 'check-in-undo' }
>;

export const applyCheckIn = async (
  tx: Queryable,
  eventId: string,
  op: CheckInOperation,
  row: ParticipantRow,
): Promise<OperationResult> => {
  if (op.type === 'check-in' && row.status === 'deregistered') {
    return rejected('deregistered', 'The participant is deregistered', {
      participantId: row.participant_id,
    });
  }

  // The operation itself is stored already (result still NULL), so it is
  // part of the fold; rejected ones are not.
  const steps = await tx.query<Step>(
    `SELECT type, created_at, desk_id FROM operations
      WHERE event_id = $1 AND participant_id = $2
        AND type IN ('check-in', 'check-in-undo')
        AND (result IS NULL OR result->>'outcome' <> 'rejected')
      ORDER BY created_at, operation_id`,
    [eventId, row.participant_id],
  );
  const next = foldCheckIn(steps);
  const data = {
    checkedIn: next.checkedIn,
    checkedInAt: next.at,
    checkedInDesk: next.desk,
  };

  const same =
    next.checkedIn === row.checked_in &&
    next.at === row.checked_in_at &&
    next.desk === row.checked_in_desk;
  if (same) {
    const wanted = op.type === 'check-in';
    if (wanted !== next.checkedIn) {
      return unchanged(
        'superseded',
        'A later operation on this participant decides the check-in',
        data,
      );
    }
    return wanted
      ? unchanged('already-checked-in', 'Already checked in', data)
      : unchanged('not-checked-in', 'Not checked in', data);
  }

  await tx.query(
    `UPDATE participants
        SET checked_in = $3, checked_in_at = $4, checked_in_desk = $5,
            seq = $6
      WHERE event_id = $1 AND participant_id = $2`,
    [
      eventId,
      row.participant_id,
      next.checkedIn,
      next.at,
      next.desk,
      await bumpSeq(tx, eventId),
    ],
  );
  return applied(data);
};
