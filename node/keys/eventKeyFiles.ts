// Per-event keys (issue #5, crypto-shredding): each event's documents are
// sealed under the event's own 32 random bytes, kept one file per event in
// the data folder's event-keys/. The purge deletes the file, and whatever
// Chromium's LevelDB files still hold of the event is ciphertext nobody
// can open. The web host writes the key as base64; Electron passes a codec
// that encrypts it with the OS key store (main/electron/eventKeys.ts).

import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

import type {
  DataKeyAnswer,
  ForgottenEventKey,
  KeyStorage,
} from '../../shared/contract/keys';
import { fail, ok, type Result } from '../../shared/contract/result';

export const eventKeysDirName = 'event-keys';

/** How a key's base64 text is kept on disk. */
export type EventKeyCodec = {
  toFile(base64: string): Buffer;
  /** Throws when the file cannot be opened (wrong key store, damaged). */
  fromFile(bytes: Buffer): string;
  /** Added to `.key`: '.enc' for keys encrypted by the OS key store. */
  suffix: string;
};

/** The web host's: the key as it is, readable by this user only. */
export const plainEventKeyCodec: EventKeyCodec = {
  toFile: (base64) => Buffer.from(base64, 'utf8'),
  fromFile: (bytes) => bytes.toString('utf8').trim(),
  suffix: '',
};

// Event ids are uuids (imports) or the central service's ids: letters,
// digits, '-', '_' and '.' cover both, and nothing else reaches a path.
const eventIdPattern = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/;

const errorCode = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : '';

/** The event id, if it can name a key file. */
export const checkEventId = (eventId: unknown): Result<string> =>
  typeof eventId === 'string' && eventIdPattern.test(eventId)
    ? ok(eventId)
    : fail(
        'invalid-event-id',
        'An event id must be 1 to 100 letters, digits, "-", "_" or "." ' +
          `and not start with "."; got ${JSON.stringify(eventId)}`,
        { field: 'eventId' },
      );

// The "event-" prefix keeps ids like "con" or "nul" from naming a
// Windows device.
export const eventKeyPath = (
  dataDir: string,
  eventId: string,
  codec: EventKeyCodec = plainEventKeyCodec,
): string =>
  join(dataDir, eventKeysDirName, `event-${eventId}.key${codec.suffix}`);

const readKey = async (
  path: string,
  codec: EventKeyCodec,
): Promise<Result<Buffer>> => {
  let text: string;
  try {
    text = codec.fromFile(await readFile(path));
  } catch (error) {
    return fail('event-key-unreadable', `${path}: ${String(error)}`, { path });
  }
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) {
    return fail(
      'bad-event-key',
      `${path}: an event key must be 32 bytes in base64; it has ${key.length}`,
      { path },
    );
  }
  return ok(key);
};

/**
 * Writes a new key, unless another caller made one first: link() fails on
 * an existing name, where rename() would replace a key that may already
 * have sealed documents.
 */
const createKey = async (
  path: string,
  codec: EventKeyCodec,
): Promise<Result<Buffer>> => {
  const key = randomBytes(32);
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const file = await open(temporary, 'wx', 0o600);
  try {
    await file.writeFile(codec.toFile(key.toString('base64')));
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await link(temporary, path);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    return readKey(path, codec);
  } finally {
    await unlink(temporary);
  }
  return ok(key);
};

/** The event's key, made on first ask. */
export const readOrCreateEventKey = async (
  dataDir: string,
  eventId: string,
  codec: EventKeyCodec = plainEventKeyCodec,
): Promise<Result<Buffer>> => {
  const id = checkEventId(eventId);
  if (!id.ok) return id;
  const path = eventKeyPath(dataDir, id.value, codec);
  const found = await readKey(path, codec);
  if (found.ok) {
    // Whoever copied the file in may have left it readable by others.
    await chmod(path, 0o600).catch(() => undefined);
    return found;
  }
  try {
    await readFile(path);
    // The file is there but does not open: never replace it.
    return found;
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') return found;
  }
  try {
    await mkdir(join(dataDir, eventKeysDirName), {
      recursive: true,
      mode: 0o700,
    });
    return await createKey(path, codec);
  } catch (error) {
    return fail('event-key-unwritable', `${path}: ${String(error)}`, { path });
  }
};

/**
 * Deletes the event's key; true when there was one. Deleting a key that is
 * not there is no error: a purge may be run again.
 */
export const forgetEventKey = async (
  dataDir: string,
  eventId: string,
  codec: EventKeyCodec = plainEventKeyCodec,
): Promise<Result<boolean>> => {
  const id = checkEventId(eventId);
  if (!id.ok) return id;
  const path = eventKeyPath(dataDir, id.value, codec);
  try {
    await unlink(path);
    return ok(true);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return ok(false);
    return fail('event-key-undeletable', `${path}: ${String(error)}`, {
      path,
    });
  }
};

/** The keys:event-key and keys:forget-event-key answers over the files. */
export const eventKeyFiles = (
  dataDir: string,
  storage: KeyStorage,
  codec: EventKeyCodec = plainEventKeyCodec,
) => ({
  key: async (eventId: string): Promise<Result<DataKeyAnswer>> => {
    const key = await readOrCreateEventKey(dataDir, eventId, codec);
    return key.ok ? ok({ key: key.value.toString('base64'), storage }) : key;
  },
  forget: async (eventId: string): Promise<Result<ForgottenEventKey>> => {
    const forgotten = await forgetEventKey(dataDir, eventId, codec);
    return forgotten.ok ? ok({ existed: forgotten.value }) : forgotten;
  },
});
