// One connected event's sync on this desk: its RxDB store, its HTTP
// transport and the engine over both. What the store writes is drawn into
// the open model at once when that event is open (serverState.ts).

import { fail, type Result } from '../../shared/contract/result';
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
import type { PullResponse, SyncDocument } from '../../shared/sync/types';
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

export type SessionOptions = {
  onStatus?(status: SyncStatus): void;
  onPulled?(documents: readonly SyncDocument[]): void;
  /** A pulled page and the checkpoint after it are stored. */
  onCheckpoint?(checkpoint: number): void;
  /** No participant is stored under the event yet (rxSyncStore.ts). */
  emptyEvent?: boolean;
  /** Asks for each pull page while the one before is stored. */
  pullAhead?: boolean;
  /** Documents a pull page may hold (shared/sync/types.ts). */
  pullLimit?: number;
};

type Pulled = Promise<Result<PullResponse>>;

/**
 * The transport with pull pages asked for one ahead: once a page says
 * there is more, the next is fetched while the engine stores this one.
 * The engine still stores each page before its checkpoint (round.ts);
 * only the page it asks for next is used, and a failed one is asked for
 * again. For a download: a page kept across rounds could be stale.
 */
export const pullingAhead = (transport: CentralTransport): CentralTransport => {
  let ahead: { checkpoint: number; limit: number; page: Pulled } | null = null;
  const ask = (checkpoint: number, limit: number): Pulled =>
    transport
      .pull(checkpoint, limit)
      .catch((error: unknown) =>
        fail('offline', `No answer from the service: ${String(error)}`),
      );
  return {
    ...transport,
    async pull(checkpoint, limit) {
      const kept =
        ahead?.checkpoint === checkpoint && ahead.limit === limit
          ? await ahead.page
          : null;
      ahead = null;
      const answer = kept?.ok ? kept : await transport.pull(checkpoint, limit);
      if (answer.ok && answer.value.hasMore) {
        const next = answer.value.checkpoint;
        if (next !== checkpoint) {
          ahead = { checkpoint: next, limit, page: ask(next, limit) };
        }
      }
      return answer;
    },
  };
};

export const openSyncSession = async (
  host: SessionHost,
  record: SyncRecord,
  listeners: SessionOptions = {},
): Promise<SyncSession> => {
  const withModel = (draw: (model: EventModel) => void) => {
    const model = host.model(record.eventId);
    if (!model) return;
    draw(model);
    host.changed();
  };
  const store = await createRxSyncStore(
    host.db,
    record,
    {
      onPulled: (documents, checkpoint) => {
        withModel((model) => {
          applyPulled(model, documents);
          applyCheckpoint(model, checkpoint);
        });
        listeners.onCheckpoint?.(checkpoint);
      },
      onResults: (results) =>
        withModel((model) => applyResults(model, results)),
    },
    { emptyEvent: listeners.emptyEvent },
  );
  const http = createHttpTransport({
    baseUrl: record.url,
    eventId: record.centralEventId,
    token: record.deskToken,
    fetch: host.fetch,
    // Calls given up on close their connection at once: the browser allows
    // six to one server, and hung ones would take them all.
    aborter: () => new AbortController(),
  });
  const transport = listeners.pullAhead ? pullingAhead(http) : http;
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
    pullLimit: listeners.pullLimit,
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
