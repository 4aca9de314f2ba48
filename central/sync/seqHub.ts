// Wakes live streams when an event's seq moves. It carries only the seq:
// the puller then pulls (ARCHITECTURE.md, "A live stream only wakes the
// puller"). One process, so an in-memory map is enough.

export type SeqListener = (latestSeq: number) => void;

export type SeqHub = {
  publish(eventId: string, latestSeq: number): void;
  subscribe(eventId: string, listener: SeqListener): () => void;
};

export const createSeqHub = (): SeqHub => {
  const listeners = new Map<string, Set<SeqListener>>();
  return {
    publish(eventId, latestSeq) {
      for (const listener of listeners.get(eventId) ?? []) listener(latestSeq);
    },
    subscribe(eventId, listener) {
      const set = listeners.get(eventId) ?? new Set<SeqListener>();
      set.add(listener);
      listeners.set(eventId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(eventId);
      };
    },
  };
};
