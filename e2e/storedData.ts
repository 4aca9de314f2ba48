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

/** The values of `values` found in any file under `dir`. */
export const foundIn = async (dir: string, values: readonly string[]) => {
  const files = await filesUnder(dir);
  const bytes = Buffer.concat(
    await Promise.all(
      files.map((path) => readFile(path).catch(() => Buffer.alloc(0))),
    ),
  );
  // IndexedDB stores strings as Latin-1 or UTF-16; files are UTF-8.
  return values.filter(
    (value) =>
      bytes.includes(Buffer.from(value, 'latin1')) ||
      bytes.includes(Buffer.from(value, 'utf16le')) ||
      bytes.includes(Buffer.from(value, 'utf8')),
  );
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
