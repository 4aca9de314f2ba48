// The routes the service registers, read from a server that is built and
// closed again without serving: no query reaches the store. The access
// and OpenAPI tests compare their lists against it, so a new route fails
// both until it is covered and documented.

import type { Db } from '../db/db';
import { centralContext } from '../http/context';
import { buildServer } from '../http/server';
import { centralLogger } from '../log';

/** A store for a server that only registers routes: any query is an error. */
export const unusedDb: Db = {
  kind: 'pglite',
  query: () => Promise.reject(new Error('not used')),
  exec: () => Promise.reject(new Error('not used')),
  transaction: () => Promise.reject(new Error('not used')),
  close: () => Promise.resolve(),
};

/** Every route the service registers, as 'GET /api/events/{eventId}'. */
export const servedRoutes = async (): Promise<string[]> => {
  const routes: string[] = [];
  const app = buildServer(
    centralContext(unusedDb, centralLogger('silent')),
    ({ method, url }) => {
      routes.push(`${method} ${url.replace(/:(\w+)/g, '{$1}')}`);
    },
  );
  await app.ready();
  await app.close();
  return routes.sort();
};
