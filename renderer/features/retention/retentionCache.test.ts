// The banner's retention reads: one per event while nothing about its
// retention changes (a check-in changes nothing), again once its
// retention record or sync record changes.

import { describe, expect, it, vi } from 'vitest';

import { writeSyncRecord } from '../../db/syncRecords';
import { writeOrganizerDays } from '../../store/retentionSettings';
import { openTestDesk } from '../../store/testDesk';
import { createRetentionCache } from './retentionCache';

describe('createRetentionCache', () => {
  it('reads an event once, and again after its retention or sync record changed', async () => {
    const store = await openTestDesk();
    try {
      const read = vi.spyOn(store, 'retention');
      const cache = createRetentionCache(store);
      // Settle the first notices of the watches, then count.
      await cache.retention('ev-1');
      await vi.waitFor(async () => {
        read.mockClear();
        await cache.retention('ev-1');
        await cache.retention('ev-1');
        expect(read).toHaveBeenCalledTimes(0);
      });
      await writeOrganizerDays(store.database, 'ev-1', 4);
      await vi.waitFor(async () =>
        expect((await cache.retention('ev-1')).organizerDays).toBe(4),
      );
      read.mockClear();
      await cache.retention('ev-1');
      expect(read).toHaveBeenCalledTimes(0);

      await writeSyncRecord(store.database, {
        eventId: 'ev-1',
        url: 'http://127.0.0.1:9',
        centralEventId: 'c-1',
        deskId: store.deskId,
        deskName: 'T',
        deskToken: 'd',
        connectedAt: '2025-06-14T08:00:00.000Z',
        active: true,
        checkpoint: 0,
      });
      await vi.waitFor(async () =>
        expect((await cache.retention('ev-1')).connected).toBe(true),
      );
      cache.forget();
      read.mockClear();
      await cache.retention('ev-1');
      expect(read).toHaveBeenCalledTimes(1);
      cache.close();
    } finally {
      await store.close();
    }
  });
});
