// The participant text a pull sends is written by a trigger in SQL
// (migration 0004); the document the code means is participantDocument.
// They must never drift apart: this compares them on rows in every state
// a push, an update and an erasure leave behind.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoExport } from '../../shared/demo/demoExport';
import type { Participant } from '../../shared/domain/participant';
import { foldSheet } from '../../shared/isonen/fold';
import type { Db } from '../db/db';
import { createEvent } from '../http/routes/events';
import { eraseParticipant } from '../participants/eraseParticipant';
import { upsertParticipants } from '../participants/upsertParticipants';
import { operationsOf } from '../test/operations';
import { openTempPglite, type TempPglite } from '../test/tempPglite';
import {
  type ParticipantRow,
  participantColumns,
  participantDocument,
} from './participantRow';
import { pullDocuments } from './pull';
import { pushOperations } from './push';

const eventId = 'row-text';
const deskId = 'desk-row';
let db: Db;
let store: TempPglite | undefined;

beforeAll(async () => {
  store = await openTempPglite('rowtext');
  db = store.db;
  await db.query(
    `INSERT INTO organizations (id, kind, name) VALUES ('org', 'club', 'IL')`,
  );
  await createEvent(
    { db },
    {
      id: eventId,
      name: 'Row text',
      type: 'event',
      date: '2025-06-14',
      organizationId: 'org',
      createdAt: '',
    },
  );
  await db.query(
    `INSERT INTO desks (event_id, desk_id, name, token_hash, created_at)
     VALUES ($1, $2, $2, 'x', '')`,
    [eventId, deskId],
  );
}, 60_000);

afterAll(async () => {
  await store?.remove();
});

describe('the stored participant text', () => {
  it('is the document the row makes, after pushes, updates and an erasure', async () => {
    const sheet = demoExport({ participants: 12, seed: 11 });
    const { participants } = foldSheet(sheet, { eventId });
    await upsertParticipants(db, eventId, participants);
    const ids = participants.map((p) => p.id);
    const op = operationsOf({ eventId, deskId, token: '' });
    const [a = '', b = '', c = '', d = ''] = ids;
    await pushOperations(db, eventId, deskId, [
      // A range document among the participants: the page mixes kinds.
      op('class-range-set', '', { className: 'Trim', first: 1, last: 99 }),
      op('check-in', a, {}),
      op('payment', a, { method: 'card', amount: 15_000 }),
      op('check-in', b, {}),
      op('check-in-undo', b, {}),
      op('bib-assign', c, {
        bib: '4711',
        previousBib: participants[2]?.bib ?? '',
        source: 'typed',
      }),
    ]);
    const renamed = participants.map(
      (p): Participant =>
        p.id === d
          ? { ...p, firstName: 'Åse "Kari"', status: 'deregistered' }
          : p,
    );
    await upsertParticipants(db, eventId, renamed);
    await eraseParticipant(db, eventId, ids[4] ?? '');

    const rows = await db.query<ParticipantRow & { sync_doc: string }>(
      `SELECT ${participantColumns}, sync_doc FROM participants
        WHERE event_id = $1`,
      [eventId],
    );

    expect(rows).toHaveLength(12);
    for (const row of rows) {
      expect(JSON.parse(row.sync_doc), row.participant_id).toEqual(
        participantDocument(row),
      );
    }
    const kinds = rows.map((row) => participantDocument(row).kind);
    expect(kinds).toContain('participant-erased');
  });

  it('reaches a pull as the same documents, in seq order, with a gapless checkpoint', async () => {
    const first = await pullDocuments(db, eventId, 0, 5);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const rest = await pullDocuments(db, eventId, first.value.checkpoint, 1000);
    expect(rest.ok).toBe(true);
    if (!rest.ok) return;

    const documents = [...first.value.documents, ...rest.value.documents];
    const seqs = documents.map((doc) => doc.seq);
    expect(documents.map((doc) => doc.kind)).toContain('class-range');
    expect(first.value.hasMore).toBe(true);
    expect(first.value.checkpoint).toBe(seqs[4]);
    expect(rest.value.hasMore).toBe(false);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(seqs.length);
    const [{ seq: latest = 0 } = {}] = await db.query<{ seq: number }>(
      'SELECT seq FROM event_seq WHERE event_id = $1',
      [eventId],
    );
    expect(rest.value.checkpoint).toBe(latest);
  });
});
