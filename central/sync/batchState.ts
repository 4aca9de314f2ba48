// What a push batch reads, loaded once per batch instead of once per
// operation: the participants it names and their accepted check-in steps.
// The apply functions keep both current as they write, so a later
// operation in the same batch sees the effect of an earlier one. The event
// lock is held throughout, so nothing else changes them meanwhile.

import type { Operation } from '../../shared/domain/operation';
import type { Queryable } from '../db/db';
import { type ParticipantRow, participantColumns } from './participantRow';

export type CheckInStep = {
  type: string;
  created_at: string;
  desk_id: string;
  operation_id: string;
};

export type BatchState = {
  /** The live participant, or undefined (erased or never there). */
  participant(id: string): Promise<ParticipantRow | undefined>;
  /** Accepted check-in and undo steps of the participant, stored or new. */
  checkInSteps(id: string): Promise<CheckInStep[]>;
};

const stepsQuery = `SELECT participant_id, type, created_at, desk_id,
    operation_id
  FROM operations
 WHERE event_id = $1 AND participant_id = ANY($2::text[])
   AND type IN ('check-in', 'check-in-undo')
   AND result->>'outcome' <> 'rejected'`;

export const loadBatchState = async (
  tx: Queryable,
  eventId: string,
  ops: readonly Operation[],
): Promise<BatchState> => {
  const ids = [...new Set(ops.map((op) => op.participantId))];
  const rows = await tx.query<ParticipantRow>(
    `SELECT ${participantColumns} FROM participants
      WHERE event_id = $1 AND participant_id = ANY($2::text[])
        AND NOT erased`,
    [eventId, ids],
  );
  const participants = new Map(rows.map((row) => [row.participant_id, row]));

  const stepRows = await tx.query<CheckInStep & { participant_id: string }>(
    stepsQuery,
    [eventId, ids],
  );
  const steps = new Map<string, CheckInStep[]>(ids.map((id) => [id, []]));
  for (const row of stepRows) steps.get(row.participant_id)?.push(row);

  return {
    async participant(id) {
      const known = participants.get(id);
      if (known) return known;
      // A participant a late entry created earlier in this batch.
      const [row] = await tx.query<ParticipantRow>(
        `SELECT ${participantColumns} FROM participants
          WHERE event_id = $1 AND participant_id = $2 AND NOT erased`,
        [eventId, id],
      );
      if (row) participants.set(id, row);
      return row;
    },
    async checkInSteps(id) {
      const known = steps.get(id);
      if (known) return known;
      const fresh: CheckInStep[] = [];
      steps.set(id, fresh);
      return fresh;
    },
  };
};
