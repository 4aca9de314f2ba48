// One simulated desk: the real sync engine (shared/sync/desk/engine.ts)
// over the real HTTP transport, with the faulty network as its fetch, a
// durable in-memory store, and the operator recording operations the way
// the desk does. A crash ends the desk's run (its engine and every call in
// flight) and starts a new one on the same disk, as a restarted laptop.

import { v7 as uuidv7 } from 'uuid';

import { lateEntryParticipantId } from '../../shared/desk/reduce';
import type { Operation, OperationDraft } from '../../shared/domain/operation';
import { createSyncEngine } from '../../shared/sync/desk/engine';
import { createHttpTransport } from '../../shared/sync/desk/httpTransport';
import type {
  CentralTransport,
  SyncEngine,
} from '../../shared/sync/desk/ports';
import type { SyncStatus } from '../../shared/sync/desk/status';
import {
  type DeskDisk,
  emptyDisk,
  isUnsettled,
  type Life,
  type StoreStep,
  storeOf,
} from './deskDisk';
import { deskViewOf } from './deskView';
import {
  type CrashPoint,
  emptyNetworkTally,
  faultyFetch,
  type NetworkTally,
  simulatedBase,
} from './faultyFetch';
import { type Intent, nextDraft } from './operator';
import type { FaultKind } from './options';
import type { Random } from './random';

export type DeskTally = {
  recorded: Record<Intent, number>;
  refused: number;
  crashes: Record<CrashPoint, number>;
  offlinePeriods: number;
  pulls: number;
  network: NetworkTally;
};

export type DeskSetup = {
  deskId: string;
  eventId: string;
  token: string;
  central: () => string | null;
  faults: () => ReadonlySet<FaultKind>;
  /** Kinds owed a strike (run.ts): the next chance of each strikes. */
  due: Set<FaultKind>;
  random: Random;
  /** Milliseconds this desk's clock is off. */
  skewMs: number;
  /** A request unanswered this long counts as offline. */
  timeoutMs: number;
  inFlight: Set<Promise<unknown>>;
};

export type SimDesk = {
  deskId: string;
  /** Milliseconds this desk's clock is off (clock-skew). */
  skewMs: number;
  disk: DeskDisk;
  tally: DeskTally;
  /** Records up to count operations the desk's rules accept. */
  write(count: number): number;
  setOnline(online: boolean): void;
  online(): boolean;
  /** Waits for a restart under way, then runs one sync round. */
  syncNow(): Promise<void>;
  pending(): number;
  status(): SyncStatus;
  /** A transport with no faults, for setup (the first lease). */
  cleanTransport(): CentralTransport;
  stop(): Promise<void>;
};

const storeCrashRates: Partial<Record<StoreStep, [FaultKind, number]>> = {
  storeResults: ['crash-after-commit', 0.02],
  storeCheckpoint: ['crash-before-checkpoint', 0.04],
};
const crashAfterWriteRate = 0.01;

