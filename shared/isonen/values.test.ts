import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  parseAmount,
  parseConsent,
  parseDate,
  parseGender,
  parsePaymentMethod,
  parseRegistrationStatus,
  parseRegistrationType,
  parseTime,
  parseYesNo,
} from './values';

describe('parseDate', () => {
  it('reads dd.mm.yyyy and yyyy-mm-dd', () => {
    expect(parseDate('14.03.1990')).toBe('1990-03-14');
    expect(parseDate('4.3.1990')).toBe('1990-03-04');
    expect(parseDate('1990-03-14')).toBe('1990-03-14');
  });

  it('refuses days that do not exist', () => {
    expect(parseDate('31.02.1990')).toBeNull();
    expect(parseDate('29.02.2023')).toBeNull();
    expect(parseDate('31.04.2024')).toBeNull();
    expect(parseDate('00.01.2024')).toBeNull();
    expect(parseDate('01.13.2024')).toBeNull();
  });

  it('knows leap years', () => {
    expect(parseDate('29.02.2024')).toBe('2024-02-29');
    expect(parseDate('29.02.2000')).toBe('2000-02-29');
    expect(parseDate('29.02.1900')).toBeNull();
  });

  it('refuses text that is not a date and takes empty as not given', () => {
    expect(parseDate('i morgen')).toBeNull();
    expect(parseDate('14/03/1990')).toBeNull();
    expect(parseDate('')).toBe('');
  });
});

describe('parseTime', () => {
  it('reads clock times with or without seconds', () => {
    expect(parseTime('8:05')).toBe('08:05');
    expect(parseTime('20:15:30')).toBe('20:15:30');
    expect(parseTime('12.00')).toBe('12:00');
  });

  it('reads a fraction of a day as Excel stores a time', () => {
    expect(parseTime('0.5104166666666666')).toBe('12:15');
    expect(parseTime('0.35434027777777777')).toBe('08:30:15');
  });

  it('refuses times that do not exist', () => {
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('12:60')).toBeNull();
    expect(parseTime('kveld')).toBeNull();
  });
});

describe('parseAmount', () => {
  it('reads Norwegian amounts into øre', () => {
    expect(parseAmount('1 234,50')).toBe(123450);
    expect(parseAmount('1\u00a0234,50')).toBe(123450);
    expect(parseAmount('1.234,50')).toBe(123450);
    expect(parseAmount('325,00')).toBe(32500);
    expect(parseAmount('kr 250,-')).toBe(25000);
    expect(parseAmount('')).toBe(0);
  });

  it('reads numbers as Excel cells give them', () => {
    expect(parseAmount('250')).toBe(25000);
    expect(parseAmount('99.5')).toBe(9950);
  });

  it('refuses text that is not an amount', () => {
    expect(parseAmount('gratis')).toBeNull();
    expect(parseAmount('1,2,3')).toBeNull();
  });
});

describe('flags and codes', () => {
  it('reads K and M as gender and refuses other values', () => {
    expect(parseGender('K')).toBe('female');
    expect(parseGender('m')).toBe('male');
    expect(parseGender('')).toBe('');
    expect(parseGender('X')).toBeNull();
  });

  it('reads J/N and Ja/Nei', () => {
    expect(parseYesNo('J')).toBe(true);
    expect(parseYesNo('Nei')).toBe(false);
    expect(parseYesNo('')).toBe(false);
    expect(parseYesNo('kanskje')).toBeNull();
    expect(parseConsent('Ja')).toBe('yes');
    expect(parseConsent('Nei')).toBe('no');
    expect(parseConsent('')).toBe('');
  });

  it('reads Avmeldt as deregistered and unknown status as active', () => {
    expect(parseRegistrationStatus('Påmeldt')).toEqual({
      status: 'active',
      known: true,
    });
    expect(parseRegistrationStatus('Avmeldt')).toEqual({
      status: 'deregistered',
      known: true,
    });
    expect(parseRegistrationStatus('Venteliste')).toEqual({
      status: 'active',
      known: false,
    });
  });

  it('reads registration types and payment methods', () => {
    expect(parseRegistrationType('Familiemedlem')).toBe('family');
    expect(parseRegistrationType('Klubb')).toBe('organization');
    expect(parseRegistrationType('noe annet')).toBe('');
    expect(parsePaymentMethod('02.05.2025 20:15 Vipps 325,00')).toBe('vipps');
    expect(parsePaymentMethod('Bankkort')).toBe('card');
    expect(parsePaymentMethod('Faktura')).toBe('invoice');
    expect(parsePaymentMethod('')).toBe('');
  });
});

describe('parseDate on any day', () => {
  it('reads every real day in both spellings and nothing past month end', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2100-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          const [y, m, d] = iso.split('-');
          expect(parseDate(`${d}.${m}.${y}`)).toBe(iso);
          expect(parseDate(iso)).toBe(iso);
          const nextMonthStart = new Date(
            Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1),
          );
          const lastDay = new Date(nextMonthStart.getTime() - 86_400_000);
          expect(parseDate(`${lastDay.getUTCDate() + 1}.${m}.${y}`)).toBeNull();
        },
      ),
    );
  });
});
