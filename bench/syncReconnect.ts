// Issue #3's reconnect benchmark: 8 desks, each with 1,000 operations
// recorded offline, come back online at once; the figure is the time until
// every desk has pushed its work and pulled everyone else's (no operation
// pending, all at the event's latest seq). The floor, from the same run,
// is one desk pushing the same 8,000 operations in 500-operation batches
// to a fresh copy of the same service: the server's own cost of the work,
// with no pulls and no other desks. Both run against the real central
// process (central/main.ts), on PGlite and, where Debian's binaries are
// installed, on PostgreSQL.
//
// Standalone: npx tsx bench/syncReconnect.ts [--ops-per-desk N] [--pglite-only]

import { existsSync } from 'node:fs';

import { demoEventId } from '../central/demo/seedDemo';
import { startPostgres } from '../central/test/postgresServer';
import { startSimCentral } from '../cli/simulate/central';
import { checkInvariants } from '../cli/simulate/invariants';
import type { SimulateOptions } from '../cli/simulate/options';
import { seededRandom } from '../cli/simulate/random';
import {
  type SimWorld,
  settle,
  startWorld,
  worldForChecks,
} from '../cli/simulate/world';
import type { Operation } from '../shared/domain/operation';
import {
  createHttpTransport,
  loginToCentral,
  registerDesk,
} from '../shared/sync/desk/httpTransport';
import { maxPushOperations } from '../shared/sync/types';
import { type Figure, formatMs } from './report';

export type ReconnectOptions = {
  desks: number;
  opsPerDesk: number;
  seed: number;
  /** Also on PostgreSQL when Debian's binaries are installed. */
  postgres: boolean;
};

const defaults: ReconnectOptions = {
  desks: 8,
  opsPerDesk: 1_000,
  seed: 7,
  postgres: true,
};

/** Setup steps take minutes on a loaded machine: say where the run is. */
const progress = (line: string) => process.stderr.write(`reconnect: ${line}\n`);

const postgresInstalled = () => existsSync('/usr/lib/postgresql/15/bin/initdb');

const simOptions = (
  options: ReconnectOptions,
  databaseUrl: string | null,
): SimulateOptions => ({
  desks: options.desks,
  ops: options.desks * options.opsPerDesk,
  seed: options.seed,
  faults: new Set(),
  central: 'process',
  databaseUrl,
  // The event's size is not what this measures; 2,000 people keep the
  // setup (download to 8 desks) short.
  participants: 2_000,
});

/** Every desk offline records its share; returns when all are queued. */
const queueOffline = (world: SimWorld, opsPerDesk: number) => {
  for (const desk of world.desks) {
    desk.setOnline(false);
    let written = 0;
    while (written < opsPerDesk) {
      const made = desk.write(opsPerDesk - written);
      if (made === 0) throw new Error(`${desk.deskId} found nothing to do`);
      written += made;
    }
  }
};

/** The floor: one desk pushes the same operations, re-stamped as its own. */
const pushFloor = async (
  options: SimulateOptions,
  operations: readonly Operation[],
) => {
  const central = await startSimCentral(
    options.central,
    options.databaseUrl,
    options.participants,
  );
  try {
    const base = central.base() ?? '';
    const plain = (url: string, init: Parameters<typeof fetch>[1]) =>
      fetch(url, init);
    const login = await loginToCentral(plain, base, 'demo', 'demo');
    if (!login.ok) throw new Error(login.error.message);
    const deskId = seededRandom(options.seed).fork('floor').uuid();
    const desk = await registerDesk(
      plain,
      base,
      login.value.token,
      demoEventId,
      {
        name: 'Floor desk',
        deskId,
      },
    );
    if (!desk.ok) throw new Error(desk.error.message);
    const transport = createHttpTransport({
      baseUrl: base,
      eventId: demoEventId,
      token: desk.value.token,
      fetch: plain,
      timeoutMs: 120_000,
    });
    const own = operations.map((op, i) => ({ ...op, deskId, seq: i + 1 }));
    const started = performance.now();
    for (let at = 0; at < own.length; at += maxPushOperations) {
      const pushed = await transport.push({
        operations: own.slice(at, at + maxPushOperations),
      });
      if (!pushed.ok) throw new Error(pushed.error.message);
    }
    return performance.now() - started;
  } finally {
    await central.close();
  }
};

