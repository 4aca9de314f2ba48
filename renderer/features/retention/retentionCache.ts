// Each event's retention basis for the banner, read once and again only
// when its retention or sync record changes (RxDB local documents,
// getLocal$): the store redraws on every check-in, which changes neither.

import { syncRecordKey } from '../../db/syncRecords';
import type { DeskStore } from '../../store/deskStore';
import {
  type RetentionBasis,
  retentionKey,
} from '../../store/retentionSettings';
import { hasDatabase } from '../exports/eventViews';

type Entry = { basis: Promise<RetentionBasis> | null; stop(): void };

export type RetentionCache = {
  retention(eventId: string): Promise<RetentionBasis>;
  /** Reads every event again at the next ask (a setting changed). */
  forget(): void;
  close(): void;
};

export const createRetentionCache = (store: DeskStore): RetentionCache => {
  const entries = new Map<string, Entry>();

  const watch = (eventId: string): Entry | null => {
    // A test double without a database: read each time.
    if (!hasDatabase(store)) return null;
    const db = store.database;
    const entry: Entry = { basis: null, stop: () => undefined };
    const watching = [retentionKey(eventId), syncRecordKey(eventId)].map(
      (key) =>
        db.getLocal$(key).subscribe(() => {
          entry.basis = null;
        }),
    );
    entry.stop = () => {
      for (const subscription of watching) subscription.unsubscribe();
    };
    entries.set(eventId, entry);
    return entry;
  };

  return {
    retention(eventId) {
      const entry = entries.get(eventId) ?? watch(eventId);
      if (entry === null) return store.retention(eventId);
      if (entry.basis === null) {
        const read = store.retention(eventId);
        entry.basis = read;
        // A failed read is not kept.
        read.catch(() => {
          if (entry.basis === read) entry.basis = null;
        });
      }
      return entry.basis;
    },
    forget() {
      for (const entry of entries.values()) entry.basis = null;
    },
    close() {
      for (const entry of entries.values()) entry.stop();
      entries.clear();
    },
  };
};
