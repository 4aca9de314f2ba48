// The SyncStore (shared/sync/desk/ports.ts) of one connected event over the
// desk's RxDB collections. Pulled participants go to the participants
// collection with their server state (server wins on every field), erased
// ones are removed, other server documents go to syncDocs; push answers to
// opResults; the checkpoint to the event's sync record, only after the
// documents before it are stored (each write waits for IndexedDB's strict
// commit, database.ts).
//
// A local event worked offline and then joined to a central event keeps
// its own id; the operations it hands out carry the central event's id,
// and pulled participants are stored under the local one. Its operations
// are numbered for the push by their rank among this desk's operations in
// the event (1, 2, 3…): the same as their stored seq for events recorded
// since seqs count per event, and gapless for older events whose numbers
// counted across events, which the service would see as a gap.

import type { RxDocumentData } from 'rxdb';
import { lateEntryParticipantId } from '../../shared/desk/reduce';
import type { Operation } from '../../shared/domain/operation';
import { blankParticipant } from '../../shared/domain/participant';
import type { SyncStore } from '../../shared/sync/desk/ports';
import type { PushedOperation, SyncDocument } from '../../shared/sync/types';
import type { DeskDatabase } from '../db/database';
import type { ParticipantDoc } from '../db/schemas';
import { patchSyncRecord, readSyncRecord } from '../db/syncRecords';
import type {
  OpResultRecord,
  StoredSyncDocument,
  SyncDocRecord,
  SyncRecord,
} from '../db/syncSchemas';
import { isPendingAnswer } from '../store/eventModel';
import { readOperations } from '../store/readDocs';

/**
 * Told after durable writes, to redraw the open event. Pulled documents
 * come with the checkpoint stored after them, in one call: drawn before
 * it, an operation whose effect they already show would still count as
 * pending and be drawn twice (a payment, say).
 */
export type SyncStoreHooks = {
  onPulled(documents: readonly SyncDocument[], checkpoint: number): void;
  onResults(results: readonly OpResultRecord[]): void;
};

export type RxSyncStore = SyncStore & {
  readonly eventId: string;
  readonly centralEventId: string;
};

const isStored = (doc: SyncDocument): doc is StoredSyncDocument =>
  doc.kind !== 'participant';

const docIdOf = (doc: StoredSyncDocument): string => {
  switch (doc.kind) {
    case 'participant-erased':
      return doc.participantId;
    case 'bib-conflict':
      return doc.conflict.id;
    case 'bib-lease':
      return doc.lease.id;
    case 'class-range':
      return doc.range.className;
  }
};

/**
 * What is left of an erased participant: RxDB removes a document by
 * writing a tombstone that keeps whatever the write gives it, so it gets
 * the bare ids, as the service keeps (central/participants/
 * eraseParticipant.ts), and not the person.
 */
const erasedDoc = (eventId: string, id: string): ParticipantDoc => ({
  ...blankParticipant(id, eventId),
  key: `${eventId}|${id}`,
});

const failedWrite = (what: string, count: number) =>
  new Error(`${count} ${what} could not be stored; the pull repeats`);

export type RxSyncStoreOptions = {
  /**
   * No participant is stored under the event yet (a first download into
   * an event the connect made): pulled participants are written without
   * first reading what is stored, except those written since.
   */
  emptyEvent?: boolean;
};

