// The Node half of an import: the demo export written as .xlsx, then read
// with the desk's streaming reader while Node's memory is watched.

import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readSheet } from '../node/xlsx/readSheet';
import type { SheetTable } from '../shared/isonen/sheet';
import { reportProfile } from './profile';

const resultsDir = fileURLToPath(new URL('./results', import.meta.url));
const writer = fileURLToPath(new URL('./writeExport.ts', import.meta.url));

export type ReadFigures = {
  ms: number;
  rows: number;
  fileMb: number;
  /** RSS before reading, and the highest RSS sampled while reading. */
  rssBeforeMb: number;
  rssPeakMb: number;
};

/** Writes the export in a child process; every run, so it is never stale. */
export const writeExport = async (participants: number, seed: number) => {
  const path = join(resultsDir, `export-${participants}-${seed}.xlsx`);
  await mkdir(resultsDir, { recursive: true });
  const start = performance.now();
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', writer, String(participants), String(seed), path],
    { maxBuffer: 1 << 20 },
  );
  return { path, writeMs: performance.now() - start };
};

const megabytes = (bytes: number) => bytes / 1024 / 1024;

/** Runs the read under Node's CPU profiler (--profile). */
const profiled = async <T>(path: string, work: () => Promise<T>) => {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const value = await work();
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  await reportProfile(profile, 'reading the .xlsx (Node)', path);
  return value;
};

export const readExport = async (
  path: string,
  profile: boolean,
): Promise<{ table: SheetTable; figures: ReadFigures }> => {
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  }, 10);

  const start = performance.now();
  const bytes = await readFile(path);
  const read = () =>
    readSheet(bytes, basename(path), () => {
      rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    });
  const result = profile
    ? await profiled(join(resultsDir, 'read.cpuprofile'), read)
    : await read();
  const ms = performance.now() - start;
  clearInterval(sampler);

  if (!result.ok) {
    throw new Error(`readSheet: ${result.error.code} ${result.error.message}`);
  }
  return {
    table: result.value,
    figures: {
      ms,
      rows: result.value.rows.length,
      fileMb: megabytes(bytes.byteLength),
      rssBeforeMb: megabytes(rssBefore),
      rssPeakMb: megabytes(Math.max(rssPeak, process.memoryUsage.rss())),
    },
  };
};
