// Keys for Node tests: a data key from a fill byte, and an event key
// store in memory that stands in for the desk contract's keys area.

import { ok } from '../../shared/contract/result';
import type { EventKeySource } from './keyring';
import { type DataKey, importDataKey } from './sealing';

const base64Of = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

export const testDataKey = (fill: number): Promise<DataKey> =>
  importDataKey(base64Of(new Uint8Array(32).fill(fill)));

export type MemoryEventKeys = EventKeySource & {
  /** The keys kept now, base64 by event id: what a key folder holds. */
  readonly kept: Map<string, string>;
  /** Every event id asked for, in order. */
  readonly asked: string[];
};

export const memoryEventKeys = (): MemoryEventKeys => {
  const kept = new Map<string, string>();
  const asked: string[] = [];
  return {
    kept,
    asked,
    async key(eventId) {
      asked.push(eventId);
      const key =
        kept.get(eventId) ??
        base64Of(crypto.getRandomValues(new Uint8Array(32)));
      kept.set(eventId, key);
      return ok(key);
    },
    forget: async (eventId) => ok({ existed: kept.delete(eventId) }),
  };
};
