// Settling bib conflicts on a real PGlite store, without HTTP: a clash is
// recorded open, and another bib for either person, a deregistration or an
// erasure settles it, with a new seq so that every desk pulls the change.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoExport } from '../../shared/demo/demoExport';
import type { Participant } from '../../shared/domain/participant';
import { foldSheet } from '../../shared/isonen/fold';
import type { BibConflict } from '../../shared/sync/types';
import type { Db } from '../db/db';
import { createEvent } from '../http/routes/events';
import { eraseParticipant } from '../participants/eraseParticipant';
import { upsertParticipants } from '../participants/upsertParticipants';
import { operationsOf } from '../test/operations';
import { openTempPglite, type TempPglite } from '../test/tempPglite';
import { pullDocuments } from './pull';
import { pushOperations } from './push';

let db: Db;
let store: TempPglite | undefined;
let events = 0;

type Clash = {
  eventId: string;
  people: Participant[];
  holder: Participant;
  claimant: Participant;
  /** Pushes a bib-assign from the second desk. */
  assign(who: Participant, bib: string, previousBib: string): Promise<void>;
};

/** A fresh event where desk B's claim on bib 12 clashes with desk A's. */
const clash = async (): Promise<Clash> => {
  events += 1;
  const eventId = `conflicts-${events}`;
  await createEvent(
    { db },
    {
      id: eventId,
      name: 'Conflicts',
      type: 'event',
      date: '',
      organizationId: 'org',
      createdAt: '',
    },
  );
  for (const deskId of ['desk-a', 'desk-b']) {
    await db.query(
      `INSERT INTO desks (event_id, desk_id, name, token_hash, created_at)
       VALUES ($1, $2, $2, $3, '')`,
      [eventId, deskId, `${eventId}-${deskId}`],
    );
  }
  const sheet = demoExport({ participants: 6, seed: 11 });
  const all = foldSheet(sheet, { eventId }).participants;
  await upsertParticipants(db, eventId, all);
  const people = all.filter((p) => p.status === 'active');

  const opsA = operationsOf({ eventId, deskId: 'desk-a', token: '' });
  const opsB = operationsOf({ eventId, deskId: 'desk-b', token: '' });
  const [holder, claimant] = people;
  if (!holder || !claimant) throw new Error('too few demo participants');
  const push = async (deskId: string, op: ReturnType<typeof opsA>) => {
    const pushed = await pushOperations(db, eventId, deskId, [op]);
    if (!pushed.ok) throw new Error(pushed.error.message);
    return pushed.value.results[0]?.result;
  };
  const payload = (bib: string, previousBib: string) =>
    ({ bib, previousBib, source: 'typed' }) as const;

  await push('desk-a', opsA('bib-assign', holder.id, payload('12', '')));
  const claim = await push(
    'desk-b',
    opsB('bib-assign', claimant.id, payload('12', '')),
  );
  expect(claim?.outcome).toBe('conflict');

  return {
    eventId,
    people,
    holder,
    claimant,
    assign: async (who, bib, previousBib) => {
      const result = await push(
        'desk-b',
        opsB('bib-assign', who.id, payload(bib, previousBib)),
      );
      expect(result?.outcome).toBe('applied');
    },
  };
};

/** The event's conflicts as a desk pulls them from the start. */
const pulledConflicts = async (eventId: string) => {
  const pulled = await pullDocuments(db, eventId, 0, 1000);
  if (!pulled.ok) throw new Error(pulled.error.message);
  const conflicts: { seq: number; conflict: BibConflict }[] = [];
  for (const doc of pulled.value.documents) {
    if (doc.kind === 'bib-conflict') conflicts.push(doc);
  }
  return { conflicts, checkpoint: pulled.value.checkpoint };
};

beforeAll(async () => {
  store = await openTempPglite('conflicts');
  db = store.db;
  await db.query(
    `INSERT INTO organizations (id, kind, name) VALUES ('org', 'club', 'IL')`,
  );
}, 60_000);

afterAll(async () => {
  await store?.remove();
});

describe('bib conflicts', () => {
  it('a clash is pulled as an open conflict naming both holders', async () => {
    const { eventId, holder, claimant } = await clash();

    const { conflicts } = await pulledConflicts(eventId);

    expect(conflicts.map((c) => c.conflict)).toEqual([
      expect.objectContaining({
        bib: '12',
        holderId: holder.id,
        claimantId: claimant.id,
        status: 'open',
      }),
    ]);
    expect(conflicts[0]?.conflict.settledAt).toBeUndefined();
  });

  it('another bib for the claimant settles the conflict with a new seq', async () => {
    const { eventId, claimant, assign } = await clash();
    const before = await pulledConflicts(eventId);

    await assign(claimant, '13', '');

    const after = await pulledConflicts(eventId);
    const settled = after.conflicts[0];
    expect(settled?.conflict.status).toBe('settled');
    expect(settled?.conflict.settledAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(settled?.seq).toBeGreaterThan(before.checkpoint);
    expect(after.checkpoint).toBeGreaterThanOrEqual(settled?.seq ?? 0);
  });

  it('another bib for the holder settles the conflict', async () => {
    const { eventId, holder, assign } = await clash();

    await assign(holder, '14', '12');

    const { conflicts } = await pulledConflicts(eventId);
    expect(conflicts[0]?.conflict.status).toBe('settled');
  });

  it('a central deregistration of the holder settles the conflict', async () => {
    const { eventId, holder } = await clash();

    await upsertParticipants(db, eventId, [
      { ...holder, status: 'deregistered' },
    ]);

    const { conflicts } = await pulledConflicts(eventId);
    expect(conflicts[0]?.conflict.status).toBe('settled');
  });

  it('erasing the claimant settles the conflict', async () => {
    const { eventId, claimant } = await clash();

    const erased = await eraseParticipant(db, eventId, claimant.id);

    expect(erased.ok).toBe(true);
    const { conflicts, checkpoint } = await pulledConflicts(eventId);
    expect(conflicts[0]?.conflict.status).toBe('settled');
    // The erase answer's seq covers the settled record too.
    expect(erased.ok && erased.value.latestSeq).toBe(checkpoint);
  });

  it('a change to someone else, or to a registration field only, leaves it open', async () => {
    const { eventId, people, holder, assign } = await clash();
    const bystander = people[2];
    if (!bystander) throw new Error('too few demo participants');

    await assign(bystander, '15', '');
    await upsertParticipants(db, eventId, [{ ...holder, club: 'Ny klubb' }]);

    const { conflicts } = await pulledConflicts(eventId);
    expect(conflicts[0]?.conflict.status).toBe('open');
  });
});
