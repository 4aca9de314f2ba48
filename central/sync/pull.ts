// Pull: the documents changed after a checkpoint, in seq order. Each write
// bumps the event's seq under a row lock held to COMMIT, so seqs become
// visible in order and a reader never sees seq n+1 without n. The page is
// read in one statement, so one snapshot: the checkpoint it returns covers
// exactly what the documents show.
//
// Speed: a participant's document is stored as JSON text next to its row
// (migration 0004, written by a trigger with every change), and the page
// leaves as one string built from those texts. Node never parses or
// serializes participant data on a pull; the few other documents (leases,
// ranges, conflicts) are made here.

import { fail, ok, type Result } from '../../shared/contract/result';
import type {
  BibLease,
  PullResponse,
  SyncDocument,
} from '../../shared/sync/types';
import type { Db, Queryable } from '../db/db';
import { type ConflictRow, conflictOf } from './conflicts';

type LeaseRow = {
  lease_id: string;
  desk_id: string;
  class_name: string;
  first: number;
  last: number;
  created_at: string;
  seq: number;
};

type RangeRow = {
  class_name: string;
  first: number;
  last: number;
  seq: number;
};

/** One document of a page: its seq and its JSON text. */
type PageEntry = { seq: number; json: string };

const branch = (table: string, select: string) =>
  `(SELECT ${select} FROM ${table} t
     WHERE event_id = $1 AND seq > $2 ORDER BY seq LIMIT $3)`;

// One statement is one snapshot, so the latest seq and the documents agree.
// Each branch walks its (event_id, seq) index; the merge keeps seq order.
const pageSql = `WITH page AS (
    ${branch(
      'participants',
      `seq, sync_doc AS json, NULL::jsonb AS conflict, NULL::jsonb AS lease,
       NULL::jsonb AS range`,
    )}
    UNION ALL ${branch('bib_conflicts', 'seq, NULL, to_jsonb(t), NULL, NULL')}
    UNION ALL ${branch('bib_leases', 'seq, NULL, NULL, to_jsonb(t), NULL')}
    UNION ALL ${branch('class_ranges', 'seq, NULL, NULL, NULL, to_jsonb(t)')}
    ORDER BY seq LIMIT $3
  )
  SELECT s.seq AS latest, page.*
    FROM event_seq s LEFT JOIN page ON true
   WHERE s.event_id = $1`;

// Without fresh statistics (PGlite never analyzes by itself; PostgreSQL
// only after autovacuum ran) the planner guesses a handful of rows and
// reads every document after the checkpoint to sort them. Walking the seq
// index stops after one page, whatever the statistics say.
const indexWalk = `SET LOCAL enable_bitmapscan = off;
  SET LOCAL enable_seqscan = off`;

/** One row per document; seq is null when the page is empty. */
type PageRow = {
  latest: number;
  seq: number | null;
  json: string | null;
  conflict: ConflictRow | null;
  lease: LeaseRow | null;
  range: RangeRow | null;
};

export const leaseOf = (row: LeaseRow): BibLease => ({
  id: row.lease_id,
  deskId: row.desk_id,
  className: row.class_name,
  first: row.first,
  last: row.last,
  createdAt: row.created_at,
});

/** A conflict, lease or range row as its document. */
const otherDocument = (seq: number, row: PageRow): SyncDocument => {
  const { conflict, lease, range } = row;
  if (conflict) {
    return { kind: 'bib-conflict', seq, conflict: conflictOf(conflict) };
  }
  if (lease) return { kind: 'bib-lease', seq, lease: leaseOf(lease) };
  if (!range) throw new Error(`Document ${seq} has no body`);
  const { class_name: className, first, last } = range;
  return { kind: 'class-range', seq, range: { className, first, last } };
};

const selectPage = async (
  db: Queryable,
  eventId: string,
  checkpoint: number,
  limit: number,
): Promise<{ latest: number; entries: PageEntry[] }> => {
  const rows = await db.query<PageRow>(pageSql, [eventId, checkpoint, limit]);
  const entries: PageEntry[] = [];
  for (const row of rows) {
    if (row.seq === null) continue;
    entries.push({
      seq: row.seq,
      json: row.json ?? JSON.stringify(otherDocument(row.seq, row)),
    });
  }
  // Already in order from the merge; the sort only makes sure of it.
  entries.sort((a, b) => a.seq - b.seq);
  return { latest: rows[0]?.latest ?? 0, entries };
};

/** The event's latest seq and the page after checkpoint, in seq order. */
export const readPage = (
  db: Db,
  eventId: string,
  checkpoint: number,
  limit: number,
) =>
  db.transaction(async (tx) => {
    await tx.exec(indexWalk);
    return selectPage(tx, eventId, checkpoint, limit);
  });

/** A pull answer as the JSON text the route sends, with its figures. */
export type PullPage = {
  json: string;
  documents: number;
  checkpoint: number;
  hasMore: boolean;
};

const pageOf = (
  entries: readonly PageEntry[],
  checkpoint: number,
  hasMore: boolean,
): PullPage => ({
  json: `{"documents":[${entries.map((e) => e.json).join(',')}],"checkpoint":${checkpoint},"hasMore":${hasMore}}`,
  documents: entries.length,
  checkpoint,
  hasMore,
});

/** The page after checkpoint as JSON text, ready to send. */
export const pullPage = async (
  db: Db,
  eventId: string,
  checkpoint: number,
  limit: number,
): Promise<Result<PullPage>> => {
  const { latest, entries } = await readPage(db, eventId, checkpoint, limit);
  // A checkpoint this server never gave (its database was restored from
  // an older copy): answering from it would hide documents, so the desk
  // is told to download the event again.
  if (checkpoint > latest) {
    return fail(
      'checkpoint-ahead',
      `Checkpoint ${checkpoint} is past this event's latest seq ${latest}`,
      { checkpoint, latestSeq: latest },
    );
  }
  const last = entries.at(-1);
  if (entries.length === limit && last) {
    return ok(pageOf(entries, last.seq, true));
  }
  // A short page reached the end: the event's seq is the checkpoint.
  return ok(pageOf(entries, latest, false));
};

/** The same page as objects, for callers in this process. */
export const pullDocuments = async (
  db: Db,
  eventId: string,
  checkpoint: number,
  limit: number,
): Promise<Result<PullResponse>> => {
  const page = await pullPage(db, eventId, checkpoint, limit);
  if (!page.ok) return page;
  const response: PullResponse = JSON.parse(page.value.json);
  return ok(response);
};
