import { describe, expect, it } from 'vitest';

import { foldCheckIn } from './checkIn';

type Step = { type: string; created_at: string; desk_id: string };

const step = (type: string, minute: number, desk = 'd1'): Step => ({
  type,
  created_at: `2025-06-14T08:${String(minute).padStart(2, '0')}:00.000Z`,
  desk_id: desk,
});

describe('foldCheckIn', () => {
  it('keeps the first check-in time when a second desk checks in again', () => {
    const state = foldCheckIn([step('check-in', 1), step('check-in', 2, 'd2')]);
    expect(state).toEqual({
      checkedIn: true,
      at: step('check-in', 1).created_at,
      desk: 'd1',
    });
  });

  it('moves back only on an undo, and forward again on a later check-in', () => {
    const undone = [step('check-in', 1), step('check-in-undo', 2)];
    expect(foldCheckIn(undone).checkedIn).toBe(false);
    const again = [...undone, step('check-in', 3, 'd2')];
    expect(foldCheckIn(again)).toMatchObject({ checkedIn: true, desk: 'd2' });
  });
});
