// Electron's data key: 32 random bytes, kept on disk only as encrypted by
// the operating system's key store (safeStorage: Keychain on macOS, DPAPI
// on Windows, libsecret or kwallet on Linux). On Linux with no secret
// service safeStorage falls back to a fixed password ('basic_text'); the
// desk still works but is told, so it can warn that a lost laptop is not
// protected.

import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { safeStorage } from 'electron';
import type { DataKeyAnswer, KeyStorage } from '../../shared/contract/keys';
import { fail, ok, type Result } from '../../shared/contract/result';

const fileName = 'desk-data.key.enc';

/** How well safeStorage protects what it encrypts on this machine. */
export const storageKind = (): KeyStorage =>
  process.platform === 'linux' &&
  safeStorage.getSelectedStorageBackend() === 'basic_text'
    ? 'os-basic-text'
    : 'os-key-store';

const missing = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  'code' in error &&
  error.code === 'ENOENT';

export const electronDataKey =
  (userDataDir: string) => async (): Promise<Result<DataKeyAnswer>> => {
    if (!safeStorage.isEncryptionAvailable()) {
      return fail(
        'no-key-store',
        'The operating system offers no key store to protect the desk data',
      );
    }
    const path = join(userDataDir, fileName);
    try {
      const key = safeStorage.decryptString(await readFile(path));
      return ok({ key, storage: storageKind() });
    } catch (error) {
      if (!missing(error)) {
        return fail(
          'data-key-unreadable',
          `${path}: the key store could not open the desk's data key`,
          { path },
        );
      }
    }
    const key = randomBytes(32).toString('base64');
    const temporary = `${path}.tmp`;
    await writeFile(temporary, safeStorage.encryptString(key), { mode: 0o600 });
    await rename(temporary, path);
    return ok({ key, storage: storageKind() });
  };
