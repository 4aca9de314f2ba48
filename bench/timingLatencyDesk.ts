// Issue #4 with the real desk: the time from the last byte of a passing
// written to the device end of a socat pty pair to its acknowledged
// storage, through the web host (main/host/main.ts, its own process), the
// desk's socket, the renderer's passing feed in Debian's Chromium (stored
// in the event's RxDB database) and the acknowledgement back to the host's
// passing journal. bench/timingLatency.ts measures the same without the
// renderer.
//
// One clock: the simulator runs in this process (its onSent stamps the
// last byte written) and this process tails the host's journal file
// (passings.jsonl in the host's data folder): the journal writes a
// passing's line before the desk sees it and an ack line once the desk has
// stored it. The clock stops when the ack line has been read here AND this
// process's own fdatasync of the journal file has returned, so never
// before the acknowledgement is on disk; the notification and that flush
// count against the desk, not for it. No hook in the host: it runs as
// shipped, device memory polls included.
//
// Each protocol runs once with the results page open (what the timing crew
// watches) and once with the devices page open, each on a fresh desk: its
// own host, browser profile, event and journal.
//
// Floor: the same frames, paced the same, written to a fresh pty pair and
// read back raw at the host end, in this run.
//
// Needs socat, Debian's Chromium and the built renderer
// (npm run build:renderer); skipped with a printed line without them.
// Standalone: npx tsx bench/timingLatencyDesk.ts [--passings N] [--rate R]
//   [--protocols sportident,alge-timy] [--views results,devices]
//   [--renderer DIR]  a renderer built elsewhere, e.g. to try a change
//   [--stages]        the page stamps its socket frames: where time goes
//   [--profile]       stages, and the renderer built unminified under the
//                     CPU profiler (bench/results/timing-desk-*.cpuprofile)

