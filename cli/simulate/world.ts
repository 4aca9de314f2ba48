// A central service and its desks, ready to run: the demo event seeded,
// each desk registered under its own id, given a bib lease and holding the
// downloaded event. Shared by `racedesk simulate` and the reconnect bench.

import type { Db } from '../../central/db/db';
import { demoEventId } from '../../central/demo/seedDemo';
import {
  createHttpTransport,
  type Fetch,
  loginToCentral,
  registerDesk,
} from '../../shared/sync/desk/httpTransport';
import { maxPullLimit, type SyncDocument } from '../../shared/sync/types';
import { type SimCentral, startSimCentral } from './central';
import { createSimDesk, type SimDesk } from './desk';
import type { ServerOperation, World } from './invariants';
import type { FaultKind, SimulateOptions } from './options';
import type { Random } from './random';

export type SimWorld = {
  central: SimCentral;
  desks: SimDesk[];
  organizerToken: string;
  /** The faults on now; the run switches them on and off. */
  faults: Set<FaultKind>;
  /** Kinds that have not struck yet and must, at their next chance. */
  due: Set<FaultKind>;
  inFlight: Set<Promise<unknown>>;
  participants: number;
};

const plainFetch: Fetch = (url, init) => fetch(url, init);

/**
 * How far a desk's clock is off: under a second either way, and with
 * clock-skew one to ten minutes either way, the part under a minute the
 * same way, so a skewed clock is off by at least a minute (run.ts counts
 * those).
 */
export const deskSkewMs = (random: Random, skewed: boolean): number => {
  if (!skewed) return random.between(-999, 999);
  const minutes = random.between(1, 10) * (random.chance(0.5) ? -1 : 1);
  return minutes * 60_000 + Math.sign(minutes) * random.between(0, 999);
};

const must = <T>(
  result: { ok: true; value: T } | { ok: false; error: { message: string } },
  what: string,
): T => {
  if (!result.ok) throw new Error(`${what}: ${result.error.message}`);
  return result.value;
};

const baseOf = (central: SimCentral) => {
  const base = central.base();
  if (!base) throw new Error('the central service is not running');
  return base;
};

/** Participants enough that check-ins do not run out. */
export const participantsFor = (options: SimulateOptions) =>
  options.participants ||
  Math.min(20_000, Math.max(300, Math.ceil(options.ops / 2)));

/**
 * `deskTimeoutMs` is short in the simulation, so that requests held back
 * in the network arrive after the desk gave up on them.
 */
export const startWorld = async (
  options: SimulateOptions,
  random: Random,
  deskTimeoutMs = 5_000,
): Promise<SimWorld> => {
  const participants = participantsFor(options);
  const central = await startSimCentral(
    options.central,
    options.databaseUrl,
    participants,
  );
  try {
    const base = baseOf(central);
    const login = must(
      await loginToCentral(plainFetch, base, 'demo', 'demo'),
      'login',
    );
    const faults = new Set<FaultKind>();
    const due = new Set<FaultKind>();
    const inFlight = new Set<Promise<unknown>>();
    const leaseSize = Math.ceil(options.ops / options.desks / 3) + 50;
    const desks: SimDesk[] = [];
    for (let i = 1; i <= options.desks; i += 1) {
      const deskId = random.uuid();
      const registration = must(
        await registerDesk(plainFetch, base, login.token, demoEventId, {
          name: `Desk ${i}`,
          deskId,
        }),
        `register ${deskId}`,
      );
      const deskRandom = random.fork(`desk-${i}`);
      const desk = createSimDesk({
        deskId,
        eventId: demoEventId,
        token: registration.token,
        central: () => central.base(),
        faults: () => faults,
        due,
        random: deskRandom,
        skewMs: deskSkewMs(deskRandom, options.faults.has('clock-skew')),
        timeoutMs: deskTimeoutMs,
        inFlight,
      });
      must(
        await desk
          .cleanTransport()
          .lease({ deskId, className: '', count: leaseSize }),
        `lease for ${deskId}`,
      );
      desks.push(desk);
    }
    await Promise.all(desks.map((desk) => desk.syncNow()));
    return {
      central,
      desks,
      organizerToken: login.token,
      faults,
      due,
      inFlight,
      participants,
    };
  } catch (error) {
    await central.close().catch(() => undefined);
    throw error;
  }
};

/** The organizer's view of the event, with no faults and a patient timeout. */
const organizerTransport = (world: SimWorld) =>
  createHttpTransport({
    baseUrl: baseOf(world.central),
    eventId: demoEventId,
    token: world.organizerToken,
    fetch: plainFetch,
    timeoutMs: 120_000,
  });

/** Every document of the event, pulled from 0 as a new desk would. */
export const fullPull = async (world: SimWorld) => {
  const transport = organizerTransport(world);
  const documents: SyncDocument[] = [];
  let checkpoint = 0;
  for (;;) {
    const page = must(
      await transport.pull(checkpoint, maxPullLimit),
      'full pull',
    );
    documents.push(...page.documents);
    checkpoint = page.checkpoint;
    if (!page.hasMore) return { documents, checkpoint };
  }
};

/** The event's latest seq when no desk is past it, else null. */
const latestSeq = async (world: SimWorld): Promise<number | null> => {
  const from = Math.max(...world.desks.map((desk) => desk.disk.checkpoint));
  const page = await organizerTransport(world).pull(from, 1);
  if (!page.ok || page.value.documents.length > 0) return null;
  return page.value.checkpoint;
};

/**
 * Faults off, every desk online: waits for held requests and restarting
 * desks, then runs rounds until no desk has anything pending and all
 * stand at the event's latest seq. Resolves to the rounds it took.
 */
export const settle = async (
  world: SimWorld,
  maxRounds = 50,
): Promise<number> => {
  world.faults.clear();
  world.due.clear();
  for (const desk of world.desks) desk.setOnline(true);
  await Promise.allSettled([...world.inFlight]);
  for (let round = 1; round <= maxRounds; round += 1) {
    await Promise.all(world.desks.map((desk) => desk.syncNow()));
    const latest = await latestSeq(world);
    const quiet = world.desks.every(
      (desk) => desk.pending() === 0 && desk.disk.checkpoint === latest,
    );
    if (quiet) return round;
  }
  return maxRounds;
};

/** Stops the desks and the service, and reads what the checker needs. */
export const worldForChecks = async (sim: SimWorld): Promise<World> => {
  const pulled = await fullPull(sim);
  await Promise.all(sim.desks.map((desk) => desk.stop()));
  const db: Db = await sim.central.stopForChecks();
  const serverOperations = await db.query<ServerOperation>(
    `SELECT operation_id, desk_id, desk_seq, participant_id, body, result
       FROM operations WHERE event_id = $1`,
    [demoEventId],
  );
  return {
    desks: sim.desks.map((desk) => desk.disk),
    serverOperations,
    serverDocuments: pulled.documents,
    latestSeq: pulled.checkpoint,
  };
};
