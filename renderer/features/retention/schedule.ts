// When an event's data leaves this desk: N days after the event date (0
// means the day after), with a warning from two days before. N is the
// organizer's (central service) for a connected event that has them, the
// desk's own otherwise. A connected
// event waits for its results to reach the central service: N days after
// the later of the event date and the day they were last sent, and no
// date at all until they are. Dates are the desk's local calendar days,
// yyyy-mm-dd, as the event date is.

import type { RetentionBasis } from '../../store/retentionSettings';

export type RetentionPhase =
  /** Nothing to say yet. */
  | 'kept'
  /** The purge date is at most two days away. */
  | 'warn'
  /** The purge date has come: the desk asks to purge. */
  | 'due';

export const warnDaysAhead = 2;

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

const dayNumber = (date: string): number | null => {
  const match = isoDay.exec(date);
  if (!match) return null;
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  return Number.isNaN(ms) ? null : ms / 86_400_000;
};

const dayText = (day: number): string =>
  new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The purge date, or null for an event without a (valid) date. */
export const purgeDate = (eventDate: string, days: number): string | null => {
  const day = dayNumber(eventDate);
  return day === null ? null : dayText(day + Math.max(1, days));
};

/** Today on this desk's calendar, yyyy-mm-dd. */
export const localDay = (now: Date): string =>
  [
    now.getFullYear(),
    String(now.getMonth() + 1).padStart(2, '0'),
    String(now.getDate()).padStart(2, '0'),
  ].join('-');

export const retentionPhase = (
  today: string,
  purgeOn: string | null,
): RetentionPhase => {
  const now = dayNumber(today);
  const due = purgeOn === null ? null : dayNumber(purgeOn);
  if (now === null || due === null) return 'kept';
  if (now >= due) return 'due';
  return due - now <= warnDaysAhead ? 'warn' : 'kept';
};

export type RetentionSchedule = {
  /** The purge date, or null: no (valid) date, or results not sent yet. */
  purgeOn: string | null;
  /** A connected event whose results the central service does not have. */
  waitingForResults: boolean;
  /** The local day its results were last sent, when connected. */
  resultsSentOn: string | null;
};

/**
 * The days that count: the organizer's (set in the central service) while
 * the event is connected and it set some, the desk's own otherwise.
 */
export const retentionDaysOf = (
  basis: RetentionBasis,
): { days: number; byOrganizer: boolean } =>
  basis.connected && typeof basis.organizerDays === 'number'
    ? { days: basis.organizerDays, byOrganizer: true }
    : { days: basis.days, byOrganizer: false };

export const retentionSchedule = (
  eventDate: string,
  basis: RetentionBasis,
): RetentionSchedule => {
  const { days } = retentionDaysOf(basis);
  if (!basis.connected) {
    return {
      purgeOn: purgeDate(eventDate, days),
      waitingForResults: false,
      resultsSentOn: null,
    };
  }
  const sent =
    basis.resultsSentAt === null ? null : new Date(basis.resultsSentAt);
  if (sent === null || Number.isNaN(sent.getTime())) {
    return { purgeOn: null, waitingForResults: true, resultsSentOn: null };
  }
  const sentOn = localDay(sent);
  // yyyy-mm-dd compares as text; an event without a date counts from
  // the day its results were sent.
  const from =
    dayNumber(eventDate) !== null && eventDate > sentOn ? eventDate : sentOn;
  return {
    purgeOn: purgeDate(from, days),
    waitingForResults: false,
    resultsSentOn: sentOn,
  };
};