import { spawnSync } from 'node:child_process';
import { existsSync, type FSWatcher, watch } from 'node:fs';
import { type FileHandle, mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { fileURLToPath } from 'node:url';

import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { SerialPort } from 'serialport';
import { build } from 'vite';

import { chromiumArgs, chromiumPath, viewport } from '../e2e/chromium';
import { writeExportFile } from '../e2e/exportFile';
import { projectRoot, type RunningHost, startHost } from '../e2e/host';
import { DeskPage } from '../e2e/pages/desk';
import { naturalKey } from '../main/journal/naturalKey';
import { lineSettings } from '../main/serial/lineSettings';
import { createDeviceModel } from '../main/serial/simulator/createDeviceModel';
import { startSimulator } from '../main/serial/simulator/simulatorRunner';
import {
  createSocatPair,
  type SocatPair,
} from '../main/serial/testing/socatPair';
import { isTimingProtocol } from '../shared/timing/decoders';
import type { TimingProtocol } from '../shared/timing/passing';
import { startProfile, stopProfile } from './profile';
import { type Figure, formatMs } from './report';
import { type Summary, summarize } from './stats';

/** The page open while the passings come in. */
export type DeskView = 'results' | 'devices';

const tabOf: Record<DeskView, string> = {
  results: 'Resultater',
  devices: 'Tidtakerutstyr',
};

const viewNames: Record<DeskView, string> = {
  results: 'results page',
  devices: 'devices page',
};

export type DeskLatencyOptions = {
  protocols: readonly TimingProtocol[];
  /**
   * Each protocol once per view: the live results the timing crew watches
   * (every passing re-rendered there) and the devices page (light).
   */
  views: readonly DeskView[];
  passings: number;
  /** Passings per second, as on a busy finish line. */
  rate: number;
  /** Where the time goes: the page stamps its socket frames. */
  stages?: boolean;
  /**
   * Also the renderer under the CPU profiler, built unminified into the
   * run's temp folder so the names read. Slower: not for the figures.
   */
  profile?: boolean;
  /** A built renderer to serve instead of dist/renderer. */
  rendererDir?: string;
};

export const deskLatencyDefaults: DeskLatencyOptions = {
  protocols: ['sportident', 'alge-timy'],
  views: ['results', 'devices'],
  passings: 300,
  rate: 20,
};

const goalMs = 50;
/** A small event: the passings need one open to be stored in. */
const participants = 40;
const rendererIndex = join(projectRoot, 'dist', 'renderer', 'index.html');

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

const progress = (line: string) =>
  process.stderr.write(`timing desk: ${line}\n`);

/** Why the bench cannot run here, or '' when it can. */
export const deskLatencyUnavailable = (rendererDir?: string): string => {
  if (spawnSync('socat', ['-V'], { stdio: 'ignore' }).error !== undefined) {
    return 'socat is not installed (apt install socat)';
  }
  if (!existsSync(chromiumPath)) {
    return `no Chromium at ${chromiumPath} (apt install chromium)`;
  }
  const index =
    rendererDir === undefined ? rendererIndex : join(rendererDir, 'index.html');
  if (!existsSync(index)) {
    return `${index} is missing: run npm run build:renderer`;
  }
  return '';
};

// The host's journal, read as it grows -------------------------------------

type JournalTail = {
  /** Journal line read here: the passing is journaled (fsync may follow). */
  journaledAt: Map<string, number>;
  /** Ack line read and flushed to disk from here too. */
  ackedAt: Map<string, number>;
  /** The host's own receive time (wall clock, ms) per key. */
  receivedAtMs: Map<string, number>;
  /** The journal's id of each key's passing. */
  keyOf: Map<string, string>;
  close(): Promise<void>;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const tailJournal = async (path: string): Promise<JournalTail> => {
  // The host creates it when it opens its device service, before ready.
  const handle: FileHandle = await open(path, 'r');
  const keyOf = new Map<string, string>();
  const journaledAt = new Map<string, number>();
  const ackedAt = new Map<string, number>();
  const receivedAtMs = new Map<string, number>();
  let offset = (await handle.stat()).size;
  let rest = '';
  // A read may end inside a character; the decoder keeps its first bytes.
  const decoder = new StringDecoder('utf8');
  let reading = false;
  let again = false;
  let closed = false;

  const lineOf = (text: string, at: number, acked: string[]) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return;
    }
    if (!isRecord(value)) return;
    if (value.type === 'passing' && isRecord(value.record)) {
      const { id, key, receivedAtMs: received } = value.record;
      if (typeof id !== 'string' || typeof key !== 'string') return;
      keyOf.set(id, key);
      if (!journaledAt.has(key)) journaledAt.set(key, at);
      if (typeof received === 'number') receivedAtMs.set(key, received);
    } else if (value.type === 'ack' && Array.isArray(value.ids)) {
      for (const id of value.ids) {
        const key = typeof id === 'string' ? keyOf.get(id) : undefined;
        if (key !== undefined) acked.push(key);
      }
    }
  };

  const read = async () => {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      do {
        again = false;
        const buffer = Buffer.alloc(1 << 16);
        let text = '';
        for (;;) {
          const { bytesRead } = await handle.read(
            buffer,
            0,
            buffer.length,
            offset,
          );
          if (bytesRead === 0) break;
          offset += bytesRead;
          text += decoder.write(buffer.subarray(0, bytesRead));
        }
        if (text === '') continue;
        const at = performance.now();
        const lines = (rest + text).split('\n');
        rest = lines.pop() ?? '';
        const acked: string[] = [];
        for (const line of lines) if (line !== '') lineOf(line, at, acked);
        if (acked.length > 0) {
          // The host's ack resolves after its own fdatasync; flushing the
          // same file from here means the clock never stops before that.
          await handle.datasync();
          const durable = performance.now();
          for (const key of acked) {
            if (!ackedAt.has(key)) ackedAt.set(key, durable);
          }
        }
      } while (again && !closed);
    } finally {
      reading = false;
    }
  };

  const watcher: FSWatcher = watch(path, () => void read());
  // A safety net for a missed notification; inotify is the clock.
  const poll = setInterval(() => void read(), 250);
  return {
    journaledAt,
    ackedAt,
    receivedAtMs,
    keyOf,
    close: async () => {
      closed = true;
      clearInterval(poll);
      watcher.close();
      while (reading) await sleep(10);
      await handle.close();
    },
  };
};

// The page's socket, stamped (--stages) ----------------------------------

declare global {
  // biome-ignore lint/style/useConsistentTypeDefinitions: only an interface merges into Window.
  interface Window {
    deskSocketStamps?: { dir: 'in' | 'out'; at: number; text: string }[];
  }
}

/**
 * Wraps the page's WebSocket before the desk opens it: each frame about a
 * passing (in) or an acknowledgement (out) is kept with the wall-clock
 * time, the clock this process reads as performance.timeOrigin + now().
 * Plain text: tsx (esbuild keepNames) would wrap a function's classes in
 * a __name helper the page does not have.
 */
