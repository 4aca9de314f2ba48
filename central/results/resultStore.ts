// The latest result list per event: one row, replaced by each post.

import type { ResultList } from '../../shared/results/types';
import type { Queryable } from '../db/db';

export type StoredResultList = {
  /** The list as JSON text. */
  body: string;
  starts: number;
  closed: boolean;
  /** 'desk:<id>' or 'organizer:<account id>'. */
  postedBy: string;
  postedAt: string;
};

export const saveResultList = async (
  db: Queryable,
  eventId: string,
  list: StoredResultList,
): Promise<void> => {
  await db.query(
    `INSERT INTO result_lists
       (event_id, body, starts, closed, posted_by, posted_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (event_id) DO UPDATE SET
       body = EXCLUDED.body, starts = EXCLUDED.starts,
       closed = EXCLUDED.closed, posted_by = EXCLUDED.posted_by,
       posted_at = EXCLUDED.posted_at`,
    [
      eventId,
      list.body,
      list.starts,
      list.closed,
      list.postedBy,
      list.postedAt,
    ],
  );
};

export const loadResultList = async (
  db: Queryable,
  eventId: string,
): Promise<StoredResultList | null> => {
  const rows = await db.query<{
    body: string;
    starts: number;
    closed: boolean;
    posted_by: string;
    posted_at: string;
  }>(
    `SELECT body, starts, closed, posted_by, posted_at
       FROM result_lists WHERE event_id = $1`,
    [eventId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    body: row.body,
    starts: Number(row.starts),
    closed: row.closed,
    postedBy: row.posted_by,
    postedAt: row.posted_at,
  };
};

/**
 * Removes one participant's entries from the event's stored result list
 * (an erasure); call inside the erasure's transaction, the event locked.
 * Returns how many entries went.
 */
export const scrubResultList = async (
  db: Queryable,
  eventId: string,
  participantId: string,
): Promise<number> => {
  const rows = await db.query<{ body: string }>(
    'SELECT body FROM result_lists WHERE event_id = $1 FOR UPDATE',
    [eventId],
  );
  const body = rows[0]?.body;
  // A cheap look first: most erased people have no result.
  if (body === undefined || !body.includes(JSON.stringify(participantId))) {
    return 0;
  }
  const list = JSON.parse(body) as ResultList;
  let removed = 0;
  const classes = list.classes.map((c) => {
    const results = c.results.filter((r) => r.participantId !== participantId);
    removed += c.results.length - results.length;
    return { ...c, results };
  });
  if (removed === 0) return 0;
  await db.query(
    `UPDATE result_lists SET body = $2, starts = starts - $3
      WHERE event_id = $1`,
    [eventId, JSON.stringify({ ...list, classes }), removed],
  );
  return removed;
};
