// What the participant card shows, derived from the view. Pure, so the
// rules (when is someone paid, which license counts) are tested directly.

import type { DeskPayment, ParticipantView } from '../../../shared/desk/state';
import type { Participant } from '../../../shared/domain/participant';
import { dateFormat, numberFormat } from '../../i18n/formats';

export type PaymentStatus =
  | { kind: 'paid' }
  | { kind: 'paid-at-desk'; payments: DeskPayment[] }
  | { kind: 'not-paid'; amount: number };

export type LicenseStatus =
  | { kind: 'season'; number: string }
  | { kind: 'one-day'; number: string }
  | { kind: 'licensed' }
  | { kind: 'missing' };

export type MediaReservation = 'photo' | 'video' | 'streaming' | 'liveFeed';

export const birthYear = (p: Pick<Participant, 'birthDate'>): string =>
  p.birthDate.slice(0, 4);

/** "Class – exercise" per active entry, each pair once. */
export const entryLines = (p: Participant): string[] => {
  const lines = p.entries
    .filter((e) => e.status === 'active' || p.status === 'deregistered')
    .map((e) =>
      e.exercise && e.exercise !== e.className
        ? `${e.className} – ${e.exercise}`
        : e.className,
    );
  return [...new Set(lines)];
};

export const paymentStatus = (view: ParticipantView): PaymentStatus => {
  const { participant, state } = view;
  if (participant.registrations.some((r) => r.paid)) return { kind: 'paid' };

  const due = participant.entries
    .filter((e) => e.status === 'active')
    .reduce((sum, e) => sum + e.fee, 0);
  const paidAtDesk = state.payments.reduce((sum, p) => sum + p.amount, 0);
  if (state.payments.length > 0 && paidAtDesk >= due) {
    return { kind: 'paid-at-desk', payments: state.payments };
  }
  return { kind: 'not-paid', amount: Math.max(0, due - paidAtDesk) };
};

export const licenseStatus = (p: Participant): LicenseStatus => {
  const { license } = p;
  if (license.seasonLicense !== '') {
    return { kind: 'season', number: license.seasonLicense };
  }
  if (license.oneDayLicense !== '') {
    return { kind: 'one-day', number: license.oneDayLicense };
  }
  return license.hasLicense ? { kind: 'licensed' } : { kind: 'missing' };
};

/** Media the participant reserved against: an explicit "Nei" only. */
export const mediaReservations = (p: Participant): MediaReservation[] => {
  const order: MediaReservation[] = ['photo', 'video', 'streaming', 'liveFeed'];
  return order.filter((m) => p.consents[m] === 'no');
};

export const isDeregistered = (view: ParticipantView): boolean =>
  view.participant.status === 'deregistered';

export const deregisteredAt = (p: Participant): string =>
  p.registrations.map((r) => r.deregisteredAt).find((at) => at !== '') ?? '';

/** Registration ids in the order the file gave them. */
export const registrationIds = (p: Participant): string[] => [
  ...new Set(p.registrations.map((r) => r.registrationId).filter(Boolean)),
];

export const formatKroner = (ore: number, lang: string): string =>
  numberFormat(lang, { style: 'currency', currency: 'NOK' }).format(ore / 100);

export const formatClock = (iso: string, lang: string): string =>
  iso === ''
    ? ''
    : dateFormat(lang, {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }).format(new Date(iso));
