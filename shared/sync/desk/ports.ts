// The desk's sync engine (engine.ts) runs on two ports, so that the same
// engine drives a desk over RxDB and HTTP, and `racedesk simulate` drives
// many desks with faults injected between every pair of steps.

import type { AppError, Result } from '../../contract/result';
import type { Operation } from '../../domain/operation';
import type {
  BibLease,
  LeaseRequest,
  PullResponse,
  PushedOperation,
  PushRequest,
  PushResponse,
  SyncDocument,
} from '../types';
import type { SyncStatus } from './status';

/**
 * The central service as one desk of one event sees it. Every call either
 * answers or fails with an AppError whose code says why: 'offline' (no
 * answer: network down, timeout, connection refused), or the service's own
 * code ('desk-revoked', 'forged-desk-id', 'internal', …).
 */
export type CentralTransport = {
  push(request: PushRequest): Promise<Result<PushResponse>>;
  pull(checkpoint: number, limit: number): Promise<Result<PullResponse>>;
  lease(request: LeaseRequest): Promise<Result<BibLease>>;
  /**
   * Live wake-ups with the event's latest seq while the stream is open;
   * `onClosed` when it ends. Returns a function that closes it.
   */
  watch(
    onLatest: (latestSeq: number) => void,
    onClosed: (error: AppError) => void,
  ): () => void;
};

/** What one desk keeps durably for one connected event. */
export type SyncStore = {
  /** Recorded operations with no stored push result, lowest seq first. */
  unpushed(limit: number): Promise<Operation[]>;
  /** Operations recorded and not yet in the pulled server state. */
  pendingCount(): Promise<number>;
  /**
   * Stores the server's answers. `latestSeq` is the event's seq after the
   * push: once the checkpoint reaches it, the server state pulled includes
   * these operations' effects and they stop being drawn on top of it.
   */
  storeResults(
    results: readonly PushedOperation[],
    latestSeq: number,
  ): Promise<void>;
  /** Stores pulled documents durably (server wins). */
  storeDocuments(documents: readonly SyncDocument[]): Promise<void>;
  /** Only ever called after the documents up to it are stored. */
  storeCheckpoint(checkpoint: number): Promise<void>;
  checkpoint(): Promise<number>;
};

/** One desk's sync of one event (engine.ts implements it). */
export type SyncEngine = {
  /** Starts background rounds and the live stream; idempotent. */
  start(): void;
  /** Stops everything; resolves when no call is in flight. */
  stop(): Promise<void>;
  /** One round now: push every unpushed operation, pull to the latest seq. */
  syncNow(): Promise<void>;
  /** A new operation was recorded: push it soon. */
  localWrite(): void;
  status(): SyncStatus;
};

export type SyncEngineOptions = {
  deskId: string;
  transport: CentralTransport;
  store: SyncStore;
  now: () => Date;
  onStatus: (status: SyncStatus) => void;
  /** Called after pulled documents are stored, before the checkpoint. */
  onPulled?: (documents: readonly SyncDocument[]) => void;
  /** Called after push results are stored. */
  onPushed?: (results: readonly PushedOperation[]) => void;
  pullLimit?: number;
  /** Capped exponential backoff after a failed round. */
  retry?: { firstMs: number; maxMs: number };
  /** Jitter source in [0, 1); a seeded one makes a simulation replay. */
  random?: () => number;
};
