// The active event in memory: registration data with operations reduced on
// top, the search index and the bib holders. Rebuilt in one pass when an
// event opens, then kept current one participant or operation at a time.
// No database here, so it is tested without IndexedDB.

import { type BibRange, classRanges } from '../../shared/desk/bibs';
import {
  computeState,
  participantFromLateEntry,
} from '../../shared/desk/reduce';
import type { RuleContext } from '../../shared/desk/rules';
import type { ParticipantView } from '../../shared/desk/state';
import type { RaceEvent } from '../../shared/domain/event';
import type { Operation } from '../../shared/domain/operation';
import type { Participant } from '../../shared/domain/participant';
import { createSearchIndex, type SearchIndex } from '../../shared/search/index';
import { createKeyIndex, type KeyIndex } from '../../shared/search/keyIndex';
import type { BibConflict, BibLease } from '../../shared/sync/types';
import type { ServerParticipant } from '../db/schemas';
import type { OpResultRecord } from '../db/syncSchemas';

/**
 * What a central service said about a connected event (serverState.ts):
 * views show this with the desk's pending operations on top. Empty for
 * local events, whose views are the registration data with every
 * operation on top.
 */
export type ServerView = {
  participants: Map<string, ServerParticipant>;
  ranges: Map<string, BibRange>;
  leases: Map<string, BibLease>;
  conflicts: Map<string, BibConflict>;
  results: Map<string, OpResultRecord>;
  /** Every server document up to this event seq is in the model. */
  checkpoint: number;
  erased: Set<string>;
};

export const emptyServerView = (): ServerView => ({
  participants: new Map(),
  ranges: new Map(),
  leases: new Map(),
  conflicts: new Map(),
  results: new Map(),
  checkpoint: 0,
  erased: new Set(),
});

export type EventModel = {
  event: RaceEvent;
  participants: Map<string, Participant>;
  opsByParticipant: Map<string, Operation[]>;
  rangeOps: Operation[];
  appliedOps: Set<string>;
  views: Map<string, ParticipantView>;
  bibHolders: KeyIndex;
  ranges: Map<string, BibRange>;
  index: SearchIndex;
  classNames: Set<string>;
  server: ServerView;
  /**
   * False while the participants are roster summaries (roster.ts) and the
   * full documents are still to come (completeParticipants).
   */
  complete: boolean;
};

/** Above this many changes at once the index is rebuilt, not patched. */
const rebuildThreshold = 500;

const participantOfOp = (op: Operation): Participant | null =>
  op.type === 'late-entry' ? participantFromLateEntry(op) : null;

/**
 * Whether an operation is drawn on top of the state: not when the server
 * refused it or made it a conflict, nor once the pulled state includes
 * it (its push answer's seq is at or below the checkpoint).
 */
export const isPendingAnswer = (
  answer: Pick<OpResultRecord, 'result' | 'latestSeq'> | undefined,
  checkpoint: number,
): boolean => {
  if (!answer) return true;
  const { outcome } = answer.result;
  if (outcome === 'rejected' || outcome === 'conflict') return false;
  return answer.latestSeq > checkpoint;
};

export const isPending = (model: EventModel, op: Operation): boolean =>
  isPendingAnswer(model.server.results.get(op.id), model.server.checkpoint);

const pendingOps = (model: EventModel, id: string): Operation[] => {
  const ops = model.opsByParticipant.get(id) ?? [];
  return model.server.results.size === 0
    ? ops
    : ops.filter((op) => isPending(model, op));
};

/** The server's ranges with this desk's pending range changes on top. */
export const rangesOf = (model: EventModel): Map<string, BibRange> => {
  const local = classRanges(
    model.rangeOps.filter((op) => isPending(model, op)),
  );
  return model.server.ranges.size === 0
    ? local
    : new Map([...model.server.ranges, ...local]);
};

const setBib = (model: EventModel, id: string, from: string, to: string) => {
  if (from === to) return;
  model.bibHolders.remove(from, id);
  model.bibHolders.add(to, id);
};

export const refreshView = (
  model: EventModel,
  id: string,
): ParticipantView | null => {
  const participant = model.participants.get(id);
  if (!participant) return null;
  const before = model.views.get(id);
  const view: ParticipantView = {
    participant,
    state: computeState(
      participant,
      pendingOps(model, id),
      model.server.participants.get(id)?.state,
    ),
    lateEntry: id.startsWith('late-'),
  };
  model.views.set(id, view);
  setBib(model, id, before?.state.bib ?? '', view.state.bib);
  for (const entry of participant.entries) {
    if (entry.className !== '') model.classNames.add(entry.className);
  }
  return view;
};

