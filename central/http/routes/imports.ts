import type { FastifyInstance } from 'fastify';

import { callerFor } from '../../auth/access';
import { importSheet } from '../../participants/importSheet';
import { type CentralContext, type EventParams, eventParams } from '../context';
import { sendError, sendResult } from '../reply';

const xlsxType =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// A 50,000-row export is 5-8 MB; a third of that again for slack.
const importBodyLimit = 32 * 1024 * 1024;

const importQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    mode: { enum: ['preview', 'apply'], default: 'preview' },
    fileName: { type: 'string', maxLength: 200, default: 'upload.xlsx' },
  },
} as const;

type ImportQuery = { mode: 'preview' | 'apply'; fileName: string };

export const importRoutes = (app: FastifyInstance, ctx: CentralContext) => {
  app.addContentTypeParser(
    [xlsxType, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: importBodyLimit },
    (_request, body, done) => done(null, body),
  );

  app.post<{ Params: EventParams; Querystring: ImportQuery; Body: Buffer }>(
    '/api/events/:eventId/import',
    {
      bodyLimit: importBodyLimit,
      schema: { params: eventParams, querystring: importQuery },
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
      if (!Buffer.isBuffer(request.body)) {
        return sendError(reply, {
          code: 'unsupported-media-type',
          message: `Send the .xlsx file as ${xlsxType}`,
        });
      }

      const { mode, fileName } = request.query;
      const report = await importSheet(
        ctx.db,
        eventId,
        request.body,
        fileName,
        mode,
      );
      if (report.ok) {
        const { changes, problemCount, latestSeq } = report.value;
        ctx.log.info(
          { eventId, mode, ...changes, problemCount, latestSeq },
          'import',
        );
        if (mode === 'apply') {
          ctx.hub.publish(eventId, latestSeq);
          ctx.statistics.changed(
            changes.created + changes.updated + changes.deregistered,
          );
        }
      }
      return sendResult(reply, report);
    },
  );
};
