// A chip changes only by compare-and-swap on the chip the desk saw, like a
// bib; a chip another live participant holds is refused ('chip-taken'),
// since a chip, unlike a bib box, is in the person's hand and a second
// holder would take the first one's passings. The event lock serializes
// pushes, so the holder look-up sees every earlier write.

import { isChip } from '../../shared/desk/rules';
import type { Operation } from '../../shared/domain/operation';
import type { OperationResult } from '../../shared/sync/types';
import type { Queryable } from '../db/db';
import { withNextSeq } from './eventSeq';
import { applied, rejected, unchanged } from './operationResult';
import type { BatchRow } from './participantRow';

type ChipOperation = Extract<Operation, { type: 'chip-assign' }>;

const holderOf = async (
  tx: Queryable,
  eventId: string,
  chip: string,
  claimantId: string,
): Promise<string | undefined> => {
  const rows = await tx.query<{ participant_id: string }>(
    `SELECT participant_id FROM participants
      WHERE event_id = $1 AND chip = $2 AND status = 'active' AND NOT erased
        AND participant_id <> $3
      LIMIT 1`,
    [eventId, chip, claimantId],
  );
  return rows[0]?.participant_id;
};

export const applyChipAssign = async (
  tx: Queryable,
  eventId: string,
  op: ChipOperation,
  row: BatchRow,
): Promise<OperationResult> => {
  const { chip, previousChip, rental } = op.payload;
  if (chip !== '' && !isChip(chip)) {
    return rejected('bad-chip', `A chip number is digits only: "${chip}"`, {
      chip,
    });
  }
  if (chip !== '' && row.status === 'deregistered') {
    return rejected('deregistered', 'The participant is deregistered', {
      participantId: row.participant_id,
    });
  }
  const wantedRental = chip !== '' && rental;
  if (row.chip === chip && row.chip_rental === wantedRental) {
    return unchanged('same-chip', 'The chip is already set');
  }
  if (row.chip !== previousChip) {
    return rejected('chip-changed', 'The chip changed since the desk saw it', {
      chip: row.chip,
      previousChip,
    });
  }
  if (chip !== '') {
    const holderId = await holderOf(tx, eventId, chip, row.participant_id);
    if (holderId) {
      return rejected(
        'chip-taken',
        `Chip ${chip} is held by another participant`,
        {
          chip,
          holderId,
        },
      );
    }
  }

  await tx.query(
    withNextSeq(`UPDATE participants
        SET chip = $3, chip_rental = $4, seq = (SELECT seq FROM next_seq)
      WHERE event_id = $1 AND participant_id = $2`),
    [eventId, row.participant_id, chip, wantedRental],
  );
  row.chip = chip;
  row.chip_rental = wantedRental;
  return applied({ chip, rental: wantedRental });
};
