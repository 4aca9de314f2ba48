// The DeskStore over RxDB. Reads come from memory (the open event's views
// and search index, see eventModel.ts); writes go through one queue, are
// checked against what the desk shows, stored durably, then applied in
// memory (operationLog.ts). liveUpdates.ts applies writes made elsewhere.
// An event opens from its roster first (openEvent.ts, roster.ts).

import { fail, ok, type Result } from '../../shared/contract/result';
import { demoExport } from '../../shared/demo/demoExport';
import type { ClassSummary, ParticipantView } from '../../shared/desk/state';
import type { EventSource, RaceEvent } from '../../shared/domain/event';
import type {
  LateEntry,
  Operation,
  OperationDraft,
} from '../../shared/domain/operation';
import type { ImportPreview } from '../../shared/isonen/preview';
import type { Fetch } from '../../shared/sync/desk/httpTransport';
import {
  type DatabaseOptions,
  type DeskDatabase,
  openDeskDatabase,
} from '../db/database';
import { ensureDeskId } from '../db/deskIdentity';
import { acquireDeskLock } from '../db/deskLock';
import type { EventKeySource } from '../db/keyring';
import type { DataKey } from '../db/sealing';
import type { KeepExternalList } from '../sync/eventSettings';
import { createRxDeskSync } from '../sync/rxDeskSync';
import type { CheckInPoint, DeskStore } from './deskStore';
import {
  bibClassOf,
  completeParticipants,
  type EventModel,
  upsertParticipants,
} from './eventModel';
import { commitImport, previewImport } from './importer';
import { followChanges } from './liveUpdates';
import {
  type Committed,
  type Downloaded,
  readEventModel,
  readFullParticipants,
} from './openEvent';
import { createOperationLog } from './operationLog';
import { purgeEventDocuments } from './purgeEvent';
import { readEvents, readParticipants } from './readDocs';
import {
  markResultsSent,
  readRetention,
  readRetentionDays,
  unsentOperations,
  unsentRefusal,
  writeOrganizerDays,
  writeRetentionDays,
} from './retentionSettings';
import { writeRoster } from './rosterDocs';
import { checkInsOverTime, classSummaries } from './summaries';
import { nextBib, typedBibSource } from './syncViews';
import { createTimingStore } from './timingStore';
import { createWriteQueue } from './writeQueue';

export type DeskStoreOptions = {
  /** IndexedDB name; tests and benchmarks use fresh ones. */
  dbName?: string;
  /** Seals personal fields at rest; the app always gives one. */
  dataKey?: DataKey;
  /**
   * Each event's own key, destroyed by its purge (../db/keyring.ts); the
   * app always gives them. Without them events are sealed under dataKey.
   */
  eventKeys?: EventKeySource;
  /** For Node tests: fake-indexeddb. */
  dexie?: DatabaseOptions['dexie'];
  /** The desk's clock; tests pin it. */
  now?: () => Date;
  /** How many people loadDemo makes; 3,000 unless a test says. */
  demoParticipants?: number;
  /** How long to wait for another window to let go of the database. */
  lockWaitMs?: number;
  /** The fetch sync talks to the central service with; the global one. */
  fetch?: Fetch<AbortSignal>;
  /** Sync retry backoff; tests shorten it. */
  syncRetry?: { firstMs: number; maxMs: number };
  /**
   * Keeps a connected event's external list permission as its sync read
   * it from the central service (sync/eventSettings.ts); the app hands it
   * to the host (exports:central-settings).
   */
  keepExternalList?: KeepExternalList;
  /**
   * Who is signed in at the start; '' (the app's) until setOperator.
   * Operations are refused while it is ''.
   */
  operator?: string;
};

/** The store plus what tests and the app shell need around it. */
export type RxDeskStore = DeskStore & {
  readonly database: DeskDatabase;
  close(): Promise<void>;
};

