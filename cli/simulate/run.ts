// `racedesk simulate`: N desks work against one central service while the
// faults strike, then everything settles with the faults off and the
// invariants are checked and printed. The seed decides the operations and
// every fault decision; the service's timing still interleaves desks a
// little differently from run to run.

import { cpus, loadavg } from 'node:os';

import type { DeskTally } from './desk';
import { checkInvariants, type Verdict, type World } from './invariants';
import { type FaultKind, faultKinds, type SimulateOptions } from './options';
import { type Random, seededRandom } from './random';
import { type SimWorld, settle, startWorld, worldForChecks } from './world';

export type SimulateReport = {
  verdicts: Verdict[];
  ok: boolean;
  /** How often each fault kind asked for actually struck. */
  injected: Partial<Record<FaultKind, number>>;
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type RunTally = {
  restarts: number;
  outages: number;
  steps: number;
  /** Steps after the last operation, waiting for an owed kind to strike. */
  overtime: number;
};

/** How long the desks may go on syncing with the faults on for an owed kind. */
const overtimeMs = 30_000;

/** Op counts at which the service restarts, spread over the middle. */
const restartPoints = (options: SimulateOptions, random: Random) => {
  if (!options.faults.has('server-restart')) return [];
  const count = options.central === 'process' ? 2 : 3;
  return Array.from({ length: count }, () =>
    Math.floor(options.ops * (0.15 + random.next() * 0.7)),
  ).sort((a, b) => a - b);
};

const sum = (desks: SimWorld['desks'], pick: (tally: DeskTally) => number) =>
  desks.reduce((total, desk) => total + pick(desk.tally), 0);

/**
 * How often each fault kind struck in the run: a kind that was switched on
 * but never struck tested nothing, and the line says so.
 */
const injectedFaults = (
  world: SimWorld,
  run: RunTally,
  options: SimulateOptions,
): Partial<Record<FaultKind, number>> => {
  const desks = world.desks;
  const crashes = (point: keyof DeskTally['crashes']) =>
    sum(desks, (t) => t.crashes[point]);
  const net = (pick: (n: DeskTally['network']) => number) =>
    sum(desks, (t) => pick(t.network));
  const all: Record<FaultKind, number> = {
    offline: sum(desks, (t) => t.offlinePeriods),
    'crash-after-write': crashes('after-write'),
    'crash-after-send': crashes('after-send'),
    'crash-after-commit': crashes('after-commit'),
    'crash-before-checkpoint': crashes('before-checkpoint'),
    'server-restart': run.restarts,
    duplicate: net((n) => n.duplicated),
    reorder: net((n) => n.reordered),
    drop: net((n) => n.droppedRequests + n.droppedAnswers),
    // Desks whose clock is off by a minute or more.
    'clock-skew': desks.filter((desk) => Math.abs(desk.skewMs) >= 60_000)
      .length,
  };
  return Object.fromEntries(
    faultKinds
      .filter((kind) => options.faults.has(kind))
      .map((kind) => [kind, all[kind]]),
  );
};

/** Kinds that can be owed a strike: each has many chances in a run. */
const owable = (kind: FaultKind) =>
  kind !== 'server-restart' && kind !== 'clock-skew';

/**
 * Every kind switched on that has not struck yet is owed: its next chance
 * strikes, so even a short run tests each kind (a strike that found the
 * desk already dead did not count, and is owed again).
 */
const oweMissing = (
  world: SimWorld,
  run: RunTally,
  options: SimulateOptions,
): number => {
  let owed = 0;
  for (const [kind, count] of Object.entries(
    injectedFaults(world, run, options),
  ) as [FaultKind, number][]) {
    if (count === 0 && owable(kind)) {
      world.due.add(kind);
      owed += 1;
    }
  }
  return owed;
};

const work = async (
  world: SimWorld,
  options: SimulateOptions,
  random: Random,
): Promise<RunTally> => {
  const tally: RunTally = { restarts: 0, outages: 0, steps: 0, overtime: 0 };
  const restarts = restartPoints(options, random.fork('restarts'));
  const offlineUntil = new Map<string, number>();
  const offline = options.faults.has('offline');
  let written = 0;
  let idle = 0;
  oweMissing(world, tally, options);
  while (written < options.ops) {
    tally.steps += 1;
    const step = tally.steps;
    for (const desk of world.desks) {
      if (!desk.online() && step >= (offlineUntil.get(desk.deskId) ?? 0))
        desk.setOnline(true);
    }
    if (offline && random.chance(0.01)) {
      // The venue network drops for every desk at once.
      tally.outages += 1;
      for (const desk of world.desks) {
        desk.setOnline(false);
        offlineUntil.set(desk.deskId, step + random.between(3, 12));
      }
    }
    const desk = random.pick(world.desks);
    if (!desk) break;
    if (
      offline &&
      desk.online() &&
      (world.due.delete('offline') || random.chance(0.08))
    ) {
      desk.setOnline(false);
      offlineUntil.set(desk.deskId, step + random.between(2, 25));
    }

    const made = desk.write(
      Math.min(options.ops - written, random.between(1, 30)),
    );
    written += made;
    idle = made === 0 ? idle + 1 : 0;
    if (idle > 500) throw new Error('the desks found nothing more to do');

    if (restarts.length > 0 && written >= (restarts[0] ?? 0)) {
      restarts.shift();
      tally.restarts += 1;
      await world.central.restart();
    }
    oweMissing(world, tally, options);
    await wait(random.between(2, 30));
  }
  // Every operation is written. A kind still owed a strike (a short run
  // whose service was down through restarts gave some no chance) gets one
  // while the desks, all online, push what they hold and pull, faults on.
  const overtimeEnds = performance.now() + overtimeMs;
  while (
    oweMissing(world, tally, options) > 0 &&
    performance.now() < overtimeEnds
  ) {
    tally.steps += 1;
    tally.overtime += 1;
    for (const desk of world.desks) desk.setOnline(true);
    const desk = random.pick(world.desks);
    await Promise.race([desk?.syncNow(), wait(1_000)]);
    await wait(random.between(2, 30));
  }
  return tally;
};

/** "a 3, b 4" over every desk's counts of the same names. */
const totals = (counts: Record<string, number>[]) => {
  const total = new Map<string, number>();
  for (const count of counts) {
    for (const [name, n] of Object.entries(count)) {
      total.set(name, (total.get(name) ?? 0) + n);
    }
  }
  return [...total].map(([name, n]) => `${name} ${n}`).join(', ');
};

const tallyLines = (world: SimWorld, run: RunTally): string[] => {
  const desks = world.desks;
  const tallies = desks.map((desk) => desk.tally);
  const net = (pick: (n: DeskTally['network']) => number) =>
    sum(desks, (t) => pick(t.network));
  const recorded = desks.reduce((n, d) => n + d.disk.operations.length, 0);
  return [
    `operations: ${recorded} recorded (${totals(tallies.map((t) => t.recorded))}); ${sum(desks, (t) => t.refused)} drafts refused by the desk rules`,
    `faults: ${sum(desks, (t) => t.offlinePeriods)} offline periods (${run.outages} venue-wide), ${run.restarts} server restarts; crashes ${totals(tallies.map((t) => t.crashes))}`,
    `network: ${net((n) => n.requests)} requests, ${net((n) => n.droppedRequests)} lost before the service, ${net((n) => n.droppedAnswers)} answers lost, ${net((n) => n.duplicated)} duplicated, ${net((n) => n.reordered)} held back; ${sum(desks, (t) => t.pulls)} pull pages`,
  ];
};

/** Wall time is what a person waits; CPU time and load say how busy the machine was. */
const elapsedLine = (startedMs: number, cpuStart: NodeJS.CpuUsage) => {
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const load = loadavg()[0] ?? 0;
  return `elapsed ${seconds(performance.now() - startedMs)} (this process's CPU ${seconds(cpuMs)}, load average ${load.toFixed(1)} on ${cpus().length} cores)`;
};

export type SimulateHooks = {
  /** Changes what the checker sees: tests break a world on purpose. */
  tamper?: (world: World) => World;
};

export const runSimulation = async (
  options: SimulateOptions,
  print: (line: string) => void,
  hooks: SimulateHooks = {},
): Promise<SimulateReport> => {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const random = seededRandom(options.seed);
  const faultList =
    options.faults.size === faultKinds.length
      ? 'all'
      : [...options.faults].join(',') || 'none';
  print(
    `racedesk simulate: ${options.desks} desks, ${options.ops} operations, seed ${options.seed}, faults ${faultList}`,
  );

  const world = await startWorld(options, random.fork('world'));
  try {
    const setupMs = performance.now() - started;
    print(
      `setup ${seconds(setupMs)}: ${world.central.describe}, demo event of ${world.participants} participants, desks downloaded it`,
    );

    const runStart = performance.now();
    for (const kind of options.faults) world.faults.add(kind);
    const run = await work(world, options, random.fork('run'));
    const runMs = performance.now() - runStart;

    const settleStart = performance.now();
    const rounds = await settle(world);
    const settleMs = performance.now() - settleStart;
    print(
      `run ${seconds(runMs)} (${run.steps} steps, ${run.overtime} after the last operation), settled in ${seconds(settleMs)} (${rounds} rounds with faults off)`,
    );
    for (const line of tallyLines(world, run)) print(line);
    const injected = injectedFaults(world, run, options);
    const struck = Object.entries(injected);
    if (struck.length > 0) {
      print(
        `injected: ${struck.map(([kind, n]) => `${kind} ${n}`).join(', ')}`,
      );
      const never = struck.filter(([, n]) => n === 0).map(([kind]) => kind);
      if (never.length > 0) {
        print(
          `never struck (the run is too short to test them): ${never.join(', ')}`,
        );
      }
    }

    const checked = await worldForChecks(world);
    const verdicts = checkInvariants(hooks.tamper?.(checked) ?? checked);
    for (const v of verdicts)
      print(`${v.ok ? 'PASS' : 'FAIL'} ${v.name}: ${v.detail}`);
    const ok = verdicts.every((v) => v.ok);
    print(elapsedLine(started, cpuStart));
    if (!ok) {
      print(
        `an invariant failed; replay with --seed ${options.seed} --desks ${options.desks} --ops ${options.ops} --faults ${faultList}`,
      );
    }
    return { verdicts, ok, injected };
  } finally {
    await world.central.close();
  }
};
