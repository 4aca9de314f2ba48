// A connected event in memory: what the central service said (pulled
// participants with their server state, ranges, leases, conflicts,
// erasures, and its answers to this desk's operations) goes into the
// model's ServerView, and the views are redrawn as the server state with
// the desk's pending operations on top (ARCHITECTURE.md, "Sync").

import type { Operation } from '../../shared/domain/operation';
import type { SyncDocument } from '../../shared/sync/types';
import type { DeskDatabase } from '../db/database';
import type { ServerParticipant } from '../db/schemas';
import { readSyncRecord } from '../db/syncRecords';
import type { OpResultRecord, StoredSyncDocument } from '../db/syncSchemas';
import {
  type EventModel,
  emptyServerView,
  rangesOf,
  refreshView,
  type ServerView,
} from './eventModel';

/** Puts one stored server document (not a participant) in the view. */
export const addServerDocument = (
  server: ServerView,
  doc: StoredSyncDocument,
): void => {
  switch (doc.kind) {
    case 'participant-erased':
      server.erased.add(doc.participantId);
      server.participants.delete(doc.participantId);
      return;
    case 'bib-conflict':
      server.conflicts.set(doc.conflict.id, doc.conflict);
      return;
    case 'bib-lease':
      server.leases.set(doc.lease.id, doc.lease);
      return;
    case 'class-range':
      server.ranges.set(doc.range.className, {
        first: doc.range.first,
        last: doc.range.last,
      });
      return;
  }
};

/**
 * The server view of a connected event as stored, or null for an event
 * that was never connected. `participants` holds the server state read
 * with the participant documents (readParticipants' `servers`).
 */
export const readServerView = async (
  db: DeskDatabase,
  eventId: string,
  participants: Map<string, ServerParticipant>,
): Promise<ServerView | null> => {
  const record = await readSyncRecord(db, eventId);
  if (!record) return null;
  const [docs, results] = await Promise.all([
    db.syncDocs.find({ selector: { eventId } }).exec(),
    db.opResults.find({ selector: { eventId } }).exec(),
  ]);
  const server = emptyServerView();
  server.participants = participants;
  server.checkpoint = record.checkpoint;
  for (const doc of docs)
    addServerDocument(server, doc.toMutableJSON().document);
  for (const result of results) {
    const answer = result.toMutableJSON();
    server.results.set(answer.id, answer);
  }
  return server;
};

/** Whether the event was ever connected to a central service. */
export const isConnectedEvent = async (db: DeskDatabase, eventId: string) =>
  (await readSyncRecord(db, eventId)) !== null;

const redraw = (model: EventModel, ids: Iterable<string>) => {
  for (const id of new Set(ids)) {
    const view = refreshView(model, id);
    if (view) model.index.upsert(view);
  }
};

const removeParticipant = (model: EventModel, id: string) => {
  const view = model.views.get(id);
  if (view) model.bibHolders.remove(view.state.bib, id);
  model.participants.delete(id);
  model.views.delete(id);
  model.index.remove(id);
};

/**
 * Pulled documents, stored already, into the open model: server wins on
 * registration data and state; erased people leave the desk.
 */
export const applyPulled = (
  model: EventModel,
  documents: readonly SyncDocument[],
): void => {
  const touched: string[] = [];
  for (const doc of documents) {
    if (doc.kind === 'participant') {
      const { participant, state, lateEntry, seq } = doc;
      const id = participant.id;
      model.participants.set(id, { ...participant, eventId: model.event.id });
      model.server.participants.set(id, { seq, state, lateEntry });
      touched.push(id);
      continue;
    }
    addServerDocument(model.server, doc);
    if (doc.kind === 'participant-erased') {
      removeParticipant(model, doc.participantId);
    }
  }
  redraw(model, touched);
  model.ranges = rangesOf(model);
};

/** Participants whose operations the answers or checkpoint may redraw. */
const participantsOfOps = (model: EventModel, ids: ReadonlySet<string>) => {
  const found: string[] = [];
  for (const [participantId, ops] of model.opsByParticipant) {
    if (ops.some((op: Operation) => ids.has(op.id))) found.push(participantId);
  }
  return found;
};

/** The server's answers to pushed operations, stored already. */
export const applyResults = (
  model: EventModel,
  results: readonly OpResultRecord[],
): void => {
  for (const result of results) model.server.results.set(result.id, result);
  redraw(model, participantsOfOps(model, new Set(results.map((r) => r.id))));
  model.ranges = rangesOf(model);
};

/**
 * A new checkpoint: operations whose effect the pulled state now includes
 * stop being drawn on top of it.
 */
export const applyCheckpoint = (model: EventModel, checkpoint: number) => {
  const before = model.server.checkpoint;
  model.server.checkpoint = checkpoint;
  const covered = new Set<string>();
  for (const result of model.server.results.values()) {
    if (result.latestSeq > before && result.latestSeq <= checkpoint) {
      covered.add(result.id);
    }
  }
  if (covered.size === 0) return;
  redraw(model, participantsOfOps(model, covered));
  model.ranges = rangesOf(model);
};
