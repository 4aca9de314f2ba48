// Helpers for the desk sync engine's tests (shared/sync/desk/*.test.ts):
// the real central service on a port that survives a restart, desks with
// an engine over the real HTTP transport and an in-memory store, and a
// wait for a condition that polls instead of sleeping a fixed time.

import { createServer, type Server } from 'node:http';

import { v7 as uuidv7 } from 'uuid';

import type { Operation } from '../../shared/domain/operation';
import { createSyncEngine } from '../../shared/sync/desk/engine';
import {
  createHttpTransport,
  registerDesk as registerDeskOver,
} from '../../shared/sync/desk/httpTransport';
import type {
  CentralTransport,
  SyncEngine,
  SyncEngineOptions,
} from '../../shared/sync/desk/ports';
import type { SyncStatus } from '../../shared/sync/desk/status';
import {
  createMemoryStore,
  documentKey,
  type MemoryStore,
} from '../../shared/sync/desk/testing/memoryStore';
import type { SyncDocument } from '../../shared/sync/types';
import { demoEventId } from '../demo/seedDemo';
import {
  type CentralProcess,
  type CentralStore,
  startCentral,
} from './centralProcess';
import { type Desk, request } from './client';
import { freePort } from './freePort';
import { operationsOf } from './operations';

/** The service on one port for the whole suite, so a restart keeps it. */
export const startCentralOnPort = async (
  store: CentralStore,
  port: number,
): Promise<CentralProcess> =>
  startCentral(store, [
    '--demo',
    '--demo-participants',
    '40',
    '--port',
    String(port),
  ]);

export { freePort };

/** Registers a desk under its own id through the desk's own helper. */
export const newDesk = async (
  base: string,
  organizer: string,
  name: string,
): Promise<Desk> => {
  const deskId = uuidv7();
  const registered = await registerDeskOver(
    fetch,
    base,
    organizer,
    demoEventId,
    { name, deskId },
  );
  if (!registered.ok) throw new Error(registered.error.message);
  return { ...registered.value, eventId: demoEventId };
};

export const revokeDesk = async (
  base: string,
  organizer: string,
  desk: Desk,
) => {
  const reply = await request(
    base,
    'DELETE',
    `/api/events/${desk.eventId}/desks/${desk.deskId}`,
    { token: organizer },
  );
  if (reply.status !== 204) throw new Error(`revoke: ${reply.status}`);
};

export type TestDesk = {
  desk: Desk;
  store: MemoryStore;
  engine: SyncEngine;
  statuses: SyncStatus[];
  /** Operations the desk writes: seq 1, 2, 3, … */
  write: ReturnType<typeof operationsOf>;
  /** Records the operation and tells the engine, as a desk's write does. */
  record(operation: Operation): void;
};

export type TestDeskOptions = Partial<
  Omit<SyncEngineOptions, 'deskId' | 'onStatus' | 'store'>
> & {
  store?: MemoryStore;
  wrap?: (transport: CentralTransport) => CentralTransport;
};

export const deskEngine = (
  base: string,
  desk: Desk,
  options: TestDeskOptions = {},
): TestDesk => {
  const store = options.store ?? createMemoryStore();
  const statuses: SyncStatus[] = [];
  const http = createHttpTransport({
    baseUrl: base,
    eventId: desk.eventId,
    token: desk.token,
    fetch,
    aborter: () => new AbortController(),
    timeoutMs: 10_000,
  });
  const { wrap, ...engineOptions } = options;
  const engine = createSyncEngine({
    now: () => new Date(),
    retry: { firstMs: 50, maxMs: 1_000 },
    ...engineOptions,
    deskId: desk.deskId,
    store,
    transport: wrap ? wrap(http) : http,
    onStatus: (status) => statuses.push(status),
  });
  return {
    desk,
    store,
    engine,
    statuses,
    write: operationsOf(desk),
    record(operation) {
      store.record(operation);
      engine.localWrite();
    },
  };
};

/** Polls until the check passes; fails after timeoutMs with its message. */
export const waitUntil = async (
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 60_000,
) => {
  const deadline = Date.now() + timeoutMs;
  // Polling, not a fixed sleep: the wait ends as soon as the check passes.
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** Documents by the key a desk stores them under, for comparing. */
export const byKey = (documents: readonly SyncDocument[]) => {
  const map = new Map<string, SyncDocument>();
  for (const doc of documents) map.set(documentKey(doc), doc);
  return map;
};

/**
 * An HTTP server that accepts requests and never answers them, or, with
 * `headersOnly`, answers 200 and then sends nothing more: a network that
 * dropped without closing the connection.
 */
export const startSilentServer = async (
  mode: 'never' | 'headersOnly' = 'never',
): Promise<{
  url: string;
  /** Requests whose connection the client has not closed yet. */
  openRequests(): number;
  close(): Promise<void>;
}> => {
  let open = 0;
  const server: Server = createServer((request, response) => {
    open += 1;
    request.socket.once('close', () => {
      open -= 1;
    });
    if (mode === 'headersOnly') {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.flushHeaders();
    }
  });
  const port = await freePort();
  await new Promise<void>((resolve) =>
    server.listen(port, '127.0.0.1', resolve),
  );
  return {
    url: `http://127.0.0.1:${port}`,
    openRequests: () => open,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
