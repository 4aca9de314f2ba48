import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { acquireLock } from './lockFile';

const dirs: string[] = [];
const lockPath = () => {
  const dir = mkdtempSync(join(tmpdir(), 'racedesk-lock-'));
  dirs.push(dir);
  return join(dir, 'central.lock');
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true });
});

describe('acquireLock', () => {
  it('refuses a lock that a running process holds, naming its pid', () => {
    const path = lockPath();
    // The parent of this test runs and is not this process.
    writeFileSync(path, String(process.ppid));

    const second = acquireLock(path);

    expect(second.ok).toBe(false);
    expect(second.ok ? '' : second.error.code).toBe('data-folder-locked');
    expect(second.ok ? '' : second.error.message).toContain(
      String(process.ppid),
    );
  });

  it('takes over a lock left by a process that died', () => {
    const path = lockPath();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(path, String(dead));

    const lock = acquireLock(path);

    expect(lock.ok).toBe(true);
    if (lock.ok) lock.value.release();
  });

  it('is free again after release', () => {
    const path = lockPath();
    const first = acquireLock(path);
    if (first.ok) first.value.release();
    expect(acquireLock(path).ok).toBe(true);
  });
});
