// Who may make the external participant list of a connected event: the
// organizer, in the central service (GET /api/events/{eventId}, field
// allowExternalList, central/openapi.json). The desk reads it with its own
// token whenever the Lister page opens and before every external list, and
// hands it to the process around the page (exports:central-settings),
// which keeps the last answer for when the venue network is down.

import { fail, ok, type Result } from '../../../shared/contract/result';
import { type Fetch, requestJson } from '../../../shared/sync/desk/httpRequest';
import { readSyncRecord } from '../../db/syncRecords';
import type { DeskStore } from '../../store/deskStore';
import { hasDatabase } from './eventViews';

export type CentralLink = {
  url: string;
  centralEventId: string;
  deskToken: string;
};

/** The central event this local event is connected to, or null. */
export const centralLinkOf = async (
  store: DeskStore,
  eventId: string,
): Promise<CentralLink | null> => {
  if (!hasDatabase(store)) return null;
  const record = await readSyncRecord(store.database, eventId);
  if (record === null) return null;
  return {
    url: record.url,
    centralEventId: record.centralEventId,
    deskToken: record.deskToken,
  };
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The central event's permission, or why it could not be read. */
export const readCentralPermission = async (
  link: CentralLink,
  fetch: Fetch = (url, init) => globalThis.fetch(url, init),
): Promise<Result<boolean>> => {
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
  const allow = isRecord(answer.value)
    ? answer.value.allowExternalList
    : undefined;
  return typeof allow === 'boolean'
    ? ok(allow)
    : fail(
        'bad-response',
        'The central service did not say whether the external list is allowed',
      );
};
