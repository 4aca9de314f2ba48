// The desk's data, as the UI sees it. Implemented over RxDB in this folder;
// the UI depends only on this type.

import type { AppError, Result } from '../../shared/contract/result';
import type { ClassSummary, ParticipantView } from '../../shared/desk/state';
import type { RaceEvent } from '../../shared/domain/event';
import type { LateEntry, Operation } from '../../shared/domain/operation';
import type { PaymentMethod } from '../../shared/domain/participant';
import type { ImportPreview, ImportReport } from '../../shared/isonen/preview';
import type { SheetTable } from '../../shared/isonen/sheet';
import type { DeskSync } from '../sync/deskSync';
import type { PurgeConfirmation, PurgedDocuments } from './purgeEvent';
import type { RetentionBasis } from './retentionSettings';
import type { TimingStore } from './timingStore';

export type CheckInPoint = { at: string; count: number };

export type ImportTarget = { eventId: string } | { newEventName: string };

export type DeskStore = {
  readonly deskId: string;
  /** Sync of the open event with a central service. */
  readonly sync: DeskSync;
  /** Chips, passings, race setup and result statuses (timingStore.ts). */
  readonly timing: TimingStore;
  /** Who is signed in ('' for nobody): their name goes on every operation. */
  setOperator(name: string): void;
  /** Called after any change visible in the active event. */
  subscribe(listener: () => void): () => void;
  /** Grows on every change; for useSyncExternalStore. */
  version(): number;

  listEvents(): Promise<RaceEvent[]>;
  openEvent(eventId: string): Promise<Result<RaceEvent>>;
  activeEvent(): RaceEvent | null;
  loadDemo(): Promise<Result<RaceEvent>>;

  /** Per keystroke: name in any order, bib, club, birth year. */
  search(query: string, limit?: number): ParticipantView[];
  /** A scanned registration id, person id or bib: the one match, or null. */
  lookupScan(code: string): ParticipantView | null;
  get(participantId: string): ParticipantView | undefined;
  /**
   * False for a moment after an event opens: search and get then answer
   * from a summary (names, club, birth date, bib, classes, status, media
   * consents), without payments, license, contact or answers. version()
   * grows when the full data is in.
   */
  detailsLoaded(): boolean;
  classes(): ClassSummary[];
  checkInsOverTime(bucketMinutes: number): CheckInPoint[];
  /** The last operation this desk recorded in the active event. */
  lastOperation(): Operation | null;

  checkIn(participantId: string): Promise<Result<Operation>>;
  undoCheckIn(participantId: string): Promise<Result<Operation>>;
  assignNextBib(participantId: string): Promise<Result<Operation>>;
  assignBib(participantId: string, bib: string): Promise<Result<Operation>>;
  setClassRange(
    className: string,
    first: number,
    last: number,
  ): Promise<Result<Operation>>;
  recordPayment(
    participantId: string,
    method: PaymentMethod,
    amount: number,
  ): Promise<Result<Operation>>;
  addLateEntry(entry: LateEntry): Promise<Result<ParticipantView>>;

  /** Pure: what importing the table into the target would do. */
  previewImport(
    table: SheetTable,
    target: ImportTarget,
  ): Promise<ImportPreview>;
  /** Stores all of it or nothing; skipRows are left out. */
  commitImport(
    preview: ImportPreview,
    skipRows: readonly number[],
  ): Promise<Result<ImportReport>>;

  /** Days after its date the event's data stays on this desk. */
  retentionDays(eventId: string): Promise<number>;
  setRetentionDays(eventId: string, days: number): Promise<Result<number>>;
  /** Days, whether connected, when results were handed on (retentionSettings.ts). */
  retention(eventId: string): Promise<RetentionBasis>;
  /**
   * The organizer's days as the central event says (null: none set);
   * they win over the desk's own while the event is connected.
   */
  setOrganizerRetentionDays(
    eventId: string,
    days: number | null,
  ): Promise<Result<number | null>>;
  /** The central service stored the event's results at postedAt. */
  markResultsSent(eventId: string, postedAt: string): Promise<Result<string>>;
  /**
   * Deletes the event's documents from this desk (purgeEvent.ts). While
   * the event has operations no central service has (all of them when it
   * was never connected) it is refused with `unsynced-operations`
   * (data.pending, data.neverConnected) unless confirmed.
   */
  purgeEvent(
    eventId: string,
    confirm?: PurgeConfirmation,
  ): Promise<Result<PurgedDocuments>>;
};

export type DeskStoreError = AppError;
