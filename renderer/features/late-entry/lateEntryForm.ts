// The late entry form's values as typed, and their check. Errors name the
// field and a message key, so the form shows each beside its field.

import type { LateEntry } from '../../../shared/domain/operation';
import type { Gender, PaymentMethod } from '../../../shared/domain/participant';

export type LateEntryValues = {
  firstName: string;
  lastName: string;
  /** dd.mm.yyyy as typed, or yyyy-mm-dd. */
  birthDate: string;
  gender: Gender;
  club: string;
  className: string;
  paymentMethod: PaymentMethod;
  /** Kroner as typed, comma or point decimals. */
  amount: string;
};

export type LateEntryField = keyof LateEntryValues;

export type LateEntryErrorKey =
  | 'late.required'
  | 'late.badDate'
  | 'late.futureDate'
  | 'late.badAmount';

export type LateEntryCheck =
  | { ok: true; entry: LateEntry }
  | { ok: false; errors: Partial<Record<LateEntryField, LateEntryErrorKey>> };

export const emptyLateEntry: LateEntryValues = {
  firstName: '',
  lastName: '',
  birthDate: '',
  gender: '',
  club: '',
  className: '',
  paymentMethod: 'vipps',
  amount: '',
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** yyyy-mm-dd for a real calendar date typed as dd.mm.yyyy or ISO. */
export const parseBirthDate = (text: string): string | null => {
  const trimmed = text.trim();
  const norwegian = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const parts = norwegian
    ? [norwegian[3], norwegian[2], norwegian[1]]
    : iso
      ? [iso[1], iso[2], iso[3]]
      : null;
  if (!parts) return null;

  const [year, month, day] = parts.map(Number);
  if (year === undefined || month === undefined || day === undefined) {
    return null;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  return real ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
};

/** Øre from kroner typed as 350, 350,50 or 350.5; null if not money. */
export const parseKroner = (text: string): number | null => {
  const trimmed = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return null;
  return Math.round(Number(trimmed) * 100);
};

export const checkLateEntry = (
  values: LateEntryValues,
  today: string,
): LateEntryCheck => {
  const errors: Partial<Record<LateEntryField, LateEntryErrorKey>> = {};
  const required: LateEntryField[] = [
    'firstName',
    'lastName',
    'birthDate',
    'gender',
    'className',
    'paymentMethod',
  ];
  for (const field of required) {
    if (values[field].trim() === '') errors[field] = 'late.required';
  }

  const birthDate = parseBirthDate(values.birthDate);
  if (!errors.birthDate && birthDate === null)
    errors.birthDate = 'late.badDate';
  if (birthDate !== null && birthDate > today) {
    errors.birthDate = 'late.futureDate';
  }

  const amount = values.amount.trim() === '' ? 0 : parseKroner(values.amount);
  if (amount === null) errors.amount = 'late.badAmount';

  if (Object.keys(errors).length > 0 || birthDate === null || amount === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    entry: {
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      birthDate,
      gender: values.gender,
      club: values.club.trim(),
      className: values.className,
      paymentMethod: values.paymentMethod,
      amount,
    },
  };
};