const stampSocket = `(() => {
  const stamps = [];
  window.deskSocketStamps = stamps;
  const now = () => performance.timeOrigin + performance.now();
  const textOf = (data) =>
    data instanceof ArrayBuffer || ArrayBuffer.isView(data)
      ? new TextDecoder().decode(data)
      : String(data);
  const Original = window.WebSocket;
  class Stamped extends Original {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (event) => {
        const at = now();
        const text = textOf(event.data);
        if (text.includes('"devices:passing"')) {
          stamps.push({ dir: 'in', at, text });
        }
      });
    }
    send(data) {
      const at = now();
      const text = textOf(data);
      if (text.includes('"devices:acknowledge"')) {
        stamps.push({ dir: 'out', at, text });
      }
      super.send(data);
    }
  }
  window.WebSocket = Stamped;
})();`;

type SocketStages = {
  /** Key -> the page had its passing event (wall clock). */
  receivedAt: Map<string, number>;
  /** Id -> the page sent its acknowledgement (wall clock). */
  ackSentAt: Map<string, number>;
};

const readStamps = async (page: Page): Promise<SocketStages> => {
  const stamps = await page.evaluate(() => {
    const taken = window.deskSocketStamps?.splice(0) ?? [];
    return taken;
  });
  const receivedAt = new Map<string, number>();
  const ackSentAt = new Map<string, number>();
  for (const { dir, at, text } of stamps) {
    if (dir === 'in') {
      const key = /"key":"([^"]+)"/.exec(text)?.[1];
      if (key !== undefined && !receivedAt.has(key)) receivedAt.set(key, at);
    } else {
      const ids = /"ids":\[([^\]]*)\]/.exec(text)?.[1] ?? '';
      for (const id of ids.matchAll(/"([^"]+)"/g)) {
        if (id[1] !== undefined && !ackSentAt.has(id[1])) {
          ackSentAt.set(id[1], at);
        }
      }
    }
  }
  return { receivedAt, ackSentAt };
};

// The desk ---------------------------------------------------------------

type Desk = {
  host: RunningHost;
  context: BrowserContext;
  page: Page;
  desk: DeskPage;
  pageErrors: string[];
  close(): Promise<void>;
};

const openDesk = async (
  dir: string,
  stamps: boolean,
  rendererDir?: string,
): Promise<Desk> => {
  const host = await startHost({
    dataDir: join(dir, 'host-data'),
    ...(rendererDir === undefined ? {} : { rendererDir }),
  });
  const profile = join(dir, 'profile');
  let context: BrowserContext | undefined;
  try {
    // A profile on disk, as the desk has: IndexedDB writes reach the disk.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
      viewport,
      locale: 'nb-NO',
      timezoneId: 'Europe/Oslo',
    });
    if (stamps) await context.addInitScript({ content: stampSocket });
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // A missing resource is told by its response, with its address.
      if (message.type() !== 'error') return;
      if (message.text().startsWith('Failed to load resource')) return;
      pageErrors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) {
        pageErrors.push(`${response.status()} for ${response.url()}`);
      }
    });
    const desk = new DeskPage(page, host.url);
    const opened = context;
    return {
      host,
      context: opened,
      page,
      desk,
      pageErrors,
      close: async () => {
        await opened.close();
        await host.stop();
      },
    };
  } catch (error) {
    await context?.close();
    await host.stop();
    throw error;
  }
};

/** Signs in and imports a small demo event, as the e2e tests do. */
const prepareDesk = async (desk: Desk, dir: string) => {
  const file = await writeExportFile(join(dir, 'påmeldte.xlsx'), participants);
  await desk.desk.open();
  await desk.desk.importFile(file.path, 'Latensløpet', participants);
};

const connectDevice = async (
  desk: Desk,
  name: string,
  protocol: TimingProtocol,
  path: string,
  view: DeskView,
) => {
  const { page } = desk;
  await page.getByRole('tab', { name: 'Tidtakerutstyr' }).click();
  await page.getByLabel('Navn', { exact: true }).fill(name);
  await page.getByLabel('Protokoll').selectOption(protocol);
  await page.getByLabel('Port', { exact: true }).fill(path);
  await page.getByRole('button', { name: 'Koble til' }).click();
  await page
    .locator(`tr[data-device="${name}"] [data-state="connected"]`)
    .waitFor({ timeout: 15_000 });
  await page.getByRole('tab', { name: tabOf[view] }).click();
};

