import { describe, expect, it } from 'vitest';
import { makeEntry, makeParticipant } from '../../../shared/desk/fixtures';
import type { DeskPayment } from '../../../shared/desk/state';
import { aRegistration, aView } from './participantFactory';
import {
  entryLines,
  licenseStatus,
  mediaReservations,
  paymentStatus,
} from './participantFacts';

const license = (
  over: Partial<ReturnType<typeof makeParticipant>['license']>,
) =>
  makeParticipant({
    id: 'p1',
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
        makeEntry({ fee: 20000 }),
        makeEntry({ exercise: 'Lengde', fee: 15000 }),
        makeEntry({ exercise: 'Høyde', fee: 9900, status: 'deregistered' }),
      ],
    });
    expect(paymentStatus(view)).toEqual({ kind: 'not-paid', amount: 35000 });
  });

  it('is paid at the desk once desk payments cover the fees', () => {
    const payment: DeskPayment = {
      method: 'cash',
      amount: 35000,
      at: '',
      deskId: 'd',
    };
    const view = aView({}, { payments: [payment] });
    expect(paymentStatus(view).kind).toBe('paid-at-desk');
    const part = aView({}, { payments: [{ ...payment, amount: 10000 }] });
    expect(paymentStatus(part)).toEqual({ kind: 'not-paid', amount: 25000 });
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
    const p = makeParticipant({
      id: 'p1',
      consents: { photo: 'no', video: '', streaming: 'no', liveFeed: 'yes' },
    });
    expect(mediaReservations(p)).toEqual(['photo', 'streaming']);
  });
});

describe('entry lines', () => {
  it('shows each class and exercise once and hides deregistered entries', () => {
    const p = makeParticipant({
      id: 'p1',
      entries: [
        makeEntry(),
        makeEntry({ registrationId: 'R2' }),
        makeEntry({ exercise: 'Kule', status: 'deregistered' }),
        makeEntry({ className: 'Trim', exercise: 'Trim' }),
      ],
    });
    expect(entryLines(p)).toEqual(['K 30-34 – 10 km', 'Trim']);
  });
});
