// Connecting a desk to a central event: register this desk under its own
// id, keep the event and its connection record, and download the event
// with the engine's first round, counting documents as they are stored.
// A first download into an event of its own making also keeps the
// participants it stored, so the event opens from them rather than by
// reading and unsealing every row again (openEvent.ts).

import { fail, ok, type Result } from '../../shared/contract/result';
import type { EventType, RaceEvent } from '../../shared/domain/event';
import type { Participant } from '../../shared/domain/participant';
import { registerDesk } from '../../shared/sync/desk/httpTransport';
import type { SyncStatus } from '../../shared/sync/desk/status';
import {
  type CentralEvent,
  maxPullLimit,
  type SyncDocument,
} from '../../shared/sync/types';
import type { ServerParticipant } from '../db/schemas';
import { readSyncRecord, writeSyncRecord } from '../db/syncRecords';
import type { SyncRecord } from '../db/syncSchemas';
import type { Downloaded } from '../store/openEvent';
import type { ConnectRequest, DownloadProgress } from './deskSync';
import { forgetServerState } from './rxSyncStore';
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

type LocalEvent = {
  id: string;
  /** Made by this connect, with no participant stored under its id. */
  empty: boolean;
};

/** The event the central one is kept in on this desk, created if new. */
const ensureLocalEvent = async (
  host: ConnectHost,
  request: ConnectRequest,
): Promise<Result<LocalEvent>> => {
  const { db } = host;
  if (request.localEventId !== undefined) {
    const local = await db.events.findOne(request.localEventId).exec();
    return local
      ? ok({ id: local.id, empty: false })
      : fail('unknown-event', `No event ${request.localEventId}`, {
          eventId: request.localEventId,
        });
  }
  const joined = await joinedEvent(host, request);
  if (joined) return ok({ id: joined, empty: false });
  const id = request.centralEventId;
  if (await db.events.findOne(id).exec()) return ok({ id, empty: false });
  const central = request.session.events.find((e) => e.id === id);
  if (!central) {
    return fail('unknown-event', `No central event ${id}`, { eventId: id });
  }
  await db.events.insert(localEventOf(central, host.now().toISOString()));
  // Rows a purge cut short could be left under the id: then the event
  // opens from what is stored, not from what the download brought. By
  // primary key range, so other events' rows are not walked.
  const left = db.participants.findOne({
    selector: { key: { $gt: `${id}|`, $lt: `${id}|\uffff` } },
  });
  return ok({ id, empty: (await left.exec()) === null });
};

/**
 * The participants a download stores, as the event's open reads them
 * back (readEventDocs.ts): the pulled participant under the local event,
 * its server state apart, erased people gone.
 */
const keepDownload = (eventId: string) => {
  const participants = new Map<string, Participant>();
  const servers = new Map<string, ServerParticipant>();
  return {
    add(documents: readonly SyncDocument[]) {
      for (const doc of documents) {
        if (doc.kind === 'participant') {
          const { participant, state, lateEntry, seq } = doc;
          participants.set(participant.id, { ...participant, eventId });
          servers.set(participant.id, { seq, state, lateEntry });
        } else if (doc.kind === 'participant-erased') {
          participants.delete(doc.participantId);
          servers.delete(doc.participantId);
        }
      }
    },
    /** In primary key order, as a read by key range gives them. */
    downloaded: (): Downloaded => ({
      eventId,
      participants: [...participants.keys()]
        .sort()
        .flatMap((id) => participants.get(id) ?? []),
      servers,
    }),
  };
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

export type Connected = {
  record: SyncRecord;
  /** What a first download into a new event stored, else null. */
  downloaded: Downloaded | null;
};

/**
 * How far a download is, 0 to 1: the checkpoint stored, counted from
 * where the download started, over the event's latest seq as the live
 * stream said it. Seqs count changes, not documents, so a count of
 * documents over seqs stalls far below the end on an event whose people
 * changed many times; this reaches 1 with the last page. The event may
 * grow while it downloads: it stays at most 1.
 */
export const downloadShare = (
  from: number,
  checkpoint: number,
  latest: number,
): number =>
  latest > from
    ? Math.min(1, Math.max(0, (checkpoint - from) / (latest - from)))
    : 0;

/**
 * The engine's first round from the record's checkpoint, with progress
 * after each page stored. 1 is told once the round has ended synced.
 */
const download = async (
  host: SessionHost,
  record: SyncRecord,
  kept: ReturnType<typeof keepDownload> | null,
  onProgress: (progress: DownloadProgress) => void,
): Promise<Result<true>> => {
  const progress: DownloadProgress = { documents: 0, done: 0 };
  const from = record.checkpoint;
  let latest = 0;
  const session = await openSyncSession(host, record, {
    emptyEvent: kept !== null,
    pullAhead: true,
    pullLimit: maxPullLimit,
    // Told once the page's documents are stored, before its checkpoint.
    onPulled: (documents) => {
      kept?.add(documents);
      progress.documents += documents.length;
    },
    onCheckpoint: (checkpoint) => {
      progress.done = Math.max(
        progress.done,
        downloadShare(from, checkpoint, latest),
      );
      onProgress({ ...progress });
    },
  });
  latest = await latestSeqOf(session.transport, sizeWaitMs);
  onProgress({ ...progress });
  await session.engine.syncNow();
  await session.engine.stop();
  const failed = failureOf(session.engine.status());
  if (failed) return failed;
  onProgress({ ...progress, done: 1 });
  return ok(true);
};

const isAhead = (result: Result<true>) =>
  !result.ok && result.error.code === 'checkpoint-ahead';

/**
 * Registers the desk, stores the connection and downloads the event.
 * Reconnecting the same event to the same service goes on from its
 * checkpoint; a service that refuses it as ahead of its own (restored
 * from an older copy) gets the event downloaded again and this desk's
 * operations pushed again (downloadEventAgain). Returns the connection
 * record; the caller opens the event.
 */
export const connectEvent = async (
  host: ConnectHost,
  request: ConnectRequest,
  onProgress: (progress: DownloadProgress) => void,
): Promise<Result<Connected>> => {
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

  const eventId = local.value.id;
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

  const kept =
    local.value.empty && record.checkpoint === 0 ? keepDownload(eventId) : null;
  const first = await download(host, record, kept, onProgress);
  if (isAhead(first)) {
    const again = await downloadEventAgain(host, eventId, onProgress);
    return again.ok ? ok({ record: again.value, downloaded: null }) : again;
  }
  if (!first.ok) return first;
  return ok({ record, downloaded: kept?.downloaded() ?? null });
};

/**
 * Downloads a connected event again from checkpoint 0 and pushes every
 * operation of this desk in it again, after the central service was
 * restored from an older copy (rxSyncStore.ts, forgetServerState). The
 * caller opens the event again: what the desk drew from the service's
 * answers is stale.
 */
export const downloadEventAgain = async (
  host: SessionHost,
  eventId: string,
  onProgress: (progress: DownloadProgress) => void,
): Promise<Result<SyncRecord>> => {
  const before = await readSyncRecord(host.db, eventId);
  if (!before) {
    return fail('not-connected', `Event ${eventId} is not connected`);
  }
  try {
    await forgetServerState(host.db, eventId);
  } catch (error) {
    return fail(
      'store-failed',
      `The desk could not start the download again: ${String(error)}`,
    );
  }
  const record = { ...before, checkpoint: 0 };
  const downloaded = await download(host, record, null, onProgress);
  return downloaded.ok ? ok(record) : downloaded;
};
