import { describe, expect, it } from 'vitest';
import {
  makeOperation,
  makeParticipant,
  testEventId,
} from '../../shared/desk/fixtures';
import { lateEntryParticipantId } from '../../shared/desk/reduce';
import type { RaceEvent } from '../../shared/domain/event';
import {
  applyOperation,
  createEventModel,
  upsertParticipants,
} from './eventModel';
import { checkInsOverTime, classSummaries } from './summaries';

const event: RaceEvent = {
  id: testEventId,
  name: 'Vårløpet',
  type: 'event',
  date: '2025-06-14',
  organizer: '',
  source: 'demo',
  createdAt: '2025-06-01T00:00:00.000Z',
  updatedAt: '2025-06-01T00:00:00.000Z',
};

const at = (hour: number, minute: number) =>
  new Date(Date.UTC(2025, 5, 14, hour, minute)).toISOString();

const checkIn = (participantId: string, createdAt: string) =>
  makeOperation(
    { eventId: testEventId, participantId, type: 'check-in', payload: {} },
    { createdAt },
  );

describe('event model', () => {
  it('counts a check-in that arrives before the late entry it belongs to', () => {
    const model = createEventModel(event, [], []);
    const late = makeOperation({
      eventId: testEventId,
      participantId: '',
      type: 'late-entry',
      payload: {
        entry: {
          firstName: 'Nora',
          lastName: 'Sent',
          birthDate: '1990-01-01',
          gender: 'female',
          club: '',
          className: 'K 30-34',
          paymentMethod: 'cash',
          amount: 0,
        },
      },
    });
    const id = lateEntryParticipantId(late.id);
    expect(applyOperation(model, checkIn(id, at(9, 5)))).toBe(true);
    expect(model.views.get(id)).toBeUndefined();

    applyOperation(model, { ...late, participantId: id });
    expect(model.views.get(id)?.state.checkedIn).toBe(true);
    expect(model.index.search('nora sent')[0]?.participant.id).toBe(id);
  });

  it('applies an operation once however often it arrives', () => {
    const model = createEventModel(event, [makeParticipant({ id: 'p1' })], []);
    const op = makeOperation({
      eventId: testEventId,
      participantId: 'p1',
      type: 'payment',
      payload: { method: 'vipps', amount: 5000 },
    });
    expect(applyOperation(model, op)).toBe(true);
    expect(applyOperation(model, op)).toBe(false);
    expect(model.views.get('p1')?.state.payments).toHaveLength(1);
  });

  it('keeps desk state when newer registration data replaces a participant', () => {
    const model = createEventModel(
      event,
      [makeParticipant({ id: 'p1', club: 'Ready' })],
      [checkIn('p1', at(9, 0))],
    );
    const newer = makeParticipant({ id: 'p1', club: 'Tyrving', revision: 2 });
    expect(upsertParticipants(model, [newer])).toBe(1);
    expect(upsertParticipants(model, [newer])).toBe(0);
    expect(model.views.get('p1')?.state.checkedIn).toBe(true);
    expect(model.index.search('tyrving')).toHaveLength(1);
    expect(model.index.search('ready')).toHaveLength(0);
  });
});

describe('summaries', () => {
  const people = [
    makeParticipant({ id: 'a' }),
    makeParticipant({ id: 'b' }),
    makeParticipant({ id: 'c', status: 'deregistered' }),
  ];

  it('counts each class: active, checked in and deregistered', () => {
    const model = createEventModel(event, people, [checkIn('a', at(9, 0))]);
    expect(classSummaries(model.views.values(), model.ranges)).toEqual([
      {
        className: 'K 30-34',
        total: 2,
        checkedIn: 1,
        deregistered: 1,
        range: null,
      },
    ]);
  });

  it('counts check-ins per time bucket, empty buckets included', () => {
    const model = createEventModel(event, people, [
      checkIn('a', at(9, 1)),
      checkIn('b', at(9, 31)),
    ]);
    expect(checkInsOverTime(model.views.values(), 15)).toEqual([
      { at: at(9, 0), count: 1 },
      { at: at(9, 15), count: 0 },
      { at: at(9, 30), count: 1 },
    ]);
  });
});
