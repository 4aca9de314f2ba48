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
  TimingDecoder,
} from '../../shared/timing/passing';
import { readoutPassings } from '../../shared/timing/readout';
import { weekdays } from '../../shared/timing/sportident/siTime';
import { timeOfDayAt } from '../../shared/timing/timeOfDay';
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
  /** Any message, after the waiters had it (a card put on a station). */
  onMessage?(message: DeviceMessage): void;
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
  // A display board sends nothing worth decoding: its bytes are only kept.
  const decoder: TimingDecoder | undefined =
    config.protocol === 'alge-board'
      ? undefined
      : createDecoder(config.protocol);
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

  const journalPassing = (passing: Passing, now: number, readout = false) => {
    const source = readout ? 'readout' : sourceOf(passing, now);
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

  /** A card's punches as passings, and the readout for the desk. */
  const readout = (output: DecoderOutput, now: number) => {
    // Only a card read out or an MTR4 passing carries punches; a live
    // passing returns here without building a time of day.
    const carriesCard =
      output.kind === 'message'
        ? output.type === 'si-card-readout' || output.type === 'ecard-readout'
        : output.kind === 'passing' && output.protocol === 'emit-mtr4';
    if (!carriesCard) return;
    const local = new Date(now);
    const punches = readoutPassings(output, {
      time: timeOfDayAt(now, -local.getTimezoneOffset()),
      day: weekdays[local.getDay()] ?? '',
    });
    for (const punch of punches) journalPassing(punch, now, true);
    const chip =
      output.kind === 'passing'
        ? output.chip
        : output.kind === 'message'
          ? output.data.chip
          : undefined;
    const cardType =
      output.kind === 'message' ? output.data.cardType : undefined;
    const isCard =
      output.kind === 'message' &&
      (output.type === 'si-card-readout' ||
        (output.type === 'ecard-readout' &&
          !(typeof output.data.repeat === 'number' && output.data.repeat > 0)));
    if (typeof chip !== 'string' || chip === '' || chip === '0') return;
    if (!isCard && punches.length === 0) return;
    emit({
      type: 'readout',
      device,
      chip,
      ...(typeof cardType === 'string' ? { cardType } : {}),
      punches: punches.map((punch) => ({
        code: Number(punch.station),
        time: punch.time,
      })),
    });
  };

  const handle = (outputs: DecoderOutput[], now: number) => {
    for (const output of outputs) {
      if (output.kind === 'passing') {
        journalPassing(output, now);
        readout(output, now);
      } else if (output.kind === 'message') {
        const found = waiters.filter((waiter) => waiter.match(output));
        waiters = waiters.filter((waiter) => !found.includes(waiter));
        for (const waiter of found) waiter.resolve(output);
        emit({ type: 'message', device, message: output });
        readout(output, now);
        hooks.onMessage?.(output);
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
    if (decoder) handle(decoder.push(chunk, now), now);
  });

  // A partial frame is only dropped when the stream is polled after its
  // longest wire time; a quiet line would otherwise keep it forever.
  const flushTimer = setInterval(() => {
    const now = Date.now();
    if (decoder) handle(decoder.flush(now), now);
  }, 250);

  const ended = new Promise<Error | undefined>((resolve) => {
    port.on('error', () => undefined);
    port.on('close', (error: Error | null) => {
      open = false;
      clearInterval(flushTimer);
      if (decoder) handle(decoder.flush(Number.POSITIVE_INFINITY), Date.now());
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
