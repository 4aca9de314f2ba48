// One open serial port of one device: bytes in go to the capture file and
// the decoder; decoded passings go to the journal and, once on disk, to the
// listeners. Memory reads and start-up commands talk through `write` and
// `waitFor`; they run one at a time through `task`.

import type { SerialPort } from 'serialport';
import { createDecoder } from '../../shared/timing/decoders';
import type {
  DecoderOutput,
  DeviceMessage,
  Passing,
} from '../../shared/timing/passing';
import { counterOf } from '../journal/naturalKey';
import type { PassingJournal, PassingSource } from '../journal/passingJournal';
import type { CaptureFile } from './captureFile';
import type { DeviceConfig, DeviceListener } from './deviceState';
import { counterStep } from './lineSettings';

export type SessionHooks = {
  /** Live counters jumped: records from `from` to `to` never arrived. */
  onGap(from: number, to: number): void;
  /** The device counter went back: it was reset or cleared. */
  onNewSession(firstCounter: number): void;
  onBadFrame(): void;
  onJournalError(error: Error): void;
};

export type DeviceSession = {
  readonly port: SerialPort;
  write(bytes: Uint8Array): Promise<void>;
  waitFor(
    match: (message: DeviceMessage) => boolean,
    timeoutMs: number,
  ): Promise<DeviceMessage | undefined>;
  /**
   * Resolves once no byte has arrived for `quietMs`, counted from the call
   * at the earliest (or at `maxMs`).
   */
  waitQuiet(quietMs: number, maxMs: number): Promise<void>;
  /** Milliseconds since the last byte arrived. */
  idleMs(): number;
  /** Counters in [from, to] come from memory, not live, for `forMs`. */
  expectMemory(from: number, to: number, forMs: number): void;
  /** Runs tasks one at a time; a task already waiting is not queued twice. */
  task(name: string, run: () => Promise<void>): Promise<void>;
  /** Resolves when the port goes away or is closed. */
  readonly ended: Promise<Error | undefined>;
  readonly isOpen: () => boolean;
};

type Waiter = {
  match: (message: DeviceMessage) => boolean;
  resolve: (message: DeviceMessage | undefined) => void;
};

type MemoryWindow = { from: number; to: number; untilMs: number };

const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

export const startDeviceSession = (
  config: DeviceConfig,
  port: SerialPort,
  journal: PassingJournal,
  capture: CaptureFile,
  emit: DeviceListener,
  hooks: SessionHooks,
): DeviceSession => {
  const device = config.id;
  const decoder = createDecoder(config.protocol);
  const step = counterStep(config.protocol);
  let waiters: Waiter[] = [];
  let windows: MemoryWindow[] = [];
  let lastArrivalMs = Date.now();
  let open = true;
  const queued = new Set<string>();
  let chain = Promise.resolve();

  const sourceOf = (passing: Passing, now: number): PassingSource => {
    const { extra } = passing;
    if (extra.fromBackup === true || extra.fromMemory === true) return 'memory';
    const counter = counterOf(passing);
    windows = windows.filter((window) => window.untilMs > now);
    if (
      counter !== undefined &&
      windows.some((w) => counter >= w.from && counter <= w.to)
    ) {
      return 'memory';
    }
    return 'live';
  };

  const journalPassing = (passing: Passing, now: number) => {
    const source = sourceOf(passing, now);
    const counter = counterOf(passing);
    const before = journal.cursor(device);
    if (
      source === 'live' &&
      step !== undefined &&
      counter !== undefined &&
      before.lastCounter !== undefined &&
      counter > before.lastCounter + step
    ) {
      hooks.onGap(before.lastCounter + step, counter - step);
    }
    journal.append(device, passing, source, now).then(
      (result) => {
        if (result.status !== 'journaled') return;
        emit({ type: 'passing', device, record: result.record });
        if (result.record.session > before.session && counter !== undefined) {
          hooks.onNewSession(counter);
        }
      },
      (error: unknown) =>
        hooks.onJournalError(
          error instanceof Error ? error : new Error(String(error)),
        ),
    );
  };

  const handle = (outputs: DecoderOutput[], now: number) => {
    for (const output of outputs) {
      if (output.kind === 'passing') {
        journalPassing(output, now);
      } else if (output.kind === 'message') {
        const found = waiters.filter((waiter) => waiter.match(output));
        waiters = waiters.filter((waiter) => !found.includes(waiter));
        for (const waiter of found) waiter.resolve(output);
        emit({ type: 'message', device, message: output });
      } else {
        emit({ type: 'bad-frame', device, frame: output });
        hooks.onBadFrame();
      }
    }
  };

  port.on('data', (chunk: Buffer) => {
    const now = Date.now();
    lastArrivalMs = now;
    capture.write(chunk);
    handle(decoder.push(chunk, now), now);
  });

  // A partial frame is only dropped when the stream is polled after its
  // longest wire time; a quiet line would otherwise keep it forever.
  const flushTimer = setInterval(() => {
    const now = Date.now();
    handle(decoder.flush(now), now);
  }, 250);

  const ended = new Promise<Error | undefined>((resolve) => {
    port.on('error', () => undefined);
    port.on('close', (error: Error | null) => {
      open = false;
      clearInterval(flushTimer);
      handle(decoder.flush(Number.POSITIVE_INFINITY), Date.now());
      for (const waiter of waiters) waiter.resolve(undefined);
      waiters = [];
      resolve(error ?? undefined);
    });
  });

  const write = (bytes: Uint8Array) =>
    new Promise<void>((resolve) => {
      if (!open) {
        resolve();
        return;
      }
      // A failed write shows up as the port closing; nothing to do here.
      port.write(Buffer.from(bytes), () => resolve());
    });

  const waitFor = (
    match: (message: DeviceMessage) => boolean,
    timeoutMs: number,
  ) =>
    new Promise<DeviceMessage | undefined>((resolve) => {
      if (!open) {
        resolve(undefined);
        return;
      }
      const waiter: Waiter = {
        match,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
      };
      const timer = setTimeout(() => {
        waiters = waiters.filter((other) => other !== waiter);
        resolve(undefined);
      }, timeoutMs);
      waiters.push(waiter);
    });

  const waitQuiet = async (quietMs: number, maxMs: number) => {
    const calledAt = Date.now();
    const until = calledAt + maxMs;
    while (open && Date.now() < until) {
      const idle = Date.now() - Math.max(lastArrivalMs, calledAt);
      if (idle >= quietMs) return;
      await sleep(quietMs - idle);
    }
  };

  const task = (name: string, run: () => Promise<void>) => {
    if (queued.has(name)) return chain;
    queued.add(name);
    chain = chain
      .then(async () => {
        queued.delete(name);
        if (open) await run();
      })
      .catch(() => undefined);
    return chain;
  };

  return {
    port,
    write,
    waitFor,
    waitQuiet,
    idleMs: () => Date.now() - lastArrivalMs,
    expectMemory: (from, to, forMs) => {
      windows.push({ from, to, untilMs: Date.now() + forMs });
    },
    task,
    ended,
    isOpen: () => open,
  };
};
