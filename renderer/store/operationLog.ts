// The desk's operation log: each operation is checked against what the
// desk shows, numbered with the desk's gapless sequence in the event (1, 2,
// 3…, carried on from the highest number the desk stored in the event when
// it opens: the central service counts per desk and event), stored
// durably, and only then applied in memory. Callers run it inside the
// write queue, so numbers are handed out in the order operations reach
// the disk. Desks before this counted across events; their events carry
// on from their highest number, so old data keeps working.

import { v7 as uuidv7 } from 'uuid';
import { fail, ok, type Result } from '../../shared/contract/result';
import { lateEntryParticipantId } from '../../shared/desk/reduce';
import { validateOperation } from '../../shared/desk/rules';
import type { Operation, OperationDraft } from '../../shared/domain/operation';
import type { DeskDatabase } from '../db/database';
import { applyOperation, type EventModel, ruleContext } from './eventModel';

export type OperationLog = {
  record(model: EventModel, draft: OperationDraft): Promise<Result<Operation>>;
  /** The last operation this desk recorded in the open event. */
  last(): Operation | null;
  /**
   * Picks this desk's last operation and highest seq out of an event just
   * opened; every operation recorded later is numbered after it.
   */
  opened(ops: readonly Operation[]): void;
};

const errorText = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

export const createOperationLog = async (
  db: DeskDatabase,
  deskId: string,
  clock: () => Date,
  /** The signed-in operator's name, written on every operation. */
  operator: () => string = () => '',
): Promise<OperationLog> => {
  let lastSeq = 0;
  let last: Operation | null = null;

  /**
   * Straight to the storage instance: an insert through the collection also
   * builds an RxDocument and runs hooks the desk does not use. Resolves once
   * IndexedDB committed the transaction with strict durability.
   */
  const store = async (op: Operation): Promise<Result<Operation>> => {
    try {
      const result = await db.operations.storageInstance.bulkWrite(
        [
          {
            // _rev and _meta are stamped by RxDB's storage wrapper.
            document: {
              ...op,
              _deleted: false,
              _attachments: {},
              _meta: { lwt: 1 },
              _rev: '',
            },
          },
        ],
        'desk-operation',
      );
      const refused = result.error[0];
      return refused
        ? fail('write-failed', `Operation refused (${refused.status})`, {
            operationId: op.id,
          })
        : ok(op);
    } catch (error) {
      return fail('write-failed', errorText(error), { operationId: op.id });
    }
  };

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
      operator: operator(),
    } satisfies Operation;
    const stored = await store(op);
    // A refused write did not use the number, so the sequence keeps no gap.
    if (!stored.ok) return stored;
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
      lastSeq = last?.seq ?? 0;
    },
  };
};
