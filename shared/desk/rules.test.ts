import { describe, expect, it } from 'vitest';
import type { LateEntry, OperationDraft } from '../domain/operation';
import type { Participant } from '../domain/participant';
import { makeParticipant, testEventId } from './fixtures';
import { computeState } from './reduce';
import { type RuleContext, validateOperation } from './rules';
import type { ParticipantView } from './state';

const today = '2025-06-14';

const viewOf = (
  fields: Partial<Participant> & { id: string },
  checkedIn = false,
): ParticipantView => {
  const participant = makeParticipant(fields);
  return {
    participant,
    state: { ...computeState(participant, []), checkedIn },
    lateEntry: false,
  };
};

const people = [
  viewOf({ id: 'p1', firstName: 'Kari', lastName: 'Nordmann' }),
  viewOf({
    id: 'p2',
    firstName: 'Ola',
    lastName: 'Dunk',
    status: 'deregistered',
  }),
  viewOf({ id: 'p3', firstName: 'Per', lastName: 'Hansen', bib: '12' }, true),
  viewOf({
    id: 'p4',
    firstName: 'Åse',
    lastName: 'Berg',
    bib: '13',
    status: 'deregistered',
  }),
];

const context: RuleContext = {
  view: (id) => people.find((v) => v.participant.id === id),
  bibHolders: (bib) =>
    people.filter(
      (v) => v.state.bib === bib && v.participant.status === 'active',
    ),
  classNames: () => new Set(['K 30-34', 'M 30-34']),
};

const check = (draft: OperationDraft) =>
  validateOperation(draft, context, today);

const simple = (
  type: 'check-in' | 'check-in-undo',
  participantId: string,
): OperationDraft => ({
  eventId: testEventId,
  participantId,
  type,
  payload: {},
});

const bib = (participantId: string, next: string, previousBib = '') =>
  check({
    eventId: testEventId,
    participantId,
    type: 'bib-assign',
    payload: { bib: next, previousBib, source: 'typed' },
  });

const lateEntry: LateEntry = {
  firstName: 'Nora',
  lastName: 'Sent',
  birthDate: '1994-02-28',
  gender: 'female',
  club: '',
  className: 'K 30-34',
  paymentMethod: 'card',
  amount: 0,
};

const late = (fields: Partial<LateEntry>) =>
  check({
    eventId: testEventId,
    participantId: '',
    type: 'late-entry',
    payload: { entry: { ...lateEntry, ...fields } },
  });

const errorOf = <T>(
  result:
    | { ok: true; value: T }
    | {
        ok: false;
        error: {
          code: string;
          message: string;
          data?: Record<string, unknown>;
        };
      },
) => (result.ok ? null : result.error);

describe('operation rules', () => {
  it('checks in an active participant who is not checked in', () => {
    expect(check(simple('check-in', 'p1')).ok).toBe(true);
  });

  it('refuses to check in a deregistered participant', () => {
    expect(errorOf(check(simple('check-in', 'p2')))?.code).toBe('deregistered');
  });

  it('refuses a second check-in and an undo without a check-in', () => {
    expect(errorOf(check(simple('check-in', 'p3')))?.code).toBe(
      'already-checked-in',
    );
    expect(errorOf(check(simple('check-in-undo', 'p1')))?.code).toBe(
      'not-checked-in',
    );
    expect(check(simple('check-in-undo', 'p3')).ok).toBe(true);
  });

  it('refuses an unknown participant', () => {
    expect(errorOf(check(simple('check-in', 'nobody')))?.code).toBe(
      'unknown-participant',
    );
  });

  it('refuses a bib another live participant holds, naming the holder', () => {
    const error = errorOf(bib('p1', '12'));
    expect(error?.code).toBe('bib-taken');
    expect(error?.message).toContain('Per Hansen');
    expect(error?.data).toMatchObject({
      holderName: 'Per Hansen',
      holderId: 'p3',
    });
  });

  it('allows a bib only a deregistered participant holds', () => {
    expect(bib('p1', '13').ok).toBe(true);
  });

  it('accepts only a positive whole number as a bib', () => {
    for (const wrong of ['0', '-3', '12a', '1.5', '007', ' ']) {
      expect(errorOf(bib('p1', wrong))?.code).toBe('bad-bib');
    }
    expect(bib('p1', '4711').ok).toBe(true);
  });

  it('refuses a bib change made against a bib the participant no longer has', () => {
    expect(errorOf(bib('p3', '40', '11'))?.code).toBe('bib-changed');
    expect(bib('p3', '40', '12').ok).toBe(true);
  });

  it('accepts a complete late entry', () => {
    expect(late({}).ok).toBe(true);
  });

  it('names the field of a late entry that is wrong', () => {
    const cases: [Partial<LateEntry>, keyof LateEntry][] = [
      [{ firstName: '  ' }, 'firstName'],
      [{ lastName: '' }, 'lastName'],
      [{ birthDate: '1994-02-30' }, 'birthDate'],
      [{ birthDate: '14.06.1994' }, 'birthDate'],
      [{ birthDate: '2030-01-01' }, 'birthDate'],
      [{ gender: '' }, 'gender'],
      [{ className: '' }, 'className'],
      [{ className: 'Z 99' }, 'className'],
      [{ amount: -1 }, 'amount'],
      [{ amount: 10.5 }, 'amount'],
    ];
    for (const [fields, field] of cases) {
      const error = errorOf(late(fields));
      expect(error?.code).toBe('late-entry-invalid');
      expect(error?.data).toEqual({ field });
      expect(error?.message).toContain(field);
    }
  });

  it('refuses a bib range that is empty or not positive', () => {
    const range = (first: number, last: number) =>
      check({
        eventId: testEventId,
        participantId: '',
        type: 'class-range-set',
        payload: { className: 'K 30-34', first, last },
      });
    expect(range(100, 199).ok).toBe(true);
    expect(errorOf(range(0, 10))?.code).toBe('bad-range');
    expect(errorOf(range(20, 10))?.code).toBe('bad-range');
  });
});
