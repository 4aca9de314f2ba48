import type { FastifyInstance } from 'fastify';

import { pushRequestSchema } from '../../../shared/sync/schemas';
import {
  defaultPullLimit,
  maxPullLimit,
  type PushRequest,
} from '../../../shared/sync/types';
import { callerFor, deskCallerFor } from '../../auth/access';
import { pullPageFor } from '../../sync/pull';
import { pushOperations } from '../../sync/push';
import { type CentralContext, type EventParams, eventParams } from '../context';
import { sendError, sendResult } from '../reply';

// 500 operations of the largest kind (a late entry) stay well under it.
const pushBodyLimit = 1024 * 1024;

const pullQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    checkpoint: { type: 'integer', minimum: 0, default: 0 },
    limit: {
      type: 'integer',
      minimum: 1,
      maximum: maxPullLimit,
      default: defaultPullLimit,
    },
  },
} as const;

type PullQuery = { checkpoint: number; limit: number };

const outcomes = (response: { results: { result: { outcome: string } }[] }) => {
  const tally: Record<string, number> = {};
  for (const { result } of response.results) {
    tally[result.outcome] = (tally[result.outcome] ?? 0) + 1;
  }
  return tally;
};

export const syncRoutes = (app: FastifyInstance, ctx: CentralContext) => {
  app.post<{ Params: EventParams; Body: PushRequest }>(
    '/api/events/:eventId/operations',
    {
      bodyLimit: pushBodyLimit,
      schema: { params: eventParams, body: pushRequestSchema },
    },
    async (request, reply) => {
      const { eventId } = request.params;
      const caller = await deskCallerFor(
        ctx.db,
        request.headers.authorization,
        eventId,
      );
      if (!caller.ok) return sendError(reply, caller.error);

      const result = await pushOperations(
        ctx.db,
        eventId,
        caller.value.deskId,
        request.body.operations,
      );
      if (result.ok) {
        const { desk, latestSeq } = result.value;
        ctx.log.info(
          { eventId, ...desk, ...outcomes(result.value), latestSeq },
          'sync push',
        );
        ctx.hub.publish(eventId, latestSeq);
        ctx.statistics.changed(request.body.operations.length);
      }
      return sendResult(reply, result);
    },
  );

  app.get<{ Params: EventParams; Querystring: PullQuery }>(
    '/api/events/:eventId/pull',
    { schema: { params: eventParams, querystring: pullQuery } },
    async (request, reply) => {
      const { eventId } = request.params;
      const { checkpoint, limit } = request.query;
      // The token is checked in the page's transaction (sync/pull.ts).
      const pulled = await pullPageFor(
        ctx.db,
        (tx) =>
          callerFor(tx, request.headers.authorization, eventId, [
            'desk',
            'organizer',
          ]),
        eventId,
        checkpoint,
        limit,
      );
      if (!pulled.ok) return sendError(reply, pulled.error);
      const { caller, page } = pulled.value;
      const { documents, hasMore } = page;
      ctx.log.info(
        {
          eventId,
          deskId: caller.kind === 'desk' ? caller.deskId : '',
          from: checkpoint,
          documents,
          checkpoint: page.checkpoint,
          hasMore,
        },
        'sync pull',
      );
      // Already JSON text (sync/pull.ts): never re-parsed. Sent as bytes,
      // encoded once: a string body would be measured for its length and
      // joined to the headers (a copy of the page) before it is encoded.
      return reply
        .type('application/json; charset=utf-8')
        .send(Buffer.from(page.json));
    },
  );
};
