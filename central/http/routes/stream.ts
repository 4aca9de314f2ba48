// The live stream: Server-Sent Events that only say the event's latest seq,
// once at the start and after every write, so an online desk pulls at once
// instead of polling. It carries no documents.

import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

import type { FastifyInstance } from 'fastify';

import type { StreamMessage } from '../../../shared/sync/types';
import { callerFor } from '../../auth/access';
import { latestSeq } from '../../sync/eventSeq';
import { type CentralContext, type EventParams, eventParams } from '../context';
import { sendError } from '../reply';

// Proxies drop a quiet connection after 30-60 s; a comment keeps it open.
const heartbeatMs = 15_000;

const send = (raw: ServerResponse, seq: number) => {
  const message: StreamMessage = { latestSeq: seq };
  raw.write(`event: seq\ndata: ${JSON.stringify(message)}\n\n`);
};

export const streamRoutes = (app: FastifyInstance, ctx: CentralContext) => {
  const open = new Set<ServerResponse>();
  // Streams never end by themselves; closing the server ends them.
  app.addHook('onClose', async () => {
    for (const raw of open) raw.end();
  });

  app.get<{ Params: EventParams }>(
    '/api/events/:eventId/stream',
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

      // Headers set by hooks (CORS) are Fastify's to send; a hijacked
      // reply sends only what is written here, so take them along.
      const hooked: OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined) hooked[name] = value;
      }
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        ...hooked,
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      open.add(raw);
      send(raw, await latestSeq(ctx.db, eventId));
      const unsubscribe = ctx.hub.subscribe(eventId, (seq) => send(raw, seq));
      const heartbeat = setInterval(() => raw.write(': ping\n\n'), heartbeatMs);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(raw);
      });
      ctx.log.info({ eventId, caller: caller.value.kind }, 'stream opened');
    },
  );
};
