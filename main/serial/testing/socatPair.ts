// A pseudo-terminal pair made by socat: the same kernel tty path as a USB
// serial adapter. Killing socat is pulling the cable; starting it again
// with the same link names is plugging it back in.

import { type ChildProcess, spawn } from 'node:child_process';
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';

export type SocatPair = {
  /** The end the host (device manager) opens. */
  host: string;
  /** The end the simulated device opens. */
  device: string;
  plugIn(): Promise<void>;
  pullCable(): Promise<void>;
};

const exists = async (path: string) => {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

export const createSocatPair = (dir: string): SocatPair => {
  const host = join(dir, 'host');
  const device = join(dir, 'device');
  let child: ChildProcess | undefined;

  const plugIn = async () => {
    if (child) return;
    child = spawn(
      'socat',
      [
        '-d',
        '-d',
        `pty,raw,echo=0,link=${host}`,
        `pty,raw,echo=0,link=${device}`,
      ],
      { stdio: 'ignore' },
    );
    let failure: Error | undefined;
    child.once('error', (error) => {
      failure = error;
    });
    const until = Date.now() + 5000;
    while (!((await exists(host)) && (await exists(device)))) {
      if (failure) {
        child = undefined;
        throw new Error(`Cannot run socat (apt install socat): ${failure}`);
      }
      if (Date.now() > until) throw new Error('socat made no pty pair');
      await sleep(20);
    }
  };

  const pullCable = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) =>
      running.once('exit', () => resolve()),
    );
    running.kill('SIGTERM');
    await exited;
  };

  return { host, device, plugIn, pullCable };
};
