// Issue #3's first download: the real central process on PGlite with the
// demo event at 50,000 participants, and a new desk in real Chromium (the
// bench page, the desk's own store sealed under a random key) that signs
// in and connects, downloading the event until it is open and searchable.
// The floor, from the same run and page, is the same pull pages fetched
// and parsed from checkpoint 0 until hasMore is false, nothing stored.
//
// Standalone: npx tsx bench/syncDownload.ts [--participants N]
// [--central http://127.0.0.1:PORT] (a service already seeded: no seeding)
// [--profile] (the download under the CPU profiler; hottest functions)

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { demoEventId } from '../central/demo/seedDemo';
import { startCentral } from '../central/test/centralProcess';
import { buildPage, openBrowser } from './browser';
import { openBenchPage } from './pageSteps';
import { startProfile, stopProfile } from './profile';
import { type Figure, formatMs } from './report';

export type DownloadOptions = {
  participants: number;
  /** A service already running with the demo event: no seeding. */
  centralUrl?: string;
  /** Runs the download under the CPU profiler (slower; for finding why). */
  profile?: boolean;
};

const defaults: DownloadOptions = { participants: 50_000 };

const progress = (line: string) => process.stderr.write(`download: ${line}\n`);

const account = { login: 'demo', password: 'demo' };

/** The page's calls, with the central's address and the demo account. */
const inPage = (url: string) =>
  [url, account.login, account.password, demoEventId] as const;

const profilePath = fileURLToPath(
  new URL('./results/download.cpuprofile', import.meta.url),
);

const measure = async (centralUrl: string, profile: boolean) => {
  await buildPage();
  const browser = await openBrowser();
  try {
    const { page, cdp } = await openBenchPage(browser.context, browser.url);
    const args = inPage(centralUrl);
    // A first pass warms the service's caches for both and gives the ids
    // the download is checked against; the floor is the second pass.
    const warm = await page.evaluate(
      ([u, l, p, e]) => window.bench.pullFloor(u, l, p, e, false),
      args,
    );
    progress(
      `floor pass 1: ${warm.pages} pages, ${warm.participants} people, ` +
        `${(warm.bytes / 1e6).toFixed(1)} MB in ${formatMs(warm.ms)}`,
    );
    // As the app: a fresh database, personal fields sealed under a key.
    const key = randomBytes(32).toString('base64');
    await page.evaluate(([db, k]) => window.bench.createStore(db, k), [
      `download-${Date.now()}`,
      key,
    ] as const);
    if (profile) await startProfile(cdp);
    const downloaded = await page.evaluate(
      ([u, l, p, e]) => window.bench.download(u, l, p, e),
      args,
    );
    if (profile) await stopProfile(cdp, 'the download', profilePath);
    await page.evaluate(() => window.bench.close());
    progress(`downloaded in ${formatMs(downloaded.ms)}`);
    const floor = await page.evaluate(
      ([u, l, p, e]) => window.bench.pullFloor(u, l, p, e, false),
      args,
    );
    const stored = await page.evaluate(
      ([u, l, p, e]) => window.bench.pullFloor(u, l, p, e, true),
      args,
    );
    await page.evaluate(() => window.bench.close());
    await page.close();
    return { warm, downloaded, floor, stored };
  } finally {
    await browser.close();
  }
};

export const runSyncDownloadBenchmark = async (
  options: DownloadOptions = defaults,
): Promise<{ figures: Figure[]; details: Record<string, unknown> }> => {
  // A busy machine moves figure and floor alike; the load says how much.
  const loadAtStart = loadavg();
  const dataDir = await mkdtemp(join(tmpdir(), 'racedesk-download-'));
  const seeding = performance.now();
  progress(`seeding ${options.participants} people on PGlite`);
  const central = options.centralUrl
    ? null
    : await startCentral({ dataDir }, [
        '--demo',
        '--demo-participants',
        String(options.participants),
      ]);
  const seedMs = performance.now() - seeding;
  progress(`service ready after ${formatMs(seedMs)}`);
  try {
    const url = central?.url ?? options.centralUrl ?? '';
    const { warm, downloaded, floor, stored } = await measure(
      url,
      options.profile ?? false,
    );
    if (downloaded.missing > 0 || !downloaded.found) {
      throw new Error(
        `the download lacks ${downloaded.missing} of ${floor.participants} ` +
          `participants, or the search for "${downloaded.query}" missed`,
      );
    }
    const name = `sync PGlite: first download of ${floor.participants} participants`;
    const figures: Figure[] = [
      {
        name: `${name} (login, connect, open)`,
        ms: downloaded.ms,
        floorMs: floor.ms,
        goal: { underMs: 10_000 },
      },
      {
        name: `${name}, beside pages put raw in IndexedDB`,
        ms: downloaded.ms,
        floorMs: stored.ms,
        goal: null,
      },
      {
        name: `${name}: pull pages fetched`,
        ms: downloaded.pullNetworkMs,
        floorMs: floor.ms,
        goal: null,
      },
      {
        name: `${name}: login, register, until the first page asked`,
        ms: downloaded.loginMs + downloaded.beforePullMs,
        floorMs: null,
        goal: null,
      },
      {
        name: `${name}: storing the pages (each from fetched to stored)`,
        ms: Math.max(0, downloaded.storingMs),
        floorMs: null,
        goal: null,
      },
      {
        name: `${name}: opening the event`,
        ms: downloaded.openMs,
        floorMs: null,
        goal: null,
      },
    ];
    return {
      figures,
      details: {
        loadAtStart,
        loadAtEnd: loadavg(),
        seedMs,
        warmFloor: warm,
        floor,
        storedFloor: stored,
        downloaded,
      },
    };
  } finally {
    await central?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
};

const standalone = process.argv[1]?.endsWith('syncDownload.ts') ?? false;
if (standalone) {
  const index = process.argv.indexOf('--participants');
  const participants =
    index === -1 ? defaults.participants : Number(process.argv[index + 1]);
  const at = process.argv.indexOf('--central');
  const centralUrl = at === -1 ? undefined : process.argv[at + 1];
  const result = await runSyncDownloadBenchmark({
    participants,
    centralUrl,
    profile: process.argv.includes('--profile'),
  });
  const load = (key: string) =>
    (result.details[key] as number[]).map((n) => n.toFixed(2)).join(' ');
  console.log(
    `load average (1, 5, 15 min): ${load('loadAtStart')} at start, ` +
      `${load('loadAtEnd')} at end`,
  );
  for (const f of result.figures) {
    const ratio = f.floorMs ? ` (${(f.ms / f.floorMs).toFixed(1)}x)` : '';
    const floor = f.floorMs === null ? '' : `; floor ${formatMs(f.floorMs)}`;
    console.log(`${f.name}: ${formatMs(f.ms)}${floor}${ratio}`);
  }
  console.log(JSON.stringify(result.details, null, 2));
}
