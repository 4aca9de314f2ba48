// A participants row as the service stores it, and as a desk pulls it.

import type { DeskPayment, ParticipantState } from '../../shared/desk/state';
import type { BibSource } from '../../shared/domain/operation';
import type { Participant } from '../../shared/domain/participant';
import type { SyncDocument } from '../../shared/sync/types';

export type ParticipantRow = {
  participant_id: string;
  doc: Participant;
  status: string;
  late_entry: boolean;
  erased: boolean;
  checked_in: boolean;
  checked_in_at: string;
  checked_in_desk: string;
  bib: string;
  bib_source: BibSource | '';
  chip: string;
  chip_rental: boolean;
  payments: DeskPayment[];
  revision: number;
  seq: number;
};

export const participantColumns = `participant_id, doc, status, late_entry,
  erased, checked_in, checked_in_at, checked_in_desk, bib, bib_source, chip,
  chip_rental, payments, revision, seq`;

/**
 * A row as a push batch decides on it (batchState.ts): the desk state, and
 * of the registration only the entries a bib's range check needs. Reading
 * and parsing each named participant's whole document took a fifth of a
 * batch's time.
 */
export type BatchRow = Omit<ParticipantRow, 'doc'> & {
  entries: Participant['entries'];
};

export const batchColumns = `participant_id,
  COALESCE(doc->'entries', '[]') AS entries,
  status, late_entry, erased, checked_in, checked_in_at, checked_in_desk, bib,
  bib_source, chip, chip_rental, payments, revision, seq`;

export const stateOf = (
  row: Omit<ParticipantRow, 'doc'>,
): ParticipantState => ({
  checkedIn: row.checked_in,
  checkedInAt: row.checked_in_at,
  checkedInDesk: row.checked_in_desk,
  bib: row.bib,
  bibSource: row.bib_source,
  chip: row.chip,
  chipRental: row.chip_rental,
  payments: row.payments,
});

export const participantDocument = (row: ParticipantRow): SyncDocument =>
  row.erased
    ? {
        kind: 'participant-erased',
        seq: row.seq,
        participantId: row.participant_id,
      }
    : {
        kind: 'participant',
        seq: row.seq,
        participant: { ...row.doc, revision: row.revision },
        state: stateOf(row),
        lateEntry: row.late_entry,
      };
