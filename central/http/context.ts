import type { Logger } from 'pino';

import type { Db } from '../db/db';
import type { SeqHub } from '../sync/seqHub';

/** What every route needs: the store, the stream hub and a logger. */
export type CentralContext = {
  db: Db;
  hub: SeqHub;
  log: Logger;
};

export const eventParams = {
  type: 'object',
  required: ['eventId'],
  properties: { eventId: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

export type EventParams = { eventId: string };
