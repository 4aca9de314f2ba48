// Puts a simulated device on a serial line (a pty end in tests and
// rehearsals): paces its writes as the real baud rate would, answers the
// host, keeps recording passings while the cable is out, and injects the
// faults asked for.

import { SerialPort } from 'serialport';
import type { Passing, TimingProtocol } from '../../../shared/timing/passing';
import { bitsPerByte, lineSettings } from '../lineSettings';
import { createDeviceModel } from './createDeviceModel';
import {
  damaged,
  type Fault,
  noiseBytes,
  seededRandom,
  truncated,
} from './faults';

export type SimulatorOptions = {
  path: string;
  protocol: TimingProtocol;
  passings: number;
  /** Passings per second. */
  rate: number;
  faults?: readonly Fault[];
  /** Chance per passing of a line fault (noise, bad check, partial). */
  faultRate?: number;
  /** Pace writes as at this baud rate (default: the device's own). */
  baudRate?: number;
  seed?: number;
  /** Wait this long after the line is up before the first passing. */
  startAfterMs?: number;
  /** When the reset fault strikes, as a share of the passings (0.6). */
  resetShare?: number;
  /** Called once the last byte of a passing's first frame is written. */
  onSent?: (passing: Passing, atMs: number) => void;
  log?: (text: string) => void;
  /** SportIdent: start-up commands whose answer is lost on the line. */
  loseStartUpAnswers?: number;
};

export type SimulatorReport = {
  passings: Passing[];
  /** Passings recorded while the line was down: only in the memory. */
  whileUnplugged: number;
  faults: Record<Fault, number>;
};

export type Simulator = {
  /** Resolves when every passing has been recorded and sent. */
  finished: Promise<SimulatorReport>;
  stop(): Promise<void>;
};

type Chunk = { bytes: Uint8Array; passing?: Passing; pauseMs?: number };

const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

export const startSimulator = (options: SimulatorOptions): Simulator => {
  const model = createDeviceModel(options.protocol, {
    ...(options.loseStartUpAnswers
      ? { loseStartUpAnswers: options.loseStartUpAnswers }
      : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const random = seededRandom(options.seed ?? 1);
  const faults = new Set(options.faults ?? []);
  const lineFaults = (['noise', 'bad-checksum', 'partial'] as const).filter(
    (fault) => faults.has(fault),
  );
  const faultRate = options.faultRate ?? 0.05;
  const baudRate =
    options.baudRate ?? lineSettings(options.protocol).baudRates[0] ?? 9600;
  const msPerByte = (bitsPerByte(options.protocol) * 1000) / baudRate;
  const resetAt = faults.has('reset')
    ? Math.floor(options.passings * (options.resetShare ?? 0.6))
    : -1;
  const report: SimulatorReport = {
    passings: [],
    whileUnplugged: 0,
    faults: { noise: 0, 'bad-checksum': 0, partial: 0, reset: 0 },
  };
  const log = options.log ?? (() => undefined);
  let port: SerialPort | undefined;
  let stopped = false;
  let queue: Chunk[] = [];
  let wakeWriter: () => void = () => undefined;

  const enqueue = (chunk: Chunk) => {
    queue.push(chunk);
    wakeWriter();
  };

  let firstConnect: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => {
    firstConnect = resolve;
  });

  const connect = async () => {
    while (!stopped) {
      const candidate = new SerialPort({
        path: options.path,
        baudRate,
        autoOpen: false,
      });
      const error = await new Promise<Error | null>((resolve) =>
        candidate.open(resolve),
      );
      if (!error) {
        port = candidate;
        firstConnect();
        log(`connected on ${options.path}`);
        candidate.on('data', (bytes: Buffer) => {
          for (const answer of model.hear(bytes)) enqueue({ bytes: answer });
        });
        candidate.on('error', () => undefined);
        candidate.on('close', () => {
          port = undefined;
          // What was queued is lost on the line, as on a pulled cable.
          queue = [];
          if (stopped) return;
          log('line down');
          void connect();
        });
        return;
      }
      await sleep(100);
    }
  };

  const write = (bytes: Uint8Array) =>
    new Promise<boolean>((resolve) => {
      const current = port;
      if (!current?.isOpen) {
        resolve(false);
        return;
      }
      current.write(Buffer.from(bytes), (error) => resolve(!error));
    });

  /** One chunk at a time, each holding the line for its wire time. */
  const writer = async () => {
    let freeAt = performance.now();
    while (!stopped) {
      const chunk = queue.shift();
      if (!chunk) {
        await new Promise<void>((resolve) => {
          wakeWriter = resolve;
        });
        continue;
      }
      const wait = freeAt - performance.now();
      if (wait > 1) await sleep(wait);
      const sent = await write(chunk.bytes);
      const now = performance.now();
      if (sent && chunk.passing) options.onSent?.(chunk.passing, now);
      freeAt = Math.max(now, freeAt) + chunk.bytes.length * msPerByte;
      if (chunk.pauseMs) {
        await sleep(chunk.pauseMs);
        freeAt = performance.now();
      }
    }
  };

  const lineFault = (index: number): Fault | undefined => {
    // Keep clear of the reset: what the line loses just before the memory
    // is cleared can be recovered by nobody.
    // Two seconds: the host fills a gap after the next passing shows it,
    // behind whatever memory read is under way.
    const clear = Math.max(10, Math.ceil(options.rate * 2));
    if (resetAt >= 0 && index >= resetAt - clear && index <= resetAt + 1) {
      return undefined;
    }
    // Nothing before the first passing tells the host where the event's
    // records start in the device memory, so it must arrive.
    if (index === 0) return undefined;
    if (lineFaults.length === 0 || random() >= faultRate) return undefined;
    return lineFaults[Math.floor(random() * lineFaults.length)];
  };

  const record = (index: number) => {
    const read = model.next();
    report.passings.push(read.passing);
    if (!port) {
      report.whileUnplugged += 1;
      return;
    }
    const [first, ...copies] = read.frames;
    if (!first) return;
    const fault = lineFault(index);
    if (fault) report.faults[fault] += 1;
    if (fault === 'noise') {
      enqueue({ bytes: noiseBytes(random, options.protocol === 'alge-timy') });
    }
    const bytes =
      fault === 'bad-checksum'
        ? damaged(first)
        : fault === 'partial'
          ? truncated(first)
          : first;
    enqueue({ bytes, passing: fault ? undefined : read.passing });
    for (const copy of copies) enqueue({ bytes: copy, passing: read.passing });
    if (index === resetAt) {
      report.faults.reset += 1;
      // Power lost half-way through sending the frame again, then memory
      // cleared and the record counter back at the start.
      enqueue({ bytes: truncated(first), pauseMs: 300 });
      model.reset();
      log(`reset after passing ${index + 1}`);
    }
  };

  const generate = async () => {
    // A device is switched on with its cable in: start once the line is up.
    await connected;
    await sleep(options.startAfterMs ?? 0);
    const started = performance.now();
    for (let index = 0; index < options.passings && !stopped; index++) {
      const due = started + (index * 1000) / options.rate;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      record(index);
    }
    while (!stopped && queue.length > 0) await sleep(20);
    return report;
  };

  void connect();
  const writing = writer();

  return {
    finished: generate(),
    stop: async () => {
      stopped = true;
      wakeWriter();
      await writing;
      const current = port;
      port = undefined;
      if (current?.isOpen) {
        await new Promise<void>((resolve) => current.close(() => resolve()));
      }
    },
  };
};
