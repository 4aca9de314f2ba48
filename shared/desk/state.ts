// What the desk shows for a participant: the registration data with the
// effect of operations on top. computeState lives in reduce.ts.

import type { BibSource } from '../domain/operation';
import type { Participant, PaymentMethod } from '../domain/participant';

export type DeskPayment = {
  method: PaymentMethod;
  /** Øre. */
  amount: number;
  at: string;
  deskId: string;
};

export type ParticipantState = {
  checkedIn: boolean;
  /** ISO time of the check-in that counts, or ''. */
  checkedInAt: string;
  checkedInDesk: string;
  bib: string;
  /** '' when the bib came with the registration data. */
  bibSource: BibSource | '';
  chip: string;
  /** A rented chip: collect it back after the race. */
  chipRental: boolean;
  payments: DeskPayment[];
};

export type ParticipantView = {
  participant: Participant;
  state: ParticipantState;
  /** Created at a desk on event day, not in the registration data. */
  lateEntry: boolean;
};

export type ClassSummary = {
  className: string;
  /** Active (not deregistered) participants with an entry in the class. */
  total: number;
  checkedIn: number;
  deregistered: number;
  range: { first: number; last: number } | null;
};
