// The engine's rules on a fake central service in memory: statuses,
// backoff, checks of the answers, rounds that never overlap, and stop.
// engine.test.ts runs it against the real central process.

import { describe, expect, it, vi } from 'vitest';

import { makeOperation, testEventId } from '../../desk/fixtures';
import { createSyncEngine } from './engine';
import type { SyncEngineOptions } from './ports';
import type { SyncStatus } from './status';
import { createFakeCentral, type FakeCentral } from './testing/fakeCentral';
import { createMemoryStore, type MemoryStore } from './testing/memoryStore';

const clock = () => {
  let at = Date.UTC(2025, 5, 14, 9, 0, 0);
  return () => {
    at += 1000;
    return new Date(at);
  };
};

const setUp = (options: Partial<SyncEngineOptions> = {}) => {
  const central = createFakeCentral();
  const store = createMemoryStore();
  const statuses: SyncStatus[] = [];
  const engine = createSyncEngine({
    deskId: 'desk-a',
    transport: central.transport,
    store,
    now: clock(),
    onStatus: (status) => statuses.push(status),
    retry: { firstMs: 5, maxMs: 40 },
    random: () => 0.5,
    ...options,
  });
  let seq = 0;
  const record = (count = 1) => {
    for (let i = 0; i < count; i += 1) {
      seq += 1;
      store.record(
        makeOperation(
          {
            eventId: testEventId,
            participantId: `p${seq}`,
            type: 'check-in',
            payload: {},
          },
          { deskId: 'desk-a', seq },
        ),
      );
    }
  };
  return { central, store, statuses, engine, record };
};

const kinds = (statuses: SyncStatus[]) => statuses.map((s) => s.kind);
const last = (statuses: SyncStatus[]) => statuses.at(-1);
const unpushed = (store: MemoryStore) =>
  store.operations().filter((op) => !store.result(op.id)).length;
const stored = (central: FakeCentral) => central.operations().size;

