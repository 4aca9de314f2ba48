// What a simulated desk keeps durably: its operations, the push answers,
// the pulled documents and the checkpoint. It survives a desk crash; the
// engine's in-flight state does not. Each write is one atomic step, as an
// IndexedDB transaction is. A `Life` stands for one run of the desk's
// process: once it has crashed, every call it makes fails and stores
// nothing, as a killed process stores nothing.

import type { Operation } from '../../shared/domain/operation';
import type { SyncStore } from '../../shared/sync/desk/ports';
import { documentKey } from '../../shared/sync/desk/testing/memoryStore';
import type { PushedOperation, SyncDocument } from '../../shared/sync/types';

export type StoredAnswer = { pushed: PushedOperation; latestSeq: number };

export type DeskDisk = {
  deskId: string;
  operations: Operation[];
  answers: Map<string, StoredAnswer>;
  documents: Map<string, SyncDocument>;
  checkpoint: number;
  /** Every checkpoint stored, in order: the checker reads it. */
  checkpoints: number[];
  /** Seqs of the last documents stored, to check the next checkpoint. */
  lastStoredSeqs: number[];
  /** Checkpoints that went back or were stored without their page. */
  checkpointProblems: string[];
};

export type StoreStep =
  | 'unpushed'
  | 'pendingCount'
  | 'storeResults'
  | 'storeDocuments'
  | 'storeCheckpoint'
  | 'checkpoint';

export type PulledPage = { from: number; to: number; seqs: number[] };

export type Life = {
  alive(): boolean;
  /** Called before each store step: throws when the desk is dead or dies. */
  step(name: StoreStep): void;
  /** The last page this run of the desk pulled, as the transport saw it. */
  lastPull: PulledPage | null;
};

export const emptyDisk = (deskId: string): DeskDisk => ({
  deskId,
  operations: [],
  answers: new Map(),
  documents: new Map(),
  checkpoint: 0,
  checkpoints: [],
  lastStoredSeqs: [],
  checkpointProblems: [],
});

/** Not yet in the pulled server state (ports.ts, pendingCount). */
export const isUnsettled = (disk: DeskDisk, op: Operation) => {
  const answer = disk.answers.get(op.id);
  return !answer || answer.latestSeq > disk.checkpoint;
};

/** Drawn on top of the server state: unanswered, or answered as taking effect. */
export const isDrawnPending = (disk: DeskDisk, op: Operation) => {
  const answer = disk.answers.get(op.id);
  if (!answer) return true;
  const { outcome } = answer.pushed.result;
  if (outcome === 'rejected' || outcome === 'conflict') return false;
  return answer.latestSeq > disk.checkpoint;
};

const sameSeqs = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((seq, i) => seq === b[i]);

/** Checks that a stored checkpoint neither goes back nor skips its page. */
const checkCheckpoint = (disk: DeskDisk, life: Life, next: number) => {
  const problems = disk.checkpointProblems;
  if (next < disk.checkpoint) {
    problems.push(`went back from ${disk.checkpoint} to ${next}`);
  }
  const page = life.lastPull;
  if (!page || page.from !== disk.checkpoint || page.to !== next) {
    problems.push(
      `stored ${next} after ${disk.checkpoint} with no page pulled between them`,
    );
    return;
  }
  if (page.seqs.length > 0 && !sameSeqs(page.seqs, disk.lastStoredSeqs)) {
    problems.push(`stored ${next} before the documents of its page`);
  }
};

/** The SyncStore the engine of one run of the desk uses. */
export const storeOf = (disk: DeskDisk, life: Life): SyncStore => ({
  async unpushed(limit) {
    life.step('unpushed');
    return disk.operations
      .filter((op) => !disk.answers.has(op.id))
      .slice(0, limit);
  },
  async pendingCount() {
    life.step('pendingCount');
    return disk.operations.filter((op) => isUnsettled(disk, op)).length;
  },
  async storeResults(results, latestSeq) {
    life.step('storeResults');
    for (const pushed of results) {
      disk.answers.set(pushed.id, { pushed, latestSeq });
    }
  },
  async storeDocuments(documents) {
    life.step('storeDocuments');
    for (const doc of documents) disk.documents.set(documentKey(doc), doc);
    disk.lastStoredSeqs = documents.map((doc) => doc.seq);
  },
  async storeCheckpoint(checkpoint) {
    life.step('storeCheckpoint');
    checkCheckpoint(disk, life, checkpoint);
    disk.checkpoint = checkpoint;
    disk.checkpoints.push(checkpoint);
    disk.lastStoredSeqs = [];
  },
  async checkpoint() {
    life.step('checkpoint');
    return disk.checkpoint;
  },
});
