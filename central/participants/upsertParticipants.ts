// Registration data entered centrally (API or upload): created, or updated
// in place when it changed. The server owns these fields; desk state
// (check-in, bib, payments) is left as the desks' operations made it. A
// participant's bib from the registration data is taken only at creation,
// and only when no live participant holds it.

import { v7 as uuidv7 } from 'uuid';
import { fail, ok, type Result } from '../../shared/contract/result';
import { isBib } from '../../shared/desk/rules';
import type { Participant } from '../../shared/domain/participant';
import { sameRegistrationData } from '../../shared/isonen/diff';
import type { ParticipantUpsertResponse } from '../../shared/sync/types';
import type { Db, Queryable } from '../db/db';
import { settleConflictsOf } from '../sync/conflicts';
import { bumpSeq, bumpSeqBy, latestSeq, lockEvent } from '../sync/eventSeq';

type StoredRow = {
  participant_id: string;
  doc: Participant;
  status: string;
  bib: string;
  erased: boolean;
  revision: number;
};

const heldBy = async (
  tx: Queryable,
  eventId: string,
  bib: string,
  participantId: string,
): Promise<string | undefined> => {
  const rows = await tx.query<{ participant_id: string }>(
    `SELECT participant_id FROM participants
      WHERE event_id = $1 AND bib = $2 AND status = 'active' AND NOT erased
        AND participant_id <> $3`,
    [eventId, bib, participantId],
  );
  return rows[0]?.participant_id;
};

/**
 * The bib the participant may keep as a live participant: its own, unless
 * another live participant holds it, which is recorded as a conflict.
 */
const keepableBib = async (
  tx: Queryable,
  eventId: string,
  p: Participant,
  bib: string,
): Promise<string> => {
  if (bib === '' || p.status !== 'active') return bib;
  const holderId = await heldBy(tx, eventId, bib, p.id);
  if (!holderId) return bib;
  await tx.query(
    `INSERT INTO bib_conflicts (event_id, conflict_id, bib, holder_id,
       claimant_id, operation_id, desk_id, created_at, seq)
     VALUES ($1, $2, $3, $4, $5, '', '', $6, $7)`,
    [
      eventId,
      uuidv7(),
      bib,
      holderId,
      p.id,
      new Date().toISOString(),
      await bumpSeq(tx, eventId),
    ],
  );
  return '';
};

const insert = async (tx: Queryable, eventId: string, p: Participant) => {
  const bib = await keepableBib(tx, eventId, p, isBib(p.bib) ? p.bib : '');
  await tx.query(
    `INSERT INTO participants (event_id, participant_id, doc, status, bib,
       chip, revision, seq)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, 1, $7)`,
    [
      eventId,
      p.id,
      JSON.stringify({ ...p, revision: 1 }),
      p.status,
      bib,
      p.chip,
      await bumpSeq(tx, eventId),
    ],
  );
};

/**
 * New participants without a bib, in one statement: a first upload of
 * 50,000 would otherwise cost 100,000 round trips.
 */
const insertMany = async (
  tx: Queryable,
  eventId: string,
  participants: readonly Participant[],
) => {
  if (participants.length === 0) return;
  const first = await bumpSeqBy(tx, eventId, participants.length);
  await tx.query(
    `INSERT INTO participants (event_id, participant_id, doc, status, chip,
       revision, seq)
     SELECT $1, e.doc->>'id', jsonb_set(e.doc, '{revision}', '1'),
            e.doc->>'status', e.doc->>'chip', 1, $3::int + e.i::int - 1
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(doc, i)`,
    [eventId, JSON.stringify(participants), first],
  );
};

const update = async (
  tx: Queryable,
  eventId: string,
  p: Participant,
  stored: StoredRow,
) => {
  const reactivated = stored.status !== 'active' && p.status === 'active';
  const bib = reactivated
    ? await keepableBib(tx, eventId, p, stored.bib)
    : stored.bib;
  const revision = stored.revision + 1;
  await tx.query(
    `UPDATE participants
        SET doc = $3::jsonb, status = $4, bib = $5, revision = $6, seq = $7
      WHERE event_id = $1 AND participant_id = $2`,
    [
      eventId,
      p.id,
      JSON.stringify({ ...p, revision }),
      p.status,
      bib,
      revision,
      await bumpSeq(tx, eventId),
    ],
  );
  // Leaving the start list ends the person's bib conflicts; coming back
  // was checked by keepableBib above.
  if (stored.status === 'active' && p.status !== 'active') {
    await settleConflictsOf(tx, eventId, p.id);
  }
};

export type UpsertTally = {
  created: number;
  updated: number;
  /** Updated from active to deregistered. */
  deregistered: number;
  unchanged: number;
  /** Erased centrally earlier: an upload does not bring them back. */
  erased: number;
};

export const emptyTally = (): UpsertTally => ({
  created: 0,
  updated: 0,
  deregistered: 0,
  unchanged: 0,
  erased: 0,
});

const checkBatch = (
  eventId: string,
  participants: readonly Participant[],
): Result<string[]> => {
  const foreign = participants.findIndex((p) => p.eventId !== eventId);
  if (foreign >= 0) {
    return fail(
      'participant-for-another-event',
      `participants/${foreign}/eventId: not this event (${eventId})`,
      { index: foreign },
    );
  }
  const ids = participants.map((p) => p.id);
  const twice = ids.findIndex((id, index) => ids.indexOf(id) !== index);
  if (twice >= 0) {
    return fail(
      'duplicate-participant',
      `participants/${twice}/id: ${ids[twice]} appears twice in the request`,
      { index: twice },
    );
  }
  return ok(ids);
};

/** Writes one batch inside the caller's transaction, which holds the lock. */
export const upsertInTransaction = async (
  tx: Queryable,
  eventId: string,
  participants: readonly Participant[],
  tally: UpsertTally,
): Promise<Result<UpsertTally>> => {
  const ids = checkBatch(eventId, participants);
  if (!ids.ok) return ids;
  const rows = await tx.query<StoredRow>(
    `SELECT participant_id, doc, status, bib, erased, revision
       FROM participants
      WHERE event_id = $1 AND participant_id = ANY($2::text[])`,
    [eventId, ids.value],
  );
  const stored = new Map(rows.map((row) => [row.participant_id, row]));
  const plain: Participant[] = [];
  for (const p of participants) {
    const row = stored.get(p.id);
    if (row?.erased) {
      tally.erased += 1;
    } else if (!row) {
      // A bib in the registration data needs its own holder check.
      if (isBib(p.bib)) await insert(tx, eventId, p);
      else plain.push(p);
      tally.created += 1;
    } else if (sameRegistrationData(row.doc, p)) {
      tally.unchanged += 1;
    } else {
      await update(tx, eventId, p, row);
      const dropped = row.status === 'active' && p.status === 'deregistered';
      tally[dropped ? 'deregistered' : 'updated'] += 1;
    }
  }
  await insertMany(tx, eventId, plain);
  return ok(tally);
};

export const upsertParticipants = (
  db: Db,
  eventId: string,
  participants: readonly Participant[],
): Promise<Result<ParticipantUpsertResponse>> =>
  db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const tally = await upsertInTransaction(
      tx,
      eventId,
      participants,
      emptyTally(),
    );
    if (!tally.ok) return tally;
    return ok({ ...tally.value, latestSeq: await latestSeq(tx, eventId) });
  });
