// The real central service as a child process (`node --import tsx
// central/main.ts`), one process so that a test can SIGKILL it mid-push.
// It is ready when it prints its ready line with the URL.

import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export type CentralStore = { url: string } | { dataDir: string };

export type CentralProcess = {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stderr (its log). */
  log(): string;
  stop(): Promise<void>;
  kill(): Promise<void>;
};

export const storeArgs = (store: CentralStore) =>
  'url' in store ? ['--database-url', store.url] : ['--data', store.dataDir];

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/** Runs central/main.ts with args and waits for its ready line. */
export const runCentral = (args: string[]) => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'central', 'main.ts'), ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return { child, output: () => ({ stdout, stderr }), exited: exited(child) };
};

export const startCentral = async (
  store: CentralStore,
  extra: string[] = ['--demo', '--demo-participants', '40'],
): Promise<CentralProcess> => {
  const run = runCentral(['--port', '0', ...storeArgs(store), ...extra]);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /ready at (http:\/\/\S+)/.exec(run.output().stdout);
      if (match?.[1]) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 25);
    void run.exited.then(() => {
      clearInterval(timer);
      reject(new Error(`central exited before ready:\n${run.output().stderr}`));
    });
  });

  const signal = async (name: NodeJS.Signals) => {
    run.child.kill(name);
    await run.exited;
  };
  return {
    url,
    child: run.child,
    log: () => run.output().stderr,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
  };
};
