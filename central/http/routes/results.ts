// The latest result list of an event: a desk (or the organizer) posts the
// list it computed; anyone with access to the event reads it back. The
// body is checked against shared/results/schema.ts and bounded in size.

import type { FastifyInstance } from 'fastify';

import {
  maxResultStarts,
  resultListSchema,
} from '../../../shared/results/schema';
import type { ResultList } from '../../../shared/results/types';
import { type Caller, callerFor } from '../../auth/access';
import { loadResultList, saveResultList } from '../../results/resultStore';
import { type CentralContext, type EventParams, eventParams } from '../context';
import { sendError } from '../reply';

/**
 * 60,000 results with their split times and 20,000 unmatched passings: a
 * split costs about 45 bytes, so 50,000 starts on a 10-control course are
 * a 37 MB body (shared/results/README.md).
 */
export const resultBodyLimit = 64 * 1024 * 1024;

const postedBy = (caller: Caller) =>
  caller.kind === 'desk'
    ? `desk:${caller.deskId}`
    : `organizer:${caller.accountId}`;

export const resultRoutes = (app: FastifyInstance, ctx: CentralContext) => {
  app.post<{ Params: EventParams; Body: ResultList }>(
    '/api/events/:eventId/results',
    {
      bodyLimit: resultBodyLimit,
      schema: { params: eventParams, body: resultListSchema },
    },
    async (request, reply) => {
      const { eventId } = request.params;
      const caller = await callerFor(
        ctx.db,
        request.headers.authorization,
        eventId,
        ['desk', 'organizer'],
      );
      if (!caller.ok) return sendError(reply, caller.error);

      const list = request.body;
      const starts = list.classes.reduce((n, c) => n + c.results.length, 0);
      if (starts > maxResultStarts) {
        return sendError(reply, {
          code: 'too-many-results',
          message: `A result list holds at most ${maxResultStarts} results`,
          data: { starts },
        });
      }
      const postedAt = new Date().toISOString();
      await saveResultList(ctx.db, eventId, {
        body: JSON.stringify(list),
        starts,
        closed: list.closed,
        postedBy: postedBy(caller.value),
        postedAt,
      });
      ctx.log.info(
        { eventId, starts, closed: list.closed, by: caller.value.kind },
        'result list stored',
      );
      return reply.code(201).send({ eventId, starts, postedAt });
    },
  );

  app.get<{ Params: EventParams }>(
    '/api/events/:eventId/results',
    { schema: { params: eventParams } },
    async (request, reply) => {
      const { eventId } = request.params;
      const caller = await callerFor(
        ctx.db,
        request.headers.authorization,
        eventId,
        ['desk', 'organizer'],
      );
      if (!caller.ok) return sendError(reply, caller.error);
      const stored = await loadResultList(ctx.db, eventId);
      if (!stored) {
        return sendError(reply, {
          code: 'not-found',
          message: `Event ${eventId} has no result list yet`,
          data: { eventId },
        });
      }
      // The body is JSON text already checked on the way in.
      return reply
        .code(200)
        .header('content-type', 'application/json; charset=utf-8')
        .send(
          `{"postedAt":${JSON.stringify(stored.postedAt)},` +
            `"postedBy":${JSON.stringify(stored.postedBy)},` +
            `"list":${stored.body}}`,
        );
    },
  );
};
