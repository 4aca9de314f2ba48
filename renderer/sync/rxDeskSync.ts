// The DeskSync the UI uses (deskSync.ts), over RxDB and the sync engine.
// The desk store tells it when an event opens (its sync resumes, any
// other stops) and when an operation is recorded (pushed soon); what it
// shows about the open event is read from the store's model.

import { fail, ok, type Result } from '../../shared/contract/result';
import type { RaceEvent } from '../../shared/domain/event';
import {
  listCentralEvents,
  loginToCentral,
} from '../../shared/sync/desk/httpTransport';
import { postResultList } from '../../shared/sync/desk/resultUpload';
import type { SyncStatus } from '../../shared/sync/desk/status';
import type { BibLease } from '../../shared/sync/types';
import { patchSyncRecord, readSyncRecord } from '../db/syncRecords';
import type { SyncRecord } from '../db/syncSchemas';
import type { EventModel } from '../store/eventModel';
import type { Downloaded } from '../store/openEvent';
import { addServerDocument } from '../store/serverState';
import {
  conflictViews,
  deskLeases,
  leaseStock,
  operationNotes,
  pendingOperations,
} from '../store/syncViews';
import {
  type ConnectHost,
  connectEvent,
  downloadEventAgain,
} from './connectEvent';
import type { CentralConnection, DeskSync } from './deskSync';
import { createSettingsRefresh, type KeepExternalList } from './eventSettings';
import { openSyncSession, type SyncSession } from './syncSession';

export type DeskSyncHost = Omit<ConnectHost, 'model'> & {
  /** The desk store's open model, whatever its event. */
  activeModel(): EventModel | null;
  /**
   * Opens an event in the desk store, as the UI would; from `downloaded`
   * when a first download just stored it (openEvent.ts).
   */
  openEvent(
    eventId: string,
    downloaded?: Downloaded | null,
  ): Promise<Result<RaceEvent>>;
  /**
   * Hands the central event's external list permission, read with its
   * settings (eventSettings.ts), to whoever keeps it for the Lister page;
   * none in tests that do not look.
   */
  keepExternalList?: KeepExternalList;
  /**
   * The central service stored the results of the event this sync session
   * is for (its local id: not necessarily the event open now).
   */
  resultsPosted?(eventId: string, postedAt: string): Promise<void>;
};

/** DeskSync plus what the desk store drives it with. */
export type RxDeskSync = DeskSync & {
  /** The store opened an event: resume its sync, stop any other. */
  opened(eventId: string): Promise<void>;
  /** An operation was recorded in the open event: push it soon. */
  recorded(): void;
  /** Stops syncing; the store is closing. */
  close(): Promise<void>;
};

const connectionOf = (record: SyncRecord): CentralConnection => ({
  url: record.url,
  centralEventId: record.centralEventId,
  deskId: record.deskId,
  deskName: record.deskName,
  connectedAt: record.connectedAt,
});

const notConnected = () =>
  fail('not-connected', 'The open event is not connected to a central service');

