// A SyncStore in memory, for tests of the engine: what a desk keeps, with
// nothing durable. `crash` makes one named step throw once, as a desk that
// dies between two steps.

import type { Operation } from '../../../domain/operation';
import type { PushedOperation, SyncDocument } from '../../types';
import type { SyncStore } from '../ports';

export type MemoryStoreStep =
  | 'unpushed'
  | 'storeResults'
  | 'storeDocuments'
  | 'storeCheckpoint';

export type MemoryStore = SyncStore & {
  /** Records a local operation, as a desk's write does. */
  record(operation: Operation): void;
  operations(): readonly Operation[];
  result(operationId: string): PushedOperation | undefined;
  /** The pulled documents by key: the desk's copy of the server state. */
  documents(): ReadonlyMap<string, SyncDocument>;
  /** The next call of `step` throws before it stores anything. */
  crash(step: MemoryStoreStep): void;
  /** A second store holding what this one holds, as after a restart. */
  reopen(): MemoryStore;
};

export const documentKey = (doc: SyncDocument): string => {
  switch (doc.kind) {
    case 'participant':
      return `participant:${doc.participant.id}`;
    case 'participant-erased':
      return `participant:${doc.participantId}`;
    case 'bib-conflict':
      return `bib-conflict:${doc.conflict.id}`;
    case 'bib-lease':
      return `bib-lease:${doc.lease.id}`;
    case 'class-range':
      return `class-range:${doc.range.className}`;
  }
};

type MemoryState = {
  operations: Operation[];
  results: Map<string, { pushed: PushedOperation; latestSeq: number }>;
  documents: Map<string, SyncDocument>;
  checkpoint: number;
};

const copyOf = (state: MemoryState): MemoryState => ({
  operations: [...state.operations],
  results: new Map(state.results),
  documents: new Map(state.documents),
  checkpoint: state.checkpoint,
});

const storeOf = (state: MemoryState): MemoryStore => {
  const crashes = new Set<MemoryStoreStep>();
  const step = (name: MemoryStoreStep) => {
    if (!crashes.delete(name)) return;
    throw new Error(`the desk crashed at ${name}`);
  };

  return {
    record(operation) {
      state.operations.push(operation);
    },
    operations: () => state.operations,
    result: (id) => state.results.get(id)?.pushed,
    documents: () => state.documents,
    crash(name) {
      crashes.add(name);
    },
    reopen: () => storeOf(copyOf(state)),

    async unpushed(limit) {
      step('unpushed');
      return state.operations
        .filter((op) => !state.results.has(op.id))
        .sort((a, b) => a.seq - b.seq)
        .slice(0, limit);
    },
    async pendingCount() {
      return state.operations.filter((op) => {
        const stored = state.results.get(op.id);
        return !stored || stored.latestSeq > state.checkpoint;
      }).length;
    },
    async storeResults(results, latestSeq) {
      step('storeResults');
      for (const pushed of results) {
        state.results.set(pushed.id, { pushed, latestSeq });
      }
    },
    async storeDocuments(documents) {
      step('storeDocuments');
      for (const doc of documents) state.documents.set(documentKey(doc), doc);
    },
    async storeCheckpoint(checkpoint) {
      step('storeCheckpoint');
      state.checkpoint = checkpoint;
    },
    async checkpoint() {
      return state.checkpoint;
    },
  };
};

export const createMemoryStore = (): MemoryStore =>
  storeOf({
    operations: [],
    results: new Map(),
    documents: new Map(),
    checkpoint: 0,
  });
