// What a push batch reads, loaded once per batch instead of once per
// operation: the participants it names (and the late entries' ids), their
// accepted check-in steps, and, when the batch needs them, the live
// holders of the bibs it assigns, the event's class ranges, its open bib
// conflicts and its class names. The event lock is held throughout, so
// nothing else changes them meanwhile; each operation is decided in
// memory, in batch order, and the apply functions keep the state current,
// so a later operation in the batch sees the effect of an earlier one.
//
// Writes are staged here and written by flush in a few statements
// (batchWrites.ts): a reconnect's 500 operations were a thousand
// statements and as many trigger runs (issue #3). The push flushes before
// an operation whose checks read the table (chip-assign) and before
// COMMIT.

import { v7 as uuidv7 } from 'uuid';

import { lateEntryParticipantId } from '../../shared/desk/reduce';
import type { BibSource, Operation } from '../../shared/domain/operation';
import type { Participant } from '../../shared/domain/participant';
import type { Queryable } from '../db/db';
import { type ConflictRecord, writeBatch } from './batchWrites';
import { eventClassNames } from './lateEntry';
import { type BatchRow, batchColumns } from './participantRow';

export type CheckInStep = {
  type: string;
  created_at: string;
  desk_id: string;
  operation_id: string;
};

export type Range = { class_name: string; first: number; last: number };

type BibClaim = Pick<
  ConflictRecord,
  'bib' | 'holder_id' | 'claimant_id' | 'operation_id' | 'desk_id'
>;

export type BatchState = {
  /** The live participant, or undefined (erased or never there). */
  participant(id: string): BatchRow | undefined;
  /** Accepted check-in and undo steps of the participant, stored or new. */
  checkInSteps(id: string): CheckInStep[];
  /** Marks the row, changed in place, for flush. */
  stage(row: BatchRow): void;
  /** The ranges set for these classes. */
  rangesOf(classNames: readonly string[]): Range[];
  /** A range a class-range-set of this batch stored. */
  rangeSet(range: Range): void;
  /** The live participant other than the claimant holding the bib. */
  bibHolder(bib: string, claimantId: string): string | undefined;
  /** Gives the row another bib ('' for none) and stages it. */
  setBib(row: BatchRow, bib: string, source: BibSource | ''): void;
  /** Records an open conflict for a person to settle; returns its id. */
  recordConflict(claim: BibClaim): string;
  /** Settles every open conflict the participant is holder or claimant in. */
  settleConflictsOf(participantId: string): void;
  /** Class names of the event's participants, for late entries. */
  classNames(): ReadonlySet<string>;
  /** Whether a participant with this id is stored, erased or not. */
  idTaken(id: string): boolean;
  /** A participant a late entry made, inserted by flush. */
  addParticipant(doc: Participant, payments: BatchRow['payments']): void;
  /** Writes what the batch staged (batchWrites.ts). */
  flush(): Promise<void>;
};

const stepsQuery = `SELECT participant_id, type, created_at, desk_id,
    operation_id
  FROM operations
 WHERE event_id = $1 AND participant_id = ANY($2::text[])
   AND type IN ('check-in', 'check-in-undo')
   AND result->>'outcome' <> 'rejected'`;

/** Participant ids the batch touches, late entries' new ids included. */
const idsOf = (ops: readonly Operation[]): string[] => [
  ...new Set(
    ops.map((op) =>
      op.type === 'late-entry'
        ? lateEntryParticipantId(op.id)
        : op.participantId,
    ),
  ),
];

const loadParticipants = async (
  tx: Queryable,
  eventId: string,
  ids: readonly string[],
) => {
  const rows = await tx.query<BatchRow>(
    `SELECT ${batchColumns} FROM participants
      WHERE event_id = $1 AND participant_id = ANY($2::text[])`,
    [eventId, ids],
  );
  return {
    live: new Map(
      rows.filter((r) => !r.erased).map((r) => [r.participant_id, r]),
    ),
    taken: new Set(rows.map((r) => r.participant_id)),
  };
};

const loadSteps = async (
  tx: Queryable,
  eventId: string,
  ids: readonly string[],
) => {
  const rows = await tx.query<CheckInStep & { participant_id: string }>(
    stepsQuery,
    [eventId, ids],
  );
  const steps = new Map<string, CheckInStep[]>(ids.map((id) => [id, []]));
  for (const row of rows) steps.get(row.participant_id)?.push(row);
  return steps;
};

/** The live holders of the bibs the batch's bib-assigns ask for. */
const loadHolders = async (
  tx: Queryable,
  eventId: string,
  ops: readonly Operation[],
) => {
  const bibs = ops.flatMap((op) =>
    op.type === 'bib-assign' && op.payload.bib !== '' ? [op.payload.bib] : [],
  );
  if (bibs.length === 0) return new Map<string, string>();
  const rows = await tx.query<{ participant_id: string; bib: string }>(
    `SELECT participant_id, bib FROM participants
      WHERE event_id = $1 AND bib = ANY($2::text[])
        AND bib <> '' AND status = 'active' AND NOT erased`,
    [eventId, [...new Set(bibs)]],
  );
  return new Map(rows.map((row) => [row.bib, row.participant_id]));
};

const loadRanges = async (tx: Queryable, eventId: string) => {
  const rows = await tx.query<Range>(
    'SELECT class_name, first, last FROM class_ranges WHERE event_id = $1',
    [eventId],
  );
  return new Map(rows.map((row) => [row.class_name, row]));
};

type OpenConflict = Pick<
  ConflictRecord,
  'conflict_id' | 'holder_id' | 'claimant_id'
>;

