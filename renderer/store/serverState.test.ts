import { describe, expect, it } from 'vitest';
import {
  makeOperation,
  makeParticipant,
  testEventId,
} from '../../shared/desk/fixtures';
import type { ParticipantState } from '../../shared/desk/state';
import type { RaceEvent } from '../../shared/domain/event';
import type { Operation } from '../../shared/domain/operation';
import type { OperationOutcome } from '../../shared/sync/types';
import type { OpResultRecord } from '../db/syncSchemas';
import {
  applyOperation,
  createEventModel,
  emptyServerView,
} from './eventModel';
import { applyCheckpoint, applyPulled, applyResults } from './serverState';
import { leaseStock, nextBib, pendingOperations } from './syncViews';

const event: RaceEvent = {
  id: testEventId,
  name: 'Vårløpet',
  type: 'event',
  date: '2025-06-14',
  organizer: '',
  source: 'central',
  createdAt: '2025-06-01T00:00:00.000Z',
  updatedAt: '2025-06-01T00:00:00.000Z',
};

const idle: ParticipantState = {
  checkedIn: false,
  checkedInAt: '',
  checkedInDesk: '',
  bib: '',
  bibSource: '',
  chip: '',
  chipRental: false,
  payments: [],
};

const kari = makeParticipant({ id: 'kari' });

const checkIn = (participantId: string) =>
  makeOperation({
    eventId: testEventId,
    participantId,
    type: 'check-in',
    payload: {},
  });

const answer = (
  op: Operation,
  outcome: OperationOutcome,
  latestSeq: number,
): OpResultRecord => ({
  id: op.id,
  eventId: testEventId,
  participantId: op.participantId,
  seq: op.seq,
  latestSeq,
  repeated: false,
  result: {
    outcome,
    code: outcome === 'applied' ? '' : 'x',
    message: '',
    data: {},
  },
});

const connectedModel = () => {
  const model = createEventModel(event, [kari], [], emptyServerView());
  applyPulled(model, [
    {
      kind: 'participant',
      seq: 1,
      participant: kari,
      state: idle,
      lateEntry: false,
    },
  ]);
  applyCheckpoint(model, 1);
  return model;
};

describe('server state with pending operations on top', () => {
  it('draws an applied check-in until the checkpoint reaches its push answer', () => {
    const model = connectedModel();
    const op = checkIn('kari');
    applyOperation(model, op);
    applyResults(model, [answer(op, 'applied', 5)]);
    expect(model.views.get('kari')?.state.checkedIn).toBe(true);
    expect(pendingOperations(model, 'desk-a')).toBe(1);

    // The pull brings the server's state up to seq 5, which has it.
    applyPulled(model, [
      {
        kind: 'participant',
        seq: 5,
        participant: kari,
        state: { ...idle, checkedIn: true, checkedInDesk: 'desk-a' },
        lateEntry: false,
      },
    ]);
    applyCheckpoint(model, 5);
    expect(pendingOperations(model, 'desk-a')).toBe(0);
    expect(model.views.get('kari')?.state.checkedInDesk).toBe('desk-a');
  });

  it('stops drawing an operation the server refused', () => {
    const model = connectedModel();
    const op = checkIn('kari');
    applyOperation(model, op);
    applyResults(model, [answer(op, 'rejected', 2)]);
    expect(model.views.get('kari')?.state.checkedIn).toBe(false);
    expect(pendingOperations(model, 'desk-a')).toBe(0);
  });

  it('takes the server state over the registration data once pulled', () => {
    const model = connectedModel();
    applyPulled(model, [
      {
        kind: 'participant',
        seq: 2,
        participant: { ...kari, status: 'deregistered', revision: 2 },
        state: { ...idle, bib: '42', bibSource: 'lease' },
        lateEntry: false,
      },
    ]);
    expect(model.views.get('kari')?.participant.status).toBe('deregistered');
    expect(model.views.get('kari')?.state.bib).toBe('42');
    expect(model.bibHolders.get('42')).toEqual(['kari']);
  });

  it('removes a participant erased centrally', () => {
    const model = connectedModel();
    applyPulled(model, [
      { kind: 'participant-erased', seq: 2, participantId: 'kari' },
    ]);
    expect(model.views.get('kari')).toBeUndefined();
    expect(model.index.search('kari')).toEqual([]);
  });

  it("hands out the next free bib from this desk's lease before the class range", () => {
    const model = connectedModel();
    const className = kari.entries[0]?.className ?? '';
    applyPulled(model, [
      { kind: 'class-range', seq: 2, range: { className, first: 1, last: 99 } },
      {
        kind: 'bib-lease',
        seq: 3,
        lease: {
          id: 'lease-1',
          deskId: 'desk-a',
          className,
          first: 50,
          last: 51,
          createdAt: '',
        },
      },
    ]);
    expect(nextBib(model, 'desk-a', className)).toEqual({
      ok: true,
      value: { bib: '50', source: 'lease' },
    });
    expect(nextBib(model, 'desk-b', className)).toEqual({
      ok: true,
      value: { bib: '1', source: 'range' },
    });
  });

  it('shows per class the next bib from the lease and how many are left, low under ten', () => {
    const model = connectedModel();
    const className = kari.entries[0]?.className ?? '';
    const lease = (id: string, cls: string, first: number, last: number) => ({
      kind: 'bib-lease' as const,
      seq: 0,
      lease: {
        id,
        deskId: 'desk-a',
        className: cls,
        first,
        last,
        createdAt: '',
      },
    });
    applyPulled(model, [
      { ...lease('own', className, 100, 111), seq: 2 },
      { ...lease('any', '', 500, 529), seq: 3 },
      {
        ...lease('other-desk', className, 200, 299),
        seq: 4,
        lease: { ...lease('x', className, 200, 299).lease, deskId: 'desk-b' },
      },
    ]);
    expect(leaseStock(model, 'desk-a')).toEqual([
      { className, next: '100', left: 12, size: 12, low: false },
      { className: '', next: '500', left: 30, size: 30, low: false },
    ]);

    // Kari takes 100 here, Ola holds 101 on the server: 102 is next,
    // ten are left.
    applyOperation(
      model,
      makeOperation({
        eventId: testEventId,
        participantId: 'kari',
        type: 'bib-assign',
        payload: { bib: '100', previousBib: '', source: 'lease' },
      }),
    );
    const holder = (id: string, bib: string, seq: number) => ({
      kind: 'participant' as const,
      seq,
      participant: makeParticipant({ id }),
      state: { ...idle, bib },
      lateEntry: false,
    });
    applyPulled(model, [holder('ola', '101', 5)]);
    expect(leaseStock(model, 'desk-a')[0]).toEqual({
      className,
      next: '102',
      left: 10,
      size: 12,
      low: false,
    });

    // One more gone: nine left is low.
    applyPulled(model, [holder('per', '103', 6)]);
    expect(leaseStock(model, 'desk-a')[0]).toMatchObject({
      next: '102',
      left: 9,
      low: true,
    });
    expect(nextBib(model, 'desk-a', className)).toEqual({
      ok: true,
      value: { bib: '102', source: 'lease' },
    });
  });
});
