// A bib changes only by compare-and-swap on the bib the desk saw. A bib a
// live participant already holds is never taken from them: the claim is
// committed as a bib conflict for a person to settle (ARCHITECTURE.md,
// "Race numbers across offline desks"), never thrown, or the desk would
// retry it forever.

import { v7 as uuidv7 } from 'uuid';

import { isBib } from '../../shared/desk/rules';
import type { Operation } from '../../shared/domain/operation';
import type { OperationResult } from '../../shared/sync/types';
import type { Queryable } from '../db/db';
import { settleConflictsOf } from './conflicts';
import { bumpSeq, withNextSeq } from './eventSeq';
import { applied, conflict, rejected, unchanged } from './operationResult';
import type { ParticipantRow } from './participantRow';

type BibOperation = Extract<Operation, { type: 'bib-assign' }>;
type Range = { class_name: string; first: number; last: number };

const activeClasses = (row: ParticipantRow): string[] => [
  ...new Set(
    row.doc.entries
      .filter((entry) => entry.status === 'active')
      .map((entry) => entry.className),
  ),
];

/** The ranges of the participant's classes, when the bib is in none. */
const outsideRanges = async (
  tx: Queryable,
  eventId: string,
  row: ParticipantRow,
  bib: number,
): Promise<Range[]> => {
  const ranges = await tx.query<Range>(
    `SELECT class_name, first, last FROM class_ranges
      WHERE event_id = $1 AND class_name = ANY($2::text[])`,
    [eventId, activeClasses(row)],
  );
  const inside = ranges.some((r) => bib >= r.first && bib <= r.last);
  return ranges.length === 0 || inside ? [] : ranges;
};

const holderOf = async (
  tx: Queryable,
  eventId: string,
  bib: string,
  claimantId: string,
): Promise<string | undefined> => {
  const rows = await tx.query<{ participant_id: string }>(
    `SELECT participant_id FROM participants
      WHERE event_id = $1 AND bib = $2 AND status = 'active' AND NOT erased
        AND participant_id <> $3`,
    [eventId, bib, claimantId],
  );
  return rows[0]?.participant_id;
};

const recordConflict = async (
  tx: Queryable,
  eventId: string,
  op: BibOperation,
  holderId: string,
): Promise<OperationResult> => {
  const conflictId = uuidv7();
  const bib = op.payload.bib;
  await tx.query(
    `INSERT INTO bib_conflicts (event_id, conflict_id, bib, holder_id,
       claimant_id, operation_id, desk_id, created_at, seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      eventId,
      conflictId,
      bib,
      holderId,
      op.participantId,
      op.id,
      op.deskId,
      new Date().toISOString(),
      await bumpSeq(tx, eventId),
    ],
  );
  return conflict('bib-taken', `Bib ${bib} is held by another participant`, {
    conflictId,
    bib,
    holderId,
  });
};

export const applyBibAssign = async (
  tx: Queryable,
  eventId: string,
  op: BibOperation,
  row: ParticipantRow,
): Promise<OperationResult> => {
  const { bib, previousBib, source } = op.payload;
  if (bib !== '' && !isBib(bib)) {
    return rejected('bad-bib', `A bib is a positive whole number: "${bib}"`, {
      bib,
    });
  }
  if (bib !== '' && row.status === 'deregistered') {
    return rejected('deregistered', 'The participant is deregistered', {
      participantId: row.participant_id,
    });
  }
  if (row.bib === bib) return unchanged('same-bib', 'The bib is already set');
  if (row.bib !== previousBib) {
    return rejected('bib-changed', 'The bib changed since the desk saw it', {
      bib: row.bib,
      previousBib,
    });
  }

  if (bib !== '') {
    const ranges = await outsideRanges(tx, eventId, row, Number(bib));
    if (ranges.length > 0) {
      return rejected(
        'bib-outside-range',
        `Bib ${bib} is outside the class range`,
        {
          bib,
          ranges: ranges.map((r) => ({
            className: r.class_name,
            first: r.first,
            last: r.last,
          })),
        },
      );
    }
    const holderId = await holderOf(tx, eventId, bib, row.participant_id);
    if (holderId) return recordConflict(tx, eventId, op, holderId);
  }

  await tx.query(
    withNextSeq(`UPDATE participants
        SET bib = $3, bib_source = $4, seq = (SELECT seq FROM next_seq)
      WHERE event_id = $1 AND participant_id = $2`),
    [eventId, row.participant_id, bib, bib === '' ? '' : source],
  );
  row.bib = bib;
  row.bib_source = bib === '' ? '' : source;
  // Another bib for the holder or the claimant is how a person settles.
  await settleConflictsOf(tx, eventId, row.participant_id);
  return applied({ bib });
};