// One protocol through the desk ------------------------------------------

type PathResult = {
  sent: number;
  /** Last byte to the ack line on disk: the figure. */
  acknowledged: Summary;
  /** Last byte to the passing's journal line read here. */
  journaled: Summary;
  /** Last byte to the host's receive stamp (wall clocks, ms steps). */
  received: Summary;
  /** With --stages: last byte to the page's socket, in and out. */
  inPage?: Summary;
  ackSent?: Summary;
};

const profilePath = (device: string) =>
  fileURLToPath(
    new URL(`./results/timing-desk-${device}.cpuprofile`, import.meta.url),
  );

/** Once the simulator is done: until every passing is acknowledged. */
const waitForAcks = async (sent: readonly string[], tail: JournalTail) => {
  const acked = () => sent.filter((key) => tail.ackedAt.has(key)).length;
  // A desk behind keeps acknowledging, a whole backlog at once (the feed
  // stores what waits as one batch, then acknowledges it): wait while it
  // does, 2 minutes at most, and give up after 30 s without one.
  const until = Date.now() + 120_000;
  let last = acked();
  let movedAt = Date.now();
  while (last < sent.length && Date.now() < until) {
    if (Date.now() - movedAt > 30_000) return;
    await sleep(50);
    const now = acked();
    if (now > last) movedAt = Date.now();
    last = now;
  }
};

const measureDesk = async (
  desk: Desk,
  tail: JournalTail,
  pair: SocatPair,
  protocol: TimingProtocol,
  view: DeskView,
  options: DeskLatencyOptions,
): Promise<PathResult> => {
  // Its own name per run: the journal drops a passing it has seen, and
  // the simulator starts from the same first passing every time.
  const device = `${protocol}-${view}`;
  // The desk connects to a station only once it answers its start-up:
  // a station model answers until the simulator takes the line.
  const standIn = await answerStartUp(pair.device, protocol);
  await connectDevice(desk, device, protocol, pair.host, view);
  if (standIn) await closeEnd(standIn);
  const sentAt = new Map<string, number>();
  const cdp = options.profile
    ? await desk.context.newCDPSession(desk.page)
    : undefined;
  if (cdp) await startProfile(cdp);
  const simulator = startSimulator({
    path: pair.device,
    protocol,
    passings: options.passings,
    rate: options.rate,
    faults: [],
    // The host's greeting to a station settles first.
    startAfterMs: 1500,
    onSent: (passing, at) => {
      const key = naturalKey(device, passing);
      if (!sentAt.has(key)) sentAt.set(key, at);
    },
  });
  try {
    await simulator.finished;
    await waitForAcks([...sentAt.keys()], tail);
  } finally {
    await simulator.stop();
  }
  if (cdp) {
    await mkdir(dirname(profilePath(device)), { recursive: true });
    await stopProfile(cdp, `the renderer, ${device}`, profilePath(device));
    await cdp.detach();
  }
  const since = (until: Map<string, number>, shift = 0) =>
    summarize(
      [...sentAt].flatMap(([key, at]) => {
        const done = until.get(key);
        return done === undefined ? [] : [done - (at + shift)];
      }),
    );
  // performance.now() to the wall clock the host and the page stamp with.
  const wall = performance.timeOrigin;
  const result: PathResult = {
    sent: sentAt.size,
    acknowledged: since(tail.ackedAt),
    journaled: since(tail.journaledAt),
    received: since(tail.receivedAtMs, wall),
  };
  if (!options.stages && !options.profile) return result;
  const stages = await readStamps(desk.page);
  const ackSentAt = new Map<string, number>();
  for (const [id, at] of stages.ackSentAt) {
    const key = tail.keyOf.get(id);
    if (key !== undefined) ackSentAt.set(key, at);
  }
  return {
    ...result,
    inPage: since(stages.receivedAt, wall),
    ackSent: since(ackSentAt, wall),
  };
};

/** A device model answering the host on the device end, for connecting. */
const answerStartUp = async (path: string, protocol: TimingProtocol) => {
  if (protocol !== 'sportident') return undefined;
  const port = await openEnd(path, lineSettings(protocol).baudRates[0] ?? 0);
  const model = createDeviceModel(protocol);
  port.on('data', (bytes: Buffer) => {
    for (const answer of model.hear(bytes)) port.write(Buffer.from(answer));
  });
  return port;
};

// The floor: the bare pty pair -------------------------------------------