export const createRxDeskSync = (host: DeskSyncHost): RxDeskSync => {
  const sessionHost: ConnectHost = {
    ...host,
    model: (eventId) => {
      const model = host.activeModel();
      return model?.event.id === eventId ? model : null;
    },
  };
  let current: SyncSession | null = null;
  /** A connect is registering and downloading. */
  let connecting = false;
  /** The connection of an event being downloaded again. */
  let downloading: SyncRecord | null = null;

  // The organizer's settings of the event, read at connect and once per
  // online period of its sync (eventSettings.ts).
  const settings = createSettingsRefresh({
    db: host.db,
    fetch: host.fetch,
    now: host.now,
    keepExternalList: host.keepExternalList,
    changed: () => host.changed(),
  });

  /** The open model when its event is the one syncing. */
  const syncedModel = () =>
    current ? sessionHost.model(current.record.eventId) : null;

  const stopCurrent = async () => {
    const stopping = current;
    current = null;
    await stopping?.engine.stop();
  };

  const resume = async (eventId: string) => {
    const record = await readSyncRecord(host.db, eventId);
    if (!record?.active) return;
    current = await openSyncSession(sessionHost, record, {
      onStatus: (status) => settings.status(record, status),
    });
    current.engine.start();
  };

  const storeLease = async (session: SyncSession, lease: BibLease) => {
    const { eventId } = session.record;
    // Usable at once; the pull brings the same lease with its real seq.
    const document = { kind: 'bib-lease' as const, seq: 0, lease };
    await host.db.syncDocs.upsert({
      key: `${eventId}|bib-lease|${lease.id}`,
      eventId,
      kind: 'bib-lease',
      docId: lease.id,
      seq: 0,
      document,
    });
    const model = sessionHost.model(eventId);
    if (model) addServerDocument(model.server, document);
    host.changed();
  };

  return {
    status: (): SyncStatus =>
      current?.status() ??
      (connecting ? { kind: 'connecting', pending: 0 } : { kind: 'local' }),
    connection: () => {
      const record = current?.record ?? downloading;
      return record ? connectionOf(record) : null;
    },

    async login(url, login, password) {
      const signed = await loginToCentral(host.fetch, url, login, password);
      if (!signed.ok) return signed;
      const { token, account } = signed.value;
      const events = await listCentralEvents(host.fetch, url, token);
      if (!events.ok) return events;
      return ok({ url, token, account, events: events.value });
    },

    async connect(request, onProgress) {
      await stopCurrent();
      connecting = true;
      host.changed();
      try {
        const connected = await connectEvent(sessionHost, request, onProgress);
        if (!connected.ok) return connected;
        const { record, downloaded } = connected.value;
        // Before the event opens, so its retention days are the organizer's
        // from the first draw.
        await settings.refresh(record);
        return await host.openEvent(record.eventId, downloaded);
      } finally {
        connecting = false;
        // A failed connect leaves the open event as it was, syncing or not.
        const open = host.activeModel();
        if (!current && open) await resume(open.event.id);
        host.changed();
      }
    },

    async downloadAgain(onProgress) {
      const session = current;
      if (!session) return notConnected();
      const { eventId } = session.record;
      await stopCurrent();
      connecting = true;
      downloading = session.record;
      host.changed();
      try {
        const again = await downloadEventAgain(
          sessionHost,
          eventId,
          onProgress,
        );
        // Opened again either way: the answers and server documents the
        // open event drew are forgotten on disk.
        const opened = await host.openEvent(eventId);
        return again.ok ? opened : again;
      } finally {
        connecting = false;
        downloading = null;
        const open = host.activeModel();
        if (!current && open) await resume(open.event.id);
        host.changed();
      }
    },

    syncNow: async () => {
      await current?.engine.syncNow();
    },
    pendingCount() {
      const model = syncedModel();
      return model ? pendingOperations(model, host.deskId) : 0;
    },
    conflicts() {
      const model = syncedModel();
      return model ? conflictViews(model) : [];
    },
    leases() {
      const model = syncedModel();
      return model ? deskLeases(model, host.deskId) : [];
    },
    leaseStock() {
      const model = syncedModel();
      return model ? leaseStock(model, host.deskId) : [];
    },
    async requestLease(className, count) {
      const session = current;
      if (!session) return notConnected();
      const lease = await session.transport.lease({
        deskId: host.deskId,
        className,
        count,
      });
      if (lease.ok) await storeLease(session, lease.value);
      return lease;
    },
    async postResults(list) {
      const session = current;
      if (!session) return notConnected();
      const posted = await postResultList({
        fetch: host.fetch,
        aborter: () => new AbortController(),
        baseUrl: session.record.url,
        eventId: session.record.centralEventId,
        token: session.record.deskToken,
        list,
      });
      if (posted.ok) {
        await host.resultsPosted?.(
          session.record.eventId,
          posted.value.postedAt,
        );
      }
      return posted;
    },
    notes(participantId) {
      const model = syncedModel();
      return model ? operationNotes(model, participantId) : [];
    },
    async disconnect() {
      const session = current;
      if (!session) return;
      await stopCurrent();
      await patchSyncRecord(host.db, session.record.eventId, {
        active: false,
      });
      host.changed();
    },

    async opened(eventId) {
      if (current?.record.eventId === eventId) return;
      await stopCurrent();
      await resume(eventId);
      host.changed();
    },
    recorded: () => current?.engine.localWrite(),
    async close() {
      await stopCurrent();
      await settings.settled();
    },
  };
};
