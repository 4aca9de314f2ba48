// How long an event's data stays on this desk (issue #5, retention): a
// local document per event, like the roster and the sync record.

import { fail, ok, type Result } from '../../shared/contract/result';
import type { DeskDatabase } from '../db/database';

/** Days after the event date; 0 means the day after. */
export const defaultRetentionDays = 7;
/** More than a year is no longer a retention period. */
export const maxRetentionDays = 400;

type RetentionDoc = { eventId: string; days: number };

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
      `Retention days must be a whole number from 0 to ${maxRetentionDays}, not ${days}`,
      { field: 'days', days },
    );
  }
  await db.upsertLocal<RetentionDoc>(retentionKey(eventId), { eventId, days });
  return ok(days);
};
