// `racedesk device simulate --protocol P --port PTY`: plays a timing device
// on a serial line for rehearsals and trouble-shooting. Give it one end of
// a socat pty pair (or a null-modem cable) and point the desk at the other.
// `--readout` plays a SportIdent readout station: the cards of a race are
// put on it one after the other, for rehearsing a readout desk.

import { parseArgs } from 'node:util';
import {
  type Fault,
  faultNames,
  isFault,
} from '../main/serial/simulator/faults';
import { startSimulator } from '../main/serial/simulator/simulatorRunner';
import { isTimingProtocol } from '../shared/timing/decoders';
import { timingProtocols } from '../shared/timing/passing';
import { exitCodes } from './command';

export type SimulateIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};

export const simulateUsage =
  `racedesk device simulate --protocol ${timingProtocols.join('|')} ` +
  '--port PATH [--passings N] [--rate PER_SECOND] ' +
  `[--faults ${faultNames.join(',')}] [--baud N] [--seed N]\n` +
  '       racedesk device simulate --protocol sportident --readout ' +
  '--port PATH [--cards N] [--rate CARDS_PER_SECOND] [--baud N] [--seed N]';

type SimulateArgs = {
  protocol: (typeof timingProtocols)[number];
  port: string;
  passings: number;
  rate: number;
  faults: Fault[];
  baudRate?: number;
  seed: number;
  /** A SportIdent readout station: `passings` counts the cards. */
  readout: boolean;
};

const positive = (text: string | undefined, name: string, fallback: number) => {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`--${name} must be a positive number, not '${text}'.`);
  }
  return value;
};

export const parseSimulateArgs = (args: string[]): SimulateArgs | string => {
  try {
    const { values } = parseArgs({
      args,
      options: {
        protocol: { type: 'string' },
        port: { type: 'string' },
        passings: { type: 'string' },
        rate: { type: 'string' },
        faults: { type: 'string' },
        baud: { type: 'string' },
        seed: { type: 'string' },
        readout: { type: 'boolean' },
        cards: { type: 'string' },
      },
    });
    const protocol = values.protocol ?? '';
    if (!isTimingProtocol(protocol)) {
      return `Unknown protocol '${protocol}'.`;
    }
    if (!values.port) return 'Give the serial port with --port.';
    const names = (values.faults ?? '').split(',').filter((name) => name);
    const unknown = names.filter((name) => !isFault(name));
    if (unknown.length > 0) return `Unknown fault '${unknown.join(', ')}'.`;
    const readout = values.readout === true;
    if (readout && protocol !== 'sportident') {
      return '--readout is for --protocol sportident (a readout station).';
    }
    if (readout && (names.length > 0 || values.passings !== undefined)) {
      return '--readout takes --cards, not --passings or --faults.';
    }
    if (!readout && values.cards !== undefined) {
      return '--cards needs --readout.';
    }
    const passings = readout
      ? positive(values.cards, 'cards', 20)
      : positive(values.passings, 'passings', 100);
    if (!Number.isInteger(passings)) {
      return `--${readout ? 'cards' : 'passings'} must be whole.`;
    }
    return {
      protocol,
      port: values.port,
      passings,
      readout,
      rate: positive(values.rate, 'rate', readout ? 0.5 : 2),
      faults: names.filter(isFault),
      ...(values.baud ? { baudRate: positive(values.baud, 'baud', 9600) } : {}),
      seed: positive(values.seed, 'seed', 1),
    };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

/** Resolves on SIGINT or SIGTERM, so the port is closed before exit. */
const interrupted = () =>
  new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });

/**
 * Runs until `stop` resolves (SIGINT by default). After the last passing
 * the device stays on the line and keeps answering memory requests.
 */
export const runSimulate = async (
  args: string[],
  io: SimulateIo,
  stop?: Promise<void>,
): Promise<number> => {
  const parsed = parseSimulateArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`${parsed}\nUsage: ${simulateUsage}\n`);
    return exitCodes.unusable;
  }
  const simulator = startSimulator({
    path: parsed.port,
    protocol: parsed.protocol,
    passings: parsed.passings,
    rate: parsed.rate,
    faults: parsed.faults,
    seed: parsed.seed,
    readout: parsed.readout,
    ...(parsed.baudRate ? { baudRate: parsed.baudRate } : {}),
    log: (text) => io.stdout(`${text}\n`),
  });
  io.stdout(
    parsed.readout
      ? `sportident readout station on ${parsed.port}: ${parsed.passings} ` +
          `cards at ${parsed.rate}/s; Ctrl-C ends\n`
      : `${parsed.protocol} on ${parsed.port}: ${parsed.passings} passings at ` +
          `${parsed.rate}/s; Ctrl-C ends\n`,
  );
  let finished = false;
  void simulator.finished.then((report) => {
    finished = true;
    if (parsed.readout) {
      io.stdout(
        `all ${report.cards.length} cards put on the station ` +
          `(${report.cardsRead} read out by the host, ` +
          `${report.cardsAcknowledged} acknowledged); still answering the host\n`,
      );
      return;
    }
    const faults = Object.entries(report.faults)
      .filter(([, count]) => count > 0)
      .map(([name, count]) => `${name} ${count}`)
      .join(', ');
    io.stdout(
      `all ${report.passings.length} passings recorded ` +
        `(${report.whileUnplugged} while unplugged` +
        `${faults ? `; faults: ${faults}` : ''}); still answering the host\n`,
    );
  });
  await (stop ?? interrupted());
  await simulator.stop();
  if (!finished) {
    io.stdout(
      `stopped before the last ${parsed.readout ? 'card' : 'passing'}\n`,
    );
  }
  return exitCodes.ok;
};
