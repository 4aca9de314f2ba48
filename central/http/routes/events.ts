import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';

import { eventCreateSchema } from '../../../shared/sync/schemas';
import type { CentralEvent } from '../../../shared/sync/types';
import { callerFor, organizerOf } from '../../auth/access';
import { type CentralContext, type EventParams, eventParams } from '../context';
import { sendError } from '../reply';

type EventCreate = Pick<CentralEvent, 'name' | 'type' | 'date'>;

/** A setting left out of the body stays as it was. */
type EventSettings = {
  allowExternalList?: boolean;
  /** Null: not set, each desk uses its own default. */
  retentionDays?: number | null;
};

/** Days after the event the organizer may keep its data on the desks. */
export const maxEventRetentionDays = 365;

/**
 * The organizer's settings of an event (PUT /api/events/{eventId}/settings):
 * one or more of them; those left out are kept.
 */
export const eventSettingsSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    allowExternalList: { type: 'boolean' },
    retentionDays: {
      type: ['integer', 'null'],
      minimum: 0,
      maximum: maxEventRetentionDays,
    },
  },
} as const;

type EventRow = {
  event_id: string;
  name: string;
  type: string;
  date: string;
  organization_id: string;
  created_at: string;
  allow_external_list: boolean;
  retention_days: number | null;
};

const eventOf = (row: EventRow): CentralEvent => ({
  id: row.event_id,
  name: row.name,
  type: row.type,
  date: row.date,
  organizationId: row.organization_id,
  createdAt: row.created_at,
  allowExternalList: row.allow_external_list === true,
  retentionDays:
    typeof row.retention_days === 'number' ? row.retention_days : null,
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
  // external participant list may be made and how many days after the
  // event its data stays on the desks; desks read both with the event.
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
      const { allowExternalList, retentionDays } = request.body;
      const rows = await ctx.db.query<EventRow>(
        `UPDATE events
            SET allow_external_list = COALESCE($2::boolean, allow_external_list),
                retention_days = CASE WHEN $3::boolean THEN $4::integer
                                      ELSE retention_days END,
                settings_changed_by = $5, settings_changed_at = $6
          WHERE event_id = $1
          RETURNING *`,
        [
          eventId,
          allowExternalList ?? null,
          retentionDays !== undefined,
          retentionDays ?? null,
          changedBy,
          new Date().toISOString(),
        ],
      );
      const row = rows[0];
      if (!row) {
        return sendError(reply, { code: 'not-found', message: 'No event' });
      }
      request.log.info(
        {
          eventId,
          allowExternalList: row.allow_external_list,
          retentionDays: row.retention_days,
        },
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
        retentionDays: null,
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