const runOn = async (
  name: string,
  options: ReconnectOptions,
  databaseUrl: string | null,
) => {
  const sim = simOptions(options, databaseUrl);
  progress(`${name}: starting the service and ${options.desks} desks`);
  const world = await startWorld(sim, seededRandom(options.seed), 60_000);
  let reconnectMs = 0;
  let rounds = 0;
  let failed: string[] = [];
  let operations: Operation[] = [];
  const traffic = () => ({
    requests: world.desks.reduce((n, d) => n + d.tally.network.requests, 0),
    pullPages: world.desks.reduce((n, d) => n + d.tally.pulls, 0),
  });
  let during = { requests: 0, pullPages: 0 };
  try {
    queueOffline(world, options.opsPerDesk);
    operations = world.desks.flatMap((desk) => desk.disk.operations);
    progress(`${name}: ${operations.length} operations queued; reconnecting`);
    const before = traffic();
    const started = performance.now();
    rounds = await settle(world);
    reconnectMs = performance.now() - started;
    const after = traffic();
    during = {
      requests: after.requests - before.requests,
      pullPages: after.pullPages - before.pullPages,
    };
    progress(`${name}: converged in ${formatMs(reconnectMs)}; checking`);
    const verdicts = checkInvariants(await worldForChecks(world));
    failed = verdicts.filter((v) => !v.ok).map((v) => `${v.name}: ${v.detail}`);
    progress(
      failed.length === 0
        ? `${name}: every invariant holds after the reconnect`
        : `${name}: FAIL ${failed.join('; ')}`,
    );
  } finally {
    await world.central.close();
  }
  progress(`${name}: floor, one desk pushing the same operations`);
  const floorMs = await pushFloor(sim, operations);
  const figure: Figure = {
    name: `sync ${name}: ${options.desks} desks reconnect with ${options.opsPerDesk} queued ops each, until converged`,
    ms: reconnectMs,
    floorMs,
    goal: { underMs: 5_000 },
  };
  return {
    figure,
    details: {
      operations: operations.length,
      rounds,
      ...during,
      reconnectMs,
      floorMs,
      failed,
    },
  };
};

export const runSyncReconnectBenchmark = async (
  options: ReconnectOptions = defaults,
): Promise<{ figures: Figure[]; details: Record<string, unknown> }> => {
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  const pglite = await runOn('PGlite', options, null);
  figures.push(pglite.figure);
  details.PGlite = pglite.details;
  if (options.postgres && postgresInstalled()) {
    const server = await startPostgres();
    try {
      const postgres = await runOn('PostgreSQL', options, server.url);
      figures.push(postgres.figure);
      details.PostgreSQL = postgres.details;
    } finally {
      server.stop();
    }
  }
  return { figures, details };
};

const standalone = process.argv[1]?.endsWith('syncReconnect.ts') ?? false;
if (standalone) {
  const index = process.argv.indexOf('--ops-per-desk');
  const opsPerDesk =
    index === -1 ? defaults.opsPerDesk : Number(process.argv[index + 1]);
  const result = await runSyncReconnectBenchmark({
    ...defaults,
    opsPerDesk,
    postgres: !process.argv.includes('--pglite-only'),
  });
  for (const f of result.figures) {
    const ratio = f.floorMs ? ` (${(f.ms / f.floorMs).toFixed(1)}x)` : '';
    console.log(
      `${f.name}: ${formatMs(f.ms)}; floor ${formatMs(f.floorMs ?? 0)}${ratio}`,
    );
  }
  console.log(JSON.stringify(result.details, null, 2));
}