export const createDeskStore = async (
  options: DeskStoreOptions = {},
): Promise<RxDeskStore> => {
  const dbName = options.dbName ?? 'racedesk';
  const lock = await acquireDeskLock(dbName, options.lockWaitMs);
  if (!lock) {
    throw new Error(
      `The desk database "${dbName}" is open in another window; close it there first.`,
    );
  }
  const db = await openDeskDatabase({
    name: dbName,
    dexie: options.dexie,
    key: options.dataKey,
    eventKeys: options.eventKeys,
  }).catch(async (error: unknown) => {
    await lock.release();
    throw error;
  });
  const deskId = await ensureDeskId(db).catch(async (error: unknown) => {
    await db.close();
    await lock.release();
    // AES-GCM refuses a document sealed under another key.
    throw error instanceof Error && error.name === 'OperationError'
      ? new Error(
          `The desk's data key does not open the database "${dbName}": it was sealed under another key, or is damaged`,
        )
      : error;
  });
  const clock = options.now ?? (() => new Date());
  const queue = createWriteQueue();
  const listeners = new Set<() => void>();
  let operatorName = options.operator ?? '';
  const log = await createOperationLog(db, deskId, clock, () => operatorName);
  let model: EventModel | null = null;
  let version = 0;

  // classes() and checkInsOverTime() walk every view; the UI asks on every
  // render, so each answer is kept until the next change.
  let classesMemo: ClassSummary[] | null = null;
  const checkInsMemo = new Map<number, CheckInPoint[]>();

  const changed = () => {
    version += 1;
    classesMemo = null;
    checkInsMemo.clear();
    for (const listener of listeners) listener();
  };

  const sync = createRxDeskSync({
    db,
    deskId,
    now: clock,
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    retry: options.syncRetry,
    activeModel: () => model,
    openEvent: (eventId, downloaded) =>
      queue.run(() => load(eventId, downloaded)),
    changed: () => changed(),
    keepExternalList: options.keepExternalList,
    // The sync session's event: the one the results are of.
    resultsPosted: async (eventId, postedAt) => {
      await markResultsSent(db, eventId, postedAt);
      changed();
    },
  });

  // Settles when the open event's full participant documents are in
  // memory; until then the model holds roster summaries.
  let fullLoad: Promise<void> = Promise.resolve();

  const storedParticipants = async (eventId: string) => {
    await fullLoad;
    return model?.event.id === eventId && model.complete
      ? [...model.participants.values()].filter(
          (p) => !p.id.startsWith('late-'),
        )
      : readParticipants(db, eventId);
  };

  /** Replaces the summaries with the documents; runs in the queue. */
  const completeLoad = async (opened: EventModel) => {
    const participants = await readFullParticipants(db, opened);
    if (model !== opened) return;
    completeParticipants(opened, participants);
    changed();
  };

  // The documents the last import left, for opening its event right after
  // (the import page and loadDemo do): no roster, no read.
  let committed: Committed | null = null;

  const load = async (
    eventId: string,
    downloaded: Downloaded | null = null,
  ): Promise<Result<RaceEvent>> => {
    const read = await readEventModel(db, eventId, committed, downloaded);
    committed = null;
    if (!read.ok) return read;
    const opened = read.value.model;
    model = opened;
    log.opened(read.value.ops);
    await sync.opened(eventId);
    if (!opened.complete) {
      // Search answers from the roster now; the documents load next,
      // ahead of any write queued after this open, so every write and
      // preview sees them. Should the read fail, the summaries stay,
      // previews read the documents themselves, and the next open tries
      // again.
      fullLoad = queue.run(() => completeLoad(opened)).catch(() => undefined);
    }
    const documents = read.value.rosterless;
    if (documents) {
      // An event imported before rosters, or after a failed import: the
      // documents just read are what the database holds, so a roster of
      // them under the event's stamp serves the next open.
      const { id, updatedAt } = opened.event;
      void queue
        .run(() => writeRoster(db, id, updatedAt, documents))
        .catch(() => undefined);
    }
    changed();
    return ok(opened.event);
  };

  /** Records one operation; call inside the queue. */
  const recordNow = async (
    draft: OperationDraft,
  ): Promise<Result<Operation>> => {
    if (!model) return fail('no-event', 'Open an event first');
    // Every operation carries who made it (issue #5, access): none
    // without a signed-in operator.
    if (operatorName.trim() === '') {
      return fail(
        'no-operator',
        'Sign in first: every operation carries the name of the operator who made it',
      );
    }
    const result = await log.record(model, draft);
    if (result.ok) {
      changed();
      sync.recorded();
    }
    return result;
  };

  const record = (draft: OperationDraft) => queue.run(() => recordNow(draft));

  const activeId = () => model?.event.id ?? '';

  const viewOrFail = (participantId: string): Result<ParticipantView> => {
    const view = model?.views.get(participantId);
    return view
      ? ok(view)
      : fail('unknown-participant', `No participant ${participantId}`, {
          participantId,
        });
  };

  const importWith = async (
    preview: ImportPreview,
    skipRows: readonly number[],
    source: EventSource,
  ) =>
    queue.run(async () => {
      const result = await commitImport(db, {
        preview,
        skipRows,
        source,
        now: clock().toISOString(),
      });
      if (result.ok) {
        committed = {
          eventId: preview.eventId,
          stamp: result.value.event.updatedAt,
          participants: result.value.participants,
        };
      }
      if (result.ok && model?.event.id === preview.eventId) {
        model.event = result.value.event;
        upsertParticipants(model, result.value.written);
        changed();
      }
      return result;
    });

  const stopFollowing = followChanges(db, () => model, changed);

  // Results the central service stored: the event's retention date counts
  // from their day (retentionSettings.ts, "once results are synced").
  return {
    deskId,
    setOperator(name) {
      operatorName = name;
    },
    sync,
    database: db,
    timing: createTimingStore({
      model: () => model,
      queue,
      record: recordNow,
    }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,

    listEvents: async () =>
      (await readEvents(db)).sort((a, b) =>
        b.updatedAt.localeCompare(a.updatedAt),
      ),
    openEvent: (eventId) => queue.run(() => load(eventId)),
    activeEvent: () => model?.event ?? null,
    async loadDemo() {
      const preview = await previewImport(
        db,
        storedParticipants,
        demoExport({ participants: options.demoParticipants ?? 3000 }),
        { newEventName: 'Demo' },
      );
      const result = await importWith(preview, [], 'demo');
      if (!result.ok) return result;
      return queue.run(() => load(result.value.event.id));
    },

    search: (query, limit) => model?.index.search(query, limit) ?? [],
    lookupScan: (code) => model?.index.lookupScan(code) ?? null,
    get: (participantId) => model?.views.get(participantId),
    detailsLoaded: () => model?.complete ?? true,
    classes() {
      classesMemo ??= model
        ? classSummaries(model.views.values(), model.ranges)
        : [];
      return classesMemo;
    },
    checkInsOverTime(bucketMinutes) {
      const known = checkInsMemo.get(bucketMinutes);
      if (known) return known;
      const points = model
        ? checkInsOverTime(model.views.values(), bucketMinutes)
        : [];
      checkInsMemo.set(bucketMinutes, points);
      return points;
    },
    lastOperation: () => log.last(),

    checkIn: (participantId) =>
      record({
        eventId: activeId(),
        participantId,
        type: 'check-in',
        payload: {},
      }),
    undoCheckIn: (participantId) =>
      record({
        eventId: activeId(),
        participantId,
        type: 'check-in-undo',
        payload: {},
      }),
    assignNextBib: (participantId) =>
      queue.run(async () => {
        if (!model) return fail('no-event', 'Open an event first');
        const found = viewOrFail(participantId);
        if (!found.ok) return found;
        const view = found.value;
        const next = nextBib(model, deskId, bibClassOf(view));
        if (!next.ok) return next;
        return recordNow({
          eventId: model.event.id,
          participantId,
          type: 'bib-assign',
          payload: { ...next.value, previousBib: view.state.bib },
        });
      }),
    assignBib: (participantId, bib) =>
      queue.run(async () =>
        recordNow({
          eventId: activeId(),
          participantId,
          type: 'bib-assign',
          payload: {
            bib: bib.trim(),
            previousBib: model?.views.get(participantId)?.state.bib ?? '',
            // Outside this desk's leases a typed bib stays unconfirmed.
            source: model ? typedBibSource(model, deskId, bib.trim()) : 'typed',
          },
        }),
      ),
    setClassRange: (className, first, last) =>
      record({
        eventId: activeId(),
        participantId: '',
        type: 'class-range-set',
        payload: { className, first, last },
      }),
    recordPayment: (participantId, method, amount) =>
      record({
        eventId: activeId(),
        participantId,
        type: 'payment',
        payload: { method, amount },
      }),
    addLateEntry: (entry: LateEntry) =>
      queue.run(async () => {
        const result = await recordNow({
          eventId: activeId(),
          participantId: '',
          type: 'late-entry',
          payload: { entry },
        });
        if (!result.ok) return result;
        return viewOrFail(result.value.participantId);
      }),

    previewImport: (table, target) =>
      previewImport(db, storedParticipants, table, target),
    async commitImport(preview, skipRows) {
      const result = await importWith(preview, skipRows, 'isonen-file');
      return result.ok ? ok(result.value.report) : result;
    },

    retentionDays: (eventId) => readRetentionDays(db, eventId),
    setRetentionDays: (eventId, days) => writeRetentionDays(db, eventId, days),
    retention: (eventId) => readRetention(db, eventId),
    setOrganizerRetentionDays: (eventId, days) =>
      writeOrganizerDays(db, eventId, days),
    markResultsSent: async (eventId, postedAt) => {
      const marked = await markResultsSent(db, eventId, postedAt);
      if (marked.ok) changed();
      return marked;
    },
    purgeEvent: (eventId, confirm = {}) =>
      queue.run(async () => {
        const open = model?.event.id === eventId;
        // Counted from the database: a never connected event's every
        // operation, a connected one's unanswered ones, open or not.
        const unsent = await unsentOperations(db, eventId, deskId);
        if (unsent.pending > 0 && !confirm.unsynced) {
          return unsentRefusal(unsent);
        }
        if (open) {
          await sync.close();
          model = null;
        }
        const purged = await purgeEventDocuments(db, eventId);
        changed();
        return ok(purged);
      }),

    async close() {
      await queue.run(async () => undefined);
      await sync.close();
      stopFollowing();
      listeners.clear();
      model = null;
      await db.close();
      await lock.release();
    },
  };
};
