// The sync contract between a desk and the central service (ARCHITECTURE.md,
// "Sync: operations up, server state down"). central/openapi.json documents
// the same shapes for other implementations.

import type { AppError } from '../contract/result';
import type { ParticipantState } from '../desk/state';
import type { Operation } from '../domain/operation';
import type { Participant } from '../domain/participant';
import type {
  ClassCount,
  ImportCounts,
  ImportProblem,
} from '../isonen/preview';

/** Largest batch a desk may push, and largest pull page. */
export const maxPushOperations = 500;
export const maxPullLimit = 1000;
export const defaultPullLimit = 500;

/**
 * What the server did with one operation. `applied` changed server state;
 * `unchanged` was valid but the state already said so (a second check-in,
 * an older operation that a newer one decides); `rejected` is kept with a
 * reason the desk shows on the participant; `conflict` committed a bib
 * conflict record for a person to settle.
 */
export type OperationOutcome =
  | 'applied'
  | 'unchanged'
  | 'rejected'
  | 'conflict';

export type OperationResult = {
  outcome: OperationOutcome;
  /** '' when applied; else a code such as 'deregistered' or 'bib-taken'. */
  code: string;
  message: string;
  data: Record<string, unknown>;
};

export type PushRequest = { operations: Operation[] };

export type PushedOperation = {
  id: string;
  seq: number;
  result: OperationResult;
  /** True when the server had this operation already (a retry). */
  repeated: boolean;
};

/** The desk's sequence as the server holds it: a gap shows as highest > contiguous. */
export type DeskSeqState = {
  deskId: string;
  /** Every seq 1..contiguousSeq is stored. */
  contiguousSeq: number;
  highestSeq: number;
};

export type PushResponse = {
  results: PushedOperation[];
  desk: DeskSeqState;
  /** The event's seq after this push; pull up to it to see the effects. */
  latestSeq: number;
};

export type BibConflict = {
  id: string;
  bib: string;
  /** The live participant that held the bib when the claim arrived. */
  holderId: string;
  /** The participant the desk tried to give the bib. */
  claimantId: string;
  operationId: string;
  deskId: string;
  /**
   * `settled` once the holder or the claimant got another bib, or one of
   * them was deregistered or erased (central/sync/conflicts.ts).
   */
  status: 'open' | 'settled';
  createdAt: string;
  /** When it was settled (ISO); absent while open. */
  settledAt?: string;
};

export type BibLease = {
  id: string;
  deskId: string;
  /** '' for a lease not bound to a class. */
  className: string;
  first: number;
  last: number;
  createdAt: string;
};

export type ClassRange = { className: string; first: number; last: number };

export type SyncDocument =
  | {
      kind: 'participant';
      seq: number;
      participant: Participant;
      state: ParticipantState;
      lateEntry: boolean;
    }
  | { kind: 'participant-erased'; seq: number; participantId: string }
  | { kind: 'bib-conflict'; seq: number; conflict: BibConflict }
  | { kind: 'bib-lease'; seq: number; lease: BibLease }
  | { kind: 'class-range'; seq: number; range: ClassRange };

export type SyncDocumentKind = SyncDocument['kind'];

export type PullResponse = {
  /** Documents changed after the asked checkpoint, in seq order. */
  documents: SyncDocument[];
  /** Store this after the documents; ask from it next time. */
  checkpoint: number;
  /** More documents wait beyond this page. */
  hasMore: boolean;
};

/** What the live stream sends: only a wake-up with the latest seq. */
export type StreamMessage = { latestSeq: number };

export type ErrorResponse = { error: AppError };

export type LoginRequest = { login: string; password: string };
export type LoginResponse = {
  token: string;
  account: { id: string; name: string; organizationId: string };
};

export type CentralEvent = {
  id: string;
  name: string;
  type: string;
  date: string;
  organizationId: string;
  createdAt: string;
  /**
   * The organizer allows the external participant list (name, club,
   * exercises); desks connected to the event follow it. Absent from
   * services older than the field: not allowed.
   */
  allowExternalList?: boolean;
  /**
   * Days after the event the organizer keeps its data on the desks (a
   * connected desk counts from when the results reached the service);
   * it wins over a desk's own setting. Null or absent (services older
   * than the field): not set, each desk uses its own.
   */
  retentionDays?: number | null;
};

export type DeskRegistration = { deskId: string; token: string };

export type LeaseRequest = {
  deskId: string;
  className: string;
  count: number;
};

export type ParticipantUpsertResponse = {
  created: number;
  updated: number;
  /** Updated from active to deregistered. */
  deregistered: number;
  unchanged: number;
  /** Erased centrally earlier; not brought back. */
  erased: number;
  latestSeq: number;
};

/** At most this many problems travel in an import answer. */
export const maxReportedProblems = 500;

/**
 * An iSonen export uploaded to the central service: `preview` runs the
 * import and rolls it back, `apply` keeps it. Same fold and same
 * update-in-place rules as the desk's import.
 */
export type CentralImportReport = {
  mode: 'preview' | 'apply';
  fileName: string;
  counts: ImportCounts;
  classes: ClassCount[];
  problems: ImportProblem[];
  problemCount: number;
  changes: {
    created: number;
    updated: number;
    deregistered: number;
    unchanged: number;
    /** Erased centrally earlier; not brought back by the file. */
    erased: number;
    /** Stored, but not in the file: kept, and reported. */
    missing: number;
  };
  latestSeq: number;
};
