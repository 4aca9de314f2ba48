// Connecting a desk to a central event: register this desk under its own
// id, keep the event and its connection record, and download the event
// with the engine's first round, counting documents as they are stored.

import { fail, ok, type Result } from '../../shared/contract/result';
import type { EventType, RaceEvent } from '../../shared/domain/event';
import { registerDesk } from '../../shared/sync/desk/httpTransport';
import type { SyncStatus } from '../../shared/sync/desk/status';
import type { CentralEvent } from '../../shared/sync/types';
import { readSyncRecord, writeSyncRecord } from '../db/syncRecords';
import type { SyncRecord } from '../db/syncSchemas';
import type { ConnectRequest, DownloadProgress } from './deskSync';
import { latestSeqOf, openSyncSession, type SessionHost } from './syncSession';

export type ConnectHost = SessionHost & { deskId: string };

/** How long the download waits for the stream to say the event's size. */
const sizeWaitMs = 3000;

const eventTypes: readonly EventType[] = [
  'event',
  'sanctioned-event',
  'course',
  'meeting',
  'series',
  'license-sale',
];

const eventTypeOf = (type: string): EventType =>
  eventTypes.find((known) => known === type) ?? 'event';

const localEventOf = (central: CentralEvent, now: string): RaceEvent => ({
  id: central.id,
  name: central.name,
  type: eventTypeOf(central.type),
  date: central.date,
  organizer: '',
  source: 'central',
  createdAt: now,
  updatedAt: now,
});

/** A local event joined to this central event before, if any. */
const joinedEvent = async (
  host: ConnectHost,
  request: ConnectRequest,
): Promise<string | null> => {
  for (const event of await host.db.events.find().exec()) {
    const record = await readSyncRecord(host.db, event.id);
    if (
      record?.url === request.session.url &&
      record.centralEventId === request.centralEventId
    ) {
      return event.id;
    }
  }
  return null;
};

/** The event the central one is kept in on this desk, created if new. */
const ensureLocalEvent = async (
  host: ConnectHost,
  request: ConnectRequest,
): Promise<Result<string>> => {
  const { db } = host;
  if (request.localEventId !== undefined) {
    const local = await db.events.findOne(request.localEventId).exec();
    return local
      ? ok(local.id)
      : fail('unknown-event', `No event ${request.localEventId}`, {
          eventId: request.localEventId,
        });
  }
  const joined = await joinedEvent(host, request);
  if (joined) return ok(joined);
  const id = request.centralEventId;
  if (await db.events.findOne(id).exec()) return ok(id);
  const central = request.session.events.find((e) => e.id === id);
  if (!central) {
    return fail('unknown-event', `No central event ${id}`, { eventId: id });
  }
  await db.events.insert(localEventOf(central, host.now().toISOString()));
  return ok(id);
};

const failureOf = (status: SyncStatus): Result<never> | null => {
  if (status.kind === 'error') return { ok: false, error: status.error };
  if (status.kind === 'offline') {
    return fail('offline', 'No answer from the central service', {
      retryAt: status.retryAt,
    });
  }
  return null;
};

/**
 * Registers the desk, stores the connection and downloads the event.
 * Reconnecting the same event to the same service goes on from its
 * checkpoint. Returns the connection record; the caller opens the event.
 */
export const connectEvent = async (
  host: ConnectHost,
  request: ConnectRequest,
  onProgress: (progress: DownloadProgress) => void,
): Promise<Result<SyncRecord>> => {
  const { session, centralEventId, deskName } = request;
  const registered = await registerDesk(
    host.fetch,
    session.url,
    session.token,
    centralEventId,
    { name: deskName, deskId: host.deskId },
  );
  if (!registered.ok) return registered;
  const local = await ensureLocalEvent(host, request);
  if (!local.ok) return local;

  const eventId = local.value;
  const before = await readSyncRecord(host.db, eventId);
  const same =
    before?.url === session.url && before.centralEventId === centralEventId;
  const record: SyncRecord = {
    eventId,
    url: session.url,
    centralEventId,
    deskId: host.deskId,
    deskName,
    deskToken: registered.value.token,
    connectedAt: host.now().toISOString(),
    active: true,
    checkpoint: same ? before.checkpoint : 0,
  };
  await writeSyncRecord(host.db, record);

  const progress: DownloadProgress = { documents: 0, total: 0 };
  const download = await openSyncSession(host, record, {
    onPulled: (documents) => {
      progress.documents += documents.length;
      progress.total = Math.max(progress.total, progress.documents);
      onProgress({ ...progress });
    },
  });
  const latest = await latestSeqOf(download.transport, sizeWaitMs);
  progress.total = Math.max(0, latest - record.checkpoint);
  onProgress({ ...progress });
  await download.engine.syncNow();
  await download.engine.stop();
  return failureOf(download.engine.status()) ?? ok(record);
};
