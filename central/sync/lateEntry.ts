// A late entry taken at a desk becomes a participant of the event, with the
// id the desk gave it (`late-<operation id>`, shared/desk/reduce.ts), so the
// desk's own copy and the server's are the same participant.

import { participantFromLateEntry } from '../../shared/desk/reduce';
import { validateLateEntry } from '../../shared/desk/rules';
import type { DeskPayment } from '../../shared/desk/state';
import type { Operation } from '../../shared/domain/operation';
import type { OperationResult } from '../../shared/sync/types';
import type { Queryable } from '../db/db';
import { bumpSeq } from './eventSeq';
import { applied, rejected } from './operationResult';

type LateEntryOperation = Extract<Operation, { type: 'late-entry' }>;

const classNamesOf = async (
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

export const applyLateEntry = async (
  tx: Queryable,
  eventId: string,
  op: LateEntryOperation,
): Promise<OperationResult> => {
  const today = new Date().toISOString().slice(0, 10);
  const valid = validateLateEntry(
    op.payload.entry,
    await classNamesOf(tx, eventId),
    today,
  );
  if (!valid.ok) {
    return rejected(valid.error.code, valid.error.message, valid.error.data);
  }

  const participant = participantFromLateEntry(op);
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
  const inserted = await tx.query(
    `INSERT INTO participants (event_id, participant_id, doc, status,
       late_entry, payments, seq)
     VALUES ($1, $2, $3::jsonb, 'active', true, $4::jsonb, $5)
     ON CONFLICT (event_id, participant_id) DO NOTHING
     RETURNING participant_id`,
    [
      eventId,
      participant.id,
      JSON.stringify(participant),
      JSON.stringify(payments),
      await bumpSeq(tx, eventId),
    ],
  );
  if (inserted.length === 0) {
    return rejected('participant-exists', 'The participant exists already', {
      participantId: participant.id,
    });
  }
  return applied({ participantId: participant.id });
};