/** Open conflicts are few (an index keeps them), so all are loaded. */
const loadOpenConflicts = async (tx: Queryable, eventId: string) => {
  const rows = await tx.query<OpenConflict>(
    `SELECT conflict_id, holder_id, claimant_id FROM bib_conflicts
      WHERE event_id = $1 AND status = 'open'`,
    [eventId],
  );
  return new Map(rows.map((row) => [row.conflict_id, row]));
};

/**
 * The event's class names as far as the batch's late entries ask. A late
 * entry only asks whether its class is one of them (shared/desk/rules.ts),
 * so when each names a class a live participant of the batch has, those
 * classes answer it exactly, without reading every participant's entries
 * (a sixth of a batch's time on PGlite).
 */
const lateEntryClassNames = async (
  tx: Queryable,
  eventId: string,
  ops: readonly Operation[],
  live: Iterable<BatchRow>,
): Promise<Set<string>> => {
  const seen = new Set<string>();
  for (const row of live) {
    for (const entry of row.entries) seen.add(entry.className);
  }
  const asked = ops.flatMap((op) =>
    op.type === 'late-entry' ? [op.payload.entry.className] : [],
  );
  return asked.every((name) => seen.has(name))
    ? seen
    : eventClassNames(tx, eventId);
};

/** What a late entry's new participant row holds before any operation. */
const lateEntryRow = (
  doc: Participant,
  payments: BatchRow['payments'],
): BatchRow => ({
  participant_id: doc.id,
  entries: doc.entries,
  status: 'active',
  late_entry: true,
  erased: false,
  checked_in: false,
  checked_in_at: '',
  checked_in_desk: '',
  bib: '',
  bib_source: '',
  chip: '',
  chip_rental: false,
  payments,
  revision: 0,
  seq: 0,
});

export const loadBatchState = async (
  tx: Queryable,
  eventId: string,
  ops: readonly Operation[],
): Promise<BatchState> => {
  const has = (type: Operation['type']) => ops.some((op) => op.type === type);
  const ids = idsOf(ops);
  const { live, taken } = await loadParticipants(tx, eventId, ids);
  const steps = await loadSteps(tx, eventId, ids);
  const bibs = has('bib-assign');
  const holders = await loadHolders(tx, eventId, ops);
  const ranges = bibs
    ? await loadRanges(tx, eventId)
    : new Map<string, Range>();
  const open = bibs
    ? await loadOpenConflicts(tx, eventId)
    : new Map<string, OpenConflict>();
  const classNames = has('late-entry')
    ? await lateEntryClassNames(tx, eventId, ops, live.values())
    : new Set<string>();

  // The bib the table holds for each row, to free bibs passed on (flush).
  const storedBib = new Map([...live].map(([id, row]) => [id, row.bib]));
  // Staged until flush: rows changed, rows to insert, conflicts.
  const changed = new Map<string, BatchRow>();
  const inserted = new Map<string, { row: BatchRow; doc: Participant }>();
  const conflicts = new Map<string, ConflictRecord>();
  const settled: string[] = [];

  const state: BatchState = {
    participant: (id) => live.get(id),
    checkInSteps(id) {
      const known = steps.get(id);
      if (known) return known;
      const fresh: CheckInStep[] = [];
      steps.set(id, fresh);
      return fresh;
    },
    stage(row) {
      // A new row is inserted with all it became in the batch.
      if (!inserted.has(row.participant_id)) {
        changed.set(row.participant_id, row);
      }
    },
    rangesOf: (classNames) =>
      classNames.flatMap((name) => {
        const range = ranges.get(name);
        return range ? [range] : [];
      }),
    rangeSet: (range) => ranges.set(range.class_name, range),
    bibHolder(bib, claimantId) {
      const holder = holders.get(bib);
      return holder === claimantId ? undefined : holder;
    },
    setBib(row, bib, source) {
      if (holders.get(row.bib) === row.participant_id) holders.delete(row.bib);
      if (bib !== '') holders.set(bib, row.participant_id);
      row.bib = bib;
      row.bib_source = source;
      state.stage(row);
    },
    recordConflict(claim) {
      const conflictId = uuidv7();
      const record: ConflictRecord = {
        conflict_id: conflictId,
        ...claim,
        status: 'open',
        created_at: new Date().toISOString(),
        settled_at: '',
      };
      conflicts.set(conflictId, record);
      open.set(conflictId, record);
      return conflictId;
    },
    settleConflictsOf(participantId) {
      for (const [id, each] of open) {
        const party =
          each.holder_id === participantId ||
          each.claimant_id === participantId;
        if (!party) continue;
        open.delete(id);
        const recorded = conflicts.get(id);
        if (recorded) {
          // Recorded in this batch: stored settled, with one seq.
          recorded.status = 'settled';
          recorded.settled_at = new Date().toISOString();
        } else {
          settled.push(id);
        }
      }
    },
    classNames: () => classNames,
    idTaken: (id) => taken.has(id),
    addParticipant(doc, payments) {
      const row = lateEntryRow(doc, payments);
      live.set(row.participant_id, row);
      taken.add(row.participant_id);
      inserted.set(row.participant_id, { row, doc });
    },
    async flush() {
      const writes = {
        changed: [...changed.values()].map((row) => ({
          row,
          storedBib: storedBib.get(row.participant_id) ?? '',
        })),
        inserted: [...inserted.values()],
        conflicts: [...conflicts.values()],
        settled: settled.splice(0),
      };
      // From here on the table holds all of it.
      for (const row of changed.values()) {
        storedBib.set(row.participant_id, row.bib);
      }
      for (const { row } of inserted.values()) {
        storedBib.set(row.participant_id, row.bib);
      }
      changed.clear();
      inserted.clear();
      conflicts.clear();
      await writeBatch(tx, eventId, writes);
    },
  };
  return state;
};
