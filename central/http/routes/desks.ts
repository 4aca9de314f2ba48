import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';

import { deskCreateSchema } from '../../../shared/sync/schemas';
import type { DeskRegistration } from '../../../shared/sync/types';
import { callerFor } from '../../auth/access';
import { hashToken, newToken } from '../../auth/tokens';
import { type CentralContext, type EventParams, eventParams } from '../context';
import { sendError } from '../reply';

const deskParams = {
  ...eventParams,
  required: ['eventId', 'deskId'],
  properties: {
    ...eventParams.properties,
    deskId: { type: 'string', minLength: 1, maxLength: 100 },
  },
} as const;

export const deskRoutes = (app: FastifyInstance, ctx: CentralContext) => {
  // The organizer registers a desk; its token is shown once, kept hashed.
  app.post<{ Params: EventParams; Body: { name: string } }>(
    '/api/events/:eventId/desks',
    { schema: { params: eventParams, body: deskCreateSchema } },
    async (request, reply) => {
      const { eventId } = request.params;
      const caller = await callerFor(
        ctx.db,
        request.headers.authorization,
        eventId,
        ['organizer'],
      );
      if (!caller.ok) return sendError(reply, caller.error);

      const desk: DeskRegistration = {
        deskId: uuidv7(),
        token: newToken('desk'),
      };
      await ctx.db.query(
        `INSERT INTO desks (event_id, desk_id, name, token_hash, created_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [
          eventId,
          desk.deskId,
          request.body.name,
          hashToken(desk.token),
          new Date().toISOString(),
        ],
      );
      ctx.log.info({ eventId, deskId: desk.deskId }, 'desk registered');
      return reply.code(201).send(desk);
    },
  );

  app.delete<{ Params: EventParams & { deskId: string } }>(
    '/api/events/:eventId/desks/:deskId',
    { schema: { params: deskParams } },
    async (request, reply) => {
      const { eventId, deskId } = request.params;
      const caller = await callerFor(
        ctx.db,
        request.headers.authorization,
        eventId,
        ['organizer'],
      );
      if (!caller.ok) return sendError(reply, caller.error);

      const rows = await ctx.db.query(
        `UPDATE desks SET revoked_at = $3
          WHERE event_id = $1 AND desk_id = $2 AND revoked_at = ''
          RETURNING desk_id`,
        [eventId, deskId, new Date().toISOString()],
      );
      if (rows.length === 0) {
        return sendError(reply, {
          code: 'unknown-desk',
          message: `No active desk ${deskId} in this event`,
          data: { deskId },
        });
      }
      ctx.log.info({ eventId, deskId }, 'desk revoked');
      return reply.code(204).send();
    },
  );
};
