// A central service in memory for the engine's rule tests: it stores each
// pushed operation once, turns it into one document with the next seq,
// pulls in pages and announces seqs to watchers. Faults are queued per
// call, and `gate` holds calls until the test lets them go.

import { type AppError, fail, ok, type Result } from '../../../contract/result';
import type { Operation } from '../../../domain/operation';
import type {
  PullResponse,
  PushedOperation,
  PushResponse,
  SyncDocument,
} from '../../types';
import type { CentralTransport } from '../ports';

// shared/ has no DOM or Node types; every runtime has this one.
declare const queueMicrotask: (callback: () => void) => void;

export type Fault =
  | AppError
  | { throws: string }
  /** Answers, then bends the answer: a buggy or hostile service. */
  | { tamper: (answer: PullResponse | PushResponse) => void };

export type FakeCentral = {
  transport: CentralTransport;
  /** Faults for the next calls of a kind, first one first. */
  fail(kind: 'push' | 'pull', ...faults: Fault[]): void;
  /** Holds every call until the returned function is called. */
  gate(): () => void;
  /** A document written by someone else, announced to watchers. */
  write(): void;
  /** Ends every open stream with this error. */
  dropStreams(error: AppError): void;
  calls: { push: number; pull: number; watch: number };
  /** Most calls in flight at once. */
  maxInFlight(): number;
  operations(): ReadonlyMap<string, Operation>;
  documents(): readonly SyncDocument[];
};

export const createFakeCentral = (): FakeCentral => {
  const operations = new Map<string, Operation>();
  const documents: SyncDocument[] = [];
  const faults = { push: [] as Fault[], pull: [] as Fault[] };
  const watchers = new Set<{
    onLatest: (seq: number) => void;
    onClosed: (error: AppError) => void;
  }>();
  const calls = { push: 0, pull: 0, watch: 0 };
  let gate: Promise<void> = Promise.resolve();
  let inFlight = 0;
  let most = 0;

  const announce = () => {
    for (const watcher of watchers) watcher.onLatest(documents.length);
  };
  const addDocument = (participantId: string) => {
    documents.push({
      kind: 'participant-erased',
      seq: documents.length + 1,
      participantId,
    });
  };

  const answer = async <T extends PullResponse | PushResponse>(
    kind: 'push' | 'pull',
    run: () => T,
  ): Promise<Result<T>> => {
    calls[kind] += 1;
    inFlight += 1;
    most = Math.max(most, inFlight);
    try {
      await gate;
      const fault = faults[kind].shift();
      if (fault && 'throws' in fault) throw new Error(fault.throws);
      if (fault && 'code' in fault) return fail(fault.code, fault.message);
      const value = run();
      if (fault) fault.tamper(value);
      return ok(value);
    } finally {
      inFlight -= 1;
    }
  };

  const push = (ops: readonly Operation[]): PushResponse => {
    const results: PushedOperation[] = ops.map((op) => {
      const repeated = operations.has(op.id);
      if (!repeated) {
        operations.set(op.id, op);
        addDocument(op.participantId);
      }
      return {
        id: op.id,
        seq: op.seq,
        repeated,
        result: { outcome: 'applied', code: '', message: '', data: {} },
      };
    });
    const seqs = new Set([...operations.values()].map((op) => op.seq));
    let contiguousSeq = 0;
    while (seqs.has(contiguousSeq + 1)) contiguousSeq += 1;
    announce();
    return {
      results,
      desk: {
        deskId: ops[0]?.deskId ?? '',
        contiguousSeq,
        highestSeq: Math.max(0, ...seqs),
      },
      latestSeq: documents.length,
    };
  };

  const pull = (checkpoint: number, limit: number): PullResponse => {
    const page = documents.filter((doc) => doc.seq > checkpoint);
    const taken = page.slice(0, limit);
    const hasMore = page.length > limit;
    return {
      documents: taken,
      checkpoint: hasMore
        ? (taken.at(-1)?.seq ?? checkpoint)
        : documents.length,
      hasMore,
    };
  };

  return {
    transport: {
      push: (request) => answer('push', () => push(request.operations)),
      pull: (checkpoint, limit) =>
        answer('pull', () => pull(checkpoint, limit)),
      lease: async () => fail('not-found', 'The fake central leases nothing'),
      watch(onLatest, onClosed) {
        calls.watch += 1;
        const watcher = { onLatest, onClosed };
        watchers.add(watcher);
        queueMicrotask(() => {
          if (watchers.has(watcher)) onLatest(documents.length);
        });
        return () => watchers.delete(watcher);
      },
    },
    fail(kind, ...more) {
      faults[kind].push(...more);
    },
    gate() {
      let open = () => {};
      gate = new Promise((resolve) => {
        open = resolve;
      });
      return () => open();
    },
    write() {
      addDocument('written-elsewhere');
      announce();
    },
    dropStreams(error) {
      const closing = [...watchers];
      watchers.clear();
      for (const watcher of closing) watcher.onClosed(error);
    },
    calls,
    maxInFlight: () => most,
    operations: () => operations,
    documents: () => documents,
  };
};
