// Puts a simulated device on a serial line (a pty end in tests and
// rehearsals): paces its writes as the real baud rate would, answers the
// host, keeps recording passings while the cable is out, and injects the
// faults asked for. As a SportIdent readout station (`readout`) it puts
// the cards of a race on the station instead (readoutRace.ts), one at a
// time, answers the host's card reads and takes each off before the next.

import { SerialPort } from 'serialport';
import type { Passing, TimingProtocol } from '../../../shared/timing/passing';
import { bitsPerByte, lineSettings } from '../lineSettings';
import { createDeviceModel } from './createDeviceModel';
import type { DeviceModel } from './deviceModel';
import {
  damaged,
  type Fault,
  noiseBytes,
  seededRandom,
  truncated,
} from './faults';
import { readoutCard } from './readoutRace';
import type { SimulatedCard } from './siCards';
import { createSportidentStation } from './sportidentStation';

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
  /**
   * SportIdent only: a readout station. `passings` then counts cards put
   * on it and `rate` cards per second; line faults are not injected.
   */
  readout?: boolean;
  /** Readout: called as each card is put on the station. */
  onCard?: (card: SimulatedCard) => void;
};

export type SimulatorReport = {
  passings: Passing[];
  /** Passings recorded while the line was down: only in the memory. */
  whileUnplugged: number;
  faults: Record<Fault, number>;
  /** Readout: the cards put on the station, in order. */
  cards: SimulatedCard[];
  /** Readout: cards the host read whole, and of those acknowledged. */
  cardsRead: number;
  cardsAcknowledged: number;
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
  if (options.readout && options.protocol !== 'sportident') {
    throw new Error('Only a SportIdent station reads out cards.');
  }
  const modelOptions = {
    ...(options.loseStartUpAnswers
      ? { loseStartUpAnswers: options.loseStartUpAnswers }
      : {}),
    ...(options.log ? { log: options.log } : {}),
  };
  const station = options.readout
    ? createSportidentStation(modelOptions)
    : undefined;
  const model: DeviceModel =
    station ?? createDeviceModel(options.protocol, modelOptions);
  const random = seededRandom(options.seed ?? 1);
  const faults = new Set(options.readout ? [] : (options.faults ?? []));
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
    cards: [],
    cardsRead: 0,
    cardsAcknowledged: 0,
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

  /** Readout: the previous card off the station, the next one on. */
  const putCard = (index: number) => {
    if (!station) return;
    const card = readoutCard(index, options.seed ?? 1);
    report.cards.push(card);
    const removed = station.removeCard();
    if (port && removed.length > 0) enqueue({ bytes: removed });
    const inserted = station.insertCard(card);
    options.onCard?.(card);
    log(
      `card ${card.chip} (${card.cardType}) put on the station: ` +
        `${card.punches.length} punches`,
    );
    if (port) enqueue({ bytes: inserted });
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
      if (station) putCard(index);
      else record(index);
    }
    while (!stopped && queue.length > 0) await sleep(20);
    if (station) {
      // The host reads the last card after its bytes are out: give it the
      // time a read takes at 4 800 baud before counting.
      const until = performance.now() + 3000;
      while (
        !stopped &&
        station.readouts().acknowledged < report.cards.length &&
        performance.now() < until
      ) {
        await sleep(50);
      }
      const { read, acknowledged } = station.readouts();
      report.cardsRead = read;
      report.cardsAcknowledged = acknowledged;
    }
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
