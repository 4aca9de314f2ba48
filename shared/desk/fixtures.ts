// Test data for the desk: participants and operations with every field
// filled, so tests state only what they are about.

import type { Operation, OperationDraft } from '../domain/operation';
import {
  blankParticipant,
  type Entry,
  type Participant,
} from '../domain/participant';

export const testEventId = 'event-1';

export const makeEntry = (fields: Partial<Entry> = {}): Entry => ({
  registrationId: 'reg-1',
  className: 'K 30-34',
  exercise: '10 km',
  sport: 'Friidrett',
  date: '2025-06-14',
  time: '13:00',
  fee: 35000,
  feeVat: 0,
  status: 'active',
  sourceRow: 2,
  ...fields,
});

export const makeParticipant = (
  fields: Partial<Participant> & { id: string },
): Participant => ({
  ...blankParticipant(fields.id, testEventId),
  firstName: 'Kari',
  lastName: 'Nordmann',
  birthDate: '1990-05-17',
  gender: 'female',
  country: 'Norge',
  countryCode: 'NOR',
  entries: [makeEntry({ registrationId: `reg-${fields.id}` })],
  revision: 1,
  updatedAt: '2025-06-01T12:00:00.000Z',
  ...fields,
});

let counter = 0;

/** An operation as a desk would store it, ids and times in order. */
export const makeOperation = (
  draft: OperationDraft,
  fields: Partial<Pick<Operation, 'id' | 'deskId' | 'seq' | 'createdAt'>> = {},
): Operation => {
  counter += 1;
  const n = String(counter).padStart(6, '0');
  return {
    ...draft,
    id: `0190a000-0000-7000-8000-${n.padStart(12, '0')}`,
    deskId: 'desk-a',
    seq: counter,
    createdAt: new Date(Date.UTC(2025, 5, 14, 9, 0, counter)).toISOString(),
    operator: '',
    ...fields,
  } satisfies Operation;
};
