import type { Queryable } from '../db/db';

/**
 * Takes the event's write lock for the rest of the transaction. Writers of
 * one event run one after another from here to commit, so every check
 * (a bib holder, a repeated operation) sees the writes before it.
 */
export const lockEvent = async (
  tx: Queryable,
  eventId: string,
): Promise<number> => {
  const rows = await tx.query<{ seq: number }>(
    'SELECT seq FROM event_seq WHERE event_id = $1 FOR UPDATE',
    [eventId],
  );
  return rows[0]?.seq ?? 0;
};

/** The next seq of the event, for one changed document. */
export const bumpSeq = async (
  tx: Queryable,
  eventId: string,
): Promise<number> => {
  const rows = await tx.query<{ seq: number }>(
    'UPDATE event_seq SET seq = seq + 1 WHERE event_id = $1 RETURNING seq',
    [eventId],
  );
  const row = rows[0];
  if (!row) throw new Error(`event_seq has no row for event ${eventId}`);
  return row.seq;
};

/**
 * Wraps a statement whose $1 is the event id so that it bumps the seq in
 * the same round trip; the statement reads it as `(SELECT seq FROM
 * next_seq)`. PostgreSQL runs a data-modifying WITH exactly once.
 */
export const withNextSeq = (statement: string) =>
  `WITH next_seq AS (
     UPDATE event_seq SET seq = seq + 1 WHERE event_id = $1 RETURNING seq
   )
   ${statement}`;

/** The first of count new seqs, all taken at once, in order. */
export const bumpSeqBy = async (
  tx: Queryable,
  eventId: string,
  count: number,
): Promise<number> => {
  const rows = await tx.query<{ seq: number }>(
    'UPDATE event_seq SET seq = seq + $2 WHERE event_id = $1 RETURNING seq',
    [eventId, count],
  );
  const row = rows[0];
  if (!row) throw new Error(`event_seq has no row for event ${eventId}`);
  return row.seq - count + 1;
};

export const latestSeq = async (
  db: Queryable,
  eventId: string,
): Promise<number> => {
  const rows = await db.query<{ seq: number }>(
    'SELECT seq FROM event_seq WHERE event_id = $1',
    [eventId],
  );
  return rows[0]?.seq ?? 0;
};
