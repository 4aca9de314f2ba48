// Keeps the planner's statistics of the tables a push batch reads by id.
// PostgreSQL plans `event_id = $1 AND participant_id = ANY($2)` well only
// with statistics: without them it takes every row of the event from an
// index on event_id alone and filters (measured with 50,000 participants:
// 23 ms instead of 1.5 ms for a batch's 500 people, and the read of their
// check-in steps walked every operation stored so far, 8.7 ms instead of
// 1 ms after 20,000 operations and growing). PostgreSQL's autovacuum
// analyzes some time after a bulk load; PGlite never does. So the service
// analyzes at start, after a bulk load, and whenever the rows changed
// since the last time pass a share of the rows there were then.

import type { Logger } from 'pino';

import type { Db } from './db';

/** The tables read by id in every push batch. */
const tables = ['participants', 'operations'] as const;

export type TableStatistics = {
  /** `rows` rows were written: analyzes once enough have changed. */
  changed(rows: number): void;
  /** Analyzes now (after a bulk load); resolves when done. */
  analyze(): Promise<void>;
};

export type StatisticsOptions = {
  /** Rows changed that always call for a new ANALYZE. */
  minRows?: number;
  /** Share of the rows at the last ANALYZE that calls for a new one. */
  share?: number;
};

export const createTableStatistics = (
  db: Db,
  log: Logger,
  { minRows = 1_000, share = 0.2 }: StatisticsOptions = {},
): TableStatistics => {
  let changedSince = 0;
  let rowsThen = 0;
  let running: Promise<void> | null = null;

  const run = async () => {
    const started = performance.now();
    const counted = changedSince;
    changedSince = 0;
    try {
      await db.exec(`ANALYZE ${tables.join(', ')}`);
      const [row] = await db.query<{ rows: number }>(
        `SELECT coalesce(sum(greatest(reltuples, 0)), 0)::float8 AS rows
           FROM pg_class WHERE relname = ANY($1::text[])`,
        [tables],
      );
      rowsThen = Number(row?.rows ?? 0);
      log.info(
        {
          changed: counted,
          rows: rowsThen,
          ms: Math.round(performance.now() - started),
        },
        'table statistics',
      );
    } catch (err) {
      // Plans get slower without it, nothing gets wrong: say so, go on.
      changedSince += counted;
      log.warn({ err }, 'table statistics failed');
    }
  };

  const analyze = (): Promise<void> => {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    changed(rows) {
      changedSince += rows;
      const due = Math.max(minRows, rowsThen * share);
      if (changedSince >= due && running === null) void analyze();
    },
    analyze,
  };
};
