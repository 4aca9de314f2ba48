// Opening an event on a fresh page load, timed from navigation start (the
// origin of performance.now()) to the first search result, and its floor:
// the same page load reading as many records with one raw getAll.

import { importDataKey } from '../../renderer/db/sealing';
import { createDeskStore } from '../../renderer/store/createDeskStore';
import type { FloorOpenFigures, OpenFigures } from './benchApi';
import { benchEventKeys } from './eventKeys';
import { getAll, openFloorDb } from './floors';

export const openEventOnLoad = async (
  dbName: string,
  eventId: string,
  query: string,
  key: string | null,
): Promise<OpenFigures> => {
  const scriptMs = performance.now();
  const store = await createDeskStore({
    dbName,
    dataKey: key === null ? undefined : await importDataKey(key),
    eventKeys: key === null ? undefined : benchEventKeys(key),
  });
  const storeMs = performance.now();
  const opened = await store.openEvent(eventId);
  const openMs = performance.now();
  const hits = store.search(query).length;
  const firstResultMs = performance.now();
  const error = opened.ok ? '' : `${opened.error.code} ${opened.error.message}`;
  return { scriptMs, storeMs, openMs, firstResultMs, hits, error };
};

export const readAllOnLoad = async (
  floorDbName: string,
): Promise<FloorOpenFigures> => {
  const scriptMs = performance.now();
  const count = await getAll(await openFloorDb(floorDbName));
  return { scriptMs, readMs: performance.now(), count };
};
