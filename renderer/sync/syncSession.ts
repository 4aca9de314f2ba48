// One connected event's sync on this desk: its RxDB store, its HTTP
// transport and the engine over both. What the store writes is drawn into
// the open model at once when that event is open (serverState.ts).

import type { RetryPolicy } from '../../shared/sync/desk/backoff';
import { createSyncEngine } from '../../shared/sync/desk/engine';
import {
  createHttpTransport,
  type Fetch,
} from '../../shared/sync/desk/httpTransport';
import type {
  CentralTransport,
  SyncEngine,
} from '../../shared/sync/desk/ports';
import type { SyncStatus } from '../../shared/sync/desk/status';
import type { SyncDocument } from '../../shared/sync/types';
import type { DeskDatabase } from '../db/database';
import type { SyncRecord } from '../db/syncSchemas';
import type { EventModel } from '../store/eventModel';
import {
  applyCheckpoint,
  applyPulled,
  applyResults,
} from '../store/serverState';
import { createRxSyncStore, type RxSyncStore } from './rxSyncStore';

export type SessionHost = {
  db: DeskDatabase;
  now: () => Date;
  fetch: Fetch<AbortSignal>;
  retry?: RetryPolicy;
  /** The open model, when it is this session's event. */
  model(eventId: string): EventModel | null;
  changed(): void;
};

export type SyncSession = {
  record: SyncRecord;
  store: RxSyncStore;
  transport: CentralTransport;
  engine: SyncEngine;
  status(): SyncStatus;
};

export type SessionListeners = {
  onStatus?(status: SyncStatus): void;
  onPulled?(documents: readonly SyncDocument[]): void;
};

export const openSyncSession = async (
  host: SessionHost,
  record: SyncRecord,
  listeners: SessionListeners = {},
): Promise<SyncSession> => {
  const withModel = (draw: (model: EventModel) => void) => {
    const model = host.model(record.eventId);
    if (!model) return;
    draw(model);
    host.changed();
  };
  const store = await createRxSyncStore(host.db, record, {
    onPulled: (documents, checkpoint) =>
      withModel((model) => {
        applyPulled(model, documents);
        applyCheckpoint(model, checkpoint);
      }),
    onResults: (results) => withModel((model) => applyResults(model, results)),
  });
  const transport = createHttpTransport({
    baseUrl: record.url,
    eventId: record.centralEventId,
    token: record.deskToken,
    fetch: host.fetch,
    // Calls given up on close their connection at once: the browser allows
    // six to one server, and hung ones would take them all.
    aborter: () => new AbortController(),
  });
  let status: SyncStatus = { kind: 'connecting', pending: 0 };
  const engine = createSyncEngine({
    deskId: record.deskId,
    transport,
    store,
    now: host.now,
    retry: host.retry,
    onStatus: (next) => {
      status = next;
      listeners.onStatus?.(next);
      host.changed();
    },
    onPulled: listeners.onPulled,
  });
  return { record, store, transport, engine, status: () => status };
};

/**
 * The event's latest seq as the live stream's first message says it, or
 * 0 when the stream gives none within `waitMs`: the download's total.
 */
export const latestSeqOf = (
  transport: CentralTransport,
  waitMs: number,
): Promise<number> =>
  new Promise((resolve) => {
    let close: () => void = () => undefined;
    const done = (seq: number) => {
      clearTimeout(timer);
      close();
      resolve(seq);
    };
    const timer = setTimeout(() => done(0), waitMs);
    close = transport.watch(done, () => done(0));
  });
