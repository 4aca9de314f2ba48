// The floors: the least work that does the same job on the same data, in
// the same page and run. A figure is judged against its floor, since the
// machine's speed moves both alike.

import type { Person } from './queries';
import { plainTyping } from './queries';

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

const committed = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });

/** A raw IndexedDB database with one store per floor, keyed by `id`. */
export const openFloorDb = (name: string): Promise<IDBDatabase> => {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore('operations', { keyPath: 'id' });
    open.result.createObjectStore('participants', { keyPath: 'id' });
  };
  return request(open);
};

/** One small record, committed with strict durability like a check-in. */
export const strictPut = async <T extends { id: string }>(
  db: IDBDatabase,
  record: T,
): Promise<number> => {
  const start = performance.now();
  const tx = db.transaction('operations', 'readwrite', {
    durability: 'strict',
  });
  tx.objectStore('operations').put(record);
  await committed(tx);
  return performance.now() - start;
};

/** Every document in one transaction: the floor for an import's commit. */
export const bulkPut = async (
  db: IDBDatabase,
  docs: readonly { id: string }[],
): Promise<number> => {
  const start = performance.now();
  const tx = db.transaction('participants', 'readwrite', {
    durability: 'strict',
  });
  const store = tx.objectStore('participants');
  for (const doc of docs) store.put(doc);
  await committed(tx);
  return performance.now() - start;
};

/** Reads back every participant: the floor for opening an event. */
export const getAll = async (db: IDBDatabase): Promise<number> => {
  const tx = db.transaction('participants', 'readonly');
  const all = await request(tx.objectStore('participants').getAll());
  return all.length;
};

/**
 * The same people as the store, folded once, searched by a plain scan over
 * all of them. It does not stop at the list's 50: the desk ranks full-name
 * matches first, so it must see every match, and a floor that stopped early
 * would measure how common the letters are rather than the scan.
 */
export const scanFloor = (people: readonly Person[]) => {
  const folded = people.map((p) =>
    plainTyping(
      `${p.firstName} ${p.lastName} ${p.club} ${p.bib} ` +
        p.birthDate.slice(0, 4),
    ),
  );
  return (query: string): number => {
    const tokens = plainTyping(query).split(' ').filter(Boolean);
    let matches = 0;
    for (const text of folded) {
      if (tokens.every((token) => text.includes(token))) matches += 1;
    }
    return matches;
  };
};
