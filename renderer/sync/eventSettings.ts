// The organizer's settings of a connected event, read as part of the
// desk's sync: GET /api/events/{eventId} with the desk's token
// (central/openapi.json, CentralEvent: retentionDays, allowExternalList).
// Read once when the desk connects and again on the first round that
// reaches the service in each online period (after offline or an error),
// and at most every `settingsRefreshMs` while it stays online; never on
// every round, so a burst of check-ins costs no extra calls.
//
// The retention panel and the Lister page read them too, with the same
// functions (connectedRecord, readEventSettings, keepEventSettings).
//
// Kept where the desk reads them: the retention days beside the desk's own
// (store/retentionSettings.ts, organizerDays: the retention panel and the
// banner), the external list permission with the process around the page
// (exports:central-settings, the Lister page), through a hook the app
// gives (renderer/store/index.ts). Unreadable settings leave the last
// kept ones; they never change the sync's status.

import { fail, ok, type Result } from '../../shared/contract/result';
import type { Fetch } from '../../shared/sync/desk/httpRequest';
import { requestJson } from '../../shared/sync/desk/httpRequest';
import type { SyncStatus } from '../../shared/sync/desk/status';
import type { DeskDatabase } from '../db/database';
import { readSyncRecord } from '../db/syncRecords';
import type { SyncRecord } from '../db/syncSchemas';
import {
  maxRetentionDays,
  readRetention,
  writeOrganizerDays,
} from '../store/retentionSettings';

/** What the central event says; a field absent or malformed is undefined. */
export type CentralEventSettings = {
  /** null: the organizer set none, each desk's own days count. */
  retentionDays?: number | null;
  allowExternalList?: boolean;
};

/** Hands the central event's external list permission to the host. */
export type KeepExternalList = (
  eventId: string,
  allowExternalList: boolean,
) => Promise<unknown>;

/** While a desk stays online, the settings are read again this often. */
export const settingsRefreshMs = 5 * 60_000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The settings in a central event answer, each checked on its own. */
export const settingsOf = (event: unknown): CentralEventSettings => {
  if (!isRecord(event)) return {};
  const settings: CentralEventSettings = {};
  const days = event.retentionDays;
  if (days === null) settings.retentionDays = null;
  else if (
    typeof days === 'number' &&
    Number.isInteger(days) &&
    days >= 0 &&
    days <= maxRetentionDays
  ) {
    settings.retentionDays = days;
  }
  if (typeof event.allowExternalList === 'boolean') {
    settings.allowExternalList = event.allowExternalList;
  }
  return settings;
};

/**
 * The sync record of an event connected now; null when it never was or
 * was disconnected, so a disconnected event's old token is not used again.
 */
export const connectedRecord = async (
  db: DeskDatabase,
  eventId: string,
): Promise<SyncRecord | null> => {
  const record = await readSyncRecord(db, eventId);
  return record?.active === true ? record : null;
};

/** The page's own fetch, for the pages that read the settings too. */
export const pageFetch: Fetch<AbortSignal> = (url, init) =>
  globalThis.fetch(url, init);

/**
 * One GET of the connected event with the desk's token: the sync, the
 * retention panel (when it opens) and the Lister page (when it opens and
 * before an external list) all read the event this way.
 */
export const readEventSettings = async (
  record: Pick<SyncRecord, 'url' | 'centralEventId' | 'deskToken'>,
  fetch: Fetch<AbortSignal>,
): Promise<Result<CentralEventSettings>> => {
  const answer = await requestJson({
    fetch,
    aborter: () => new AbortController(),
    url:
      `${record.url.replace(/\/+$/, '')}/api/events/` +
      encodeURIComponent(record.centralEventId),
    method: 'GET',
    token: record.deskToken,
    timeoutMs: 5_000,
  });
  if (!answer.ok) return answer;
  return isRecord(answer.value)
    ? ok(settingsOf(answer.value))
    : fail('bad-response', 'The central service did not send the event');
};

/**
 * Keeps what was read; true when the retention days kept on the desk
 * changed (the desk then redraws).
 */
export const keepEventSettings = async (
  db: DeskDatabase,
  eventId: string,
  settings: CentralEventSettings,
  keepExternalList?: KeepExternalList,
): Promise<boolean> => {
  let changed = false;
  if (settings.retentionDays !== undefined) {
    const before = (await readRetention(db, eventId)).organizerDays ?? null;
    if (before !== settings.retentionDays) {
      changed = (await writeOrganizerDays(db, eventId, settings.retentionDays))
        .ok;
    }
  }
  if (settings.allowExternalList !== undefined && keepExternalList) {
    // The host keeps its last answer when it cannot store this one.
    await keepExternalList(eventId, settings.allowExternalList).catch(
      () => undefined,
    );
  }
  return changed;
};

export type SettingsRefreshHost = {
  db: DeskDatabase;
  fetch: Fetch<AbortSignal>;
  now: () => Date;
  keepExternalList?: KeepExternalList;
  /** The kept retention days changed. */
  changed(): void;
};

/**
 * When to read a connected event's settings again, by event: told each
 * status of its sync, and `refresh` at connect. One read at a time.
 */
export const createSettingsRefresh = (host: SettingsRefreshHost) => {
  /** Per local event, when its settings were last read in this period. */
  const readAt = new Map<string, number>();
  const running = new Map<string, Promise<void>>();

  const refresh = (record: SyncRecord): Promise<void> => {
    const { eventId } = record;
    const busy = running.get(eventId);
    if (busy) return busy;
    readAt.set(eventId, host.now().getTime());
    const run = (async () => {
      const read = await readEventSettings(record, host.fetch);
      // Unreachable or refused: the settings last kept stay.
      if (!read.ok) return;
      const changed = await keepEventSettings(
        host.db,
        eventId,
        read.value,
        host.keepExternalList,
      );
      if (changed) host.changed();
    })()
      .catch(() => undefined)
      .finally(() => running.delete(eventId));
    running.set(eventId, run);
    return run;
  };

  return {
    refresh,
    /** A status of the record's sync: reads again when it is time. */
    status(record: SyncRecord, status: SyncStatus) {
      const { eventId } = record;
      if (status.kind === 'offline' || status.kind === 'error') {
        // The next round that reaches the service starts a new period.
        readAt.delete(eventId);
        return;
      }
      if (status.kind !== 'synced') return;
      const at = readAt.get(eventId);
      if (at === undefined || host.now().getTime() - at >= settingsRefreshMs) {
        void refresh(record);
      }
    },
    /** Settles when no read is running (tests, closing). */
    settled: async () => {
      await Promise.all(running.values());
    },
  };
};
