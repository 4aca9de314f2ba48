// One host per data folder: the passing journal and key storage that will
// live there are written by one process at a time. The lock is a file with
// the owner's pid; a lock left by a process that no longer runs is taken
// over (a killed host must not block the next start).

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { fail, ok, type Result } from '../../shared/contract/result';

export type DataDirLock = { path: string; release(): Promise<void> };

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
};

const hasCode = (error: unknown, code: string): boolean =>
  error instanceof Error && 'code' in error && error.code === code;

export const lockDataDir = async (
  dataDir: string,
): Promise<Result<DataDirLock>> => {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, 'host.lock');

  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(path, String(process.pid), { flag: 'wx' });
      return ok({ path, release: () => rm(path, { force: true }) });
    } catch (error) {
      if (!hasCode(error, 'EEXIST')) {
        throw error;
      }
    }
    const owner = Number.parseInt(await readFile(path, 'utf8'), 10);
    if (Number.isInteger(owner) && isRunning(owner)) {
      return fail(
        'data-dir-locked',
        `${dataDir} is in use by another racedesk host (pid ${owner})`,
        { dataDir, pid: owner },
      );
    }
    await rm(path, { force: true });
  }
  return fail('data-dir-locked', `Could not lock ${dataDir}`, { dataDir });
};
