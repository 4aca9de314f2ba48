// One folder per e2e run, <outputDir>/logs, holds the log of everything a
// test starts: the web host's stdout and stderr, the central service's, the
// timing simulator's and the pages' console lines, a file per process and
// test. logPrivacy.ts (the global teardown) searches it for the demo data's
// personal values (issue #5). Lines are written as they come, so a worker
// that dies mid-test still leaves what its processes said.
//
// The default export is the global setup: the folder starts empty, so no
// earlier run's logs are scanned (Playwright clears outputDir too, but not
// with --ui or when the output is preserved).

import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { fileURLToPath } from 'node:url';

import { type FullConfig, type TestInfo, test } from '@playwright/test';

const e2eDir = dirname(fileURLToPath(import.meta.url));

/** The run's outputDir (playwright.config.ts): absolute, as Playwright has it. */
export const outputDir = resolve(
  e2eDir,
  process.env.RACEDESK_E2E_OUTPUT ?? 'artifacts',
);

export const logsDirOf = (output: string) => join(output, 'logs');

export type RunLog = {
  readonly path: string;
  /** Appends text as one line (several when it holds newlines). */
  line(text: string): void;
  /**
   * Copies a child's stream into the log line by line, each line prefixed
   * with `[label]`. `already` is what was read from it before (the central
   * service's stderr up to its ready line), so no line is cut in two.
   */
  follow(
    stream: Readable | null | undefined,
    label: string,
    already?: string,
  ): void;
};

type Owner = Pick<TestInfo, 'testId' | 'file' | 'retry' | 'titlePath'> & {
  project: Pick<TestInfo['project'], 'outputDir'>;
};

/** The running test, or undefined outside one (a worker fixture, a script). */
const currentTest = (): Owner | undefined => {
  try {
    return test.info();
  } catch {
    return undefined;
  }
};

let unowned = 0;

const fileNameOf = (kind: string, owner: Owner | undefined) => {
  if (!owner) {
    unowned += 1;
    return `${kind}-${process.pid}-${unowned}.log`;
  }
  const spec = basename(owner.file).replace(/\.spec\.ts$/, '');
  const retry = owner.retry > 0 ? `-retry${owner.retry}` : '';
  return `${spec}-${owner.testId}${retry}-${kind}.log`;
};

/**
 * A log file for one process (or one page's console) of the test that is
 * running: `<spec>-<testId>-<kind>.log`. Appends, so a name given twice in
 * one test shares a file rather than losing the first one.
 */
export const openRunLog = (
  kind: string,
  owner: Owner | undefined = currentTest(),
): RunLog => {
  const dir = logsDirOf(owner?.project.outputDir ?? outputDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, fileNameOf(kind, owner));
  const write = (text: string) => appendFileSync(path, text, 'utf8');
  write(`# ${kind} · ${owner ? owner.titlePath.join(' › ') : 'no test'}\n`);

  const follow: RunLog['follow'] = (stream, label, already = '') => {
    if (!stream) return;
    const decoder = new StringDecoder('utf8');
    let rest = '';
    const take = (text: string, flush: boolean) => {
      rest += text;
      const end = flush ? rest.length : rest.lastIndexOf('\n');
      if (end < 0) return;
      const lines = rest.slice(0, end).split('\n');
      rest = rest.slice(end + 1);
      if (flush && lines.length === 1 && lines[0] === '') return;
      write(lines.map((line) => `[${label}] ${line}\n`).join(''));
    };
    take(already, false);
    stream.on('data', (chunk: Buffer | string) =>
      take(typeof chunk === 'string' ? chunk : decoder.write(chunk), false),
    );
    stream.once('close', () => take(decoder.end(), true));
  };

  return { path, line: (text) => write(`${text}\n`), follow };
};

export default async function clearRunLogs(config: FullConfig) {
  for (const project of config.projects) {
    const dir = logsDirOf(project.outputDir);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
}