export const createSimDesk = (setup: DeskSetup): SimDesk => {
  const { deskId, random } = setup;
  const disk = emptyDisk(deskId);
  const tally: DeskTally = {
    recorded: {
      'check-in': 0,
      'check-in-undo': 0,
      'bib-from-lease': 0,
      'bib-typed-clash': 0,
      payment: 0,
      'late-entry': 0,
    },
    refused: 0,
    crashes: {
      'after-write': 0,
      'after-send': 0,
      'after-commit': 0,
      'before-checkpoint': 0,
    },
    offlinePeriods: 0,
    pulls: 0,
    network: emptyNetworkTally(),
  };
  const streams = new Set<AbortController>();
  // Separate streams, so that the timing of crashes and requests does not
  // shift the operator's draws: the same seed records the same work.
  const faultRandom = random.fork('faults');
  const restartRandom = random.fork('restarts');
  const now = () => new Date(Date.now() + setup.skewMs);
  const strikes = (kind: FaultKind, rate: number) =>
    setup.faults().has(kind) &&
    (setup.due.delete(kind) || faultRandom.chance(rate));
  let online = true;
  let status: SyncStatus = { kind: 'connecting', pending: 0 };
  let engine: SyncEngine | null = null;
  let life: Life & { dead: boolean } = {
    dead: true,
    alive: () => false,
    step: () => undefined,
    lastPull: null,
  };
  let restarting: Promise<void> | null = null;

  const cutStreams = () => {
    for (const controller of [...streams]) controller.abort();
  };

  const crash = (point: CrashPoint) => {
    if (life.dead) return;
    life.dead = true;
    tally.crashes[point] += 1;
    cutStreams();
    const dying = engine;
    engine = null;
    restarting = (async () => {
      await dying?.stop();
      await new Promise((resolve) =>
        setTimeout(resolve, restartRandom.between(5, 80)),
      );
      boot();
    })();
  };

  const newLife = () => {
    const run: Life & { dead: boolean } = {
      dead: false,
      alive: () => !run.dead,
      lastPull: null,
      step(name) {
        if (run.dead) throw new Error(`the desk is not running (${name})`);
        const rate = storeCrashRates[name];
        if (rate && strikes(rate[0], rate[1])) {
          crash(name === 'storeResults' ? 'after-commit' : 'before-checkpoint');
          throw new Error(`the desk died at ${name}`);
        }
      },
    };
    return run;
  };

  const transportFor = (run: Life & { dead: boolean }): CentralTransport => {
    const inner = createHttpTransport({
      baseUrl: simulatedBase,
      eventId: setup.eventId,
      token: setup.token,
      timeoutMs: setup.timeoutMs,
      streamIdleMs: 10_000,
      fetch: faultyFetch({
        central: setup.central,
        faults: setup.faults,
        due: setup.due,
        random: faultRandom,
        offline: () => !online,
        alive: run.alive,
        crash,
        inFlight: setup.inFlight,
        streams,
        tally: tally.network,
      }),
    });
    return {
      ...inner,
      async pull(checkpoint, limit) {
        const page = await inner.pull(checkpoint, limit);
        if (page.ok && run.alive()) {
          tally.pulls += 1;
          run.lastPull = {
            from: checkpoint,
            to: page.value.checkpoint,
            seqs: page.value.documents.map((doc) => doc.seq),
          };
        }
        return page;
      },
    };
  };

  const boot = () => {
    life = newLife();
    restarting = null;
    engine = createSyncEngine({
      deskId,
      transport: transportFor(life),
      store: storeOf(disk, life),
      now,
      onStatus: (next) => {
        status = next;
      },
      retry: { firstMs: 20, maxMs: 400 },
      random: random.fork(`engine-${tally.network.requests}`).next,
    });
    engine.start();
  };

  const record = (draft: OperationDraft): Operation => {
    const id = uuidv7();
    const op: Operation = {
      ...draft,
      id,
      participantId:
        draft.type === 'late-entry'
          ? lateEntryParticipantId(id)
          : draft.participantId,
      deskId,
      seq: disk.operations.length + 1,
      createdAt: now().toISOString(),
      operator: '',
    };
    disk.operations.push(op);
    return op;
  };

  boot();
  return {
    deskId,
    skewMs: setup.skewMs,
    disk,
    tally,
    write(count) {
      if (life.dead) return 0;
      const view = deskViewOf(disk);
      const ids = [...view.views.keys()];
      const who = {
        deskId,
        eventId: setup.eventId,
        today: now().toISOString().slice(0, 10),
      };
      let written = 0;
      for (; written < count; written += 1) {
        const next = nextDraft(view, ids, who, random, tally);
        if (!next) break;
        const op = record(next.draft);
        view.recorded(op);
        tally.recorded[next.intent] += 1;
        if (strikes('crash-after-write', crashAfterWriteRate)) {
          crash('after-write');
          return written + 1;
        }
      }
      engine?.localWrite();
      return written;
    },
    setOnline(next) {
      if (online && !next) {
        tally.offlinePeriods += 1;
        cutStreams();
      }
      online = next;
    },
    online: () => online,
    async syncNow() {
      await restarting;
      await engine?.syncNow();
    },
    pending: () => disk.operations.filter((op) => isUnsettled(disk, op)).length,
    status: () => status,
    cleanTransport: () =>
      createHttpTransport({
        baseUrl: setup.central() ?? simulatedBase,
        eventId: setup.eventId,
        token: setup.token,
        fetch: (url, init) => fetch(url, init),
      }),
    async stop() {
      await restarting;
      life.dead = true;
      cutStreams();
      await engine?.stop();
      engine = null;
    },
  };
};
