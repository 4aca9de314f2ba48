import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Operation, OperationDraft } from '../domain/operation';
import { makeOperation, makeParticipant, testEventId } from './fixtures';
import {
  computeState,
  lateEntryParticipantId,
  participantFromLateEntry,
} from './reduce';

const kari = makeParticipant({ id: 'p1', bib: '7' });

const draft = (
  type: 'check-in' | 'check-in-undo',
  participantId = 'p1',
): OperationDraft => ({
  eventId: testEventId,
  participantId,
  type,
  payload: {},
});

const at = (minute: number) =>
  new Date(Date.UTC(2025, 5, 14, 9, minute)).toISOString();

const bibOp = (bib: string, previousBib: string, minute: number) =>
  makeOperation(
    {
      eventId: testEventId,
      participantId: 'p1',
      type: 'bib-assign',
      payload: { bib, previousBib, source: 'range' },
    },
    { createdAt: at(minute) },
  );

describe('computeState', () => {
  it('starts from the registration data', () => {
    const state = computeState(kari, []);
    expect(state).toMatchObject({ checkedIn: false, bib: '7', bibSource: '' });
  });

  it('keeps the first check-in time when a second check-in arrives', () => {
    const first = makeOperation(draft('check-in'), { createdAt: at(1) });
    const second = makeOperation(draft('check-in'), {
      createdAt: at(5),
      deskId: 'desk-b',
    });
    const state = computeState(kari, [second, first]);
    expect(state.checkedIn).toBe(true);
    expect(state.checkedInAt).toBe(at(1));
    expect(state.checkedInDesk).toBe('desk-a');
  });

  it('sets the check-in back on an explicit undo, and forward again', () => {
    const checkIn = makeOperation(draft('check-in'), { createdAt: at(1) });
    const undo = makeOperation(draft('check-in-undo'), { createdAt: at(2) });
    expect(computeState(kari, [checkIn, undo]).checkedIn).toBe(false);
    const again = makeOperation(draft('check-in'), { createdAt: at(3) });
    const state = computeState(kari, [again, undo, checkIn]);
    expect(state.checkedIn).toBe(true);
    expect(state.checkedInAt).toBe(at(3));
  });

  it('ignores operations of other participants', () => {
    const other = makeOperation(draft('check-in', 'p2'));
    expect(computeState(kari, [other]).checkedIn).toBe(false);
  });

  it('changes the bib only when the desk saw the bib it replaces', () => {
    const won = bibOp('12', '7', 1);
    const lost = bibOp('13', '7', 2);
    const state = computeState(kari, [lost, won]);
    expect(state.bib).toBe('12');
    expect(state.bibSource).toBe('range');
    expect(computeState(kari, [won, bibOp('14', '12', 3)]).bib).toBe('14');
  });

  it('appends payments in time order', () => {
    const pay = (amount: number, minute: number) =>
      makeOperation(
        {
          eventId: testEventId,
          participantId: 'p1',
          type: 'payment',
          payload: { method: 'vipps', amount },
        },
        { createdAt: at(minute) },
      );
    const state = computeState(kari, [pay(200, 4), pay(100, 2)]);
    expect(state.payments.map((p) => p.amount)).toEqual([100, 200]);
  });

  it('gives the same state whatever order the operations arrive in', () => {
    const ops: Operation[] = [
      makeOperation(draft('check-in'), { createdAt: at(1) }),
      makeOperation(draft('check-in-undo'), { createdAt: at(2) }),
      bibOp('20', '7', 3),
      makeOperation(draft('check-in'), { createdAt: at(4) }),
      bibOp('21', '7', 5),
      makeOperation(draft('check-in'), { createdAt: at(6) }),
    ];
    const expected = computeState(kari, ops);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(ops, { minLength: ops.length }),
        (arrived) => {
          expect(computeState(kari, arrived)).toEqual(expected);
        },
      ),
    );
    expect(expected).toMatchObject({
      checkedIn: true,
      checkedInAt: at(4),
      bib: '20',
    });
  });
});

describe('participantFromLateEntry', () => {
  it('creates a participant with id late-<operation id> in the class', () => {
    const op = makeOperation({
      eventId: testEventId,
      participantId: '',
      type: 'late-entry',
      payload: {
        entry: {
          firstName: ' Åse ',
          lastName: 'Løvås',
          birthDate: '2001-02-03',
          gender: 'female',
          club: 'Ås IL',
          className: 'K 20-22',
          paymentMethod: 'cash',
          amount: 30000,
        },
      },
    });
    if (op.type !== 'late-entry') throw new Error('not a late entry');
    const person = participantFromLateEntry(op);
    expect(person.id).toBe(lateEntryParticipantId(op.id));
    expect(person.id).toBe(`late-${op.id}`);
    expect(person).toMatchObject({
      eventId: testEventId,
      firstName: 'Åse',
      status: 'active',
    });
    expect(person.entries.map((e) => e.className)).toEqual(['K 20-22']);
    const state = computeState(person, [{ ...op, participantId: person.id }]);
    expect(state.payments).toEqual([
      { method: 'cash', amount: 30000, at: op.createdAt, deskId: 'desk-a' },
    ]);
  });
});
