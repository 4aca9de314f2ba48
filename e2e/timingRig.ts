// Timing hardware for e2e, the way a rehearsal sets it up: socat pty pairs
// (the kernel path of a USB serial adapter), `racedesk device simulate` on
// the device end of one, and a card reader played by hand on another.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { SerialPort } from 'serialport';
import { createSportidentStation } from '../main/serial/simulator/sportidentStation';
import {
  createSocatPair,
  type SocatPair,
} from '../main/serial/testing/socatPair';
import { projectRoot } from './host';
import type { RunLog } from './runLogs';

export const plugInPair = async (dir: string): Promise<SocatPair> => {
  await mkdir(dir, { recursive: true });
  const pair = createSocatPair(dir);
  await pair.plugIn();
  return pair;
};

export type RunningSimulator = {
  output(): string;
  stop(): Promise<void>;
};

/**
 * `racedesk device simulate` as its own process, stopped with SIGINT; its
 * output also goes to `log` (e2e/runLogs.ts).
 */
export const simulate = (args: string[], log?: RunLog): RunningSimulator => {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(projectRoot, 'bin', 'racedesk.js'), 'device', 'simulate', ...args],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  log?.follow(child.stdout, 'stdout');
  log?.follow(child.stderr, 'stderr');
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    output: () => output,
    stop: async () => {
      child.kill('SIGINT');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
};

/**
 * A SportIdent station in readout mode on the device end of a pair, played
 * by the simulator's station model: it answers the desk's start-up command
 * (the desk connects only to a station that answers), a card put on it
 * sends "SI card inserted" (0xE8) and the card's blocks when the desk asks.
 */
export const openCardReader = async (path: string) => {
  const port = new SerialPort({ path, baudRate: 38_400, autoOpen: false });
  await new Promise<void>((done, fail) =>
    port.open((error) => (error ? fail(error) : done())),
  );
  const station = createSportidentStation();
  port.on('data', (bytes: Buffer) => {
    for (const answer of station.hear(bytes)) port.write(Buffer.from(answer));
  });
  return {
    putCard: (card: number) =>
      new Promise<void>((done) =>
        port.write(
          Buffer.from(station.insertCard({ chip: card, punches: [] })),
          () => done(),
        ),
      ),
    close: () => new Promise<void>((done) => port.close(() => done())),
  };
};

/**
 * The chips the simulated SportIdent station sends, in order: its n-th
 * passing (from 1) is card 500 000 + n × 7 919 at 10:00:00 + n × 1.237 s
 * (main/serial/simulator/sportidentStation.ts).
 */
export const simulatedSiChip = (n: number) =>
  500_000 + ((n * 7_919) % 1_000_000);