export const createRxSyncStore = async (
  db: DeskDatabase,
  record: SyncRecord,
  hooks: SyncStoreHooks,
  options: RxSyncStoreOptions = {},
): Promise<RxSyncStore> => {
  const { eventId, centralEventId, deskId } = record;
  const results = new Map<string, OpResultRecord>();
  for (const doc of await db.opResults.find({ selector: { eventId } }).exec()) {
    results.set(doc.id, doc.toMutableJSON());
  }
  const stored = await readSyncRecord(db, eventId);
  let checkpoint = stored?.checkpoint ?? record.checkpoint;

  // This desk's operations in the event, oldest seq first: read once,
  // then only the ones numbered after the last seen (operations are
  // insert-only and each gets a higher seq than every earlier one).
  const own: Operation[] = (await readOperations(db, eventId))
    .filter((op) => op.deskId === deskId)
    .sort((a, b) => a.seq - b.seq);
  const ownIds = new Set(own.map((op) => op.id));
  const ownOperations = async () => {
    const after = own.at(-1)?.seq ?? 0;
    const newer = await db.operations
      .find({
        selector: { eventId, seq: { $gt: after } },
        sort: [{ seq: 'asc' }],
      })
      .exec();
    // Calls overlap (the engine asks for counts while it pushes): each
    // operation goes in once.
    for (const doc of newer) {
      if (doc.deskId !== deskId || ownIds.has(doc.id)) continue;
      ownIds.add(doc.id);
      own.push(doc.toMutableJSON());
    }
    return own;
  };

  const handedOut = new Map<string, Operation>();
  /** Stored documents the next checkpoint covers. */
  const pulled: SyncDocument[] = [];

  const unpushed = async (limit: number): Promise<Operation[]> => {
    const batch: Operation[] = [];
    for (const [index, op] of (await ownOperations()).entries()) {
      if (results.has(op.id)) continue;
      handedOut.set(op.id, op);
      batch.push({ ...op, eventId: centralEventId, seq: index + 1 });
      if (batch.length === limit) break;
    }
    return batch;
  };

  const pendingCount = async () =>
    (await ownOperations()).filter((op) =>
      isPendingAnswer(results.get(op.id), checkpoint),
    ).length;

  const storeResults = async (
    pushed: readonly PushedOperation[],
    latestSeq: number,
  ) => {
    const records = pushed.map(
      (answer): OpResultRecord => ({
        id: answer.id,
        eventId,
        participantId: handedOut.get(answer.id)?.participantId ?? '',
        seq: handedOut.get(answer.id)?.seq ?? answer.seq,
        latestSeq,
        repeated: answer.repeated,
        result: answer.result,
      }),
    );
    const written = await db.opResults.bulkUpsert(records);
    if (written.error.length > 0) {
      throw failedWrite('push answers', written.error.length);
    }
    for (const answer of records) results.set(answer.id, answer);
    hooks.onResults(records);
  };

  // Ids that may have a stored row: any, unless the event was empty, then
  // those this store wrote. A write refused as a conflict means the event
  // was not empty after all: every row is read first from then on.
  let maybeStored: Set<string> | null = options.emptyEvent ? new Set() : null;

  /** Participants and erasures, straight to storage with their revisions. */
  const storeParticipants = async (documents: readonly SyncDocument[]) => {
    const latest = new Map<string, ParticipantDoc | null>();
    for (const doc of documents) {
      if (doc.kind === 'participant') {
        const { participant, state, lateEntry, seq } = doc;
        latest.set(participant.id, {
          ...participant,
          eventId,
          key: `${eventId}|${participant.id}`,
          server: { seq, state, lateEntry },
        });
      } else if (doc.kind === 'participant-erased') {
        latest.set(doc.participantId, null);
      }
    }
    if (latest.size === 0) return;
    const stored = maybeStored;
    const keys = [...latest.keys()]
      .filter((id) => stored === null || stored.has(id))
      .map((id) => `${eventId}|${id}`);
    const previous = new Map(
      keys.length === 0
        ? []
        : (
            await db.participants.storageInstance.findDocumentsById(keys, false)
          ).map((doc): [string, RxDocumentData<ParticipantDoc>] => [
            doc.id,
            doc,
          ]),
    );
    const rows = [];
    let erased = 0;
    for (const [id, next] of latest) {
      const before = previous.get(id);
      if (!next && !before) continue;
      if (!next) erased += 1;
      rows.push({
        // _meta and _rev are stamped by RxDB's storage wrapper.
        document: {
          ...(next ?? erasedDoc(eventId, id)),
          _deleted: next === null,
          _attachments: {},
          _meta: { lwt: before?._meta.lwt ?? 1 },
          _rev: before?._rev ?? '',
        },
        previous: before,
      });
    }
    if (rows.length === 0) return;
    const written = await db.participants.storageInstance.bulkWrite(
      rows,
      'desk-pull',
    );
    if (written.error.length > 0) {
      maybeStored = null;
      throw failedWrite('participants', written.error.length);
    }
    for (const id of latest.keys()) stored?.add(id);
    // Tombstones go now, not at some later cleanup (purgeEvent.ts does the
    // same); nothing replicates this collection through RxDB, so nothing
    // needs them.
    if (erased > 0) await db.participants.storageInstance.cleanup(0);
  };

  /**
   * An erased late entry's names live on in the operation that created it
   * here: they are blanked as the service blanks its copy
   * (central/participants/eraseParticipant.ts). The operation has its push
   * answer already, so it never goes up again in its changed form.
   */
  const blankErasedEntries = async (documents: readonly SyncDocument[]) => {
    for (const doc of documents) {
      if (doc.kind !== 'participant-erased') continue;
      if (!doc.participantId.startsWith('late-')) continue;
      const op = await db.operations
        .findOne(doc.participantId.replace(/^late-/, ''))
        .exec();
      if (op?.type !== 'late-entry' || op.eventId !== eventId) continue;
      const entry = {
        ...op.payload.entry,
        firstName: '',
        lastName: '',
        birthDate: '',
        club: '',
      };
      await op.incrementalPatch({ payload: { entry } });
    }
  };

  const storeDocuments = async (documents: readonly SyncDocument[]) => {
    await storeParticipants(documents);
    await blankErasedEntries(documents);
    const others = documents.filter(isStored).map(
      (document): SyncDocRecord => ({
        key: `${eventId}|${document.kind}|${docIdOf(document)}`,
        eventId,
        kind: document.kind,
        docId: docIdOf(document),
        seq: document.seq,
        document,
      }),
    );
    if (others.length > 0) {
      const written = await db.syncDocs.bulkUpsert(others);
      if (written.error.length > 0) {
        throw failedWrite('server documents', written.error.length);
      }
    }
    pulled.push(...documents);
  };

  const storeCheckpoint = async (next: number) => {
    await patchSyncRecord(db, eventId, { checkpoint: next });
    checkpoint = next;
    hooks.onPulled(pulled.splice(0), next);
  };

  return {
    eventId,
    centralEventId,
    unpushed,
    pendingCount,
    storeResults,
    storeDocuments,
    storeCheckpoint,
    checkpoint: async () => checkpoint,
  };
};

