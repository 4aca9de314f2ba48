// Passings from main into the desk's database, then acknowledged: main
// journals each one before handing it over and forgets it only once the
// desk says it is stored, so a passing survives a crash on either side.
// Passings that arrive together are stored as one batch; the ones main
// still held from before (a restart) come first.

import type { DeskApi } from '../../../shared/contract/desk';
import type { JournaledPassing } from '../../../shared/contract/devices';
import type { TimingStore } from '../../store/timingStore';

export type PassingFeed = {
  /** Passings waiting to be stored (no event open, or a write failed). */
  waiting(): number;
  stop(): void;
};

/** Retry for what could not be stored (e.g. no event open yet). */
const retryMs = 2_000;

export const startPassingFeed = (
  api: DeskApi,
  timing: TimingStore,
  onChange: () => void = () => undefined,
): PassingFeed => {
  const pending = new Map<string, JournaledPassing>();
  let running = false;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const drain = async () => {
    if (running || stopped) return;
    running = true;
    try {
      while (pending.size > 0 && !stopped) {
        const batch = [...pending.values()];
        const stored = await timing.storePassings(
          batch.map(({ receivedAtMs: _, ...passing }) => passing),
        );
        if (!stored.ok || stored.value.length === 0) {
          retry = setTimeout(() => void drain(), retryMs);
          return;
        }
        for (const id of stored.value) pending.delete(id);
        onChange();
        // Main may time out or be restarting: the journal keeps these and
        // hands them back; storing them again finds them by key.
        await api.invoke('devices:acknowledge', { ids: stored.value });
      }
    } finally {
      running = false;
    }
  };

  const take = (passings: readonly JournaledPassing[]) => {
    for (const passing of passings) pending.set(passing.id, passing);
    clearTimeout(retry);
    void drain();
  };

  const unsubscribe = api.on('devices:passing', (passing) => take([passing]));
  void api.invoke('devices:subscribe', {}).then((answer) => {
    if (answer.ok) take(answer.value.unacknowledged);
  });

  return {
    waiting: () => pending.size,
    stop: () => {
      stopped = true;
      clearTimeout(retry);
      unsubscribe();
    },
  };
};
