// A real PostgreSQL for tests: Debian's server binaries on a temporary
// folder and a free port, started with initdb + pg_ctl and stopped after.
// initdb refuses to run as root, so as root the folder belongs to postgres.

import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from './freePort';

const binDir = '/usr/lib/postgresql/15/bin';

export type PostgresServer = {
  url: string;
  /** Crash (immediate stop, no checkpoint) and start again on the same port. */
  crashAndRestart(): void;
  stop(): void;
};

const asPostgres = (command: string, args: string[]) => {
  const root = process.getuid?.() === 0;
  const [file, argv] = root
    ? ['runuser', ['-u', 'postgres', '--', join(binDir, command), ...args]]
    : [join(binDir, command), args];
  execFileSync(file, argv, { stdio: 'pipe' });
};

export const startPostgres = async (): Promise<PostgresServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'racedesk-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  asPostgres('initdb', [
    '-D',
    data,
    '--no-sync',
    '-A',
    'trust',
    '-U',
    'postgres',
  ]);
  // fsync off: a test server's durability is the OS page cache; the
  // service's own crash safety comes from transactions, not from fsync.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -F`;
  const start = () =>
    asPostgres('pg_ctl', [
      '-D',
      data,
      '-o',
      options,
      '-w',
      '-l',
      join(dir, 'log'),
      'start',
    ]);
  start();

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    crashAndRestart() {
      asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      start();
    },
    stop() {
      try {
        asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
};
