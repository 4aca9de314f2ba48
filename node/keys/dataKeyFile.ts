// The web host's data key: 32 random bytes in a file of the data folder,
// readable by this user only, made on first use. Weaker than the OS key
// store Electron uses (anyone who copies the folder has the key), and said
// so in the README: the host is for tests, development and rehearsals.

import { randomBytes } from 'node:crypto';
import { chmod, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';

import { fail, ok, type Result } from '../../shared/contract/result';

export const dataKeyFileName = 'desk-data.key';

const errorCode = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : '';

const writeNew = async (path: string): Promise<Buffer> => {
  const key = randomBytes(32);
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, 'wx', 0o600);
  try {
    await file.writeFile(key.toString('base64'));
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, path);
  return key;
};

/** Reads the key, or makes it when the folder has none. */
export const readOrCreateDataKey = async (
  dataDir: string,
): Promise<Result<Buffer>> => {
  const path = join(dataDir, dataKeyFileName);
  try {
    const text = (await readFile(path, 'utf8')).trim();
    const key = Buffer.from(text, 'base64');
    if (key.length !== 32) {
      return fail(
        'bad-data-key',
        `${path}: the data key must be 32 bytes in base64; it has ${key.length}`,
        { path },
      );
    }
    // Whoever copied the file in may have left it readable by others.
    await chmod(path, 0o600);
    return ok(key);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') {
      return fail('data-key-unreadable', `${path}: ${String(error)}`, {
        path,
      });
    }
  }
  return ok(await writeNew(path));
};
