// Timing operations that change no participant row: passings, race setup
// and result statuses. The push stores every operation with its result, so
// storing them is all there is; these check them and find repeats.

import type { Operation } from '../../shared/domain/operation';
import { parseRaceSetup } from '../../shared/results/setup';
import type { OperationResult } from '../../shared/sync/types';
import type { Queryable } from '../db/db';
import type { BatchState } from './batchState';
import { applied, rejected, unchanged } from './operationResult';

type PassingOperation = Extract<Operation, { type: 'passing' }>;
type SetupOperation = Extract<Operation, { type: 'race-setup-set' }>;

/**
 * Keys of passings applied earlier in the same push: the batch's new
 * operations are stored only at its end, so the table does not know them.
 */
const batchKeys = new WeakMap<BatchState, Set<string>>();

/**
 * A passing is stored once per natural key (device, chip or bib, station,
 * time, device counter); the same passing pushed again, by another desk
 * or from a device journal replayed after a crash, is 'unchanged'.
 */
export const applyPassing = async (
  tx: Queryable,
  eventId: string,
  op: PassingOperation,
  state: BatchState,
): Promise<OperationResult> => {
  const { key } = op.payload;
  if (op.participantId !== '') {
    return rejected('bad-passing', 'A passing belongs to no participant', {
      participantId: op.participantId,
    });
  }
  const seen = batchKeys.get(state) ?? new Set<string>();
  batchKeys.set(state, seen);
  const stored = seen.has(key)
    ? [{ operation_id: '' }]
    : await tx.query<{ operation_id: string }>(
        `SELECT operation_id FROM operations
          WHERE event_id = $1 AND type = 'passing'
            AND body -> 'payload' ->> 'key' = $2
            AND result ->> 'outcome' = 'applied'
          LIMIT 1`,
        [eventId, key],
      );
  if (stored.length > 0) {
    return unchanged('duplicate-passing', 'This passing is stored already', {
      key,
    });
  }
  seen.add(key);
  return applied({ key });
};

export const applyRaceSetup = (op: SetupOperation): OperationResult => {
  const { className, setup } = op.payload;
  const read = parseRaceSetup(
    className === ''
      ? { defaults: setup }
      : { classes: { [className]: setup } },
  );
  return read.ok
    ? applied({ className })
    : rejected(read.error.code, read.error.message, { className });
};
