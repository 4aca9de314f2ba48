import type { Logger } from 'pino';

import type { Db } from '../db/db';
import {
  createTableStatistics,
  type TableStatistics,
} from '../db/tableStatistics';
import { createSeqHub, type SeqHub } from '../sync/seqHub';

/**
 * What every route needs: the store, the stream hub, a logger, and the
 * planner statistics that writes keep current (db/tableStatistics.ts).
 */
export type CentralContext = {
  db: Db;
  hub: SeqHub;
  log: Logger;
  statistics: TableStatistics;
};

/** A context on `db` with a new stream hub, as a process starts one. */
export const centralContext = (db: Db, log: Logger): CentralContext => ({
  db,
  hub: createSeqHub(),
  log,
  statistics: createTableStatistics(db, log.child({ module: 'db' })),
});

export const eventParams = {
  type: 'object',
  required: ['eventId'],
  properties: { eventId: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

export type EventParams = { eventId: string };
