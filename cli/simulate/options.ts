// The command line of `racedesk simulate`, checked before anything starts:
// a bad value is refused with the flag it came from (exit 2).

import { parseArgs } from 'node:util';

import { fail, ok, type Result } from '../../shared/contract/result';

/** What can go wrong around a desk, each switched on by name. */
export const faultKinds = [
  /** Desks lose the network for a while. */
  'offline',
  /** A desk dies right after an operation is stored, before it is pushed. */
  'crash-after-write',
  /** A desk dies after sending a request, before the service handled it. */
  'crash-after-send',
  /** The service commits, the desk dies before the answer is stored. */
  'crash-after-commit',
  /** A desk dies after storing pulled documents, before the checkpoint. */
  'crash-before-checkpoint',
  /** The central service stops and starts again. */
  'server-restart',
  /** A request reaches the service twice. */
  'duplicate',
  /** A request is held back and reaches the service later. */
  'reorder',
  /** A request is lost before the service, or its answer after it. */
  'drop',
  /** Each desk's clock is off by up to ten minutes. */
  'clock-skew',
] as const;

export type FaultKind = (typeof faultKinds)[number];

export type CentralMode = 'inprocess' | 'process';

export type SimulateOptions = {
  desks: number;
  /** Operations over all desks together. */
  ops: number;
  seed: number;
  faults: ReadonlySet<FaultKind>;
  central: CentralMode;
  /** A PostgreSQL server to make the temporary database on. */
  databaseUrl: string | null;
  /** Demo participants in the event; 0 picks one from ops. */
  participants: number;
};

export const simulateUsage =
  'racedesk simulate [--desks N] [--ops M] [--seed S] ' +
  `[--faults all|${faultKinds.join(',')}] ` +
  '[--central inprocess|process] [--database-url URL] [--participants N]';

const isFaultKind = (name: string): name is FaultKind =>
  faultKinds.some((kind) => kind === name);

const wholeNumber = (
  flag: string,
  text: string | undefined,
  fallback: number,
  range: { min: number; max: number },
): Result<number> => {
  if (text === undefined) return ok(fallback);
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < range.min || value > range.max) {
    return fail(
      'bad-argument',
      `--${flag} must be a whole number from ${range.min} to ${range.max}, not '${text}'`,
      { flag },
    );
  }
  return ok(value);
};

export const parseFaults = (text: string): Result<Set<FaultKind>> => {
  if (text === 'all') return ok(new Set(faultKinds));
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '' && name !== 'none');
  const unknown = names.filter((name) => !isFaultKind(name));
  if (unknown.length > 0) {
    return fail(
      'bad-argument',
      `--faults: unknown fault '${unknown.join("', '")}'; use all, none or ${faultKinds.join(', ')}`,
      { flag: 'faults' },
    );
  }
  return ok(new Set(names.filter(isFaultKind)));
};

const parseCentral = (text: string | undefined): Result<CentralMode> => {
  if (text === undefined || text === 'inprocess') return ok('inprocess');
  if (text === 'process') return ok('process');
  return fail(
    'bad-argument',
    `--central must be inprocess or process, not '${text}'`,
    { flag: 'central' },
  );
};

/** The options, or an error naming the flag; parseArgs throws are caught. */
export const parseSimulateOptions = (
  args: string[],
): Result<SimulateOptions> => {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args,
      options: {
        desks: { type: 'string' },
        ops: { type: 'string' },
        seed: { type: 'string' },
        faults: { type: 'string' },
        central: { type: 'string' },
        'database-url': { type: 'string' },
        participants: { type: 'string' },
      },
    }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail('bad-argument', message);
  }

  const desks = wholeNumber('desks', values.desks, 8, { min: 1, max: 64 });
  if (!desks.ok) return desks;
  const ops = wholeNumber('ops', values.ops, 2000, { min: 1, max: 200_000 });
  if (!ops.ok) return ops;
  const seed = wholeNumber('seed', values.seed, 1, {
    min: 0,
    max: 4_294_967_295,
  });
  if (!seed.ok) return seed;
  const participants = wholeNumber('participants', values.participants, 0, {
    min: 0,
    max: 100_000,
  });
  if (!participants.ok) return participants;
  const faults = parseFaults(values.faults ?? 'all');
  if (!faults.ok) return faults;
  const central = parseCentral(values.central);
  if (!central.ok) return central;
  const databaseUrl = values['database-url'] ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    return fail(
      'bad-argument',
      '--database-url must be a postgres:// or postgresql:// URL',
      { flag: 'database-url' },
    );
  }

  return ok({
    desks: desks.value,
    ops: ops.value,
    seed: seed.value,
    faults: faults.value,
    central: central.value,
    databaseUrl,
    participants: participants.value,
  });
};
