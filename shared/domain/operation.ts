// Every change a desk makes is an immutable operation (ARCHITECTURE.md,
// "Sync: operations up, server state down"). A desk numbers its operations
// with a gapless sequence so that the central service can see a gap.

import type { Gender, PaymentMethod } from './participant';

export type LateEntry = {
  firstName: string;
  lastName: string;
  /** yyyy-mm-dd. */
  birthDate: string;
  gender: Gender;
  club: string;
  className: string;
  paymentMethod: PaymentMethod;
  /** Øre. */
  amount: number;
};

/** Where a bib came from: the desk's lease or class range, or typed. */
export type BibSource = 'range' | 'lease' | 'typed';

export type OperationPayloads = {
  'check-in': Record<string, never>;
  'check-in-undo': Record<string, never>;
  /** Compare-and-swap: the bib the desk saw, and the new one ('' clears). */
  'bib-assign': { bib: string; previousBib: string; source: BibSource };
  'late-entry': { entry: LateEntry };
  payment: { method: PaymentMethod; amount: number };
  /** A class's bib range; participantId is '' for this one. */
  'class-range-set': { className: string; first: number; last: number };
};

export type OperationType = keyof OperationPayloads;

type OperationOf<T extends OperationType> = {
  /** UUIDv7. */
  id: string;
  eventId: string;
  deskId: string;
  /** 1, 2, 3, … per desk, with no gaps. */
  seq: number;
  /** The desk's clock when the operator acted (ISO). */
  createdAt: string;
  /** Name of the signed-in operator, or ''. */
  operator: string;
  participantId: string;
  type: T;
  payload: OperationPayloads[T];
};

export type Operation = {
  [T in OperationType]: OperationOf<T>;
}[OperationType];

export type OperationDraft = {
  [T in OperationType]: Pick<
    OperationOf<T>,
    'eventId' | 'participantId' | 'type' | 'payload'
  >;
}[OperationType];
