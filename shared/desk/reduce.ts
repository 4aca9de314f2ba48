// The effective state of a participant: the registration data with the
// desk operations on top (ARCHITECTURE.md, "Field ownership"). Operations
// are applied in (createdAt, id) order, so every desk that holds the same
// operations shows the same state, whatever order they arrived in.

import type { LateEntry, Operation } from '../domain/operation';
import { blankParticipant, type Participant } from '../domain/participant';
import type { ParticipantState, ParticipantView } from './state';

/** Oldest first; UUIDv7 ids break ties in creation order. */
export const compareOperations = (a: Operation, b: Operation) => {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
};

const initialState = (participant: Participant): ParticipantState => ({
  checkedIn: false,
  checkedInAt: '',
  checkedInDesk: '',
  bib: participant.bib,
  bibSource: '',
  chip: participant.chip,
  chipRental: false,
  payments: [],
});

const apply = (state: ParticipantState, op: Operation): ParticipantState => {
  switch (op.type) {
    case 'check-in':
      // Moves forward only: a second check-in keeps the first time.
      return state.checkedIn
        ? state
        : {
            ...state,
            checkedIn: true,
            checkedInAt: op.createdAt,
            checkedInDesk: op.deskId,
          };
    case 'check-in-undo':
      return { ...state, checkedIn: false, checkedInAt: '', checkedInDesk: '' };
    case 'bib-assign':
      // Compare-and-swap: a desk that saw another bib lost the race.
      return state.bib === op.payload.previousBib
        ? {
            ...state,
            bib: op.payload.bib,
            bibSource: op.payload.bib === '' ? '' : op.payload.source,
          }
        : state;
    case 'payment':
      return {
        ...state,
        payments: [
          ...state.payments,
          {
            method: op.payload.method,
            amount: op.payload.amount,
            at: op.createdAt,
            deskId: op.deskId,
          },
        ],
      };
    case 'late-entry':
      return op.payload.entry.amount > 0
        ? {
            ...state,
            payments: [
              ...state.payments,
              {
                method: op.payload.entry.paymentMethod,
                amount: op.payload.entry.amount,
                at: op.createdAt,
                deskId: op.deskId,
              },
            ],
          }
        : state;
    case 'chip-assign':
      // Compare-and-swap, as for bibs.
      return state.chip === op.payload.previousChip
        ? {
            ...state,
            chip: op.payload.chip,
            chipRental: op.payload.chip !== '' && op.payload.rental,
          }
        : state;
    case 'class-range-set':
    case 'passing':
    case 'race-setup-set':
    case 'result-status-set':
      // Event-wide or results-only: the results computation reads them.
      return state;
  }
};

/**
 * The participant's state after its operations, in any arrival order.
 * `base`, when given, is the state to start from instead of the
 * registration data's: the state a central service holds, with this
 * desk's pending operations on top.
 */
export const computeState = (
  participant: Participant,
  ops: readonly Operation[],
  base?: ParticipantState,
): ParticipantState => {
  const start = base ?? initialState(participant);
  // Most participants have no operations yet; an event of 50,000 opens
  // without building three arrays for each of them.
  if (ops.length === 0) return start;
  return ops
    .filter((op) => op.participantId === participant.id)
    .sort(compareOperations)
    .reduce(apply, start);
};

export const lateEntryParticipantId = (operationId: string) =>
  `late-${operationId}`;

const registrationOf = (entry: LateEntry, registrationId: string) => ({
  registrationId,
  type: 'self' as const,
  statusText: '',
  status: 'active' as const,
  registrarName: '',
  registrarEmail: '',
  registrarBuypassId: '',
  registrarPersonId: '',
  transactionId: '',
  paymentMethod: entry.paymentMethod,
  amountPaid: entry.amount,
  amountPaidVat: 0,
  paid: entry.amount > 0,
  payments: [],
  registeredAt: '',
  deregisteredAt: '',
});

/** The participant a late-entry operation creates, id `late-<op id>`. */
export const participantFromLateEntry = (
  op: Extract<Operation, { type: 'late-entry' }>,
): Participant => {
  const { entry } = op.payload;
  const id = lateEntryParticipantId(op.id);
  const registration = registrationOf(entry, id);
  return {
    ...blankParticipant(id, op.eventId),
    firstName: entry.firstName.trim(),
    lastName: entry.lastName.trim(),
    birthDate: entry.birthDate,
    gender: entry.gender,
    club: entry.club.trim(),
    registrations: [{ ...registration, registeredAt: op.createdAt }],
    entries: [
      {
        registrationId: id,
        className: entry.className,
        exercise: '',
        sport: '',
        date: '',
        time: '',
        fee: entry.amount,
        feeVat: 0,
        status: 'active',
        sourceRow: 0,
      },
    ],
    updatedAt: op.createdAt,
  };
};

/** A participant as the desk shows it. */
export const viewOf = (
  participant: Participant,
  ops: readonly Operation[],
  lateEntry = participant.id.startsWith('late-'),
): ParticipantView => ({
  participant,
  state: computeState(participant, ops),
  lateEntry,
});
