// Check-in state on the server. The rule (ARCHITECTURE.md, "Field
// ownership"): the state is the fold of the participant's accepted check-in
// and undo operations in (createdAt, id) order, the same order the desk
// uses (shared/desk/reduce.ts). A check-in on a checked-in participant keeps
// the first time; only an undo moves it back. Because the fold is
// recomputed from every stored operation, the outcome does not depend on
// the order in which operations arrive.

import type { Operation } from '../../shared/domain/operation';
import type { OperationResult } from '../../shared/sync/types';
import type { BatchState, CheckInStep } from './batchState';
import { applied, rejected, unchanged } from './operationResult';
import type { BatchRow } from './participantRow';

type Step = CheckInStep;
type CheckInState = { checkedIn: boolean; at: string; desk: string };

const notCheckedIn: CheckInState = { checkedIn: false, at: '', desk: '' };

const byTimeThenId = (a: Step, b: Step) => {
  if (a.created_at !== b.created_at) {
    return a.created_at < b.created_at ? -1 : 1;
  }
  if (a.operation_id === b.operation_id) return 0;
  return a.operation_id < b.operation_id ? -1 : 1;
};

export const foldCheckIn = (
  steps: readonly Pick<Step, 'type' | 'created_at' | 'desk_id'>[],
): CheckInState =>
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
  op: CheckInOperation,
  row: BatchRow,
  state: BatchState,
): Promise<OperationResult> => {
  if (op.type === 'check-in' && row.status === 'deregistered') {
    return rejected('deregistered', 'The participant is deregistered', {
      participantId: row.participant_id,
    });
  }

  // The accepted steps so far and this one, in (createdAt, id) order.
  const accepted = state.checkInSteps(row.participant_id);
  accepted.push({
    type: op.type,
    created_at: op.createdAt,
    desk_id: op.deskId,
    operation_id: op.id,
  });
  const steps = [...accepted].sort(byTimeThenId);
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

  row.checked_in = next.checkedIn;
  row.checked_in_at = next.at;
  row.checked_in_desk = next.desk;
  // Written with the batch's other check-ins in one statement (batchState).
  state.stage(row);
  return applied(data);
};
