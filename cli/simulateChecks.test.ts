// The simulation's checker can fail: a world with a lost operation, a
// doubled payment, a bib held twice, a desk that did not converge or a
// checkpoint that went back is reported as FAIL, and the command exits 1
// with the seed to replay. Bad arguments exit 2 naming the flag.

import { describe, expect, it } from 'vitest';

import type { SyncDocument } from '../shared/sync/types';
import type { CliIo } from './command';
import { runSimulate } from './simulate';
import { checkInvariants, type World } from './simulate/invariants';

const captured = () => {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    env: {},
  };
  return { io, out: () => out, err: () => err };
};

const failing = (world: World) =>
  checkInvariants(world)
    .filter((verdict) => !verdict.ok)
    .map((verdict) => verdict.name);

/** Deep copy, so each test breaks its own world. */
const copyOf = (world: World): World => ({
  desks: world.desks.map((desk) => ({
    ...desk,
    operations: [...desk.operations],
    answers: new Map(desk.answers),
    documents: new Map(desk.documents),
    checkpoints: [...desk.checkpoints],
    checkpointProblems: [...desk.checkpointProblems],
  })),
  serverOperations: [...world.serverOperations],
  serverDocuments: structuredClone([...world.serverDocuments]),
  latestSeq: world.latestSeq,
});

/** One real small run's world, kept for the pure checker tests below. */
let sound: World | null = null;
const soundWorld = async () => {
  if (sound) return copyOf(sound);
  const run = captured();
  await runSimulate(
    ['--desks', '3', '--ops', '300', '--seed', '5', '--faults', 'none'],
    run.io,
    {
      tamper: (world) => {
        sound = world;
        return world;
      },
    },
  );
  if (!sound) throw new Error('the run did not reach its checks');
  return copyOf(sound);
};

const participantDocs = (world: World) =>
  world.serverDocuments.filter(
    (doc): doc is Extract<SyncDocument, { kind: 'participant' }> =>
      doc.kind === 'participant',
  );

describe('the simulation checker', () => {
  it('passes a world where every desk synced', async () => {
    expect(failing(await soundWorld())).toEqual([]);
  }, 300_000);

  it('fails when an operation a desk saved is missing centrally', async () => {
    const world = await soundWorld();
    world.serverOperations = world.serverOperations.slice(1);
    expect(failing(world)).toContain(
      'no operation a desk showed as saved is missing centrally',
    );
  }, 300_000);

  it('fails when a payment took effect twice', async () => {
    const world = await soundWorld();
    const paid = participantDocs(world).find(
      (doc) => doc.state.payments.length > 0,
    );
    if (!paid) throw new Error('the run made no payment');
    const first = paid.state.payments[0];
    if (first) paid.state.payments.push({ ...first });
    expect(failing(world)).toContain('every operation took effect once');
  }, 300_000);

  it('fails when two live participants hold the same bib', async () => {
    const world = await soundWorld();
    const [a, b] = participantDocs(world).filter(
      (doc) => doc.participant.status === 'active',
    );
    if (!a || !b) throw new Error('too few participants');
    a.state.bib = '4242';
    b.state.bib = '4242';
    expect(failing(world)).toContain(
      'no bib is held by two live participants; every clash is a conflict on every desk',
    );
  }, 300_000);

  it('fails when a desk missed a document or a checkpoint went back', async () => {
    const world = await soundWorld();
    const desk = world.desks[0];
    if (!desk) throw new Error('no desk');
    const key = [...desk.documents.keys()][0] ?? '';
    desk.documents.delete(key);
    desk.checkpoints.push(0);
    expect(failing(world)).toEqual([
      "all desks converge on the server's state",
      'no checkpoint went backwards or skipped',
    ]);
  }, 300_000);
});

describe('racedesk simulate exit codes', () => {
  it('exits 1 with FAIL and the seed to replay when an invariant breaks', async () => {
    const run = captured();
    const code = await runSimulate(
      ['--desks', '2', '--ops', '60', '--seed', '9', '--faults', 'none'],
      run.io,
      {
        tamper: (world) => ({
          ...world,
          serverOperations: world.serverOperations.slice(0, -1),
        }),
      },
    );
    expect(run.out()).toMatch(
      /^FAIL no operation a desk showed as saved is missing centrally/m,
    );
    expect(run.out()).toMatch(/replay with --seed 9/);
    expect(code).toBe(1);
  }, 300_000);

  it.each([
    [['--desks', '0'], '--desks'],
    [['--ops', 'many'], '--ops'],
    [['--seed', '-1'], '--seed'],
    [['--faults', 'offline,meteor'], '--faults'],
    [['--central', 'cloud'], '--central'],
    [['--database-url', 'mysql://x'], '--database-url'],
    [['--speed', '3'], '--speed'],
  ])('refuses %j with exit 2 naming the flag', async (args, flag) => {
    const run = captured();
    const code = await runSimulate(args, run.io);
    expect(code).toBe(2);
    expect(run.err()).toContain(flag);
    expect(run.out()).toBe('');
  });
});
