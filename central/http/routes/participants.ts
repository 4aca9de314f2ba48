import type { FastifyInstance } from 'fastify';

import type { Participant } from '../../../shared/domain/participant';
import { participantUpsertSchema } from '../../../shared/sync/schemas';
import { callerFor } from '../../auth/access';
import { eraseParticipant } from '../../participants/eraseParticipant';
import { upsertParticipants } from '../../participants/upsertParticipants';
import { type CentralContext, type EventParams, eventParams } from '../context';
import { sendError, sendResult } from '../reply';

// 1,000 full participant documents with answers and messages stay under it.
const participantsBodyLimit = 8 * 1024 * 1024;

const participantParams = {
  ...eventParams,
  required: ['eventId', 'participantId'],
  properties: {
    ...eventParams.properties,
    participantId: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

export const participantRoutes = (
  app: FastifyInstance,
  ctx: CentralContext,
) => {
  app.post<{ Params: EventParams; Body: { participants: Participant[] } }>(
    '/api/events/:eventId/participants',
    {
      bodyLimit: participantsBodyLimit,
      schema: { params: eventParams, body: participantUpsertSchema },
    },
    async (request, reply) => {
      const { eventId } = request.params;
      const caller = await callerFor(
        ctx.db,
        request.headers.authorization,
        eventId,
        ['organizer'],
      );
      if (!caller.ok) return sendError(reply, caller.error);

      const result = await upsertParticipants(
        ctx.db,
        eventId,
        request.body.participants,
      );
      if (result.ok) {
        ctx.log.info({ eventId, ...result.value }, 'participants upserted');
        ctx.hub.publish(eventId, result.value.latestSeq);
        ctx.statistics.changed(request.body.participants.length);
      }
      return sendResult(reply, result);
    },
  );

  app.delete<{ Params: EventParams & { participantId: string } }>(
    '/api/events/:eventId/participants/:participantId',
    { schema: { params: participantParams } },
    async (request, reply) => {
      const { eventId, participantId } = request.params;
      const caller = await callerFor(
        ctx.db,
        request.headers.authorization,
        eventId,
        ['organizer'],
      );
      if (!caller.ok) return sendError(reply, caller.error);

      const erased = await eraseParticipant(ctx.db, eventId, participantId);
      if (!erased.ok) return sendError(reply, erased.error);
      ctx.log.info({ eventId, ...erased.value }, 'participant erased');
      ctx.hub.publish(eventId, erased.value.latestSeq);
      return reply.code(204).send();
    },
  );
};
