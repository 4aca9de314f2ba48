// A late entry taken at a desk becomes a participant of the event, with the
// id the desk gave it (`late-<operation id>`, shared/desk/reduce.ts), so the
// desk's own copy and the server's are the same participant.

import { participantFromLateEntry } from '../../shared/desk/reduce';
import { validateLateEntry } from '../../shared/desk/rules';
import type { DeskPayment } from '../../shared/desk/state';
import type { Operation } from '../../shared/domain/operation';
import type { OperationResult } from '../../shared/sync/types';
import type { Queryable } from '../db/db';
import type { BatchState } from './batchState';
import { applied, rejected } from './operationResult';

type LateEntryOperation = Extract<Operation, { type: 'late-entry' }>;

/**
 * The classes of the event's participants, which a late entry must name.
 * It reads every participant's entries, so a push reads it once per batch
 * (batchState.ts): a late entry only adds a class already in the set.
 */
export const eventClassNames = async (
  tx: Queryable,
  eventId: string,
): Promise<Set<string>> => {
  const rows = await tx.query<{ class_name: string }>(
    `SELECT DISTINCT entry->>'className' AS class_name
       FROM participants, jsonb_array_elements(doc->'entries') AS entry
      WHERE event_id = $1 AND NOT erased`,
    [eventId],
  );
  return new Set(rows.map((row) => row.class_name));
};

/** The new participant is inserted at the batch's end (batchWrites.ts). */
export const applyLateEntry = (
  op: LateEntryOperation,
  state: BatchState,
): OperationResult => {
  const today = new Date().toISOString().slice(0, 10);
  const valid = validateLateEntry(op.payload.entry, state.classNames(), today);
  if (!valid.ok) {
    return rejected(valid.error.code, valid.error.message, valid.error.data);
  }

  const participant = participantFromLateEntry(op);
  // Erased participants keep their row, so their id stays taken.
  if (state.idTaken(participant.id)) {
    return rejected('participant-exists', 'The participant exists already', {
      participantId: participant.id,
    });
  }
  const { entry } = op.payload;
  const payments: DeskPayment[] =
    entry.amount > 0
      ? [
          {
            method: entry.paymentMethod,
            amount: entry.amount,
            at: op.createdAt,
            deskId: op.deskId,
          },
        ]
      : [];
  state.addParticipant(participant, payments);
  return applied({ participantId: participant.id });
};
