// The two stores the central service runs on, for suites that run the
// same cases on both: a real PostgreSQL (production) and PGlite (default).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { CentralStore } from './centralProcess';
import { type PostgresServer, startPostgres } from './postgresServer';

export type Backend = {
  name: 'PostgreSQL' | 'PGlite';
  open(): Promise<CentralStore>;
  /** Crashes the database server and starts it again, where there is one. */
  crashDatabase?(): void;
  close(): void;
};

const postgresBackend = (): Backend => {
  let server: PostgresServer | undefined;
  return {
    name: 'PostgreSQL',
    async open() {
      server = await startPostgres();
      return { url: server.url };
    },
    crashDatabase: () => server?.crashAndRestart(),
    close: () => server?.stop(),
  };
};

const pgliteBackend = (): Backend => {
  let dir = '';
  return {
    name: 'PGlite',
    async open() {
      dir = mkdtempSync(join(tmpdir(), 'racedesk-pglite-'));
      return { dataDir: dir };
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
};

export const backends = (): Backend[] => [postgresBackend(), pgliteBackend()];
