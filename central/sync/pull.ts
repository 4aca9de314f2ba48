// Pull: the documents changed after a checkpoint, in seq order. Each write
// bumps the event's seq under a row lock held to COMMIT, so seqs become
// visible in order and a reader never sees seq n+1 without n. The page is
// read in one REPEATABLE READ snapshot, so the checkpoint it returns covers
// exactly what the documents show.

import { fail, ok, type Result } from '../../shared/contract/result';
import type {
  BibLease,
  PullResponse,
  SyncDocument,
} from '../../shared/sync/types';
import type { Db, Queryable } from '../db/db';
import { type ConflictRow, conflictOf } from './conflicts';
import { latestSeq } from './eventSeq';
import {
  type ParticipantRow,
  participantColumns,
  participantDocument,
} from './participantRow';

type LeaseRow = {
  lease_id: string;
  desk_id: string;
  class_name: string;
  first: number;
  last: number;
  created_at: string;
  seq: number;
};

type RangeRow = {
  class_name: string;
  first: number;
  last: number;
  seq: number;
};

const page = (table: string, columns: string) =>
  `SELECT ${columns} FROM ${table}
    WHERE event_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`;

export const leaseOf = (row: LeaseRow): BibLease => ({
  id: row.lease_id,
  deskId: row.desk_id,
  className: row.class_name,
  first: row.first,
  last: row.last,
  createdAt: row.created_at,
});

const readPage = async (
  tx: Queryable,
  eventId: string,
  checkpoint: number,
  limit: number,
): Promise<SyncDocument[]> => {
  const params = [eventId, checkpoint, limit];
  const participants = await tx.query<ParticipantRow>(
    page('participants', participantColumns),
    params,
  );
  const conflicts = await tx.query<ConflictRow>(
    page('bib_conflicts', '*'),
    params,
  );
  const leases = await tx.query<LeaseRow>(page('bib_leases', '*'), params);
  const ranges = await tx.query<RangeRow>(page('class_ranges', '*'), params);

  const documents: SyncDocument[] = [
    ...participants.map(participantDocument),
    ...conflicts.map(
      (row): SyncDocument => ({
        kind: 'bib-conflict',
        seq: row.seq,
        conflict: conflictOf(row),
      }),
    ),
    ...leases.map(
      (row): SyncDocument => ({
        kind: 'bib-lease',
        seq: row.seq,
        lease: leaseOf(row),
      }),
    ),
    ...ranges.map(
      (row): SyncDocument => ({
        kind: 'class-range',
        seq: row.seq,
        range: { className: row.class_name, first: row.first, last: row.last },
      }),
    ),
  ];
  return documents.sort((a, b) => a.seq - b.seq).slice(0, limit);
};

export const pullDocuments = (
  db: Db,
  eventId: string,
  checkpoint: number,
  limit: number,
): Promise<Result<PullResponse>> =>
  db.transaction(async (tx) => {
    await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const latest = await latestSeq(tx, eventId);
    // A checkpoint this server never gave (its database was restored from
    // an older copy): answering from it would hide documents, so the desk
    // is told to download the event again.
    if (checkpoint > latest) {
      return fail(
        'checkpoint-ahead',
        `Checkpoint ${checkpoint} is past this event's latest seq ${latest}`,
        { checkpoint, latestSeq: latest },
      );
    }
    const documents = await readPage(tx, eventId, checkpoint, limit);
    const last = documents.at(-1);
    if (documents.length === limit && last) {
      return ok({ documents, checkpoint: last.seq, hasMore: true });
    }
    // A short page reached the end: the event's seq is the checkpoint.
    return ok({ documents, checkpoint: latest, hasMore: false });
  });
