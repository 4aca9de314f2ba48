// `npm run bench [-- --participants N]`: the desk's four benchmarks from
// issue #2 in real Chromium, each beside a floor measured in the same run.
// Results go to the console and to bench/results/latest.json.

import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './args';
import { buildPage, openBrowser } from './browser';
import { pageFigures } from './figures';
import { readExport, writeExport } from './importFile';
import { runPageBenchmarks } from './pageBenchmarks';
import { type Figure, printTable, withVerdicts, writeJson } from './report';
import { benchOutDir } from './vite.config';

const latest = fileURLToPath(new URL('./results/latest.json', import.meta.url));

// Figures taken while other work loads the machine are slower, figure and
// floor alike; the load average says how far to trust the absolute times.
const machineLine = () =>
  `machine: ${cpus().length} cores, load average ` +
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

const main = async () => {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  console.log(`bench: ${args.participants} participants, seed ${args.seed}`);
  console.log(machineLine());

  const written = await writeExport(args.participants, args.seed);
  console.log(`wrote ${written.path} in ${written.writeMs.toFixed(0)} ms`);
  const read = await readExport(written.path, args.profile);

  await buildPage();
  const transferStart = performance.now();
  await writeFile(join(benchOutDir, 'table.json'), JSON.stringify(read.table));
  const serializeMs = performance.now() - transferStart;

  const browser = await openBrowser();
  try {
    const page = pageFigures(
      await runPageBenchmarks(browser, args, serializeMs),
    );
    const readFigure: Figure = {
      name: 'import: read .xlsx (Node)',
      ms: read.figures.ms,
      floorMs: null,
      goal: null,
    };
    const importTotal: Figure = {
      name: 'import: total',
      ms: read.figures.ms + page.importMs,
      floorMs: page.bulkPutMs,
      goal: { underMs: 15_000 },
    };
    const figures = [
      ...page.search,
      ...page.checkIn,
      readFigure,
      ...page.importSteps,
      importTotal,
      ...page.open,
    ];
    const memory = [
      { name: 'Node RSS before reading', megabytes: read.figures.rssBeforeMb },
      {
        name: 'Node RSS peak while reading',
        megabytes: read.figures.rssPeakMb,
      },
      {
        name: 'Node RSS growth while reading',
        megabytes: read.figures.rssPeakMb - read.figures.rssBeforeMb,
      },
      ...page.memory,
    ];

    console.log('');
    printTable(figures, memory);
    console.log(machineLine());
    const seconds = (performance.now() - started) / 1000;
    console.log(`\nwhole run ${seconds.toFixed(0)} s; JSON in ${latest}`);
    await writeJson(latest, {
      at: new Date().toISOString(),
      ...args,
      figures: withVerdicts(figures),
      memory,
      read: read.figures,
      details: page.details,
      runSeconds: seconds,
      machine: {
        cores: cpus().length,
        loadAtStart,
        loadAtEnd: loadavg()[0] ?? 0,
      },
    });
  } finally {
    await browser.close();
  }
};

await main();
