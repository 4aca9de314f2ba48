// The five promises of issue #3, checked after every desk synced with all
// faults off. Pure: it reads what the desks stored, the operations the
// service stored and a fresh full pull, so a test can feed it a broken
// world and see it fail.

import { sameJson } from '../../central/sync/sameJson';
import { computeState } from '../../shared/desk/reduce';
import type { DeskPayment } from '../../shared/desk/state';
import type { Operation } from '../../shared/domain/operation';
import { documentKey } from '../../shared/sync/desk/testing/memoryStore';
import type { OperationResult, SyncDocument } from '../../shared/sync/types';
import type { DeskDisk } from './deskDisk';

export type ServerOperation = {
  operation_id: string;
  desk_id: string;
  desk_seq: number;
  participant_id: string;
  body: Operation;
  result: OperationResult;
};

export type World = {
  desks: readonly DeskDisk[];
  serverOperations: readonly ServerOperation[];
  /** A fresh pull of the whole event from checkpoint 0. */
  serverDocuments: readonly SyncDocument[];
  latestSeq: number;
};

export type Verdict = { name: string; ok: boolean; detail: string };

const verdict = (name: string, problems: string[], fine: string): Verdict => ({
  name,
  ok: problems.length === 0,
  detail:
    problems.length === 0
      ? fine
      : `${problems.length} problem(s): ${problems.slice(0, 5).join('; ')}`,
});

type ParticipantDoc = Extract<SyncDocument, { kind: 'participant' }>;

const participantsOf = (docs: readonly SyncDocument[]) =>
  docs.filter((doc): doc is ParticipantDoc => doc.kind === 'participant');

const savedOpsAreCentral = (world: World): Verdict => {
  const stored = new Map(
    world.serverOperations.map((row) => [row.operation_id, row]),
  );
  const problems: string[] = [];
  let saved = 0;
  for (const desk of world.desks) {
    for (const op of desk.operations) {
      saved += 1;
      const row = stored.get(op.id);
      if (!row)
        problems.push(`${desk.deskId} seq ${op.seq} (${op.type}) is missing`);
      else if (!sameJson(row.body, op))
        problems.push(`${op.id} is stored with another body`);
    }
  }
  return verdict(
    'no operation a desk showed as saved is missing centrally',
    problems,
    `${saved} saved operations all stored`,
  );
};

const paymentKey = (p: DeskPayment) =>
  `${p.at}|${p.deskId}|${p.method}|${p.amount}`;

/** The payments the applied operations should have left on each participant. */
const expectedPayments = (rows: readonly ServerOperation[]) => {
  const byParticipant = new Map<string, string[]>();
  const add = (id: string, payment: DeskPayment) => {
    const list = byParticipant.get(id) ?? [];
    list.push(paymentKey(payment));
    byParticipant.set(id, list);
  };
  for (const { body: op, result, participant_id } of rows) {
    if (result.outcome !== 'applied') continue;
    if (op.type === 'payment') {
      add(participant_id, {
        ...op.payload,
        at: op.createdAt,
        deskId: op.deskId,
      });
    } else if (op.type === 'late-entry' && op.payload.entry.amount > 0) {
      const { paymentMethod, amount } = op.payload.entry;
      add(participant_id, {
        method: paymentMethod,
        amount,
        at: op.createdAt,
        deskId: op.deskId,
      });
    }
  }
  return byParticipant;
};

const sortedEqual = (a: string[], b: string[]) =>
  sameJson([...a].sort(), [...b].sort());

