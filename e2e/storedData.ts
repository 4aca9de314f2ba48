// What a desk leaves on disk and in its browser storage, read the way a
// finder of a lost laptop or any page of the origin could: plain bytes of
// files, and every IndexedDB record as text. The privacy specs (sealed,
// retention, erasure) check these for people's data.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Page } from '@playwright/test';

export const filesUnder = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
};

// Sealed fields are stored as base64 text, and random base64 holds any
// short word now and then: "Holm" turned up in a retention run's few
// hundred KB of ciphertext. So a value counts as found only where it
// stands alone, with no letter, digit or base64 character right before
// or after it, as a stored name, number or address does. A value glued
// to other letters in the clear would be missed; nothing we store does.
const wordCharacter = /[\p{L}\p{N}+/=]/u;

const standsAlone = (before: string, after: string) =>
  !wordCharacter.test(before) && !wordCharacter.test(after);

/** Whether `text` holds `value` standing alone (see above). */
export const holdsValue = (text: string, value: string): boolean => {
  for (let at = text.indexOf(value); at >= 0; ) {
    const before = text[at - 1] ?? '';
    const after = text[at + value.length] ?? '';
    if (standsAlone(before, after)) return true;
    at = text.indexOf(value, at + 1);
  }
  return false;
};

/**
 * The character of `bytes` at `at` in a one- or two-byte encoding, or ''.
 * Before a string, V8's serializer writes a tag and a length, not a
 * character: a two-byte unit whose high byte is not 0 is taken for that
 * (our values are Latin-1), and a byte over 0x7f for a Latin-1 letter or
 * part of a UTF-8 one.
 */
const characterAt = (bytes: Buffer, at: number, width: 1 | 2) => {
  if (at < 0 || at + width > bytes.length) return '';
  const low = bytes[at] ?? 0;
  if (width === 2) return bytes[at + 1] === 0 ? String.fromCharCode(low) : '';
  return low > 0x7f ? 'ø' : String.fromCharCode(low);
};

// IndexedDB stores strings as Latin-1 or UTF-16; files are UTF-8.
const encodings = [
  { encoding: 'latin1', width: 1 },
  { encoding: 'utf8', width: 1 },
  { encoding: 'utf16le', width: 2 },
] as const;

/** Whether `bytes` hold `value` standing alone, in any stored encoding. */
export const bytesHoldValue = (bytes: Buffer, value: string): boolean =>
  encodings.some(({ encoding, width }) => {
    const needle = Buffer.from(value, encoding);
    for (let at = bytes.indexOf(needle); at >= 0; ) {
      const before = characterAt(bytes, at - width, width);
      const after = characterAt(bytes, at + needle.length, width);
      if (standsAlone(before, after)) return true;
      at = bytes.indexOf(needle, at + 1);
    }
    return false;
  });

/**
 * Chromium's own record of the pages it showed: session restore (tab
 * titles, which name the open event: DeskShell sets the window title) and
 * the history. The desk's Electron window keeps neither; a scan for what
 * the desk stored leaves them out (`except`).
 */
export const browserHistoryFiles = /[/\\](Sessions[/\\]|History)/;

/** The values of `values` found in any file under `dir`. */
export const foundIn = async (
  dir: string,
  values: readonly string[],
  except?: RegExp,
) => {
  const files = (await filesUnder(dir)).filter((path) => !except?.test(path));
  const bytes = Buffer.concat(
    await Promise.all(
      files.map((path) => readFile(path).catch(() => Buffer.alloc(0))),
    ),
  );
  return values.filter((value) => bytesHoldValue(bytes, value));
};

/**
 * Every record of the page's IndexedDB as text, by "database/store", read
 * as any page of the origin could.
 */
export const storedInPage = (page: Page): Promise<Record<string, string>> =>
  page.evaluate(async () => {
    const texts: Record<string, string> = {};
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name ?? '');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        texts[`${info.name}/${name}`] = JSON.stringify(rows);
      }
      db.close();
    }
    return texts;
  });

/** The page's IndexedDB records as one text. */
export const storedTextInPage = async (page: Page): Promise<string> =>
  Object.values(await storedInPage(page)).join('\n');