const openEnd = async (path: string, baudRate: number) => {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  const error = await new Promise<Error | null>((done) => port.open(done));
  if (error) throw error;
  return port;
};

const closeEnd = (port: SerialPort) =>
  new Promise<void>((done) => port.close(() => done()));

/** The same frames, paced the same, read back raw at the host end. */
const measureFloor = async (
  dir: string,
  protocol: TimingProtocol,
  options: DeskLatencyOptions,
): Promise<Summary> => {
  const pair = createSocatPair(await made(join(dir, `floor-${protocol}`)));
  await pair.plugIn();
  const baudRate = lineSettings(protocol).baudRates[0] ?? 9600;
  const model = createDeviceModel(protocol);
  const frames = Array.from(
    { length: options.passings },
    () => model.next().frames[0] ?? new Uint8Array(),
  );
  const host = await openEnd(pair.host, baudRate);
  const sender = await openEnd(pair.device, baudRate);
  const sentAt: number[] = [];
  const receivedAt: number[] = [];
  const ends: number[] = [];
  let received = 0;
  let nextEnd = 0;
  host.on('data', (bytes: Buffer) => {
    received += bytes.length;
    const now = performance.now();
    while (nextEnd < ends.length && (ends[nextEnd] ?? 0) <= received) {
      receivedAt.push(now);
      nextEnd += 1;
    }
  });
  try {
    await sleep(200);
    const started = performance.now();
    let total = 0;
    for (const [index, frame] of frames.entries()) {
      const wait = started + (index * 1000) / options.rate - performance.now();
      if (wait > 1) await sleep(wait);
      total += frame.length;
      ends.push(total);
      await new Promise<void>((done) =>
        sender.write(Buffer.from(frame), () => done()),
      );
      sentAt.push(performance.now());
    }
    const until = Date.now() + 5000;
    while (receivedAt.length < frames.length && Date.now() < until) {
      await sleep(20);
    }
  } finally {
    await closeEnd(sender);
    await closeEnd(host);
    await pair.pullCable();
  }
  // A read can land before the write callback runs: never below zero.
  return summarize(
    receivedAt.map((at, i) => Math.max(0, at - (sentAt[i] ?? at))),
  );
};

const made = async (dir: string) => {
  await mkdir(dir, { recursive: true });
  return dir;
};

// Figures -----------------------------------------------------------------

const what = 'last byte -> host -> renderer RxDB -> ack on disk';

const figuresOf = (
  protocol: TimingProtocol,
  view: DeskView,
  path: Summary,
  floor: Summary,
): Figure[] => [
  {
    name: `latency desk ${protocol}, ${viewNames[view]} p50: ${what}`,
    ms: path.p50,
    floorMs: floor.p50,
    goal: { underMs: goalMs },
  },
  {
    name: `latency desk ${protocol}, ${viewNames[view]} p99: ${what}`,
    ms: path.p99,
    floorMs: floor.p99,
    goal: { underMs: goalMs },
  },
];

const loadLine = () =>
  `load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}`;

const stageLine = (name: string, summary: Summary | undefined) =>
  summary === undefined
    ? []
    : [
        `${name} p50 ${formatMs(summary.p50)} p99 ${formatMs(summary.p99)} ` +
          `max ${formatMs(summary.max)}`,
      ];

/** Each stage from the last byte, so the gaps say where the time goes. */
const stages = (result: PathResult) =>
  [
    ...stageLine('host read (wall clocks)', result.received),
    ...stageLine('journaled', result.journaled),
    ...stageLine('in the page (wall clocks)', result.inPage),
    ...stageLine('ack sent by the page (wall clocks)', result.ackSent),
    ...stageLine('acknowledged', result.acknowledged),
  ].join('\n  ');

/**
 * One protocol with one page open, on a desk of its own (host, browser
 * profile, event, journal): a run behind on its acknowledgements must not
 * slow the next, nor its passings make the next one's event bigger.
 */
