// The organizer's retention days of a connected event: set in the central
// service with the event's settings (GET /api/events/{eventId}, field
// retentionDays, central/openapi.json). The retention panel reads them
// with the desk's own token when it opens and keeps them on the desk
// (store.setOrganizerRetentionDays), so the purge date follows them with
// the venue network down too.

import { fail, ok, type Result } from '../../../shared/contract/result';
import { type Fetch, requestJson } from '../../../shared/sync/desk/httpRequest';
import { maxRetentionDays } from '../../store/retentionSettings';
import type { CentralLink } from '../exports/centralSettings';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The most the central service takes (eventSettingsSchema). */
const maxOrganizerDays = maxRetentionDays;

/**
 * The organizer's days, null when it set none (or the service is older
 * than the field), or why they could not be read.
 */
export const readCentralRetention = async (
  link: CentralLink,
  fetch: Fetch = (url, init) => globalThis.fetch(url, init),
): Promise<Result<number | null>> => {
  const answer = await requestJson({
    fetch,
    url:
      `${link.url.replace(/\/+$/, '')}/api/events/` +
      encodeURIComponent(link.centralEventId),
    method: 'GET',
    token: link.deskToken,
    timeoutMs: 5_000,
  });
  if (!answer.ok) return answer;
  if (!isRecord(answer.value)) {
    return fail('bad-response', 'The central service did not send the event');
  }
  const days = answer.value.retentionDays;
  if (days === undefined || days === null) return ok(null);
  return typeof days === 'number' &&
    Number.isInteger(days) &&
    days >= 0 &&
    days <= maxOrganizerDays
    ? ok(days)
    : fail(
        'bad-response',
        `The central service sent retention days that are not 0 to ${maxOrganizerDays}`,
        { retentionDays: days },
      );
};
