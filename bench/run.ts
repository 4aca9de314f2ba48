// `npm run bench [-- --participants N] [-- --only desk|central|timing]`:
// the desk's four benchmarks from issue #2 in real Chromium, the central
// service's from issue #3 and the timing devices' from issue #4, each
// beside a floor measured in the same run.
// Results go to the console and to bench/results/latest.json.

import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchArgs, parseArgs } from './args';
import { buildPage, openBrowser } from './browser';
import { runCentralBenchmarks } from './centralBench';
import { runExportListBench } from './exportList';
import { pageFigures } from './figures';
import { readExport, writeExport } from './importFile';
import { runPageBenchmarks } from './pageBenchmarks';
import {
  type Figure,
  formatMs,
  type Memory,
  printTable,
  withVerdicts,
  writeJson,
} from './report';
import { runSyncDownloadBenchmark } from './syncDownload';
import { runSyncReconnectBenchmark } from './syncReconnect';
import { runTimingDecoderBenchmarks } from './timingDecoders';
import { runTimingLatencyBenchmarks } from './timingLatency';
import { runTimingDeskLatencyBenchmarks } from './timingLatencyDesk';
import { benchOutDir } from './vite.config';

const latest = fileURLToPath(new URL('./results/latest.json', import.meta.url));

// Figures taken while other work loads the machine are slower, figure and
// floor alike; the load average says how far to trust the absolute times.
const machineLine = () =>
  `machine: ${cpus().length} cores, load average ` +
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

type Group = 'desk' | 'central' | 'timing';

/** `--only desk|central|timing` runs one group; all by default. */
const groupsOf = (argv: readonly string[]): Group[] => {
  const index = argv.indexOf('--only');
  if (index === -1) return ['desk', 'central', 'timing'];
  const wanted = argv[index + 1];
  if (wanted === 'desk' || wanted === 'central' || wanted === 'timing') {
    return [wanted];
  }
  throw new Error('--only wants desk, central or timing');
};

/** `--central-participants N`: the central demo event's size (5,000). */
const centralParticipantsOf = (argv: readonly string[]): number => {
  const index = argv.indexOf('--central-participants');
  const value = index === -1 ? 5_000 : Number(argv[index + 1]);
  if (!Number.isInteger(value) || value < 1_000) {
    throw new Error('--central-participants wants a whole number >= 1000');
  }
  return value;
};

type GroupResult = {
  figures: Figure[];
  memory: Memory[];
  details: Record<string, unknown>;
};

const runDesk = async (args: BenchArgs): Promise<GroupResult> => {
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
    // Issue #5: the organizer's list of everyone, 45 columns, to .xlsx.
    const exported = await runExportListBench(args.participants);
    return {
      figures: [
        ...page.search,
        ...page.checkIn,
        readFigure,
        ...page.importSteps,
        importTotal,
        ...page.open,
        ...page.sealing,
        ...exported.figures,
      ],
      memory: [
        {
          name: 'Node RSS before reading',
          megabytes: read.figures.rssBeforeMb,
        },
        {
          name: 'Node RSS peak while reading',
          megabytes: read.figures.rssPeakMb,
        },
        {
          name: 'Node RSS growth while reading',
          megabytes: read.figures.rssPeakMb - read.figures.rssBeforeMb,
        },
        ...page.memory,
        ...exported.memory,
      ],
      details: {
        read: read.figures,
        details: page.details,
        exportList: exported.details,
      },
    };
  } finally {
    await browser.close();
  }
};

const runCentral = async (argv: readonly string[]): Promise<GroupResult> => {
  const central = await runCentralBenchmarks({
    participants: centralParticipantsOf(argv),
    desks: 4,
  });
  const reconnect = await runSyncReconnectBenchmark();
  // Issue #3's size for the first download, whatever the pull bench's.
  const download = await runSyncDownloadBenchmark({ participants: 50_000 });
  return {
    figures: [...central.figures, ...reconnect.figures, ...download.figures],
    memory: [],
    details: {
      ...central.details,
      reconnect: reconnect.details,
      download: download.details,
    },
  };
};

/**
 * Each desk latency figure beside the no-renderer one of the same protocol
 * and percentile from this run: what the renderer's part adds.
 */
const rendererShare = (desk: Figure[], bare: Figure[]): string[] =>
  desk.flatMap((figure) => {
    const match = /^latency desk ([\w-]+), (.+) (p\d+):/.exec(figure.name);
    const without = match
      ? bare.find((f) => f.name.startsWith(`latency ${match[1]} ${match[3]}:`))
      : undefined;
    if (!match || !without) return [];
    return [
      `  ${match[1]}, ${match[2]} ${match[3]}: ${formatMs(figure.ms)} with ` +
        `the desk, ${formatMs(without.ms)} without the renderer ` +
        `(${(figure.ms / without.ms).toFixed(1)}x)`,
    ];
  });

const runTiming = async (): Promise<GroupResult> => {
  const decoders = runTimingDecoderBenchmarks();
  for (const line of decoders.lines) console.log(line);
  const latency = await runTimingLatencyBenchmarks();
  // The same path with the real desk: web host, Chromium, RxDB.
  const desk = await runTimingDeskLatencyBenchmarks();
  const share = rendererShare(desk.figures, latency.figures);
  if (share.length > 0) {
    console.log('timing latency, the desk against no renderer:');
    for (const line of share) console.log(line);
  }
  return {
    figures: [...decoders.figures, ...latency.figures, ...desk.figures],
    memory: [],
    details: {
      decoders: decoders.details,
      latency: latency.details,
      latencyDesk: desk.details,
    },
  };
};

const main = async () => {
  const argv = process.argv.slice(2);
  const args = parseArgs(argv);
  const groups = groupsOf(argv);
  const started = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  console.log(`bench: ${args.participants} participants, seed ${args.seed}`);
  console.log(machineLine());

  const desk = groups.includes('desk') ? await runDesk(args) : null;
  const central = groups.includes('central') ? await runCentral(argv) : null;
  const timing = groups.includes('timing') ? await runTiming() : null;
  const figures = [
    ...(desk?.figures ?? []),
    ...(central?.figures ?? []),
    ...(timing?.figures ?? []),
  ];
  const memory = [...(desk?.memory ?? []), ...(central?.memory ?? [])];

  console.log('');
  printTable(figures, memory);
  console.log(machineLine());
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nwhole run ${seconds.toFixed(0)} s; JSON in ${latest}`);
  await writeJson(latest, {
    at: new Date().toISOString(),
    ...args,
    groups,
    figures: withVerdicts(figures),
    memory,
    ...(desk?.details ?? {}),
    central: central?.details,
    timing: timing?.details,
    runSeconds: seconds,
    machine: {
      cores: cpus().length,
      loadAtStart,
      loadAtEnd: loadavg()[0] ?? 0,
    },
  });
};

await main();
