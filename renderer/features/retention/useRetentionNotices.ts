// Which events on this desk leave it soon (from two days before their
// purge date, schedule.ts: a connected one only once its results are
// sent) or are due, recounted on every change in the store, on a
// changed retention setting and when the desk's day turns. Each event's
// retention is read again only when its retention or sync record changed
// (retentionCache.ts), not on every check-in.

import { useEffect, useMemo, useRef, useState } from 'react';

import type { RaceEvent } from '../../../shared/domain/event';
import type { DeskStore } from '../../store/deskStore';
import { useStoreVersion } from '../shell/deskContext';
import { createRetentionCache } from './retentionCache';
import { useRetentionState } from './retentionState';
import {
  localDay,
  type RetentionPhase,
  retentionPhase,
  retentionSchedule,
} from './schedule';

export type RetentionNotice = {
  event: RaceEvent;
  purgeOn: string;
  phase: Exclude<RetentionPhase, 'kept'>;
  /** A connected event: the day its results reached the central service. */
  resultsSentOn: string | null;
};

export const useRetentionNotices = (store: DeskStore): RetentionNotice[] => {
  const version = useStoreVersion(store);
  const { settings } = useRetentionState();
  const [notices, setNotices] = useState<RetentionNotice[]>([]);
  const [today, setToday] = useState(() => localDay(new Date()));
  const cache = useMemo(() => createRetentionCache(store), [store]);
  useEffect(() => () => cache.close(), [cache]);
  const readSettings = useRef(settings);

  // A desk left on overnight passes into the next day.
  useEffect(() => {
    const timer = setInterval(() => setToday(localDay(new Date())), 60_000);
    return () => clearInterval(timer);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version and settings are change signals.
  useEffect(() => {
    let live = true;
    if (readSettings.current !== settings) {
      readSettings.current = settings;
      cache.forget();
    }
    void (async () => {
      const found: RetentionNotice[] = [];
      for (const event of await store.listEvents()) {
        // A connected event whose results are not sent has no date yet.
        const basis = await cache.retention(event.id);
        const { purgeOn, resultsSentOn } = retentionSchedule(event.date, basis);
        const phase = retentionPhase(today, purgeOn);
        if (purgeOn !== null && phase !== 'kept') {
          found.push({ event, purgeOn, phase, resultsSentOn });
        }
      }
      if (live) setNotices(found);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [store, cache, version, settings, today]);

  return notices;
};
