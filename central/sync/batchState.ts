// What a push batch reads, loaded once per batch instead of once per
// operation: the participants it names and their accepted check-in steps.
// The apply functions keep both current as they write, so a later
// operation in the same batch sees the effect of an earlier one. The event
// lock is held throughout, so nothing else changes them meanwhile.
//
// Check-ins and payments only change the desk state of a row the batch
// holds, so they are staged here and written together by flush, in one
// statement, each row with one new seq (a reconnect's 500 check-ins were
// 500 statements). The push flushes before any other kind of operation,
// whose checks read the table, and before COMMIT.

import type { Operation } from '../../shared/domain/operation';
import type { Queryable } from '../db/db';
import { bumpSeqBy } from './eventSeq';
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
  /** Marks the row's check-in and payments, changed in place, for flush. */
  stage(row: ParticipantRow): void;
  /** Writes the staged rows in one statement, each with a new seq. */
  flush(): Promise<void>;
};

const flushSql = `UPDATE participants p
    SET checked_in = (e->>'checkedIn')::boolean,
        checked_in_at = e->>'checkedInAt',
        checked_in_desk = e->>'checkedInDesk',
        payments = e->'payments',
        seq = $3::int + x.i::int - 1
   FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(e, i)
  WHERE p.event_id = $1 AND p.participant_id = e->>'id'`;

const writeStaged = async (
  tx: Queryable,
  eventId: string,
  rows: readonly ParticipantRow[],
) => {
  if (rows.length === 0) return;
  const first = await bumpSeqBy(tx, eventId, rows.length);
  const changes = rows.map((row) => ({
    id: row.participant_id,
    checkedIn: row.checked_in,
    checkedInAt: row.checked_in_at,
    checkedInDesk: row.checked_in_desk,
    payments: row.payments,
  }));
  await tx.query(flushSql, [eventId, JSON.stringify(changes), first]);
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

  const staged = new Map<string, ParticipantRow>();

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
    stage(row) {
      staged.set(row.participant_id, row);
    },
    async flush() {
      const rows = [...staged.values()];
      staged.clear();
      await writeStaged(tx, eventId, rows);
    },
  };
};