const tookEffectOnce = (world: World): Verdict => {
  const problems: string[] = [];
  const rows = world.serverOperations;
  const ids = new Set(rows.map((row) => row.operation_id));
  if (ids.size !== rows.length)
    problems.push(`${rows.length - ids.size} operation ids stored twice`);
  const deskSeqs = new Set(rows.map((row) => `${row.desk_id}#${row.desk_seq}`));
  if (deskSeqs.size !== rows.length)
    problems.push('a desk seq is stored twice');
  const saved = new Set(
    world.desks.flatMap((desk) => desk.operations.map((op) => op.id)),
  );
  const strangers = rows.filter((row) => !saved.has(row.operation_id));
  if (strangers.length > 0)
    problems.push(`${strangers.length} stored operations no desk recorded`);

  const payments = expectedPayments(rows);
  const steps = new Map<string, Operation[]>();
  for (const row of rows) {
    const { type } = row.body;
    if (
      (type === 'check-in' || type === 'check-in-undo') &&
      row.result.outcome !== 'rejected'
    ) {
      const list = steps.get(row.participant_id) ?? [];
      list.push(row.body);
      steps.set(row.participant_id, list);
    }
  }
  for (const doc of participantsOf(world.serverDocuments)) {
    const id = doc.participant.id;
    const want = payments.get(id) ?? [];
    if (!sortedEqual(doc.state.payments.map(paymentKey), want)) {
      problems.push(
        `${id} holds ${doc.state.payments.length} payments for ${want.length} payment operations`,
      );
    }
    const folded = computeState(doc.participant, steps.get(id) ?? []);
    const { checkedIn, checkedInAt, checkedInDesk } = doc.state;
    if (
      folded.checkedIn !== checkedIn ||
      folded.checkedInAt !== checkedInAt ||
      folded.checkedInDesk !== checkedInDesk
    ) {
      problems.push(
        `${id} check-in ${checkedIn} is not the fold of its operations (${folded.checkedIn})`,
      );
    }
  }
  return verdict(
    'every operation took effect once',
    problems,
    `${rows.length} operations stored once; payments and check-ins match their operations`,
  );
};

const bibsHeldOnce = (world: World): Verdict => {
  const problems: string[] = [];
  const holders = new Map<string, string[]>();
  for (const doc of participantsOf(world.serverDocuments)) {
    if (doc.participant.status !== 'active' || doc.state.bib === '') continue;
    const list = holders.get(doc.state.bib) ?? [];
    list.push(doc.participant.id);
    holders.set(doc.state.bib, list);
  }
  for (const [bib, ids] of holders) {
    if (ids.length > 1)
      problems.push(`bib ${bib} is held by ${ids.length} live participants`);
  }

  const conflicts = new Set(
    world.serverDocuments.flatMap((doc) =>
      doc.kind === 'bib-conflict' ? [doc.conflict.id] : [],
    ),
  );
  const clashes = world.serverOperations.filter(
    (row) => row.result.outcome === 'conflict',
  );
  for (const row of clashes) {
    const id = String(row.result.data.conflictId ?? '');
    if (!conflicts.has(id)) {
      problems.push(`clash of ${row.operation_id} has no conflict record`);
      continue;
    }
    for (const desk of world.desks) {
      if (!desk.documents.has(`bib-conflict:${id}`)) {
        problems.push(`conflict ${id} did not reach ${desk.deskId}`);
      }
    }
  }
  return verdict(
    'no bib is held by two live participants; every clash is a conflict on every desk',
    problems,
    `${holders.size} bibs held once; ${clashes.length} clashes, each a conflict record on all ${world.desks.length} desks`,
  );
};

const desksConverge = (world: World): Verdict => {
  const problems: string[] = [];
  const server = new Map(
    world.serverDocuments.map((doc) => [documentKey(doc), doc]),
  );
  for (const desk of world.desks) {
    if (desk.checkpoint !== world.latestSeq) {
      problems.push(
        `${desk.deskId} stopped at checkpoint ${desk.checkpoint} of ${world.latestSeq}`,
      );
    }
    let differ = 0;
    for (const [key, doc] of server) {
      if (!sameJson(desk.documents.get(key), doc)) differ += 1;
    }
    const extra = [...desk.documents.keys()].filter((key) => !server.has(key));
    if (differ + extra.length > 0) {
      problems.push(
        `${desk.deskId} differs in ${differ} documents and has ${extra.length} extra`,
      );
    }
  }
  return verdict(
    "all desks converge on the server's state",
    problems,
    `${world.desks.length} desks hold the same ${server.size} documents at checkpoint ${world.latestSeq}`,
  );
};

const checkpointsForward = (world: World): Verdict => {
  const problems: string[] = [];
  let stored = 0;
  for (const desk of world.desks) {
    stored += desk.checkpoints.length;
    for (const problem of desk.checkpointProblems)
      problems.push(`${desk.deskId}: ${problem}`);
    desk.checkpoints.forEach((checkpoint, i) => {
      const before = desk.checkpoints[i - 1] ?? 0;
      if (checkpoint < before)
        problems.push(`${desk.deskId}: ${before} then ${checkpoint}`);
    });
  }
  return verdict(
    'no checkpoint went backwards or skipped',
    problems,
    `${stored} checkpoints stored, each after its page, none back`,
  );
};

export const checkInvariants = (world: World): Verdict[] => [
  savedOpsAreCentral(world),
  tookEffectOnce(world),
  bibsHeldOnce(world),
  desksConverge(world),
  checkpointsForward(world),
];
