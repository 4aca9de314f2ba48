// Issue #4: the time from the last byte of a passing written to the device
// end of a socat pty pair to its acknowledged storage. Measured on the
// host's real path without a browser: the device service (device manager,
// decoder, passing journal fsynced) hands the passing on; a consumer shaped
// like the desk's passing feed stores each batch durably (a JSON-lines file,
// fdatasync, standing in for the renderer's IndexedDB write) and then
// acknowledges it (the journal's ack line, fsynced). The clock stops when
// the acknowledgement resolves. Floor: the same frames written and read
// back over a fresh pty pair with nothing else.
//
// Standalone: npx tsx bench/timingLatency.ts [--passings N] [--rate R]

import { spawnSync } from 'node:child_process';
import { type FileHandle, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { openDeviceService } from '../main/handlers/deviceService';
import { naturalKey } from '../main/journal/naturalKey';
import { lineSettings } from '../main/serial/lineSettings';
import { createDeviceModel } from '../main/serial/simulator/createDeviceModel';
import { startSimulator } from '../main/serial/simulator/simulatorRunner';
import {
  createSocatPair,
  type SocatPair,
} from '../main/serial/testing/socatPair';
import { createLogger } from '../node/log';
import type { JournaledPassing } from '../shared/contract/devices';
import type { TimingProtocol } from '../shared/timing/passing';
import { type Figure, formatMs } from './report';
import { type Summary, summarize } from './stats';

export type LatencyOptions = {
  protocols: readonly TimingProtocol[];
  passings: number;
  /** Passings per second, as on a busy finish line. */
  rate: number;
};

const defaults: LatencyOptions = {
  protocols: ['sportident', 'alge-timy'],
  passings: 300,
  rate: 20,
};

const device = 'bench';
const goalMs = 50;

const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

export const socatInstalled = () =>
  spawnSync('socat', ['-V'], { stdio: 'ignore' }).error === undefined;

const withPair = async <T>(
  run: (pair: SocatPair, dir: string) => Promise<T>,
) => {
  const dir = await mkdtemp(join(tmpdir(), 'timing-latency-'));
  const pair = createSocatPair(dir);
  try {
    await pair.plugIn();
    return await run(pair, dir);
  } finally {
    await pair.pullCable();
    await rm(dir, { recursive: true, force: true });
  }
};

/** Like the desk's passing feed: store a batch durably, then ack it. */
const startConsumer = (
  store: FileHandle,
  acknowledge: (ids: readonly string[]) => Promise<number>,
  onAcked: (keys: readonly string[], atMs: number) => void,
) => {
  const pending = new Map<string, JournaledPassing>();
  let running = false;
  const drain = async () => {
    if (running) return;
    running = true;
    try {
      while (pending.size > 0) {
        const batch = [...pending.values()];
        pending.clear();
        const text = batch.map((p) => `${JSON.stringify(p)}\n`).join('');
        await store.appendFile(text);
        await store.datasync();
        await acknowledge(batch.map((p) => p.id));
        onAcked(
          batch.map((p) => p.key),
          performance.now(),
        );
      }
    } finally {
      running = false;
    }
  };
  return (passing: JournaledPassing) => {
    pending.set(passing.id, passing);
    void drain();
  };
};

const measurePath = (protocol: TimingProtocol, options: LatencyOptions) =>
  withPair(async (pair, dir) => {
    const service = await openDeviceService({
      dataDir: join(dir, 'data'),
      logger: createLogger({ level: 'warn' }),
      // Only live passings are timed: no memory polls in between.
      pollMs: 600_000,
    });
    const store = await open(join(dir, 'desk-store.jsonl'), 'a');
    const sentAt = new Map<string, number>();
    const ackedAt = new Map<string, number>();
    // When the service hands it on: journaled and fsynced, not yet stored.
    const journaledAt = new Map<string, number>();
    const take = startConsumer(
      store,
      (ids) => service.acknowledge(ids),
      (keys, at) => {
        for (const key of keys) if (!ackedAt.has(key)) ackedAt.set(key, at);
      },
    );
    service.onEvent((event) => {
      if (event.type !== 'passing') return;
      journaledAt.set(event.passing.key, performance.now());
      take(event.passing);
    });
    const simulator = startSimulator({
      path: pair.device,
      protocol,
      passings: options.passings,
      rate: options.rate,
      faults: [],
      startAfterMs: 1500,
      onSent: (passing, at) => {
        const key = naturalKey(device, passing);
        if (!sentAt.has(key)) sentAt.set(key, at);
      },
    });
    try {
      await service.watch({ id: device, protocol, path: pair.host });
      await simulator.finished;
      const until = Date.now() + 5000;
      while (ackedAt.size < sentAt.size && Date.now() < until) await sleep(50);
    } finally {
      await simulator.stop();
      await service.close();
      await store.close();
    }
    const since = (until: Map<string, number>) =>
      summarize(
        [...sentAt].flatMap(([key, at]) => {
          const done = until.get(key);
          return done === undefined ? [] : [done - at];
        }),
      );
    return {
      sent: sentAt.size,
      latencies: since(ackedAt),
      journaled: since(journaledAt),
    };
  });

const openEnd = async (path: string, baudRate: number) => {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  const error = await new Promise<Error | null>((resolve) =>
    port.open(resolve),
  );
  if (error) throw error;
  return port;
};

const closeEnd = (port: SerialPort) =>
  new Promise<void>((resolve) => port.close(() => resolve()));

/** The same frames, paced the same, read back raw at the host end. */
const measureFloor = (protocol: TimingProtocol, options: LatencyOptions) =>
  withPair(async (pair) => {
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
    let received = 0;
    let nextEnd = 0;
    const ends: number[] = [];
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
        const wait =
          started + (index * 1000) / options.rate - performance.now();
        if (wait > 1) await sleep(wait);
        total += frame.length;
        ends.push(total);
        await new Promise<void>((resolve) =>
          sender.write(Buffer.from(frame), () => resolve()),
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
    }
    // A read can land before the write callback runs: never below zero.
    return summarize(
      receivedAt.map((at, i) => Math.max(0, at - (sentAt[i] ?? at))),
    );
  });

const figuresOf = (
  protocol: TimingProtocol,
  path: Summary,
  floor: Summary,
): Figure[] => {
  const what =
    'last byte -> journal fsync -> consumer fsync -> ack fsync (no renderer)';
  return [
    {
      name: `latency ${protocol} p50: ${what}`,
      ms: path.p50,
      floorMs: floor.p50,
      goal: { underMs: goalMs },
    },
    {
      name: `latency ${protocol} p99: ${what}`,
      ms: path.p99,
      floorMs: floor.p99,
      goal: { underMs: goalMs },
    },
  ];
};

export const runTimingLatencyBenchmarks = async (
  options: LatencyOptions = defaults,
): Promise<{ figures: Figure[]; details: Record<string, unknown> }> => {
  if (!socatInstalled()) {
    console.log('timing latency: skipped, socat is not installed');
    return { figures: [], details: { skipped: 'socat not installed' } };
  }
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  for (const protocol of options.protocols) {
    const path = await measurePath(protocol, options);
    const floor = await measureFloor(protocol, options);
    if (path.latencies.count < path.sent) {
      console.log(
        `timing latency ${protocol}: only ${path.latencies.count} of ` +
          `${path.sent} passings were acknowledged`,
      );
    }
    console.log(
      `timing latency ${protocol}: journaled p50 ` +
        `${formatMs(path.journaled.p50)}, p99 ` +
        `${formatMs(path.journaled.p99)}; acknowledged p50 ` +
        `${formatMs(path.latencies.p50)}, p99 ${formatMs(path.latencies.p99)}`,
    );
    figures.push(...figuresOf(protocol, path.latencies, floor));
    details[protocol] = { ...options, ...path, floor };
  }
  return { figures, details };
};

const standalone = process.argv[1]?.endsWith('timingLatency.ts') ?? false;
if (standalone) {
  const argument = (name: string, fallback: number) => {
    const index = process.argv.indexOf(name);
    return index === -1 ? fallback : Number(process.argv[index + 1]);
  };
  const { printTable } = await import('./report');
  const result = await runTimingLatencyBenchmarks({
    ...defaults,
    passings: argument('--passings', defaults.passings),
    rate: argument('--rate', defaults.rate),
  });
  console.log(JSON.stringify(result.details, null, 2));
  printTable(result.figures, []);
}
