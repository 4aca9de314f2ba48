// The central service's benchmarks from issue #3 against the real process
// (`central/main.ts`, the demo event seeded), on PGlite and, where Debian's
// binaries are installed, on PostgreSQL: pull of one 500-document page and
// sustained push throughput, each beside its floor from the same run.
// Floors read the store in this process, after the service has stopped
// (PGlite allows one process per folder).

import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';

import type { Db } from '../central/db/db';
import { openDb } from '../central/db/openDb';
import { demoEventId } from '../central/demo/seedDemo';
import { type Backend, backends } from '../central/test/backends';
import { startCentral } from '../central/test/centralProcess';
import { login, participantsOf, pullAll } from '../central/test/client';
import {
  measurePullFloor,
  measurePullHttp,
  pageSize,
  pullSummary,
} from './centralPull';
import { measurePush, measurePushFloor } from './centralPush';
import { type Figure, printTable } from './report';

export type CentralBenchOptions = {
  /** Participants of the demo event; the pull pages run over all of them. */
  participants: number;
  desks: number;
};

const postgresInstalled = () => existsSync('/usr/lib/postgresql/15/bin/initdb');

const rate = (operations: number, ms: number) =>
  Math.round((operations / ms) * 1000);

const openStore = async (store: { url: string } | { dataDir: string }) => {
  const opened = await openDb(store);
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
};

const runOn = async (backend: Backend, options: CentralBenchOptions) => {
  const store = await backend.open();
  const central = await startCentral(store, [
    '--demo',
    '--demo-participants',
    String(options.participants),
  ]);
  let db: Db | undefined;
  try {
    const organizer = await login(central.url, 'demo');
    const pulled = await measurePullHttp(central.url, organizer, demoEventId);
    const { documents } = await pullAll(central.url, organizer, demoEventId);
    const ids = [...participantsOf(documents).keys()];
    const pushed = await measurePush(
      central.url,
      organizer,
      demoEventId,
      ids,
      options.desks,
    );
    await central.stop();

    db = await openStore(store);
    const pullFloor = await measurePullFloor(db, demoEventId);
    const pushFloorMs = await measurePushFloor(db, demoEventId, pushed.batches);
    const pull = pullSummary({
      pages: pulled.http.length,
      bytesPerPage: pulled.bytesPerPage,
      http: pulled.http,
      floor: pullFloor,
    });
    const opsPerSecond = rate(pushed.operations, pushed.ms);
    const floorPerSecond = rate(pushed.operations, pushFloorMs);
    const figures: Figure[] = [
      {
        name: `central ${backend.name}: pull ${pageSize} documents p50`,
        ms: pull.http.p50,
        floorMs: pull.floor.p50,
        goal: { underMs: 20 },
      },
      {
        name: `central ${backend.name}: pull ${pageSize} documents p95`,
        ms: pull.http.p95,
        floorMs: pull.floor.p95,
        goal: null,
      },
      {
        name:
          `central ${backend.name}: push ${pushed.operations} ops, ` +
          `${pushed.desks} desks (${opsPerSecond} ops/s; ` +
          `floor ${floorPerSecond} ops/s)`,
        ms: pushed.ms,
        floorMs: pushFloorMs,
        goal: null,
      },
    ];
    const details = {
      pull,
      push: {
        desks: pushed.desks,
        operations: pushed.operations,
        batches: pushed.batches.length,
        ms: pushed.ms,
        opsPerSecond,
        floorMs: pushFloorMs,
        floorOpsPerSecond: floorPerSecond,
      },
    };
    return { figures, details };
  } finally {
    await central.stop();
    await db?.close();
    backend.close();
  }
};

export const runCentralBenchmarks = async (options: CentralBenchOptions) => {
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  for (const backend of backends()) {
    if (backend.name === 'PostgreSQL' && !postgresInstalled()) {
      console.log('central: PostgreSQL binaries not found, PGlite only');
      continue;
    }
    console.log(`central: ${backend.name}, ${options.participants} people`);
    const run = await runOn(backend, options);
    figures.push(...run.figures);
    details[backend.name] = run.details;
  }
  return { figures, details };
};

// `npx tsx bench/centralBench.ts [--participants N]`: the pull and push
// benchmarks alone, without the reconnect and download ones that
// `npm run bench -- --only central` runs after them.
const standalone = process.argv[1]?.endsWith('centralBench.ts') ?? false;
if (standalone) {
  const index = process.argv.indexOf('--participants');
  const participants = index === -1 ? 5000 : Number(process.argv[index + 1]);
  const loadAtStart = loadavg();
  const result = await runCentralBenchmarks({ participants, desks: 4 });
  const load = (values: number[]) => values.map((n) => n.toFixed(2)).join(' ');
  console.log(
    `load average (1, 5, 15 min): ${load(loadAtStart)} at start, ` +
      `${load(loadavg())} at end`,
  );
  printTable(result.figures, []);
}