/**
 * The central service lost what it answered (its database was restored
 * from an older copy): the event's checkpoint goes back to 0, the push
 * answers are forgotten, so every operation of this desk in the event is
 * pending and pushed again (the service answers those it kept as repeats,
 * by id), and the server documents other than participants (leases,
 * ranges, conflicts, erasures) go, as the restored service may not have
 * them: a lease it never gave must not hand out bibs. The participants
 * stay and are overwritten by the pull from 0. A late entry erased
 * centrally keeps its answer: its operation holds blanked names now and
 * must not go up again as a nameless person.
 */
export const forgetServerState = async (
  db: DeskDatabase,
  eventId: string,
): Promise<void> => {
  const docs = await db.syncDocs.find({ selector: { eventId } }).exec();
  const erased = new Set(
    docs.filter((doc) => doc.kind === 'participant-erased').map((d) => d.docId),
  );
  const answers = await db.opResults.find({ selector: { eventId } }).exec();
  const forgotten = answers
    .filter((answer) => !erased.has(lateEntryParticipantId(answer.id)))
    .map((answer) => answer.id);
  // The answers first: a crash before the checkpoint is reset pushes
  // again and is refused the pull again, so the desk still says to
  // download again; the other way round it would show synced and never
  // push what the service lost.
  if (forgotten.length > 0) {
    const removed = await db.opResults.bulkRemove(forgotten);
    if (removed.error.length > 0) {
      throw failedWrite('push answers to forget', removed.error.length);
    }
  }
  if (docs.length > 0) {
    const removed = await db.syncDocs.bulkRemove(docs.map((doc) => doc.key));
    if (removed.error.length > 0) {
      throw failedWrite('server documents to forget', removed.error.length);
    }
  }
  await patchSyncRecord(db, eventId, { checkpoint: 0 });
};
