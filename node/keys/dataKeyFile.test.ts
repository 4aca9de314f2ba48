import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { dataKeyFileName, readOrCreateDataKey } from './dataKeyFile';

const folder = () => mkdtemp(join(tmpdir(), 'racedesk-key-'));

describe('the web host data key file', () => {
  it('is made on first use with 32 random bytes, readable by this user only, and read back the same', async () => {
    const dir = await folder();

    const first = await readOrCreateDataKey(dir);
    const again = await readOrCreateDataKey(dir);
    const other = await readOrCreateDataKey(await folder());
    const mode = (await stat(join(dir, dataKeyFileName))).mode & 0o777;

    expect(first.ok && first.value.length).toBe(32);
    expect(
      again.ok && again.value.equals(first.ok ? first.value : Buffer.alloc(0)),
    ).toBe(true);
    expect(other.ok && first.ok && other.value.equals(first.value)).toBe(false);
    expect(mode).toBe(0o600);
  });

  it('refuses a damaged key file, naming it, and leaves it as it was', async () => {
    const dir = await folder();
    const path = join(dir, dataKeyFileName);
    await writeFile(path, 'c2hvcnQ=');

    const result = await readOrCreateDataKey(dir);

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'bad-data-key', data: { path } },
    });
    expect(await readFile(path, 'utf8')).toBe('c2hvcnQ=');
  });
});
