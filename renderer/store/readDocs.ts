// Reads for building the open event in memory: by key range where the
// storage allows (../db/readEventDocs.ts), else straight from the storage
// instance. Never through RxDocuments: for 50,000 participants they cost
// more than the read, and the desk only needs the plain data.

import type { RxCollection, RxDocumentData, RxQuery } from 'rxdb';
import type { RaceEvent } from '../../shared/domain/event';
import type { Operation } from '../../shared/domain/operation';
import type { Participant } from '../../shared/domain/participant';
import { type DeskDatabase, keyringOf } from '../db/database';
import {
  readEventOperations,
  readEventParticipants,
} from '../db/readEventDocs';
import type { ParticipantDoc, ServerParticipant } from '../db/schemas';

/** Runs the query on the storage, without creating RxDocuments. */
const rawFind = async <T>(
  collection: RxCollection<T>,
  query: RxQuery<T, unknown>,
): Promise<RxDocumentData<T>[]> => {
  const result = await collection.storageInstance.query(
    query.getPreparedQuery(),
  );
  return result.documents;
};

type Bookkeeping = '_meta' | '_rev' | '_deleted' | '_attachments';

/** The document as the domain knows it, without RxDB's bookkeeping. */
const withoutMeta = <T>(doc: RxDocumentData<T>): T => {
  const { _meta, _rev, _deleted, _attachments, ...data } = doc;
  // The rest of RxDocumentData<T> minus its bookkeeping is T itself; TS
  // cannot see that through the generic Omit.
  return data satisfies Omit<RxDocumentData<T>, Bookkeeping> as T;
};

/** A participant document without the composite key and server state. */
export const participantOfDoc = (
  doc: RxDocumentData<ParticipantDoc>,
): Participant => {
  const { key: _key, server: _server, ...participant } = withoutMeta(doc);
  return participant;
};

export const operationOfDoc = (doc: RxDocumentData<Operation>): Operation =>
  withoutMeta(doc);

export const eventOfDoc = (doc: RxDocumentData<RaceEvent>): RaceEvent =>
  withoutMeta(doc);

/** Through RxDB's own query: the way when a key-range read does not fit. */
export const readParticipantDocs = (db: DeskDatabase, eventId: string) =>
  rawFind(db.participants, db.participants.find({ selector: { eventId } }));

/**
 * The event's participants, by the fast path when the storage allows;
 * `splitAt` cuts that read in pieces (readEventParticipants); `servers`
 * receives the server state of participants pulled from a central service.
 */
export const readParticipants = async (
  db: DeskDatabase,
  eventId: string,
  splitAt: readonly string[] = [],
  servers?: Map<string, ServerParticipant>,
): Promise<Participant[]> => {
  const fast = await readEventParticipants(
    db.participants.storageInstance.internals,
    eventId,
    splitAt,
    servers,
    keyringOf(db),
  );
  if (fast) return fast;
  const docs = await readParticipantDocs(db, eventId);
  for (const doc of docs) {
    if (servers && doc.server) servers.set(doc.id, doc.server);
  }
  return docs.map(participantOfDoc);
};

export const readOperations = async (
  db: DeskDatabase,
  eventId: string,
): Promise<Operation[]> =>
  (await readEventOperations(
    db.operations.storageInstance.internals,
    eventId,
    keyringOf(db),
  )) ??
  (
    await rawFind(db.operations, db.operations.find({ selector: { eventId } }))
  ).map(operationOfDoc);

export const readEvents = async (db: DeskDatabase): Promise<RaceEvent[]> => {
  const docs = await db.events.find().exec();
  return docs.map((doc) => doc.toMutableJSON());
};
