// PGlite corrupts its folder when two processes open it (TOOLCHAIN.md: 3 of
// 3 tries), so the folder is guarded by a lock file holding the owner's pid.
// A lock left by a process that died (SIGKILL, power cut) is taken over:
// the pid no longer runs.

import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

import { fail, ok, type Result } from '../../shared/contract/result';

export type Lock = { path: string; release(): void };

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the pid runs under another user; it is still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const tryCreate = (path: string): boolean => {
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
};

const ownerOf = (path: string): number => {
  try {
    return Number.parseInt(readFileSync(path, 'utf8'), 10);
  } catch {
    return Number.NaN;
  }
};

/** Takes the lock at path, or says which live process holds it. */
export const acquireLock = (path: string): Result<Lock> => {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (tryCreate(path)) {
      return ok({
        path,
        release: () => {
          if (ownerOf(path) === process.pid) rmSync(path, { force: true });
        },
      });
    }
    const owner = ownerOf(path);
    if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
      return fail(
        'data-folder-locked',
        `The data folder is in use by process ${owner} (${path})`,
        { path, pid: owner },
      );
    }
    rmSync(path, { force: true });
  }
  return fail('data-folder-locked', `Could not take the lock ${path}`, {
    path,
  });
};
