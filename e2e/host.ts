// Starts the web host (main/host/main.ts) as its own process, the way a
// developer runs it, and waits for its ready line rather than sleeping.

import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
);

export type RunningHost = {
  url: string;
  /** Everything the host wrote to stderr (its log), for failure reports. */
  log(): string;
  stop(): Promise<void>;
};

const readyLine = /^racedesk host ready at (http:\/\/127\.0\.0\.1:\d+\/)$/;

const exited = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });

export const startHost = async (
  dataDir: string,
  timeoutMs = 30_000,
): Promise<RunningHost> => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/host/main.ts', '--port', '0', '--data', dataDir],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`host not ready in ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    const lines = createInterface({ input: child.stdout ?? process.stdin });
    lines.on('line', (line) => {
      const match = readyLine.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code} before ready:\n${stderr}`));
    });
  });

  const stop = async () => {
    // SIGINT, so the host closes its sockets and releases its data folder.
    child.kill('SIGINT');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited(child);
    clearTimeout(killer);
  };
  return { url, log: () => stderr, stop };
};
