// Measures exporting N participants (default 50,000) to each list:
// wall time of building the rows and writing the .xlsx, and resident
// memory sampled during the export. Issue #5's goal: under 3 s and under
// 300 MB. Each list runs in its own process so one list's garbage does not
// count against the next.
//
//   npx tsx node/lists/measure.ts [participants]
//
// The demo export is made and folded before the clock starts: reading an
// iSonen file is measured in node/xlsx/readSheet.ts.

import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoExport } from '../../shared/demo/demoExport';
import { foldSheet } from '../../shared/isonen/fold';
import { cellFormat } from '../../shared/lists/format';
import {
  listPurposeIds,
  listPurposes,
  planList,
} from '../../shared/lists/purposes';
import { listContent, viewsWithoutDesk } from '../../shared/lists/rows';
import { writeList } from './writeList';

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

// Every list, and the organizer's list with its first 15 columns (a
// typical choice, and TOOLCHAIN.md's 15-column yardstick).
const variants = [...listPurposeIds, 'participant-list:15'];

const planOf = (variant: string) => {
  const [list = '', width] = variant.split(':');
  const columns =
    width === undefined
      ? undefined
      : listPurposes['participant-list'].columns.slice(0, Number(width));
  return planList(list, { allowExternal: true, columns });
};

const measureOne = async (variant: string, participants: number) => {
  let table: ReturnType<typeof demoExport> | null = demoExport({
    participants,
  });
  const fold = foldSheet(table, { eventId: 'measure' });
  table = null;
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);

  const dir = await mkdtemp(join(tmpdir(), 'racedesk-measure-'));
  const path = join(dir, 'list.xlsx');
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const plan = planOf(variant);
  if (!plan.ok) throw new Error(plan.error.message);
  const content = listContent(
    plan.value,
    viewsWithoutDesk(fold.participants),
    cellFormat('nb'),
  );
  const written = await writeList(content, path);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time says more than wall time on a machine shared with others.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  const size = (await stat(path)).size;
  await rm(dir, { recursive: true, force: true });
  process.stdout.write(
    `${variant.padEnd(19)} ${String(written.rows).padStart(6)} rows x ` +
      `${String(written.columns).padStart(2)} cols  ` +
      `${seconds.toFixed(2)} s (cpu ${cpuSeconds.toFixed(2)} s)  rss ${mb(before)} -> peak ${mb(peak)} MB ` +
      `(+${mb(peak - before)})  file ${(size / 1e6).toFixed(1)} MB\n`,
  );
};

const [listArg, countArg] = process.argv.slice(2);
if (listArg !== undefined && variants.includes(listArg)) {
  await measureOne(listArg, Number(countArg ?? 50_000));
} else {
  const count = listArg ?? '50000';
  process.stdout.write(
    `Exporting ${count} participants (Node ${process.version})\n`,
  );
  for (const list of variants) {
    spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', import.meta.filename, list, count],
      { stdio: 'inherit' },
    );
  }
}
