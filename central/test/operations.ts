// Test data: operations as a desk writes them, numbered per desk with no
// gaps and ids from UUIDv7.

import { v7 as uuidv7 } from 'uuid';

import type {
  Operation,
  OperationPayloads,
  OperationType,
} from '../../shared/domain/operation';
import type { Desk } from './client';

export type OperationFactory = <T extends OperationType>(
  type: T,
  participantId: string,
  payload: OperationPayloads[T],
  createdAt?: string,
) => Operation;

/** Makes the desk's next operations: seq 1, 2, 3, … */
export const operationsOf = (desk: Desk, firstSeq = 1): OperationFactory => {
  let seq = firstSeq;
  return (type, participantId, payload, createdAt) => {
    const op = {
      id: uuidv7(),
      eventId: desk.eventId,
      deskId: desk.deskId,
      seq: seq++,
      createdAt: createdAt ?? new Date().toISOString(),
      operator: '',
      participantId,
      type,
      payload,
    };
    return op as Operation;
  };
};
