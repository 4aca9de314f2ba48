import { describe, expect, it } from 'vitest';
import type { OperationDraft } from '../domain/operation';
import type { Participant } from '../domain/participant';
import { makeOperation, makeParticipant, testEventId } from './fixtures';
import { computeState } from './reduce';
import { type RuleContext, validateOperation } from './rules';
import type { ParticipantView } from './state';

const today = '2025-06-14';

const viewOf = (fields: Partial<Participant> & { id: string }) => {
  const participant = makeParticipant(fields);
  return {
    participant,
    state: computeState(participant, []),
    lateEntry: false,
  } satisfies ParticipantView;
};

const people = [
  viewOf({ id: 'p1', chip: '' }),
  viewOf({ id: 'p2', firstName: 'Per', lastName: 'Hansen', chip: '507919' }),
  viewOf({ id: 'p3', status: 'deregistered', chip: '' }),
];

const ctx: RuleContext = {
  view: (id) => people.find((p) => p.participant.id === id),
  bibHolders: () => [],
  classNames: () => new Set(),
  chipHolders: (chip) =>
    people.filter(
      (p) => p.state.chip === chip && p.participant.status === 'active',
    ),
};

const chipDraft = (
  participantId: string,
  chip: string,
  previousChip = '',
  rental = false,
): OperationDraft => ({
  eventId: testEventId,
  participantId,
  type: 'chip-assign',
  payload: { chip, previousChip, rental },
});

const codeOf = (draft: OperationDraft) => {
  const result = validateOperation(draft, ctx, today);
  return result.ok ? 'ok' : result.error.code;
};

describe('chip rules', () => {
  it('accepts a free chip for a live participant', () => {
    expect(codeOf(chipDraft('p1', '523757'))).toBe('ok');
  });

  it('refuses a chip another live participant holds, naming the holder', () => {
    const result = validateOperation(chipDraft('p1', '507919'), ctx, today);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'chip-taken', data: { holderName: 'Per Hansen' } },
    });
  });

  it('refuses a chip change on a chip the desk did not see', () => {
    expect(codeOf(chipDraft('p2', '1', ''))).toBe('chip-changed');
  });

  it.each([
    ['letters', '12a'],
    ['a leading zero', '0123'],
    ['a blank', ' '],
  ])('refuses a chip number with %s', (_, chip) => {
    expect(codeOf(chipDraft('p1', chip))).toBe('bad-chip');
  });

  it('refuses a chip for a deregistered participant', () => {
    expect(codeOf(chipDraft('p3', '42'))).toBe('deregistered');
  });

  it('refuses a passing without a device or with a participant', () => {
    const passing = (device: string, participantId: string) =>
      codeOf({
        eventId: testEventId,
        participantId,
        type: 'passing',
        payload: {
          device,
          session: 1,
          key: 'k',
          source: 'live',
          passing: {
            kind: 'passing',
            protocol: 'alge-timy',
            offset: 0,
            bib: '12',
            station: 'c1',
            time: '10:00:00.1234',
            extra: {},
          },
        },
      });
    expect(passing('finish', '')).toBe('ok');
    expect(passing('', '')).toBe('bad-passing');
    expect(passing('finish', 'p1')).toBe('bad-passing');
  });

  it('refuses a race setup whose mass start is no clock time, naming the field', () => {
    const result = validateOperation(
      {
        eventId: testEventId,
        participantId: '',
        type: 'race-setup-set',
        payload: {
          className: 'K 30-34',
          setup: { start: { mode: 'mass', startTime: '25:00' } },
        },
      },
      ctx,
      today,
    );
    expect(result.ok ? '' : result.error.message).toContain('startTime');
  });
});

describe('chip state', () => {
  const p = makeParticipant({ id: 'p1', chip: '' });
  const assign = (chip: string, previousChip: string, rental: boolean) =>
    makeOperation(chipDraft('p1', chip, previousChip, rental));

  it('pairs a rental chip, then moves to another by compare-and-swap', () => {
    const first = assign('507919', '', true);
    const second = assign('515838', '507919', false);
    expect(computeState(p, [first])).toMatchObject({
      chip: '507919',
      chipRental: true,
    });
    expect(computeState(p, [second, first])).toMatchObject({
      chip: '515838',
      chipRental: false,
    });
  });

  it('keeps the chip when a desk that saw another chip loses the race', () => {
    const won = assign('1', '', false);
    const lost = assign('2', '', true);
    expect(computeState(p, [lost, won])).toMatchObject({
      chip: '1',
      chipRental: false,
    });
  });
});
