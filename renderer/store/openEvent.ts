// Opening an event: the model is built from the fastest source that is
// current. Right after an import, the documents that import left in
// memory; else the roster (roster.ts) for search at once, with the full
// documents read after it in pieces (readFullParticipants); else the full
// documents.

import { fail, ok, type Result } from '../../shared/contract/result';
import type { RaceEvent } from '../../shared/domain/event';
import type { Operation } from '../../shared/domain/operation';
import type { Participant } from '../../shared/domain/participant';
import type { DeskDatabase } from '../db/database';
import type { ServerParticipant } from '../db/schemas';
import { createEventModel, type EventModel } from './eventModel';
import { readOperations, readParticipants } from './readDocs';
import { readRoster } from './rosterDocs';
import { isConnectedEvent, readServerView } from './serverState';

/** Every participant document an import left, and the event's stamp. */
export type Committed = {
  eventId: string;
  stamp: string;
  participants: Participant[];
};

/**
 * A connected event's participants as a first download stored them, with
 * their server state: everything the event holds, as the download began
 * on an event of its own making. Opening from them skips reading and
 * opening (unsealing) every row just written.
 */
export type Downloaded = {
  eventId: string;
  participants: Participant[];
  servers: Map<string, ServerParticipant>;
};

export type OpenedEvent = {
  model: EventModel;
  ops: Operation[];
  /**
   * The documents, when they were read because the event had no current
   * roster: the caller writes one from them for the next open.
   */
  rosterless: Participant[] | null;
};

/**
 * A connected event opens from its full documents, with their server
 * state: the roster (roster.ts) holds neither, and pulls change the
 * documents without a new import stamp.
 */
const readConnected = async (
  db: DeskDatabase,
  event: RaceEvent,
  downloaded: Downloaded | null,
): Promise<Result<OpenedEvent>> => {
  const kept = downloaded?.eventId === event.id ? downloaded : null;
  const servers = kept?.servers ?? new Map<string, ServerParticipant>();
  const [participants, ops] = await Promise.all([
    kept?.participants ?? readParticipants(db, event.id, [], servers),
    readOperations(db, event.id),
  ]);
  const server = await readServerView(db, event.id, servers);
  const model = createEventModel(event, participants, ops, server ?? undefined);
  return ok({ model, ops, rosterless: null });
};

export const readEventModel = async (
  db: DeskDatabase,
  eventId: string,
  committed: Committed | null,
  downloaded: Downloaded | null = null,
): Promise<Result<OpenedEvent>> => {
  const doc = await db.events.findOne(eventId).exec();
  if (!doc) return fail('unknown-event', `No event ${eventId}`, { eventId });
  const event = doc.toMutableJSON();
  if (await isConnectedEvent(db, eventId)) {
    return readConnected(db, event, downloaded);
  }
  const fresh =
    committed?.eventId === eventId && committed.stamp === event.updatedAt
      ? committed.participants
      : null;
  const [summaries, ops] = await Promise.all([
    fresh ? null : readRoster(db, eventId, event.updatedAt),
    readOperations(db, eventId),
  ]);
  const documents =
    fresh || summaries ? null : await readParticipants(db, eventId);
  const participants = fresh ?? summaries ?? documents ?? [];
  const model = createEventModel(event, participants, ops);
  model.complete = summaries === null;
  return ok({ model, ops, rosterless: documents });
};

/** Documents per read when the full data loads behind the roster. */
const readPiece = 2500;

/** Every readPiece-th id in key order: where the read is cut. */
const splitPoints = (ids: Iterable<string>): string[] => {
  const sorted = [...ids].filter((id) => !id.startsWith('late-')).sort();
  const points: string[] = [];
  for (let i = readPiece; i < sorted.length; i += readPiece) {
    points.push(sorted[i] ?? '');
  }
  return points;
};

/** The full documents of a model opened from its roster. */
export const readFullParticipants = (
  db: DeskDatabase,
  model: EventModel,
): Promise<Participant[]> =>
  readParticipants(db, model.event.id, splitPoints(model.participants.keys()));
