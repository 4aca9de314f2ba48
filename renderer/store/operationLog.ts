// The desk's operation log: each operation is checked against what the
// desk shows, numbered with the desk's gapless sequence (1, 2, 3…, carried
// on from the highest stored number when the desk opens), stored durably,
// and only then applied in memory. Callers run it inside the write queue,
// so numbers are handed out in the order operations reach the disk.

import { v7 as uuidv7 } from 'uuid';
import { fail, ok, type Result } from '../../shared/contract/result';
import { lateEntryParticipantId } from '../../shared/desk/reduce';
import { validateOperation } from '../../shared/desk/rules';
import type { Operation, OperationDraft } from '../../shared/domain/operation';
import type { DeskDatabase } from '../db/database';
import { applyOperation, type EventModel, ruleContext } from './eventModel';
import { maxSeq } from './readDocs';

export type OperationLog = {
  record(model: EventModel, draft: OperationDraft): Promise<Result<Operation>>;
  /** The last operation this desk recorded in the open event. */
  last(): Operation | null;
  /** Picks this desk's last operation out of an event just opened. */
  opened(ops: readonly Operation[]): void;
};

const errorText = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

export const createOperationLog = async (
  db: DeskDatabase,
  deskId: string,
  clock: () => Date,
): Promise<OperationLog> => {
  let lastSeq = await maxSeq(db, deskId);
  let last: Operation | null = null;

  const record = async (
    model: EventModel,
    draft: OperationDraft,
  ): Promise<Result<Operation>> => {
    if (model.event.id !== draft.eventId) {
      return fail('no-event', 'Open an event first');
    }
    const now = clock();
    const today = now.toISOString().slice(0, 10);
    const valid = validateOperation(draft, ruleContext(model), today);
    if (!valid.ok) return valid;

    const id = uuidv7();
    const participantId =
      draft.type === 'late-entry'
        ? lateEntryParticipantId(id)
        : draft.participantId;
    const op = {
      ...draft,
      id,
      participantId,
      deskId,
      seq: lastSeq + 1,
      createdAt: now.toISOString(),
      operator: '',
    } satisfies Operation;
    try {
      // Resolves once IndexedDB committed with strict durability.
      await db.operations.insert(op);
    } catch (error) {
      // The number was not used, so the sequence keeps no gap.
      return fail('write-failed', errorText(error), { operationId: id });
    }
    lastSeq = op.seq;
    last = op;
    applyOperation(model, op);
    return ok(op);
  };

  return {
    record,
    last: () => last,
    opened(ops) {
      last = null;
      for (const op of ops) {
        if (op.deskId === deskId && (!last || op.seq > last.seq)) last = op;
      }
    },
  };
};
