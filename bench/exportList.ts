// Issue #5's export benchmark: the organizer's list of N participants with
// all 45 columns, through the path the desk takes, beside a floor from the
// same run. Goal: under 3 s and under 300 MB.
//
// Two processes, as in the desk: the "desk" side builds the request the
// exports page sends (shared/lists/request.ts, the same function) and
// encodes it as a desk-socket frame; the "host" side decodes the frame and
// runs exports:write-list through dispatch and the export handlers (the
// streamed .xlsx and the export log), sampling its resident memory. The
// floor writes the same cells as CSV in the host process: no XML, no zip.
// Reading the participants from IndexedDB is left out (bench/README.md:
// the open benchmark measures that read).
//
//   npx tsx bench/exportList.ts [--participants N]

import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { createDeskHandlers } from '../main/handlers/deskHandlers';
import { dispatchDeskRequest } from '../main/handlers/dispatch';
import {
  exportArgumentChecks,
  unpackRows,
} from '../main/handlers/exportArguments';
import { createLogger } from '../node/log';
import { decodeFrame, encodeFrame } from '../renderer/bridge/wire';
import { packRows } from '../renderer/features/exports/packRows';
import { demoExport } from '../shared/demo/demoExport';
import { foldSheet } from '../shared/isonen/fold';
import { planList } from '../shared/lists/purposes';
import { listRequest } from '../shared/lists/request';
import { viewsWithoutDesk } from '../shared/lists/rows';
import type { Figure, Memory } from './report';

const mb = (bytes: number) => bytes / 1024 / 1024;

// CPU seconds beside wall time: on a machine shared with other work the
// wall clock says more about the neighbours than about the export.
const cpuSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

type DeskSide = {
  buildMs: number;
  buildCpuS: number;
  encodeMs: number;
  frameBytes: number;
  rows: number;
  columns: number;
  rssPeakMb: number;
};

type HostSide = {
  decodeMs: number;
  writeCpuS: number;
  writeMs: number;
  csvMs: number;
  xlsxBytes: number;
  csvBytes: number;
  rssBeforeMb: number;
  rssPeakMb: number;
};

export type ExportBench = {
  figures: Figure[];
  memory: Memory[];
  details: DeskSide & HostSide;
};

/** Samples resident memory every 10 ms until stopped. */
const rssSampler = () => {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss());
  };
};

const deskSide = async (participants: number, framePath: string) => {
  const fold = foldSheet(demoExport({ participants }), { eventId: 'bench' });
  const stop = rssSampler();
  const plan = planList('participant-list');
  if (!plan.ok) throw new Error(plan.error.message);

  let started = performance.now();
  const cpu = process.cpuUsage();
  const request = listRequest(plan.value, viewsWithoutDesk(fold.participants), {
    lang: 'nb',
    event: { id: 'bench', name: 'Benchmark' },
    by: 'bench',
  });
  const buildMs = performance.now() - started;
  const buildCpuS = cpuSince(cpu);

  started = performance.now();
  const { headers: _shownOnly, rows, ...rest } = request;
  const frame = encodeFrame({
    type: 'request',
    id: 1,
    name: 'exports:write-list',
    args: { ...rest, rows: packRows(rows) },
  });
  const encodeMs = performance.now() - started;
  await writeFile(framePath, frame);
  const result: DeskSide = {
    buildMs,
    buildCpuS,
    encodeMs,
    frameBytes: frame.byteLength,
    rows: rows.length,
    columns: request.columns.length,
    rssPeakMb: mb(stop()),
  };
  process.stdout.write(JSON.stringify(result));
};

