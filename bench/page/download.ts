// Issue #3's first download in the page: the desk's own sync (login, then
// connect as a new event) timed until the event is open, and its floor,
// the same pull pages fetched and parsed with nothing stored.

import type { RxDeskStore } from '../../renderer/store/createDeskStore';
import { loginToCentral } from '../../shared/sync/desk/centralApi';
import { maxPullLimit } from '../../shared/sync/types';
import type { DownloadFigures, PullFloorFigures } from './benchApi';
import { bulkPut } from './floors';

type PulledDocument = {
  kind: string;
  seq: number;
  participant?: { id: string };
};

type PulledPage = {
  documents: PulledDocument[];
  checkpoint: number;
  hasMore: boolean;
};

const pullUrl = (url: string, eventId: string, checkpoint: number) =>
  `${url.replace(/\/+$/, '')}/api/events/${encodeURIComponent(eventId)}` +
  `/pull?checkpoint=${checkpoint}&limit=${maxPullLimit}`;

/** A raw record per document, keyed as the floor database wants. */
const recordOf = (doc: PulledDocument) => ({
  id: doc.participant?.id ?? `${doc.kind}-${doc.seq}`,
  doc,
});

/**
 * Every pull page from checkpoint 0 until hasMore is false, each fetched
 * and parsed, nothing kept but the participants' ids (to check the
 * download against). With `into`, each page's documents are also put in
 * one raw IndexedDB transaction (strict), as the desk stores a page. The
 * organizer's token, as the desk's is per desk.
 */
export const pullFloor = async (
  url: string,
  login: string,
  password: string,
  eventId: string,
  into?: IDBDatabase,
): Promise<PullFloorFigures> => {
  const plain = (u: string, init?: RequestInit) => fetch(u, init);
  const signed = await loginToCentral(plain, url, login, password);
  if (!signed.ok) throw new Error(`login: ${signed.error.message}`);
  const headers = { authorization: `Bearer ${signed.value.token}` };
  const ids: string[] = [];
  let checkpoint = 0;
  let pages = 0;
  let bytes = 0;
  const start = performance.now();
  for (;;) {
    const response = await fetch(pullUrl(url, eventId, checkpoint), {
      headers,
    });
    if (!response.ok) throw new Error(`pull answered ${response.status}`);
    const text = await response.text();
    const page: PulledPage = JSON.parse(text);
    bytes += text.length;
    pages += 1;
    for (const doc of page.documents) {
      if (doc.kind === 'participant' && doc.participant) {
        ids.push(doc.participant.id);
      }
    }
    if (into) await bulkPut(into, page.documents.map(recordOf));
    checkpoint = page.checkpoint;
    if (!page.hasMore) break;
  }
  return { ms: performance.now() - start, pages, bytes, ids };
};

/**
 * Times the global fetch of pull pages, body read included, while `work`
 * runs: the network's share of the download. Other calls (login, the
 * live stream) pass through untouched.
 */
const timingPulls = async <T>(work: () => Promise<T>) => {
  const original = globalThis.fetch;
  let ms = 0;
  let pages = 0;
  let firstAt = 0;
  /** When each page's body was read. */
  const fetched: number[] = [];
  globalThis.fetch = async (input, init) => {
    const address = typeof input === 'string' ? input : String(input);
    if (!address.includes('/pull?')) return original(input, init);
    const start = performance.now();
    if (pages === 0) firstAt = start;
    const response = await original(input, init);
    const body = await response.arrayBuffer();
    ms += performance.now() - start;
    pages += 1;
    fetched.push(performance.now());
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  try {
    const value = await work();
    return { value, ms, pages, firstAt, fetched };
  } finally {
    globalThis.fetch = original;
  }
};

/**
 * The time spent storing pages: page k from when it was fetched and page
 * k-1 stored, whichever came last, to its own documents stored. With the
 * next page fetched while one is stored, "the rest after the network"
 * would count the overlap twice. Null when the times do not pair up.
 */
const storingTime = (fetched: number[], stored: number[]) => {
  if (fetched.length !== stored.length) return null;
  let ms = 0;
  for (const [k, at] of stored.entries()) {
    const ready = Math.max(fetched[k] ?? at, stored[k - 1] ?? 0);
    ms += at - ready;
  }
  return ms;
};

/**
 * store.sync.login, then store.sync.connect downloading the event as a new
 * local one, until connect resolves with the event open; then every
 * expected participant must be there and a search must find one of them.
 */
export const download = async (
  desk: RxDeskStore,
  url: string,
  login: string,
  password: string,
  eventId: string,
  expected: readonly string[],
): Promise<DownloadFigures> => {
  const start = performance.now();
  const session = await desk.sync.login(url, login, password);
  if (!session.ok) throw new Error(`login: ${session.error.message}`);
  const loggedIn = performance.now();
  let lastProgress = loggedIn;
  let documents = 0;
  /** When each page's documents were stored (progress counts them). */
  const stored: number[] = [];
  const pulled = await timingPulls(() =>
    desk.sync.connect(
      { session: session.value, centralEventId: eventId, deskName: 'Bench' },
      (progress) => {
        lastProgress = performance.now();
        if (progress.documents > documents) stored.push(lastProgress);
        documents = progress.documents;
      },
    ),
  );
  const connected = performance.now();
  if (!pulled.value.ok) {
    const { code, message } = pulled.value.error;
    throw new Error(`connect: ${code} ${message}`);
  }
  const missing = expected.filter((id) => desk.get(id) === undefined);
  const sample = desk.get(expected[Math.floor(expected.length / 2)] ?? '');
  const person = sample?.participant;
  const query = person ? `${person.firstName} ${person.lastName}` : '';
  const found = desk
    .search(query, 50)
    .some((view) => view.participant.id === person?.id);
  return {
    ms: connected - start,
    loginMs: loggedIn - start,
    pullNetworkMs: pulled.ms,
    beforePullMs: pulled.firstAt - loggedIn,
    pages: pulled.pages,
    pulledMs: lastProgress - loggedIn,
    storingMs:
      storingTime(pulled.fetched, stored) ??
      lastProgress - loggedIn - pulled.ms - (pulled.firstAt - loggedIn),
    openMs: connected - lastProgress,
    documents,
    missing: missing.length,
    query,
    found,
  };
};
