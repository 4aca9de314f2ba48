import type { FastifyInstance } from 'fastify';

import { leaseRequestSchema } from '../../../shared/sync/schemas';
import type { LeaseRequest } from '../../../shared/sync/types';
import { callerFor } from '../../auth/access';
import { latestSeq } from '../../sync/eventSeq';
import { grantLease } from '../../sync/leases';
import { type CentralContext, type EventParams, eventParams } from '../context';
import { sendError, sendResult } from '../reply';

export const leaseRoutes = (app: FastifyInstance, ctx: CentralContext) => {
  // The organizer leases bibs to any desk of the event; a desk to itself.
  app.post<{ Params: EventParams; Body: LeaseRequest }>(
    '/api/events/:eventId/leases',
    { schema: { params: eventParams, body: leaseRequestSchema } },
    async (request, reply) => {
      const { eventId } = request.params;
      const caller = await callerFor(
        ctx.db,
        request.headers.authorization,
        eventId,
        ['desk', 'organizer'],
      );
      if (!caller.ok) return sendError(reply, caller.error);
      const own = caller.value;
      if (own.kind === 'desk' && own.deskId !== request.body.deskId) {
        return sendError(reply, {
          code: 'forged-desk-id',
          message: 'A desk may lease bibs only for itself',
          data: { deskId: request.body.deskId },
        });
      }

      const lease = await grantLease(ctx.db, eventId, request.body);
      if (lease.ok) {
        const { deskId, className, first, last } = lease.value;
        ctx.log.info({ eventId, deskId, className, first, last }, 'bib lease');
        ctx.hub.publish(eventId, await latestSeq(ctx.db, eventId));
      }
      return sendResult(reply, lease, 201);
    },
  );
};
