// What the retention banner and the Overview panel share: the purge being
// confirmed and the report of the last one. The banner stays mounted while
// events close, so the report outlives the event it tells about.

import { useSyncExternalStore } from 'react';
import type { RaceEvent } from '../../../shared/domain/event';
import type { PurgeReport } from './runPurge';

export type PurgeDialog = {
  event: Pick<RaceEvent, 'id' | 'name'>;
  /** Set once the desk refused for unsynced operations: told twice. */
  pending: number | null;
  /** The refused event was never connected: nothing was ever sent. */
  neverConnected: boolean;
};

type RetentionState = {
  dialog: PurgeDialog | null;
  report: PurgeReport | null;
  /** Grows when an event's retention days change, to recount warnings. */
  settings: number;
};

let state: RetentionState = { dialog: null, report: null, settings: 0 };
const listeners = new Set<() => void>();

const set = (next: Partial<RetentionState>) => {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
};

export const askToPurge = (event: Pick<RaceEvent, 'id' | 'name'>) =>
  set({ dialog: { event, pending: null, neverConnected: false } });
export const askAgainUnsynced = (pending: number, neverConnected: boolean) =>
  state.dialog && set({ dialog: { ...state.dialog, pending, neverConnected } });
export const closePurgeDialog = () => set({ dialog: null });
export const retentionDaysChanged = () => set({ settings: state.settings + 1 });
export const showPurgeReport = (report: PurgeReport | null) =>
  set({ dialog: null, report });

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

export const useRetentionState = (): RetentionState =>
  useSyncExternalStore(subscribe, () => state);
