// A bib changes only by compare-and-swap on the bib the desk saw. A bib a
// live participant already holds is never taken from them: the claim is
// committed as a bib conflict for a person to settle (ARCHITECTURE.md,
// "Race numbers across offline desks"), never thrown, or the desk would
// retry it forever.

import { isBib } from '../../shared/desk/rules';
import type { Operation } from '../../shared/domain/operation';
import type { OperationResult } from '../../shared/sync/types';
import type { BatchState, Range } from './batchState';
import { applied, conflict, rejected, unchanged } from './operationResult';
import type { BatchRow } from './participantRow';

type BibOperation = Extract<Operation, { type: 'bib-assign' }>;

const activeClasses = (row: BatchRow): string[] => [
  ...new Set(
    row.entries
      .filter((entry) => entry.status === 'active')
      .map((entry) => entry.className),
  ),
];

/** The ranges of the participant's classes, when the bib is in none. */
const outsideRanges = (
  state: BatchState,
  row: BatchRow,
  bib: number,
): Range[] => {
  const ranges = state.rangesOf(activeClasses(row));
  const inside = ranges.some((r) => bib >= r.first && bib <= r.last);
  return ranges.length === 0 || inside ? [] : ranges;
};

/** The claim, kept as an open conflict for a person to settle. */
const recordConflict = (
  state: BatchState,
  op: BibOperation,
  holderId: string,
): OperationResult => {
  const bib = op.payload.bib;
  const conflictId = state.recordConflict({
    bib,
    holder_id: holderId,
    claimant_id: op.participantId,
    operation_id: op.id,
    desk_id: op.deskId,
  });
  return conflict('bib-taken', `Bib ${bib} is held by another participant`, {
    conflictId,
    bib,
    holderId,
  });
};

/**
 * Decides the assign from the batch's state (batchState.ts), which holds
 * the event's ranges and the live holders of the batch's bibs as earlier
 * operations of the batch left them; the row is written at the batch's end.
 */
export const applyBibAssign = (
  op: BibOperation,
  row: BatchRow,
  state: BatchState,
): OperationResult => {
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
    const ranges = outsideRanges(state, row, Number(bib));
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
    const holderId = state.bibHolder(bib, row.participant_id);
    if (holderId) return recordConflict(state, op, holderId);
  }

  state.setBib(row, bib, bib === '' ? '' : source);
  // Another bib for the holder or the claimant is how a person settles.
  state.settleConflictsOf(row.participant_id);
  return applied({ bib });
};
