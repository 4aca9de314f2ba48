// Pull of one 500-document page from the real central process over HTTP,
// as a desk asks for it, beside its floor: the same page read straight from
// the store in this process, with no HTTP and no service code around it.

import type { Db } from '../central/db/db';
import { readPage } from '../central/sync/pull';
import { summarize } from './stats';

export const pageSize = 500;
const passes = 3;

export type PullTimings = {
  pages: number;
  bytesPerPage: number;
  http: number[];
  floor: number[];
};

/** One pass over the event: every page from checkpoint 0, timed. */
const httpPass = async (base: string, token: string, eventId: string) => {
  const times: number[] = [];
  let bytes = 0;
  let checkpoint = 0;
  for (;;) {
    const start = performance.now();
    const response = await fetch(
      `${base}/api/events/${eventId}/pull?checkpoint=${checkpoint}&limit=${pageSize}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const text = await response.text();
    const ms = performance.now() - start;
    if (response.status !== 200) throw new Error(`pull: ${response.status}`);
    const page: { checkpoint: number; hasMore: boolean } = JSON.parse(text);
    // The last, short page is not a 500-document batch.
    if (!page.hasMore) break;
    times.push(ms);
    bytes += text.length;
    checkpoint = page.checkpoint;
  }
  return { times, bytes };
};

export const measurePullHttp = async (
  base: string,
  token: string,
  eventId: string,
) => {
  // One pass to warm the process (JIT, caches) before the measured ones.
  await httpPass(base, token, eventId);
  const http: number[] = [];
  let bytes = 0;
  for (let pass = 0; pass < passes; pass += 1) {
    const run = await httpPass(base, token, eventId);
    http.push(...run.times);
    bytes = run.bytes / Math.max(1, run.times.length);
  }
  return { http, bytesPerPage: bytes };
};

/**
 * The floor: the page's statement on the store, its texts joined there,
 * in this process, with no HTTP and no token check.
 */
export const measurePullFloor = async (db: Db, eventId: string) => {
  const floor: number[] = [];
  for (let pass = 0; pass <= passes; pass += 1) {
    let checkpoint = 0;
    for (;;) {
      const start = performance.now();
      const page = await readPage(db, eventId, checkpoint, pageSize);
      const ms = performance.now() - start;
      if (page.documents < pageSize || page.text === '') break;
      // The first pass warms the store's caches, as the HTTP one does.
      if (pass > 0) floor.push(ms);
      checkpoint = page.lastSeq;
    }
  }
  return floor;
};

export const pullSummary = (timings: PullTimings) => ({
  pages: timings.pages,
  bytesPerPage: Math.round(timings.bytesPerPage),
  http: summarize(timings.http),
  floor: summarize(timings.floor),
});
