// `npm run central`: the central service. With --database-url (or
// DATABASE_URL) it uses that PostgreSQL server; otherwise embedded PGlite
// in --data, locked against a second process. Migrations run at start.

import { parseArgs } from 'node:util';
import { migrate } from './db/migrate';
import { openDb } from './db/openDb';
import { seedDemo } from './demo/seedDemo';
import { centralContext } from './http/context';
import { limitsFrom } from './http/limits';
import { buildServer } from './http/server';
import { centralLogger } from './log';

const { values: flags } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: '.racedesk-data/central' },
    'database-url': { type: 'string' },
    demo: { type: 'boolean', default: false },
    'demo-participants': { type: 'string', default: '3000' },
    'rate-per-token': { type: 'string' },
    'rate-per-address': { type: 'string' },
    'login-attempts': { type: 'string' },
  },
});

const log = centralLogger(process.env.RACEDESK_LOG_LEVEL);

const fatal = (message: string, data: Record<string, unknown> = {}) => {
  log.fatal(data, message);
  process.exitCode = 1;
};

const main = async () => {
  const limits = limitsFrom(
    {
      ratePerToken: flags['rate-per-token'],
      ratePerAddress: flags['rate-per-address'],
      loginAttempts: flags['login-attempts'],
    },
    process.env,
  );
  if (!limits.ok) return fatal(limits.error.message, limits.error.data);
  const url = flags['database-url'] ?? process.env.DATABASE_URL;
  const opened = await openDb(url ? { url } : { dataDir: flags.data }, (err) =>
    log.warn({ err }, 'idle database connection lost'),
  );
  if (!opened.ok) return fatal(opened.error.message, opened.error.data);
  const db = opened.value;

  const applied = await migrate(db);
  log.info({ store: db.kind, applied }, 'migrations');
  if (flags.demo) {
    const seeded = await seedDemo(db, Number(flags['demo-participants']));
    log.info({ seeded }, 'demo');
  }
  // Plans for a batch's reads by id need them: after a restart and after
  // the seed's bulk load alike.
  const ctx = centralContext(db, log);
  await ctx.statistics.analyze();

  const app = buildServer(ctx, undefined, limits.value);
  const address = await app.listen({
    port: Number(flags.port),
    host: flags.host,
  });
  process.stdout.write(`racedesk central ready at ${address} (${db.kind})\n`);

  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping');
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
};

main().catch((error: unknown) =>
  fatal('central failed to start', { err: error }),
);
