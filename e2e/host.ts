// Starts the web host (main/host/main.ts) as its own process, the way a
// developer runs it, and waits for its ready line rather than sleeping.

import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import type { RunLog } from './runLogs';

export const projectRoot = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
);

export type HostOptions = {
  dataDir: string;
  /** The built renderer; dist/renderer when not given. */
  rendererDir?: string;
  /** Where the host's stdout and stderr also go (e2e/runLogs.ts). */
  log?: RunLog;
  timeoutMs?: number;
};

export type RunningHost = {
  url: string;
  /** Resolves with the exit code once the process has ended. */
  exitCode: Promise<number | null>;
  /** Everything the host wrote to stderr (its log), for failure reports. */
  log(): string;
  stop(): Promise<void>;
};

const readyLine = /^racedesk host ready at (http:\/\/127\.0\.0\.1:\d+\/)$/;

export const startHost = async ({
  dataDir,
  rendererDir,
  log,
  timeoutMs = 30_000,
}: HostOptions): Promise<RunningHost> => {
  const args = ['--port', '0', '--data', dataDir];
  if (rendererDir !== undefined) args.push('--renderer', rendererDir);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/host/main.ts', ...args],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exitCode = new Promise<number | null>((done) =>
    child.once('exit', (code) => done(code)),
  );
  log?.follow(child.stdout, 'stdout');
  log?.follow(child.stderr, 'stderr');
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
    await exitCode;
    clearTimeout(killer);
  };
  return { url, exitCode, log: () => stderr, stop };
};
