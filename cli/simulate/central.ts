// The one central service a simulation runs against, on a temporary
// database: in this process (the Fastify server from central/ on a PGlite
// folder or a fresh PostgreSQL database), or as the real central process
// (central/main.ts, as central/test/centralProcess.ts starts it). Either
// way it is seeded with the demo event and can be restarted mid-run.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';
import pg from 'pg';

import type { Db } from '../../central/db/db';
import { migrate } from '../../central/db/migrate';
import { openDb } from '../../central/db/openDb';
import { seedDemo } from '../../central/demo/seedDemo';
import { centralContext } from '../../central/http/context';
import { buildServer } from '../../central/http/server';
import { centralLogger } from '../../central/log';
import {
  type CentralProcess,
  type CentralStore,
  startCentral,
} from '../../central/test/centralProcess';
import type { CentralMode } from './options';
import { copySeededPglite } from './template';

export type SimCentral = {
  /** Where the service answers now, or null while it restarts. */
  base(): string | null;
  /** Stops the service and starts it again on the same database. */
  restart(): Promise<void>;
  /** The database, after the service has stopped, for the final checks. */
  stopForChecks(): Promise<Db>;
  /** Closes everything and removes the temporary database. */
  close(): Promise<void>;
  describe: string;
};

type TempStore = { store: CentralStore; remove(): Promise<void> };

/** A fresh database on the server: the URL's own may hold real data. */
const tempPostgres = async (url: string): Promise<TempStore> => {
  const name = `racedesk_sim_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const temp = new URL(url);
  temp.pathname = `/${name}`;
  return {
    store: { url: temp.toString() },
    async remove() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
};

const tempPglite = async (participants: number): Promise<TempStore> => {
  const dir = mkdtempSync(join(tmpdir(), 'racedesk-simulate-'));
  await copySeededPglite(dir, participants);
  return {
    store: { dataDir: dir },
    remove: async () => rmSync(dir, { recursive: true, force: true }),
  };
};

const openOrThrow = async (store: CentralStore): Promise<Db> => {
  const opened = await openDb(store);
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
};

/**
 * In this process. A restart closes the HTTP server (cutting every open
 * connection and stream) and builds a new one with a new stream hub on the
 * same database; the process mode is the one that kills a real process.
 */
const inProcess = async (
  temp: TempStore,
  participants: number,
): Promise<SimCentral> => {
  const db = await openOrThrow(temp.store);
  await migrate(db);
  await seedDemo(db, participants);
  const log = centralLogger('silent');
  let app: FastifyInstance | null = null;
  let base: string | null = null;
  const listen = async () => {
    app = buildServer(centralContext(db, log));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  };
  const shut = async () => {
    base = null;
    await app?.close();
    app = null;
  };
  await listen();
  return {
    base: () => base,
    async restart() {
      await shut();
      await listen();
    },
    async stopForChecks() {
      await shut();
      return db;
    },
    async close() {
      await shut();
      await db.close();
      await temp.remove();
    },
    describe: `in-process central on ${db.kind}`,
  };
};

/** The real central process; a restart is a SIGKILL and a new start. */
const asProcess = async (
  temp: TempStore,
  participants: number,
): Promise<SimCentral> => {
  const args = ['--demo', '--demo-participants', String(participants)];
  let running: CentralProcess | null = await startCentral(temp.store, args);
  let base: string | null = running.url;
  let db: Db | null = null;
  // A simulation that throws must not leave a service running on its own.
  const orphaned = () => running?.child.kill('SIGKILL');
  process.once('exit', orphaned);
  const kill = async () => {
    base = null;
    await running?.kill();
    running = null;
  };
  return {
    base: () => base,
    async restart() {
      await kill();
      running = await startCentral(temp.store, args);
      base = running.url;
    },
    async stopForChecks() {
      base = null;
      await running?.stop();
      running = null;
      db = await openOrThrow(temp.store);
      return db;
    },
    async close() {
      process.off('exit', orphaned);
      await kill();
      await db?.close();
      await temp.remove();
    },
    describe: `central process on ${'url' in temp.store ? 'PostgreSQL' : 'PGlite'}`,
  };
};

export const startSimCentral = async (
  mode: CentralMode,
  databaseUrl: string | null,
  participants: number,
): Promise<SimCentral> => {
  const temp = databaseUrl
    ? await tempPostgres(databaseUrl)
    : await tempPglite(participants);
  try {
    return mode === 'inprocess'
      ? await inProcess(temp, participants)
      : await asProcess(temp, participants);
  } catch (error) {
    await temp.remove().catch(() => undefined);
    throw error;
  }
};
