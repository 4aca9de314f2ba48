import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { lockDataDir } from './dataDirLock';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'racedesk-data-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('lockDataDir', () => {
  it('refuses a second host on a folder that is in use', async () => {
    const first = await lockDataDir(dataDir);
    const second = await lockDataDir(dataDir);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'data-dir-locked', data: { pid: process.pid } },
    });
  });

  it('lets the next host in after the first releases the folder', async () => {
    const first = await lockDataDir(dataDir);
    if (!first.ok) throw new Error(first.error.message);
    await first.value.release();
    expect((await lockDataDir(dataDir)).ok).toBe(true);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    // pid 2^22 + 1 is above Linux's pid_max ceiling, so nothing runs as it.
    await writeFile(join(dataDir, 'host.lock'), String(4_194_305));
    const lock = await lockDataDir(dataDir);
    expect(lock.ok).toBe(true);
    expect(await readFile(join(dataDir, 'host.lock'), 'utf8')).toBe(
      String(process.pid),
    );
  });

  it('creates a data folder that does not exist yet', async () => {
    const lock = await lockDataDir(join(dataDir, 'a', 'b'));
    expect(lock.ok).toBe(true);
  });
});
