// How long an event's data stays on this desk (issue #5, retention): a
// local document per event, like the roster and the sync record, holding
// the days the organizer set and when the event's results were last handed
// to the central service. A connected event's days count from then
// ("a few days after the event, once results are synced"). Also what a
// purge would lose: the operations no central service has.
//
// The organizer's own days, set in the central service with the event's
// settings (PUT /api/events/{eventId}/settings, retentionDays), are kept
// here as last read (by the sync, sync/eventSettings.ts, and by the
// retention panel with the same reader when it opens); while the
// event is connected they win over the desk's days (schedule.ts,
// retentionDaysOf). Kept, so the desk follows them with the network down.

import { fail, ok, type Result } from '../../shared/contract/result';
import type { DeskDatabase } from '../db/database';
import { readSyncRecord } from '../db/syncRecords';

/** Days after the event date; 0 means the day after. */
export const defaultRetentionDays = 7;
/**
 * At most a year, as the central service takes for the organizer's days
 * (central eventSettingsSchema): the desk's own days have the same range.
 */
export const maxRetentionDays = 365;

type RetentionDoc = {
  eventId: string;
  /** Absent until set: the default then. */
  days?: number;
  /** When the central service last stored the event's results (its clock). */
  resultsSentAt?: string;
  /**
   * The organizer's days as the central event last said; absent (or
   * null) when the organizer set none.
   */
  organizerDays?: number | null;
};

export const retentionKey = (eventId: string) => `retention|${eventId}`;

export const readRetentionDays = async (
  db: DeskDatabase,
  eventId: string,
): Promise<number> => {
  const doc = await db.getLocal<RetentionDoc>(retentionKey(eventId));
  const days = doc?.get('days');
  return typeof days === 'number' ? days : defaultRetentionDays;
};

export const writeRetentionDays = async (
  db: DeskDatabase,
  eventId: string,
  days: number,
): Promise<Result<number>> => {
  if (!Number.isInteger(days) || days < 0 || days > maxRetentionDays) {
    return fail(
      'invalid-retention',
      `Retention days must be a whole number of days from 0 to ${maxRetentionDays} (at most a year, as the central service allows), not ${days}`,
      { field: 'days', days, max: maxRetentionDays },
    );
  }
  await patchRetention(db, eventId, { days });
  return ok(days);
};

const patchRetention = async (
  db: DeskDatabase,
  eventId: string,
  patch: Omit<RetentionDoc, 'eventId'>,
) => {
  const doc = await db.getLocal<RetentionDoc>(retentionKey(eventId));
  const before: Partial<RetentionDoc> = doc ? doc.toJSON().data : {};
  await db.upsertLocal<RetentionDoc>(retentionKey(eventId), {
    ...before,
    ...patch,
    eventId,
  });
};

/**
 * The organizer's days as the central event says now (null: none set);
 * read by the sync and the retention panel while the event is connected.
 */
export const writeOrganizerDays = async (
  db: DeskDatabase,
  eventId: string,
  days: number | null,
): Promise<Result<number | null>> => {
  if (
    days !== null &&
    (!Number.isInteger(days) || days < 0 || days > maxRetentionDays)
  ) {
    return fail(
      'invalid-retention',
      `The organizer's retention days must be a whole number from 0 to ${maxRetentionDays}, not ${days}`,
      { field: 'organizerDays', days },
    );
  }
  await patchRetention(db, eventId, { organizerDays: days });
  return ok(days);
};

/**
 * The central service stored the event's results (its receipt's
 * postedAt); the results page calls this after each hand-over.
 */
export const markResultsSent = async (
  db: DeskDatabase,
  eventId: string,
  postedAt: string,
): Promise<Result<string>> => {
  if (Number.isNaN(Date.parse(postedAt))) {
    return fail('invalid-time', `Not a time: ${postedAt}`, { postedAt });
  }
  await patchRetention(db, eventId, { resultsSentAt: postedAt });
  return ok(postedAt);
};

/** What decides when an event's data leaves this desk. */
export type RetentionBasis = {
  /** The desk's own days (the default until set). */
  days: number;
  /**
   * The organizer's days from the central service, as last read; absent
   * when it set none. They win while the event is connected.
   */
  organizerDays?: number;
  /** Syncing with a central service: its results must be handed first. */
  connected: boolean;
  /** When the central service last stored its results, or null. */
  resultsSentAt: string | null;
};

export const readRetention = async (
  db: DeskDatabase,
  eventId: string,
): Promise<RetentionBasis> => {
  const doc = await db.getLocal<RetentionDoc>(retentionKey(eventId));
  const days = doc?.get('days');
  const sent = doc?.get('resultsSentAt');
  const organizer = doc?.get('organizerDays');
  const record = await readSyncRecord(db, eventId);
  return {
    days: typeof days === 'number' ? days : defaultRetentionDays,
    ...(typeof organizer === 'number' ? { organizerDays: organizer } : {}),
    connected: record?.active === true,
    resultsSentAt: typeof sent === 'string' ? sent : null,
  };
};

/** The operations of an event that only this desk holds. */
export type UnsentOperations = {
  pending: number;
  /**
   * The event was never connected to a central service: every one of its
   * operations (check-ins, bibs, payments, late entries) exists only here.
   */
  neverConnected: boolean;
};

/**
 * Counts from the database, whether the event is open or not: a never
 * connected event's every operation; a connected (or disconnected) one's
 * operations of this desk that the service has not answered.
 */
export const unsentOperations = async (
  db: DeskDatabase,
  eventId: string,
  deskId: string,
): Promise<UnsentOperations> => {
  const ops = await db.operations.find({ selector: { eventId } }).exec();
  if (!(await readSyncRecord(db, eventId))) {
    return { pending: ops.length, neverConnected: true };
  }
  const mine = ops.filter((op) => op.deskId === deskId).map((op) => op.id);
  if (mine.length === 0) return { pending: 0, neverConnected: false };
  const answered = await db.opResults.findByIds(mine).exec();
  return {
    pending: mine.filter((id) => !answered.has(id)).length,
    neverConnected: false,
  };
};

/** A purge refused until told twice; data says how many and why. */
export const unsentRefusal = ({ pending, neverConnected }: UnsentOperations) =>
  fail(
    'unsynced-operations',
    neverConnected
      ? `${pending} operations of this event were never sent anywhere ` +
          '(it was never connected to a central service); purging now ' +
          'loses them unless confirmed again'
      : `${pending} operations of this event are not synced yet; ` +
          'purging now loses them unless confirmed again',
    { pending, neverConnected },
  );
