// Erasure on the organizer's instruction (GDPR): the registration data is
// replaced by the bare id, desk state is cleared, and desks pull a
// participant-erased document that removes their copy. The names typed
// into a late-entry operation are blanked too. Such an operation, if its
// desk sends it again, is then refused as operation-id-reused instead of
// being answered as a repeat: the desk shows it, nothing is applied twice.
// The event's stored result list loses the person's entries (name, club,
// bib, time) in the same transaction: GET /results never serves them
// again. The other entries keep their places as computed; the next list a
// desk posts is computed without the person.

import { fail, ok, type Result } from '../../shared/contract/result';
import type { Db } from '../db/db';
import { scrubResultList } from '../results/resultStore';
import { settleConflictsOf } from '../sync/conflicts';
import { bumpSeq, lockEvent } from '../sync/eventSeq';

const blankedEntry = JSON.stringify({
  firstName: '',
  lastName: '',
  birthDate: '',
  club: '',
});

export const eraseParticipant = (
  db: Db,
  eventId: string,
  participantId: string,
): Promise<Result<{ latestSeq: number }>> =>
  db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const found = await tx.query(
      `SELECT 1 FROM participants
        WHERE event_id = $1 AND participant_id = $2 AND NOT erased`,
      [eventId, participantId],
    );
    if (found.length === 0) {
      return fail('not-found', `No participant ${participantId}`, {
        participantId,
      });
    }

    const seq = await bumpSeq(tx, eventId);
    await tx.query(
      `UPDATE participants
          SET erased = true, status = 'deregistered',
              doc = jsonb_build_object('id', participant_id),
              checked_in = false, checked_in_at = '', checked_in_desk = '',
              bib = '', bib_source = '', chip = '', payments = '[]',
              seq = $3
        WHERE event_id = $1 AND participant_id = $2`,
      [eventId, participantId, seq],
    );
    await tx.query(
      `UPDATE operations
          SET body = jsonb_set(body, '{payload,entry}',
                (body->'payload'->'entry') || $3::jsonb)
        WHERE event_id = $1 AND participant_id = $2 AND type = 'late-entry'`,
      [eventId, participantId, blankedEntry],
    );
    await scrubResultList(tx, eventId, participantId);
    const settled = await settleConflictsOf(tx, eventId, participantId);
    return ok({ latestSeq: seq + settled });
  });
