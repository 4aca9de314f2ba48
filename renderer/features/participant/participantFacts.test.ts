import { describe, expect, it } from 'vitest';

import type { DeskPayment } from '../../../shared/desk/state';

import {
  anEntry,
  aParticipant,
  aRegistration,
  aView,
} from './participantFactory';
import {
  entryLines,
  licenseStatus,
  mediaReservations,
  paymentStatus,
} from './participantFacts';

const license = (over: Partial<ReturnType<typeof aParticipant>['license']>) =>
  aParticipant({
    license: {
      hasLicense: false,
      seasonLicense: '',
      oneDayLicense: '',
      product: '',
      purchasedAt: '',
      ...over,
    },
  });

describe('payment status', () => {
  it('is paid when the registration says Betalt', () => {
    const view = aView({ registrations: [aRegistration({ paid: true })] });
    expect(paymentStatus(view)).toEqual({ kind: 'paid' });
  });

  it('owes the fees of the active entries when nothing is paid', () => {
    const view = aView({
      entries: [
        anEntry({ fee: 20000 }),
        anEntry({ exercise: 'Lengde', fee: 15000 }),
        anEntry({ exercise: 'Høyde', fee: 9900, status: 'deregistered' }),
      ],
    });
    expect(paymentStatus(view)).toEqual({ kind: 'not-paid', amount: 35000 });
  });

  it('is paid at the desk once desk payments cover the fees', () => {
    const payment: DeskPayment = {
      method: 'cash',
      amount: 25000,
      at: '',
      deskId: 'd',
    };
    const view = aView({}, { payments: [payment] });
    expect(paymentStatus(view).kind).toBe('paid-at-desk');
    const part = aView({}, { payments: [{ ...payment, amount: 10000 }] });
    expect(paymentStatus(part)).toEqual({ kind: 'not-paid', amount: 15000 });
  });
});

describe('license status', () => {
  it('prefers the season license number, then the one-day license', () => {
    expect(licenseStatus(license({ seasonLicense: '55' }))).toEqual({
      kind: 'season',
      number: '55',
    });
    expect(licenseStatus(license({ oneDayLicense: 'E9' })).kind).toBe(
      'one-day',
    );
  });

  it('is missing when the entry has no license at all', () => {
    expect(licenseStatus(license({})).kind).toBe('missing');
    expect(licenseStatus(license({ hasLicense: true })).kind).toBe('licensed');
  });
});

describe('media reservations', () => {
  it('lists only media the participant explicitly said no to', () => {
    const p = aParticipant({
      consents: { photo: 'no', video: '', streaming: 'no', liveFeed: 'yes' },
    });
    expect(mediaReservations(p)).toEqual(['photo', 'streaming']);
  });
});

describe('entry lines', () => {
  it('shows each class and exercise once and hides deregistered entries', () => {
    const p = aParticipant({
      entries: [
        anEntry(),
        anEntry({ registrationId: 'R2' }),
        anEntry({ exercise: 'Kule', status: 'deregistered' }),
        anEntry({ className: 'Trim', exercise: 'Trim' }),
      ],
    });
    expect(entryLines(p)).toEqual(['K17 – 60 m', 'Trim']);
  });
});
