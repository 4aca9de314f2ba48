// An iSonen export uploaded to the central service goes through the same
// code as the desk's import: readSheet (node/xlsx) and foldSheet
// (shared/isonen), then update in place. A preview runs the very same
// writes in a transaction that is rolled back, so its numbers are exactly
// what applying would do.

import { readSheet } from '../../node/xlsx/readSheet';
import { ok, type Result } from '../../shared/contract/result';
import { foldSheet } from '../../shared/isonen/fold';
import {
  type CentralImportReport,
  maxReportedProblems,
} from '../../shared/sync/types';
import type { Db } from '../db/db';
import { latestSeq, lockEvent } from '../sync/eventSeq';
import { emptyTally, upsertInTransaction } from './upsertParticipants';

const batchSize = 1000;

/** Thrown to roll a preview back; carries the report out. */
class PreviewRollback extends Error {
  constructor(readonly report: CentralImportReport) {
    super('preview rolled back');
  }
}

export const importSheet = async (
  db: Db,
  eventId: string,
  bytes: Uint8Array,
  fileName: string,
  mode: CentralImportReport['mode'],
): Promise<Result<CentralImportReport>> => {
  const table = await readSheet(bytes, fileName);
  if (!table.ok) return table;
  const fold = foldSheet(table.value, { eventId });

  const run = db.transaction(
    async (tx): Promise<Result<CentralImportReport>> => {
      await lockEvent(tx, eventId);
      const tally = emptyTally();
      for (
        let start = 0;
        start < fold.participants.length;
        start += batchSize
      ) {
        const batch = fold.participants.slice(start, start + batchSize);
        const written = await upsertInTransaction(tx, eventId, batch, tally);
        if (!written.ok) return written;
      }
      const missing = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM participants
        WHERE event_id = $1 AND NOT erased
          AND NOT (participant_id = ANY($2::text[]))`,
        [eventId, fold.participants.map((p) => p.id)],
      );
      const report: CentralImportReport = {
        mode,
        fileName,
        counts: fold.counts,
        classes: fold.classes,
        problems: fold.problems.slice(0, maxReportedProblems),
        problemCount: fold.problems.length,
        changes: { ...tally, missing: missing[0]?.n ?? 0 },
        latestSeq: await latestSeq(tx, eventId),
      };
      if (mode === 'preview') throw new PreviewRollback(report);
      return ok(report);
    },
  );

  try {
    return await run;
  } catch (error) {
    if (error instanceof PreviewRollback) return ok(error.report);
    throw error;
  }
};
