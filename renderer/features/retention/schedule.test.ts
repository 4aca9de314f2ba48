import { describe, expect, it } from 'vitest';

import {
  localDay,
  purgeDate,
  retentionDaysOf,
  retentionPhase,
  retentionSchedule,
} from './schedule';

describe('retention schedule', () => {
  it('purges seven days after the event date by default', () => {
    expect(purgeDate('2025-06-14', 7)).toBe('2025-06-21');
  });

  it('takes 0 days as the day after the event, across a month end', () => {
    expect(purgeDate('2025-06-30', 0)).toBe('2025-07-01');
  });

  it('has no purge date for an event without a date', () => {
    expect(purgeDate('', 7)).toBeNull();
    expect(retentionPhase('2025-06-20', null)).toBe('kept');
  });

  it('warns from two days before the purge date and is due on it', () => {
    expect(retentionPhase('2025-06-18', '2025-06-21')).toBe('kept');
    expect(retentionPhase('2025-06-19', '2025-06-21')).toBe('warn');
    expect(retentionPhase('2025-06-20', '2025-06-21')).toBe('warn');
    expect(retentionPhase('2025-06-21', '2025-06-21')).toBe('due');
    expect(retentionPhase('2025-07-02', '2025-06-21')).toBe('due');
  });

  it('reads today from the desk’s own calendar', () => {
    expect(localDay(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });

  it('keeps an unconnected event by its date alone', () => {
    expect(
      retentionSchedule('2025-06-14', {
        days: 7,
        connected: false,
        resultsSentAt: '2025-06-30T10:00:00',
      }),
    ).toEqual({
      purgeOn: '2025-06-21',
      waitingForResults: false,
      resultsSentOn: null,
    });
  });

  it('gives a connected event no purge date until its results are sent', () => {
    const waiting = retentionSchedule('2025-06-14', {
      days: 7,
      connected: true,
      resultsSentAt: null,
    });
    expect(waiting).toEqual({
      purgeOn: null,
      waitingForResults: true,
      resultsSentOn: null,
    });
    expect(retentionPhase('2026-01-01', waiting.purgeOn)).toBe('kept');
  });

  it('counts a connected event’s days from the day its results were sent, or its date if later', () => {
    const sentLate = retentionSchedule('2025-06-14', {
      days: 3,
      connected: true,
      resultsSentAt: new Date(2025, 5, 20, 18, 30).toISOString(),
    });
    expect(sentLate).toEqual({
      purgeOn: '2025-06-23',
      waitingForResults: false,
      resultsSentOn: '2025-06-20',
    });
    const sentEarly = retentionSchedule('2025-06-14', {
      days: 3,
      connected: true,
      resultsSentAt: new Date(2025, 5, 10, 9).toISOString(),
    });
    expect(sentEarly.purgeOn).toBe('2025-06-17');
    const undated = retentionSchedule('', {
      days: 0,
      connected: true,
      resultsSentAt: new Date(2025, 5, 20, 9).toISOString(),
    });
    expect(undated.purgeOn).toBe('2025-06-21');
  });

  it('takes the organizer’s days over the desk’s own while the event is connected', () => {
    const sentAt = new Date(2025, 5, 20, 18, 30).toISOString();
    const basis = {
      days: 7,
      organizerDays: 2,
      connected: true,
      resultsSentAt: sentAt,
    };
    expect(retentionDaysOf(basis)).toEqual({ days: 2, byOrganizer: true });
    expect(retentionSchedule('2025-06-14', basis).purgeOn).toBe('2025-06-22');
    // 0 is the organizer's too: the day after.
    expect(
      retentionSchedule('2025-06-14', { ...basis, organizerDays: 0 }).purgeOn,
    ).toBe('2025-06-21');
    expect(
      retentionSchedule('2025-06-14', { ...basis, resultsSentAt: null }),
    ).toMatchObject({ purgeOn: null, waitingForResults: true });
  });

  it('keeps the desk’s own days when the organizer set none, or the event is no longer connected', () => {
    const sentAt = new Date(2025, 5, 20, 18, 30).toISOString();
    const unset = { days: 5, connected: true, resultsSentAt: sentAt };
    expect(retentionDaysOf(unset)).toEqual({ days: 5, byOrganizer: false });
    expect(retentionSchedule('2025-06-14', unset).purgeOn).toBe('2025-06-25');
    const disconnected = {
      days: 5,
      organizerDays: 2,
      connected: false,
      resultsSentAt: null,
    };
    expect(retentionDaysOf(disconnected)).toEqual({
      days: 5,
      byOrganizer: false,
    });
    expect(retentionSchedule('2025-06-14', disconnected).purgeOn).toBe(
      '2025-06-19',
    );
  });
});
