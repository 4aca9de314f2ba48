import { describe, expect, it } from 'vitest';

import {
  checkLateEntry,
  emptyLateEntry,
  type LateEntryValues,
  parseBirthDate,
  parseKroner,
} from './lateEntryForm';

const filled: LateEntryValues = {
  ...emptyLateEntry,
  firstName: ' Kari ',
  lastName: 'Nordmann',
  birthDate: '03.05.2011',
  gender: 'female',
  club: 'IL Heming',
  className: 'J14',
  paymentMethod: 'cash',
  amount: '250,50',
};

describe('late entry form', () => {
  it('turns a filled form into a late entry with øre and an ISO date', () => {
    const check = checkLateEntry(filled, '2026-12-03');
    expect(check).toEqual({
      ok: true,
      entry: {
        firstName: 'Kari',
        lastName: 'Nordmann',
        birthDate: '2011-05-03',
        gender: 'female',
        club: 'IL Heming',
        className: 'J14',
        paymentMethod: 'cash',
        amount: 25050,
      },
    });
  });

  it('names every missing required field', () => {
    const check = checkLateEntry({ ...emptyLateEntry }, '2026-12-03');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors).toMatchObject({
      firstName: 'late.required',
      lastName: 'late.required',
      birthDate: 'late.required',
      gender: 'late.required',
      className: 'late.required',
    });
    expect(check.errors.club).toBeUndefined();
  });

  it('refuses an impossible date and a date in the future', () => {
    const bad = checkLateEntry({ ...filled, birthDate: '31.02.2010' }, '2026');
    expect(bad.ok ? null : bad.errors.birthDate).toBe('late.badDate');
    const future = checkLateEntry(
      { ...filled, birthDate: '01.01.2030' },
      '2026-12-03',
    );
    expect(future.ok ? null : future.errors.birthDate).toBe('late.futureDate');
  });

  it('refuses a negative or non-numeric amount but allows none', () => {
    const bad = checkLateEntry({ ...filled, amount: '-5' }, '2026-12-03');
    expect(bad.ok ? null : bad.errors.amount).toBe('late.badAmount');
    const none = checkLateEntry({ ...filled, amount: '' }, '2026-12-03');
    expect(none.ok ? none.entry.amount : null).toBe(0);
  });

  it('reads dates typed the Norwegian way and the ISO way', () => {
    expect(parseBirthDate('3.5.2011')).toBe('2011-05-03');
    expect(parseBirthDate('2011-05-03')).toBe('2011-05-03');
    expect(parseBirthDate('2011')).toBeNull();
  });

  it('reads kroner with comma or point decimals', () => {
    expect(parseKroner('350')).toBe(35000);
    expect(parseKroner('1 200,5')).toBe(120050);
    expect(parseKroner('12.345')).toBeNull();
  });
});
