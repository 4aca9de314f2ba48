// Times readSheet's fast reader against exceljs's on one demo export:
//   npx tsx node/xlsx/readSheet.bench.ts [participants]
// Each reader runs in its own child process, so CPU time and peak RSS are
// that reader's alone. The file is written once to a temp folder.

import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { demoExport } from '../../shared/demo/demoExport';
import { readSheetWith, type SheetReader } from './readSheet';
import { writeSheet } from './writeSheet';

const readOnce = async (reader: SheetReader, path: string) => {
  const bytes = new Uint8Array(await readFile(path));
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const result = await readSheetWith(reader, bytes, 'bench.xlsx');
  const used = process.cpuUsage(cpu);
  process.stdout.write(
    `${JSON.stringify({
      reader,
      rows: result.ok ? result.value.rows.length : result.error.message,
      cpuMs: Math.round((used.user + used.system) / 1000),
      wallMs: Math.round(performance.now() - wall),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
};

const main = async () => {
  const [mode, reader, path] = process.argv.slice(2);
  if (mode === 'read' && (reader === 'fast' || reader === 'exceljs')) {
    await readOnce(reader, path ?? '');
    return;
  }
  const participants = Number(mode ?? '50000');
  const dir = await mkdtemp(join(tmpdir(), 'racedesk-bench-'));
  try {
    const file = join(dir, 'demo.xlsx');
    await writeSheet(demoExport({ participants, seed: 7 }), file);
    const size = (await readFile(file)).length;
    process.stdout.write(`${participants} participants, ${size} bytes\n`);
    const self = fileURLToPath(import.meta.url);
    for (const which of ['exceljs', 'fast'] satisfies SheetReader[]) {
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, self, 'read', which, file],
        { encoding: 'utf8' },
      );
      process.stdout.write(child.stdout + child.stderr);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

await main();
