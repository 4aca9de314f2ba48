// The header's sync state without flicker: a background round that ends
// within a moment never shows "syncing", so a synced desk stays "synced at
// HH:MM" and screen readers hear a change only when one matters.

import { useEffect, useState } from 'react';

import type { SyncStatus } from '../../../shared/sync/desk/status';

/** A round shorter than this is not worth showing. */
const quietMs = 1500;

const isRoutineRound = (shown: SyncStatus, next: SyncStatus) =>
  next.kind === 'syncing' &&
  shown.kind === 'synced' &&
  next.pending === shown.pending;

export const useSteadyStatus = (status: SyncStatus): SyncStatus => {
  const [shown, setShown] = useState(status);
  const key = JSON.stringify(status);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for status, whose identity changes on every read.
  useEffect(() => {
    if (!isRoutineRound(shown, status)) {
      setShown(status);
      return;
    }
    const timer = setTimeout(() => setShown(status), quietMs);
    return () => clearTimeout(timer);
  }, [key]);

  return shown;
};
