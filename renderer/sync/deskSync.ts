// The desk's side of sync, as the UI sees it (issue #3, item 5). The
// DeskStore carries one as `sync`; it acts on the open event.

import type { Result } from '../../shared/contract/result';
import type { ParticipantView } from '../../shared/desk/state';
import type { RaceEvent } from '../../shared/domain/event';
import type { OperationType } from '../../shared/domain/operation';
import type { ResultList } from '../../shared/results/types';
import type { PostedResults } from '../../shared/sync/desk/resultUpload';
import type { SyncStatus } from '../../shared/sync/desk/status';
import type {
  BibConflict,
  BibLease,
  CentralEvent,
  LoginResponse,
  OperationOutcome,
} from '../../shared/sync/types';
import type { LeaseStock } from '../store/syncViews';

/** An organizer signed in to a central service, for picking an event. */
export type CentralSession = {
  url: string;
  /** Organizer session token; kept in memory only, never stored. */
  token: string;
  account: LoginResponse['account'];
  events: CentralEvent[];
};

export type ConnectRequest = {
  session: CentralSession;
  centralEventId: string;
  deskName: string;
  /**
   * A local event (imported from a file, worked on offline) to join to the
   * central event: its operations are pushed there. Omitted: the event is
   * downloaded as a new local event.
   */
  localEventId?: string;
};

/** Where the event's desk is connected; stored with the event. */
export type CentralConnection = {
  url: string;
  centralEventId: string;
  deskId: string;
  deskName: string;
  connectedAt: string;
};

export type DownloadProgress = {
  /** Documents stored so far. */
  documents: number;
  /**
   * How far the download is, 0 to 1, by the event's seq (connectEvent.ts,
   * downloadShare); 1 once the download ended synced.
   */
  done: number;
};

export type BibConflictView = {
  conflict: BibConflict;
  holder: ParticipantView | undefined;
  claimant: ParticipantView | undefined;
};

/** The server's answer to one of this desk's operations, when not applied. */
export type OperationNote = {
  operationId: string;
  type: OperationType;
  outcome: Exclude<OperationOutcome, 'applied'>;
  code: string;
  message: string;
  createdAt: string;
};

export type DeskSync = {
  /** The open event's sync state. */
  status(): SyncStatus;
  connection(): CentralConnection | null;
  login(
    url: string,
    login: string,
    password: string,
  ): Promise<Result<CentralSession>>;
  /** Registers this desk, downloads the event, opens it, starts syncing. */
  connect(
    request: ConnectRequest,
    onProgress: (progress: DownloadProgress) => void,
  ): Promise<Result<RaceEvent>>;
  /** Push and pull now instead of at the next tick. */
  syncNow(): Promise<void>;
  /** Operations recorded and not yet seen in the pulled server state. */
  pendingCount(): number;
  /** Open bib conflicts of the open event, with both holders. */
  conflicts(): BibConflictView[];
  /** This desk's bib leases in the open event. */
  leases(): BibLease[];
  /** Per class, the next bib from this desk's leases and how many are left. */
  leaseStock(): LeaseStock[];
  requestLease(className: string, count: number): Promise<Result<BibLease>>;
  /**
   * The open event's result list to the central service, with this desk's
   * token; `not-connected` when the event syncs nowhere.
   */
  postResults(list: ResultList): Promise<Result<PostedResults>>;
  /** The server's refusals and conflicts for a participant's operations. */
  notes(participantId: string): OperationNote[];
  /**
   * The central service was restored from an older copy (it refuses the
   * checkpoint as ahead of it): downloads the open event again from the
   * start and pushes every operation of this desk in it again, those the
   * service kept answered as repeats; then opens the event again.
   */
  downloadAgain(
    onProgress: (progress: DownloadProgress) => void,
  ): Promise<Result<RaceEvent>>;
  /** Stops syncing the open event; its data stays on the desk. */
  disconnect(): Promise<void>;
};
