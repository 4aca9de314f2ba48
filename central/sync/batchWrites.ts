// The statements a push batch ends with (batchState.ts): each participant
// row the batch changed is written once, its late entries inserted, its
// bib conflicts recorded and settled, each kind in one statement with one
// new seq per document. So the row trigger that keeps a participant's
// pull text (migration 0004) runs once per participant per batch, not
// once per operation, and a 500-operation batch is a handful of round
// trips instead of a thousand.

import type { Participant } from '../../shared/domain/participant';
import type { Queryable } from '../db/db';
import { type ConflictRow, markSettled } from './conflicts';
import { bumpSeqBy } from './eventSeq';
import { type BatchRow, stateOf } from './participantRow';

/** A bib conflict recorded in this batch, open or settled already. */
export type ConflictRecord = Omit<ConflictRow, 'seq'>;

export type BatchWrites = {
  /** Stored rows whose desk state changed, with the bib the table holds. */
  changed: { row: BatchRow; storedBib: string }[];
  /** Participants the batch's late entries made. */
  inserted: { row: BatchRow; doc: Participant }[];
  conflicts: ConflictRecord[];
  /** Stored open conflicts the batch settled, at the batch's end. */
  settled: string[];
};

const updateSql = `UPDATE participants p
    SET checked_in = (e->>'checkedIn')::boolean,
        checked_in_at = e->>'checkedInAt',
        checked_in_desk = e->>'checkedInDesk',
        bib = e->>'bib',
        bib_source = e->>'bibSource',
        chip = e->>'chip',
        chip_rental = (e->>'chipRental')::boolean,
        payments = e->'payments',
        seq = $3::int + x.i::int - 1
   FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(e, i)
  WHERE p.event_id = $1 AND p.participant_id = e->>'id'`;

const insertSql = `INSERT INTO participants (event_id, participant_id, doc,
    status, late_entry, checked_in, checked_in_at, checked_in_desk, bib,
    bib_source, chip, chip_rental, payments, seq)
  SELECT $1, e->>'id', e->'doc', e->>'status', true,
         (e->>'checkedIn')::boolean, e->>'checkedInAt', e->>'checkedInDesk',
         e->>'bib', e->>'bibSource', e->>'chip', (e->>'chipRental')::boolean,
         e->'payments', $3::int + x.i::int - 1
    FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(e, i)`;

const conflictsSql = `INSERT INTO bib_conflicts (event_id, conflict_id, bib,
    holder_id, claimant_id, operation_id, desk_id, status, created_at,
    settled_at, seq)
  SELECT $1, e->>'conflict_id', e->>'bib', e->>'holder_id',
         e->>'claimant_id', e->>'operation_id', e->>'desk_id', e->>'status',
         e->>'created_at', e->>'settled_at', $3::int + x.i::int - 1
    FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(e, i)`;

/** One statement over rows given as a JSON array, one new seq per row. */
const writeEach = async (
  tx: Queryable,
  eventId: string,
  sql: string,
  rows: readonly unknown[],
) => {
  if (rows.length === 0) return;
  const first = await bumpSeqBy(tx, eventId, rows.length);
  await tx.query(sql, [eventId, JSON.stringify(rows), first]);
};

const rowJson = (row: BatchRow) => ({
  id: row.participant_id,
  ...stateOf(row),
});

/**
 * Rows that give up a stored bib another changed row takes. The unique
 * index on live bibs is checked row by row as one UPDATE goes, in an order
 * of its own, so a bib passed on within the batch must be let go first.
 */
const passedOn = (changed: BatchWrites['changed']): string[] => {
  const taken = new Set(
    changed
      .filter(({ row, storedBib }) => row.bib !== '' && row.bib !== storedBib)
      .map(({ row }) => row.bib),
  );
  return changed
    .filter(
      ({ row, storedBib }) =>
        storedBib !== '' && storedBib !== row.bib && taken.has(storedBib),
    )
    .map(({ row }) => row.participant_id);
};

const releaseBibs = async (tx: Queryable, eventId: string, ids: string[]) => {
  if (ids.length === 0) return;
  await tx.query(
    `UPDATE participants SET bib = ''
      WHERE event_id = $1 AND participant_id = ANY($2::text[])`,
    [eventId, ids],
  );
};

export const writeBatch = async (
  tx: Queryable,
  eventId: string,
  writes: BatchWrites,
): Promise<void> => {
  await releaseBibs(tx, eventId, passedOn(writes.changed));
  await writeEach(
    tx,
    eventId,
    updateSql,
    writes.changed.map(({ row }) => rowJson(row)),
  );
  // After the updates, so a bib a stored row gave up is free for them.
  await writeEach(
    tx,
    eventId,
    insertSql,
    writes.inserted.map(({ row, doc }) => ({
      ...rowJson(row),
      doc,
      status: row.status,
    })),
  );
  await writeEach(tx, eventId, conflictsSql, writes.conflicts);
  await markSettled(
    tx,
    eventId,
    [...writes.settled].sort(),
    new Date().toISOString(),
  );
};
