import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';

import { eventCreateSchema } from '../../../shared/sync/schemas';
import type { CentralEvent } from '../../../shared/sync/types';
import { callerFor, organizerOf } from '../../auth/access';
import { type CentralContext, type EventParams, eventParams } from '../context';
import { sendError } from '../reply';

type EventCreate = Pick<CentralEvent, 'name' | 'type' | 'date'>;

type EventSettings = { allowExternalList: boolean };

/** The organizer's settings of an event (PUT /api/events/{eventId}/settings). */
export const eventSettingsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['allowExternalList'],
  properties: { allowExternalList: { type: 'boolean' } },
} as const;

type EventRow = {
  event_id: string;
  name: string;
  type: string;
  date: string;
  organization_id: string;
  created_at: string;
  allow_external_list: boolean;
};

const eventOf = (row: EventRow): CentralEvent => ({
  id: row.event_id,
  name: row.name,
  type: row.type,
  date: row.date,
  organizationId: row.organization_id,
  createdAt: row.created_at,
  allowExternalList: row.allow_external_list === true,
});

export const eventRoutes = (app: FastifyInstance, ctx: CentralContext) => {
  // Events of the caller's organization and of every organization below it.
  app.get('/api/events', async (request, reply) => {
    const caller = await organizerOf(ctx.db, request.headers.authorization);
    if (!caller.ok) return sendError(reply, caller.error);
    const rows = await ctx.db.query<EventRow>(
      `WITH RECURSIVE below (id) AS (
         SELECT $1::text
         UNION
         SELECT o.id FROM organizations o JOIN below ON o.parent_id = below.id
       )
       SELECT e.* FROM events e JOIN below ON e.organization_id = below.id
        ORDER BY e.date DESC, e.event_id`,
      [caller.value.organizationId],
    );
    return { events: rows.map(eventOf) };
  });

  // The event a desk token or an organizer may use: name, type and date.
  app.get<{ Params: EventParams }>(
    '/api/events/:eventId',
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
      const rows = await ctx.db.query<EventRow>(
        'SELECT * FROM events WHERE event_id = $1',
        [eventId],
      );
      const row = rows[0];
      if (!row) {
        return sendError(reply, { code: 'not-found', message: 'No event' });
      }
      return eventOf(row);
    },
  );

  // The organizer (or its krets or særforbund) decides whether the event's
  // external participant list may be made; desks read it with the event.
  app.put<{ Params: EventParams; Body: EventSettings }>(
    '/api/events/:eventId/settings',
    { schema: { params: eventParams, body: eventSettingsSchema } },
    async (request, reply) => {
      const { eventId } = request.params;
      const caller = await callerFor(
        ctx.db,
        request.headers.authorization,
        eventId,
        ['organizer'],
      );
      if (!caller.ok) return sendError(reply, caller.error);
      const changedBy =
        caller.value.kind === 'organizer' ? caller.value.accountId : '';
      const rows = await ctx.db.query<EventRow>(
        `UPDATE events
            SET allow_external_list = $2, settings_changed_by = $3,
                settings_changed_at = $4
          WHERE event_id = $1
          RETURNING *`,
        [
          eventId,
          request.body.allowExternalList,
          changedBy,
          new Date().toISOString(),
        ],
      );
      const row = rows[0];
      if (!row) {
        return sendError(reply, { code: 'not-found', message: 'No event' });
      }
      request.log.info(
        { eventId, allowExternalList: row.allow_external_list },
        'event settings changed',
      );
      return eventOf(row);
    },
  );

  app.post<{ Body: EventCreate }>(
    '/api/events',
    { schema: { body: eventCreateSchema } },
    async (request, reply) => {
      const caller = await organizerOf(ctx.db, request.headers.authorization);
      if (!caller.ok) return sendError(reply, caller.error);
      const event: CentralEvent = {
        id: uuidv7(),
        ...request.body,
        organizationId: caller.value.organizationId,
        createdAt: new Date().toISOString(),
        allowExternalList: false,
      };
      await createEvent(ctx, event);
      return reply.code(201).send(event);
    },
  );
};

export const createEvent = (
  ctx: Pick<CentralContext, 'db'>,
  event: CentralEvent,
) =>
  ctx.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO events (event_id, organization_id, name, type, date,
         created_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        event.id,
        event.organizationId,
        event.name,
        event.type,
        event.date,
        event.createdAt,
      ],
    );
    await tx.query('INSERT INTO event_seq (event_id, seq) VALUES ($1, 0)', [
      event.id,
    ]);
  });
