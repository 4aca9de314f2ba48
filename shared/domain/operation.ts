// Every change a desk makes is an immutable operation (ARCHITECTURE.md,
// "Sync: operations up, server state down"). A desk numbers its operations
// with a gapless sequence so that the central service can see a gap.

import type { ClassSetup, ManualStatus } from '../results/types';
import type { Passing } from '../timing/passing';
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

/** A passing as the device's journal handed it to the desk. */
export type PassingPayload = {
  /** The configured device (the journal keys passings by it). */
  device: string;
  /** Starts at 1; a device counter going backwards starts the next. */
  session: number;
  /** The journal's natural key: the same passing always has the same. */
  key: string;
  /**
   * Live from the line, fetched back from the device's memory, or a punch
   * read from a card (chip, station = control code; shared/timing/readout.ts).
   */
  source: 'live' | 'memory' | 'readout';
  passing: Passing;
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
  /**
   * Compare-and-swap like bibs: the chip the desk saw, and the new one ('' clears).
   * A rental chip must be collected back after the race.
   */
  'chip-assign': { chip: string; previousChip: string; rental: boolean };
  /** A passing read from a timing device; participantId is ''. */
  passing: PassingPayload;
  /**
   * How a class is timed (shared/results): what differs from the defaults.
   * The latest one per class counts; className '' sets the defaults.
   * participantId is ''.
   */
  'race-setup-set': { className: string; setup: Partial<ClassSetup> };
  /**
   * The jury's or timing crew's word on a participant's result in a class
   * ('' for every class of the person); status '' lifts an earlier one.
   */
  'result-status-set': {
    className: string;
    status: ManualStatus | '';
    reason: string;
  };
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
