// The latest result list per event: one row, replaced by each post.

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
