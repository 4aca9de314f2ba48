// Turns participants into a list's rows of text. The rows come out one at
// a time so a writer can stream them: 50,000 people never exist as 50,000
// arrays of cells at once.

import { viewOf } from '../desk/reduce';
import type { ParticipantView } from '../desk/state';
import type { Participant } from '../domain/participant';
import type { ListRow } from './columns';
import type { CellFormat } from './format';
import type { ListPlan } from './purposes';

export type ListContent = {
  headers: string[];
  /** Column widths in characters, one per header. */
  widths: number[];
  columnIds: string[];
  /** People on the list (a person in two classes counts once). */
  people: number;
  rows: number;
  /** The rows' cells, in list order; each call starts again. */
  cells: () => Iterable<string[]>;
};

export const listContent = (
  plan: ListPlan,
  views: Iterable<ParticipantView>,
  format: CellFormat,
): ListContent => {
  const rows: ListRow[] = [];
  const people = new Set<string>();
  for (const view of views) {
    for (const row of plan.purpose.rows(view)) {
      rows.push(row);
      people.add(view.participant.id);
    }
  }
  rows.sort(plan.purpose.compare);
  const { columns } = plan;
  return {
    headers: columns.map((column) => column.header[format.lang]),
    widths: columns.map((column) => column.width),
    columnIds: columns.map((column) => column.id),
    people: people.size,
    rows: rows.length,
    cells: function* () {
      for (const row of rows) {
        yield columns.map((column) => column.cell(row, format));
      }
    },
  };
};

/**
 * Participants as a list sees them without a desk: the bib and chip the
 * registration data gives, nobody checked in (the CLI's case).
 */
export function* viewsWithoutDesk(
  participants: Iterable<Participant>,
): Iterable<ParticipantView> {
  for (const participant of participants) yield viewOf(participant, []);
}
