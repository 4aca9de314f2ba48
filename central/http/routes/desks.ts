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
  app.post<{ Params: EventParams; Body: { name: string; deskId?: string } }>(
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
        deskId: request.body.deskId ?? uuidv7(),
        token: newToken('desk'),
      };
      // Registering an active desk again gives it a new token (the old one
      // stops working); a revoked desk stays revoked.
      const rows = await ctx.db.query(
        `INSERT INTO desks (event_id, desk_id, name, token_hash, created_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (event_id, desk_id) DO UPDATE
           SET name = EXCLUDED.name, token_hash = EXCLUDED.token_hash
           WHERE desks.revoked_at = ''
         RETURNING desk_id`,
        [
          eventId,
          desk.deskId,
          request.body.name,
          hashToken(desk.token),
          new Date().toISOString(),
        ],
      );
      if (rows.length === 0) {
        return sendError(reply, {
          code: 'desk-revoked',
          message: `Desk ${desk.deskId} was revoked in this event`,
          data: { deskId: desk.deskId },
        });
      }
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