describe('the desk sync engine', () => {
  it('a desk with no answer says offline since when and when it retries, and keeps the first since', async () => {
    const { central, engine, statuses, record } = setUp();
    record(2);
    central.fail(
      'push',
      { code: 'offline', message: 'refused' },
      { throws: 'socket hang up' },
    );

    engine.start();
    await vi.waitFor(() => expect(last(statuses)?.kind).toBe('synced'));
    await engine.stop();

    const offline = statuses.filter((s) => s.kind === 'offline');
    expect(offline).toHaveLength(2);
    expect(offline.map((s) => s.since)).toEqual([
      offline[0]?.since,
      offline[0]?.since,
    ]);
    for (const status of offline) {
      expect(status.pending).toBe(2);
      expect(Date.parse(status.retryAt)).toBeGreaterThan(
        Date.parse(status.since),
      );
    }
    expect(kinds(statuses)).toEqual([
      'connecting',
      'offline',
      'connecting',
      'offline',
      'connecting',
      'syncing',
      'synced',
    ]);
  });

  it('a server error shows as an error and is retried until it passes', async () => {
    const { central, engine, statuses, record } = setUp();
    record(3);
    central.fail('pull', { code: 'internal', message: 'database down' });

    engine.start();
    await vi.waitFor(() => expect(last(statuses)?.kind).toBe('synced'));
    await engine.stop();

    expect(statuses).toContainEqual(
      expect.objectContaining({
        kind: 'error',
        error: expect.objectContaining({ code: 'internal' }),
      }),
    );
    expect(stored(central)).toBe(3);
    expect(last(statuses)).toMatchObject({ pending: 0 });
  });

  it.each(['desk-revoked', 'forged-desk-id', 'invalid-body'])(
    'a refusal (%s) shows its error and the desk waits for the slow retry instead of looping',
    async (code) => {
      const { central, engine, statuses, record } = setUp({
        retry: { firstMs: 5, maxMs: 60_000 },
      });
      record(1);
      central.fail('push', { code, message: 'refused' });

      engine.start();
      await vi.waitFor(() => expect(last(statuses)?.kind).toBe('error'));
      central.write();
      central.write();
      engine.localWrite();
      await engine.stop();

      expect(last(statuses)).toMatchObject({
        kind: 'error',
        pending: 1,
        error: { code },
      });
      expect(central.calls.push).toBe(1);
    },
  );

  it('a push answer holding the desk below its pushed seq is a seq gap, and the results wait', async () => {
    const { central, store, engine, statuses, record } = setUp();
    record(3);
    central.fail('push', {
      tamper: (answer) => {
        if ('desk' in answer) answer.desk.contiguousSeq = 1;
      },
    });

    await engine.syncNow();

    expect(last(statuses)).toMatchObject({
      kind: 'error',
      error: { code: 'seq-gap', data: { contiguousSeq: 1, pushedSeq: 3 } },
    });
    expect(unpushed(store)).toBe(3);
  });

  it('a push answer missing an operation is refused and nothing is marked pushed', async () => {
    const { central, store, engine, statuses, record } = setUp();
    record(4);
    central.fail('push', {
      tamper: (answer) => {
        if ('results' in answer) answer.results.pop();
      },
    });

    await engine.syncNow();

    expect(last(statuses)).toMatchObject({ error: { code: 'bad-push' } });
    expect(unpushed(store)).toBe(4);
  });

  it.each([
    [
      'a checkpoint that goes back',
      (answer: { checkpoint: number }) => {
        answer.checkpoint = 1;
      },
    ],
    [
      'documents out of seq order',
      (answer: { documents: unknown[] }) => {
        answer.documents.reverse();
      },
    ],
  ])(
    'a pull page with %s is refused and nothing is stored',
    async (_, bend) => {
      const { central, store, engine, statuses, record } = setUp();
      record(5);
      await engine.syncNow();
      record(3);
      central.fail('pull', {
        tamper: (answer) => {
          if ('documents' in answer) bend(answer);
        },
      });

      await engine.syncNow();

      expect(last(statuses)).toMatchObject({ error: { code: 'bad-pull' } });
      expect(await store.checkpoint()).toBe(5);
      expect(store.documents().size).toBe(5);
    },
  );

  it('rounds asked for while one runs make one more round, never two at once', async () => {
    const { central, engine, record } = setUp();
    record(2);
    const open = central.gate();

    const first = engine.syncNow();
    await vi.waitFor(() => expect(central.calls.push).toBe(1));
    record(1);
    const asked = [engine.syncNow(), engine.syncNow(), engine.syncNow()];
    open();
    await Promise.all([first, ...asked]);

    expect(central.maxInFlight()).toBe(1);
    expect(central.calls.push).toBe(2);
    expect(central.calls.pull).toBe(2);
    expect(stored(central)).toBe(3);
  });

  it('a burst of local writes goes up in one push', async () => {
    const { central, engine, statuses, record } = setUp();
    engine.start();
    await vi.waitFor(() => expect(last(statuses)?.kind).toBe('synced'));

    for (let i = 0; i < 20; i += 1) {
      record(1);
      engine.localWrite();
    }
    await vi.waitFor(() => expect(stored(central)).toBe(20));
    await engine.stop();

    expect(central.calls.push).toBe(1);
  });

  it('a write announced on the stream is pulled without a local write', async () => {
    const { central, store, engine, statuses } = setUp();
    engine.start();
    await vi.waitFor(() => expect(last(statuses)?.kind).toBe('synced'));

    central.write();
    await vi.waitFor(() => expect(store.documents().size).toBe(1));
    await engine.stop();

    expect(await store.checkpoint()).toBe(1);
  });

  it('a closed stream is opened again', async () => {
    const { central, engine, statuses } = setUp();
    engine.start();
    await vi.waitFor(() => expect(last(statuses)?.kind).toBe('synced'));

    central.dropStreams({ code: 'offline', message: 'network gone' });
    await vi.waitFor(() => expect(central.calls.watch).toBe(2));
    await engine.stop();
  });

  it('a stream waiting to reopen opens as soon as a round reaches the service', async () => {
    const { central, engine, statuses } = setUp({
      retry: { firstMs: 10_000, maxMs: 60_000 },
    });
    engine.start();
    await vi.waitFor(() => expect(last(statuses)?.kind).toBe('synced'));
    central.dropStreams({ code: 'offline', message: 'network gone' });

    await engine.syncNow();
    await engine.stop();

    expect(central.calls.watch).toBe(2);
  });

  it('a start while the engine is stopping still makes its round', async () => {
    const { central, engine, statuses, record } = setUp();
    record(1);
    const open = central.gate();
    const first = engine.syncNow();
    await vi.waitFor(() => expect(central.calls.push).toBe(1));

    const stopping = engine.stop();
    record(1);
    engine.start();
    open();
    await Promise.all([first, stopping]);
    await vi.waitFor(() => expect(last(statuses)?.kind).toBe('synced'));
    await engine.stop();

    expect(stored(central)).toBe(2);
  });

  it('stop waits for the call in flight and starts no further call', async () => {
    const { central, engine, store, record } = setUp({ pullLimit: 1 });
    record(3);
    const open = central.gate();

    const round = engine.syncNow();
    await vi.waitFor(() => expect(central.calls.push).toBe(1));
    const stopping = engine.stop().then(() => 'stopped');
    const early = await Promise.race([
      stopping,
      Promise.resolve().then(() => 'running'),
    ]);
    open();
    await Promise.all([round, stopping]);

    expect(early).toBe('running');
    expect(central.calls.push).toBe(1);
    expect(central.calls.pull).toBe(0);
    expect(unpushed(store)).toBe(0);
  });
});
