// What a simulated desk shows: the pulled server state with its pending
// operations on top (shared/desk/reduce.ts computeState with the server
// state as base), and the rule context the desk validates drafts against
// (shared/desk/rules.ts), as the real desk does before it records.

import {
  computeState,
  participantFromLateEntry,
} from '../../shared/desk/reduce';
import type { RuleContext } from '../../shared/desk/rules';
import type {
  ParticipantState,
  ParticipantView,
} from '../../shared/desk/state';
import type { Operation } from '../../shared/domain/operation';
import type { Participant } from '../../shared/domain/participant';
import type { BibLease } from '../../shared/sync/types';
import { type DeskDisk, isDrawnPending } from './deskDisk';

export type DeskView = {
  views: Map<string, ParticipantView>;
  /** Live participants by the bib they hold. */
  holders: Map<string, Set<string>>;
  classNames: Set<string>;
  leases: BibLease[];
  context: RuleContext;
  /** Redraws a participant after the desk recorded an operation on it. */
  recorded(op: Operation): void;
};

type Base = { participant: Participant; state?: ParticipantState };

const isLive = (view: ParticipantView) =>
  view.participant.status !== 'deregistered';

export const deskViewOf = (disk: DeskDisk): DeskView => {
  const bases = new Map<string, Base>();
  const leases: BibLease[] = [];
  for (const doc of disk.documents.values()) {
    if (doc.kind === 'participant') {
      bases.set(doc.participant.id, {
        participant: doc.participant,
        state: doc.state,
      });
    } else if (doc.kind === 'bib-lease') {
      leases.push(doc.lease);
    }
  }
  const pending = new Map<string, Operation[]>();
  for (const op of disk.operations) {
    if (!isDrawnPending(disk, op)) continue;
    if (op.type === 'late-entry' && !bases.has(op.participantId)) {
      bases.set(op.participantId, {
        participant: participantFromLateEntry(op),
      });
    }
    const list = pending.get(op.participantId) ?? [];
    list.push(op);
    pending.set(op.participantId, list);
  }

  const views = new Map<string, ParticipantView>();
  const holders = new Map<string, Set<string>>();
  const classNames = new Set<string>();
  const hold = (view: ParticipantView) => {
    if (view.state.bib === '' || !isLive(view)) return;
    const set = holders.get(view.state.bib) ?? new Set<string>();
    set.add(view.participant.id);
    holders.set(view.state.bib, set);
  };
  const draw = (id: string) => {
    const base = bases.get(id);
    if (!base) return;
    const before = views.get(id);
    if (before) holders.get(before.state.bib)?.delete(id);
    const view: ParticipantView = {
      participant: base.participant,
      state: computeState(base.participant, pending.get(id) ?? [], base.state),
      lateEntry: id.startsWith('late-'),
    };
    views.set(id, view);
    hold(view);
  };
  for (const [id, base] of bases) {
    draw(id);
    for (const entry of base.participant.entries) {
      if (entry.className !== '') classNames.add(entry.className);
    }
  }

  const context: RuleContext = {
    view: (id) => views.get(id),
    bibHolders: (bib) =>
      [...(holders.get(bib) ?? [])]
        .map((id) => views.get(id))
        .filter((view): view is ParticipantView => view !== undefined),
    classNames: () => classNames,
  };
  return {
    views,
    holders,
    classNames,
    leases,
    context,
    recorded(op) {
      if (op.type === 'late-entry') {
        bases.set(op.participantId, {
          participant: participantFromLateEntry(op),
        });
      }
      const list = pending.get(op.participantId) ?? [];
      list.push(op);
      pending.set(op.participantId, list);
      draw(op.participantId);
    },
  };
};
