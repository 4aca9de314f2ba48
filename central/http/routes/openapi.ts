import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';

import type { CentralContext } from '../context';

// Written by hand and kept in the repository: the protocol another central
// service would implement (issue #3, point 4).
const documentPath = join(import.meta.dirname, '..', '..', 'openapi.json');

export const openapiRoutes = (app: FastifyInstance, _ctx: CentralContext) => {
  const document = readFileSync(documentPath, 'utf8');
  app.get('/api/openapi.json', async (_request, reply) =>
    reply.type('application/json').send(document),
  );
};
