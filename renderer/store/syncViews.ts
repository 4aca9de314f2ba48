// What the desk shows about a connected event, read from the open model:
// pending operations, bib conflicts with both holders, this desk's leases,
// the server's refusals per participant, and the next bib from a lease.

import { fail, ok, type Result } from '../../shared/contract/result';
import { nextFreeBib } from '../../shared/desk/bibs';
import type { BibSource, Operation } from '../../shared/domain/operation';
import type { BibLease } from '../../shared/sync/types';
import type { BibConflictView, OperationNote } from '../sync/deskSync';
import { type EventModel, isPending, usedBibs } from './eventModel';

const everyOperation = function* (model: EventModel) {
  for (const ops of model.opsByParticipant.values()) yield* ops;
  yield* model.rangeOps;
};

/** This desk's operations not yet seen in the pulled server state. */
export const pendingOperations = (model: EventModel, deskId: string) => {
  let count = 0;
  for (const op of everyOperation(model)) {
    if (op.deskId === deskId && isPending(model, op)) count += 1;
  }
  return count;
};

/** Open conflicts, oldest first, with both holders as the desk shows them. */
export const conflictViews = (model: EventModel): BibConflictView[] =>
  [...model.server.conflicts.values()]
    .filter((conflict) => conflict.status === 'open')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((conflict) => ({
      conflict,
      holder: model.views.get(conflict.holderId),
      claimant: model.views.get(conflict.claimantId),
    }));

/** This desk's leases, lowest bibs first. */
export const deskLeases = (model: EventModel, deskId: string): BibLease[] =>
  [...model.server.leases.values()]
    .filter((lease) => lease.deskId === deskId)
    .sort((a, b) => a.first - b.first);

const noteOf = (op: Operation, model: EventModel): OperationNote | null => {
  const answer = model.server.results.get(op.id)?.result;
  if (!answer) return null;
  if (answer.outcome !== 'rejected' && answer.outcome !== 'conflict') {
    return null;
  }
  return {
    operationId: op.id,
    type: op.type,
    outcome: answer.outcome,
    code: answer.code,
    message: answer.message,
    createdAt: op.createdAt,
  };
};

/** The server's refusals and conflicts for a participant, newest first. */
export const operationNotes = (
  model: EventModel,
  participantId: string,
): OperationNote[] =>
  (model.opsByParticipant.get(participantId) ?? [])
    .map((op) => noteOf(op, model))
    .filter((note): note is OperationNote => note !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));

/** Fewer free bibs than this left in a class's leases: ask for more. */
export const lowLeaseStock = 10;

/** What this desk's leases for one class (or for any, '') still hold. */
export type LeaseStock = {
  className: string;
  /** The bib "next free" hands out from these leases; null when empty. */
  next: string | null;
  /** Free bibs left in them. */
  left: number;
  /** Bibs in them in all. */
  size: number;
  low: boolean;
};

/**
 * Per class, this desk's leases: the next bib it hands out from them and
 * how many are free, the class's own first and the any-class ones last
 * (nextBib takes a class's own leases before the any-class ones).
 */
export const leaseStock = (model: EventModel, deskId: string): LeaseStock[] => {
  const used = usedBibs(model);
  const byClass = new Map<string, BibLease[]>();
  for (const lease of deskLeases(model, deskId)) {
    byClass.set(lease.className, [
      ...(byClass.get(lease.className) ?? []),
      lease,
    ]);
  }
  return [...byClass]
    .sort(([a], [b]) =>
      a === '' || b === '' ? (a === '' ? 1 : -1) : a.localeCompare(b),
    )
    .map(([className, leases]) => {
      let next: string | null = null;
      let left = 0;
      let size = 0;
      for (const lease of leases) {
        for (let bib = lease.first; bib <= lease.last; bib += 1) {
          size += 1;
          if (used.has(String(bib))) continue;
          left += 1;
          next ??= String(bib);
        }
      }
      return { className, next, left, size, low: left < lowLeaseStock };
    });
};

export type NextBib = { bib: string; source: BibSource };

/**
 * The next bib for a participant of the class: the lowest free one in this
 * desk's leases for the class, else in its leases bound to no class, and
 * from the class range only when it holds neither
 * (ARCHITECTURE.md, "Race numbers across offline desks").
 */
export const nextBib = (
  model: EventModel,
  deskId: string,
  className: string,
): Result<NextBib> => {
  const used = usedBibs(model);
  const own = deskLeases(model, deskId);
  const usable = [
    ...own.filter((lease) => lease.className === className),
    ...own.filter((lease) => lease.className === ''),
  ];
  if (usable.length === 0) {
    const bib = nextFreeBib(className, model.ranges, used);
    return bib.ok ? ok({ bib: bib.value, source: 'range' }) : bib;
  }
  for (const lease of usable) {
    for (let bib = lease.first; bib <= lease.last; bib += 1) {
      if (!used.has(String(bib)))
        return ok({ bib: String(bib), source: 'lease' });
    }
  }
  return fail(
    'lease-full',
    `This desk has no free bib left for ${className}: ask for more bibs`,
    { className },
  );
};

/** A typed bib is confirmed when it lies in one of this desk's leases. */
export const typedBibSource = (
  model: EventModel,
  deskId: string,
  bib: string,
): BibSource => {
  const n = Number(bib);
  return deskLeases(model, deskId).some(
    (lease) => n >= lease.first && n <= lease.last,
  )
    ? 'lease'
    : 'typed';
};
