// Pull: the documents changed after a checkpoint, in seq order. Each write
// bumps the event's seq under a row lock held to COMMIT, so seqs become
// visible in order and a reader never sees seq n+1 without n. The page and
// the event's seq are read in one REPEATABLE READ snapshot, so the
// checkpoint it returns covers exactly what the documents show.
//
// Speed: a participant's document is stored as JSON text next to its row
// (migration 0004, written by a trigger with every change); the store
// joins a page's texts and Node sends that string as it is, never parsing
// or serializing participant data. The few other documents (leases,
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

const branch = (table: string, select: string) =>
  `(SELECT ${select} FROM ${table} t
     WHERE event_id = $1 AND seq > $2 ORDER BY seq LIMIT $3)`;

// Each branch walks its (event_id, seq) index; the merge keeps seq order.
const pageCte = `WITH page AS (
    ${branch(
      'participants',
      `seq, sync_doc AS json, NULL::jsonb AS conflict, NULL::jsonb AS lease,
       NULL::jsonb AS range`,
    )}
    UNION ALL ${branch('bib_conflicts', 'seq, NULL, to_jsonb(t), NULL, NULL')}
    UNION ALL ${branch('bib_leases', 'seq, NULL, NULL, to_jsonb(t), NULL')}
    UNION ALL ${branch('class_ranges', 'seq, NULL, NULL, NULL, to_jsonb(t)')}
    ORDER BY seq LIMIT $3
  )`;

// Most pages hold participants only: their texts are joined in the store
// and come back as one value instead of one row each.
const joinedSql = `${pageCte}
  SELECT s.seq AS latest, j.*
    FROM event_seq s,
         (SELECT count(*)::int AS documents,
                 coalesce(max(seq), 0) AS last_seq,
                 (count(*) FILTER (WHERE json IS NULL))::int AS others,
                 coalesce(string_agg(json, ',' ORDER BY seq), '') AS text
            FROM page) j
   WHERE s.event_id = $1`;

// A page with leases, ranges or conflicts: one row per document, the
// others made here.
const rowsSql = `${pageCte}
  SELECT seq, json, conflict, lease, range FROM page`;

// Without fresh statistics (PGlite never analyzes by itself; PostgreSQL
// only after autovacuum ran) the planner guesses a handful of rows and
// reads every document after the checkpoint to sort them. Walking the seq
// index stops after one page, whatever the statistics say.
// Repeatable read: a page with other documents is read in a second
// statement, which must see the same snapshot as the first.
const pageTransaction = `SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY;
  SET LOCAL enable_bitmapscan = off;
  SET LOCAL enable_seqscan = off`;

type JoinedRow = {
  latest: number;
  documents: number;
  last_seq: number;
  others: number;
  text: string;
};

type PageRow = {
  seq: number;
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

/** The page's documents joined as JSON text, with its size and last seq. */
export type PageText = {
  latest: number;
  documents: number;
  lastSeq: number;
  text: string;
};

const selectPage = async (
  db: Queryable,
  eventId: string,
  checkpoint: number,
  limit: number,
): Promise<PageText> => {
  const params = [eventId, checkpoint, limit];
  const [joined] = await db.query<JoinedRow>(joinedSql, params);
  if (!joined) return { latest: 0, documents: 0, lastSeq: 0, text: '' };
  const { latest, documents, last_seq: lastSeq } = joined;
  if (joined.others === 0)
    return { latest, documents, lastSeq, text: joined.text };
  const rows = await db.query<PageRow>(rowsSql, params);
  const text = rows
    .sort((x, y) => x.seq - y.seq)
    .map((row) => row.json ?? JSON.stringify(otherDocument(row.seq, row)))
    .join(',');
  return { latest, documents, lastSeq, text };
};

/** The event's latest seq and the page after checkpoint, in seq order. */
export const readPage = (
  db: Db,
  eventId: string,
  checkpoint: number,
  limit: number,
): Promise<PageText> =>
  db.transaction(
    (tx) => selectPage(tx, eventId, checkpoint, limit),
    pageTransaction,
  );

/** A pull answer as the JSON text the route sends, with its figures. */
export type PullPage = {
  json: string;
  documents: number;
  checkpoint: number;
  hasMore: boolean;
};

const pageOf = (
  page: PageText,
  checkpoint: number,
  hasMore: boolean,
): PullPage => ({
  json: `{"documents":[${page.text}],"checkpoint":${checkpoint},"hasMore":${hasMore}}`,
  documents: page.documents,
  checkpoint,
  hasMore,
});

const answerOf = (
  page: PageText,
  checkpoint: number,
  limit: number,
): Result<PullPage> => {
  const { latest } = page;
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
  if (page.documents === limit) return ok(pageOf(page, page.lastSeq, true));
  // A short page reached the end: the event's seq is the checkpoint.
  return ok(pageOf(page, latest, false));
};

/** The page after checkpoint as JSON text, ready to send. */
export const pullPage = async (
  db: Db,
  eventId: string,
  checkpoint: number,
  limit: number,
): Promise<Result<PullPage>> =>
  answerOf(await readPage(db, eventId, checkpoint, limit), checkpoint, limit);

/**
 * The same, for a caller that authorize checks first in the page's own
 * transaction: one connection and one snapshot for both, no connection
 * taken from the pool for the check alone. Nothing is cached: a token
 * revoked before the snapshot is refused. A refused caller costs no page
 * read.
 */
export const pullPageFor = async <C>(
  db: Db,
  authorize: (tx: Queryable) => Promise<Result<C>>,
  eventId: string,
  checkpoint: number,
  limit: number,
): Promise<Result<{ caller: C; page: PullPage }>> => {
  const read = await db.transaction(async (tx) => {
    const caller = await authorize(tx);
    if (!caller.ok) return caller;
    const page = await selectPage(tx, eventId, checkpoint, limit);
    return ok({ caller: caller.value, page });
  }, pageTransaction);
  if (!read.ok) return read;
  const answer = answerOf(read.value.page, checkpoint, limit);
  return answer.ok
    ? ok({ caller: read.value.caller, page: answer.value })
    : answer;
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
