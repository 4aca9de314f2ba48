import { describe, expect, it } from 'vitest';

import { localDay, purgeDate, retentionPhase } from './schedule';

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
});
