import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshDatabaseName, openTestDesk } from './testDesk';

// Node has no Web Locks; this stands in with what the store relies on: a
// held name makes a request wait until it is let go or the signal aborts.
const fakeLocks = () => {
  const held = new Map<string, Promise<void>>();
  return {
    async request(
      name: string,
      options: { signal?: AbortSignal },
      callback: (lock: { name: string }) => Promise<void>,
    ) {
      const aborted = new Promise<never>((_, reject) => {
        const signal = options.signal;
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
      // Once granted, a later abort changes nothing, as in the real API.
      aborted.catch(() => undefined);
      for (let other = held.get(name); other; other = held.get(name)) {
        await Promise.race([other, aborted]);
      }
      let done: () => void = () => undefined;
      held.set(
        name,
        new Promise<void>((resolve) => {
          done = resolve;
        }),
      );
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
        done();
      }
    },
  };
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('one window per desk database', () => {
  it('refuses a second store on the same database until the first closes', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() });
    const dbName = freshDatabaseName('lock');
    const first = await openTestDesk({ dbName });
    await expect(openTestDesk({ dbName, lockWaitMs: 50 })).rejects.toThrow(
      /open in another window/,
    );
    const other = await openTestDesk();
    await other.close();

    // A reload asks before the old page has let go: the new store waits.
    const waiting = openTestDesk({ dbName });
    await first.close();
    const again = await waiting;
    expect(again.deskId).toBe(first.deskId);
    await again.close();
  });

  it('opens without a lock where the page may not use locks', async () => {
    // Chromium refuses Web Locks to opaque origins such as file:// pages.
    const refuse = () =>
      Promise.reject(new DOMException('opaque origin', 'SecurityError'));
    vi.stubGlobal('navigator', { locks: { request: refuse } });
    const store = await openTestDesk();
    expect(store.deskId).not.toBe('');
    await store.close();
  });
});