const runOnFreshDesk = async (
  dir: string,
  protocol: TimingProtocol,
  view: DeskView,
  options: DeskLatencyOptions,
  rendererDir: string | undefined,
): Promise<PathResult> => {
  const stamps = (options.stages ?? false) || (options.profile ?? false);
  const desk = await openDesk(dir, stamps, rendererDir);
  const pair = createSocatPair(await made(join(dir, 'line')));
  let tail: JournalTail | undefined;
  try {
    tail = await tailJournal(resolve(dir, 'host-data', 'passings.jsonl'));
    await prepareDesk(desk, dir);
    await pair.plugIn();
    const label = `${protocol}, ${viewNames[view]}`;
    progress(`${label}: ${options.passings} passings at ${options.rate}/s`);
    const path = await measureDesk(desk, tail, pair, protocol, view, options);
    if (desk.pageErrors.length > 0) {
      console.log(
        `timing latency with the desk ${label}: the page reported ` +
          `${desk.pageErrors.length} errors, the first: ${desk.pageErrors[0]}`,
      );
    }
    return path;
  } finally {
    await tail?.close();
    await desk.close();
    await pair.pullCable();
  }
};

export const runTimingDeskLatencyBenchmarks = async (
  options: DeskLatencyOptions = deskLatencyDefaults,
): Promise<{ figures: Figure[]; details: Record<string, unknown> }> => {
  const unavailable = deskLatencyUnavailable(
    options.profile ? undefined : options.rendererDir,
  );
  if (unavailable !== '') {
    console.log(`timing latency with the desk: skipped, ${unavailable}`);
    return { figures: [], details: { skipped: unavailable } };
  }
  const dir = await mkdtemp(join(tmpdir(), 'timing-latency-desk-'));
  const figures: Figure[] = [];
  const details: Record<string, unknown> = { loadAtStart: loadavg() };
  try {
    const profiled = options.profile ?? false;
    const rendererDir = profiled ? join(dir, 'renderer') : options.rendererDir;
    if (profiled && rendererDir !== undefined) {
      progress('building the renderer unminified for the profile');
      await build({
        configFile: join(projectRoot, 'renderer', 'vite.config.ts'),
        logLevel: 'warn',
        build: { outDir: rendererDir, emptyOutDir: true, minify: false },
      });
    }
    for (const protocol of options.protocols) {
      const floor = await measureFloor(dir, protocol, options);
      for (const view of options.views) {
        const label = `${protocol}, ${viewNames[view]}`;
        progress(`${label}: host, Chromium, a ${participants}-person event`);
        const path = await runOnFreshDesk(
          await made(join(dir, `${protocol}-${view}`)),
          protocol,
          view,
          options,
          rendererDir,
        );
        if (path.acknowledged.count < path.sent) {
          console.log(
            `timing latency with the desk ${label}: only ` +
              `${path.acknowledged.count} of ${path.sent} passings were ` +
              'acknowledged in time',
          );
        }
        console.log(
          `timing latency with the desk ${label}, from the last byte:\n  ` +
            stages(path),
        );
        figures.push(...figuresOf(protocol, view, path.acknowledged, floor));
        details[`${protocol}-${view}`] = { ...options, ...path, floor };
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`timing latency with the desk: ${loadLine()}`);
  details.loadAtEnd = loadavg();
  return { figures, details };
};

const standalone = process.argv[1]?.endsWith('timingLatencyDesk.ts') ?? false;
if (standalone) {
  const argument = (name: string) => {
    const index = process.argv.indexOf(name);
    return index === -1 ? undefined : process.argv[index + 1];
  };
  const number = (name: string, fallback: number) => {
    const value = Number(argument(name) ?? fallback);
    if (!(value > 0)) throw new Error(`${name} wants a positive number`);
    return value;
  };
  const protocols = (
    argument('--protocols')?.split(',') ?? deskLatencyDefaults.protocols
  ).map((name) => {
    if (!isTimingProtocol(name)) throw new Error(`no protocol ${name}`);
    return name;
  });
  const views = (
    argument('--views')?.split(',') ?? deskLatencyDefaults.views
  ).map((name) => {
    if (name !== 'results' && name !== 'devices') {
      throw new Error(`--views wants results and/or devices, not ${name}`);
    }
    return name;
  });
  const rendererDir = argument('--renderer');
  const { printTable } = await import('./report');
  console.log(loadLine());
  const result = await runTimingDeskLatencyBenchmarks({
    protocols,
    views,
    ...(rendererDir === undefined ? {} : { rendererDir: resolve(rendererDir) }),
    passings: number('--passings', deskLatencyDefaults.passings),
    rate: number('--rate', deskLatencyDefaults.rate),
    stages: process.argv.includes('--stages'),
    profile: process.argv.includes('--profile'),
  });
  console.log(JSON.stringify(result.details, null, 2));
  printTable(result.figures, []);
}