const csvCell = (text: string) =>
  /[";\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;

/** The floor: the same cells as semicolon CSV, streamed to a file. */
const writeCsv = async (
  columns: readonly string[],
  rows: Iterable<string[]>,
  path: string,
) => {
  const out = createWriteStream(path);
  let chunk = `${columns.join(';')}\n`;
  for (const row of rows) {
    chunk += `${row.map(csvCell).join(';')}\n`;
    if (chunk.length > 256 * 1024) {
      if (!out.write(chunk)) {
        await new Promise<void>((resolve) =>
          out.once('drain', () => resolve()),
        );
      }
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
};

const hostSide = async (framePath: string, dataDir: string) => {
  const bytes = await readFile(framePath);
  globalThis.gc?.();
  const rssBefore = process.memoryUsage.rss();
  const stop = rssSampler();

  let started = performance.now();
  const decoded = decodeFrame(bytes);
  if (!decoded.ok || decoded.message.type !== 'request') {
    throw new Error('the frame did not decode to a request');
  }
  const decodeMs = performance.now() - started;

  const handlers = createDeskHandlers({
    shell: 'web-host',
    version: 'bench',
    platform: process.platform,
    locale: 'nb-NO',
    readSheet: async () => {
      throw new Error('no sheet is read here');
    },
    logger: createLogger({ level: 'silent' }),
    exports: { dataDir },
  });
  const { name, args } = decoded.message;
  started = performance.now();
  const cpu = process.cpuUsage();
  const written = await dispatchDeskRequest(
    handlers,
    name,
    args,
    () => undefined,
  );
  const writeMs = performance.now() - started;
  const writeCpuS = cpuSince(cpu);
  if (!written.ok) throw new Error(written.error.message);
  const rssPeak = stop();

  const value = written.value;
  const path =
    typeof value === 'object' && value !== null && 'path' in value
      ? String(value.path)
      : '';
  const csvPath = join(dataDir, 'floor.csv');
  started = performance.now();
  // The same rows the list got, unpacked as the handler does.
  const checked = exportArgumentChecks['exports:write-list'](args);
  if (!checked.ok) throw new Error(checked.error.message);
  const cells = unpackRows(checked.value);
  if (!cells.ok) throw new Error(cells.error.message);
  await writeCsv(checked.value.columns, cells.value.cells(), csvPath);
  const csvMs = performance.now() - started;

  const result: HostSide = {
    decodeMs,
    writeCpuS,
    writeMs,
    csvMs,
    xlsxBytes: (await stat(path)).size,
    csvBytes: (await stat(csvPath)).size,
    rssBeforeMb: mb(rssBefore),
    rssPeakMb: mb(rssPeak),
  };
  process.stdout.write(JSON.stringify(result));
};

/** Runs one side; its figures are the JSON it prints (our own child). */
const child = <T>(args: string[]): T => {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', import.meta.filename, ...args],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 },
  );
  if (run.status !== 0) {
    throw new Error(`bench/exportList.ts ${args[0]} failed: ${run.stderr}`);
  }
  return JSON.parse(run.stdout);
};

/** Runs both sides in fresh processes; the figures for the report. */
export const runExportListBench = async (
  participants: number,
): Promise<ExportBench> => {
  const dir = await mkdtemp(join(tmpdir(), 'racedesk-export-bench-'));
  try {
    const framePath = join(dir, 'frame.bin');
    const desk = child<DeskSide>(['desk', String(participants), framePath]);
    const host = child<HostSide>(['host', framePath, dir]);
    const totalMs = desk.buildMs + desk.encodeMs + host.decodeMs + host.writeMs;
    const label = `${participants} x ${desk.columns} cols`;
    return {
      figures: [
        {
          name: `export: build rows (desk, ${label})`,
          ms: desk.buildMs,
          floorMs: null,
          goal: null,
        },
        {
          name: 'export: frame encode + decode',
          ms: desk.encodeMs + host.decodeMs,
          floorMs: null,
          goal: null,
        },
        {
          name: 'export: write .xlsx + log (host)',
          ms: host.writeMs,
          floorMs: host.csvMs,
          goal: null,
        },
        {
          name: 'export: total',
          ms: totalMs,
          floorMs: host.csvMs,
          goal: { underMs: 3_000 },
        },
      ],
      memory: [
        {
          name: 'export: host RSS before the request',
          megabytes: host.rssBeforeMb,
        },
        {
          name: 'export: host RSS peak (goal < 300)',
          megabytes: host.rssPeakMb,
        },
        {
          name: 'export: desk-side RSS peak (Node)',
          megabytes: desk.rssPeakMb,
        },
      ],
      details: { ...desk, ...host },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

const [role, first, second] = process.argv.slice(2);
if (role === 'desk' && first && second) {
  await deskSide(Number(first), second);
} else if (role === 'host' && first && second) {
  await hostSide(first, second);
} else if (import.meta.filename === process.argv[1]) {
  const { parseArgs } = await import('./args');
  const { printTable } = await import('./report');
  const args = parseArgs(process.argv.slice(2));
  const bench = await runExportListBench(args.participants);
  printTable(bench.figures, bench.memory);
  const { details } = bench;
  console.log(
    `cpu: build rows ${details.buildCpuS.toFixed(2)} s, ` +
      `write .xlsx + log ${details.writeCpuS.toFixed(2)} s`,
  );
  console.log(
    `frame ${mb(bench.details.frameBytes).toFixed(1)} MB, ` +
      `xlsx ${mb(bench.details.xlsxBytes).toFixed(1)} MB, ` +
      `csv ${mb(bench.details.csvBytes).toFixed(1)} MB`,
  );
}