const addOp = (model: EventModel, op: Operation) => {
  model.appliedOps.add(op.id);
  if (op.type === 'class-range-set') {
    model.rangeOps.push(op);
    return;
  }
  // A late entry the server knows comes as its document, which wins; one
  // the server erased stays gone.
  const late = participantOfOp(op);
  if (
    late &&
    !model.participants.has(late.id) &&
    !model.server.erased.has(late.id)
  ) {
    model.participants.set(late.id, late);
  }
  const list = model.opsByParticipant.get(op.participantId);
  if (list) list.push(op);
  else model.opsByParticipant.set(op.participantId, [op]);
};

export const createEventModel = (
  event: RaceEvent,
  participants: Iterable<Participant>,
  ops: Iterable<Operation>,
  server: ServerView = emptyServerView(),
): EventModel => {
  const model: EventModel = {
    event,
    participants: new Map(),
    opsByParticipant: new Map(),
    rangeOps: [],
    appliedOps: new Set(),
    views: new Map(),
    bibHolders: createKeyIndex(),
    ranges: new Map(),
    index: createSearchIndex(),
    classNames: new Set(),
    server,
    complete: true,
  };
  for (const p of participants) model.participants.set(p.id, p);
  for (const op of ops) {
    if (!model.appliedOps.has(op.id)) addOp(model, op);
  }
  for (const id of model.participants.keys()) refreshView(model, id);
  model.ranges = rangesOf(model);
  model.index = createSearchIndex(model.views.values());
  return model;
};

/** Applies an operation once; false when it was already applied. */
export const applyOperation = (model: EventModel, op: Operation): boolean => {
  if (model.appliedOps.has(op.id) || op.eventId !== model.event.id) {
    return false;
  }
  addOp(model, op);
  if (op.type === 'class-range-set') {
    model.ranges = rangesOf(model);
    return true;
  }
  const view = refreshView(model, op.participantId);
  if (view) model.index.upsert(view);
  return true;
};

/** Puts new registration data in place; unchanged documents are skipped. */
export const upsertParticipants = (
  model: EventModel,
  participants: readonly Participant[],
): number => {
  const changed = participants.filter((p) => {
    const known = model.participants.get(p.id);
    return (
      p.eventId === model.event.id &&
      !(
        known &&
        known.revision === p.revision &&
        known.updatedAt === p.updatedAt
      )
    );
  });
  for (const p of changed) {
    model.participants.set(p.id, p);
    refreshView(model, p.id);
  }
  if (changed.length > rebuildThreshold) {
    model.index = createSearchIndex(model.views.values());
  } else {
    for (const p of changed) {
      const view = model.views.get(p.id);
      if (view) model.index.upsert(view);
    }
  }
  return changed.length;
};

/** What the rules need to know about the event. */
export const ruleContext = (model: EventModel): RuleContext => ({
  view: (id) => model.views.get(id),
  bibHolders: (bib) =>
    model.bibHolders
      .get(bib)
      .map((id) => model.views.get(id))
      .filter(
        (view): view is ParticipantView =>
          view !== undefined && view.participant.status === 'active',
      ),
  classNames: () => model.classNames,
});

/**
 * Bibs held by anyone in the event, deregistered people included: their bib
 * may already be in their hands.
 */
export const usedBibs = (model: EventModel) => ({
  has: (bib: string) => model.bibHolders.get(bib).length > 0,
});

/** The class a participant's bib comes from: the first active entry's. */
export const bibClassOf = (view: ParticipantView): string =>
  view.participant.entries.find((e) => e.status === 'active')?.className ??
  view.participant.entries[0]?.className ??
  '';

/**
 * Puts the full documents in place of the roster summaries the event was
 * opened with. State is reused where bib and chip match: the operations
 * are the same, so computeState would give the same answer. Summaries the
 * documents no longer hold (a stale roster) are dropped.
 */
export const completeParticipants = (
  model: EventModel,
  full: readonly Participant[],
): void => {
  const seen = new Set<string>();
  for (const p of full) {
    if (p.eventId !== model.event.id) continue;
    seen.add(p.id);
    const before = model.views.get(p.id);
    model.participants.set(p.id, p);
    const view =
      before &&
      before.participant.bib === p.bib &&
      before.participant.chip === p.chip
        ? { participant: p, state: before.state, lateEntry: false }
        : refreshView(model, p.id);
    if (!view) continue;
    model.views.set(p.id, view);
    for (const entry of p.entries) {
      if (entry.className !== '') model.classNames.add(entry.className);
    }
    model.index.refresh(view);
  }
  for (const id of [...model.participants.keys()]) {
    if (seen.has(id) || id.startsWith('late-')) continue;
    const view = model.views.get(id);
    if (view) model.bibHolders.remove(view.state.bib, id);
    model.participants.delete(id);
    model.views.delete(id);
    model.index.remove(id);
  }
  model.complete = true;
};
