// Fixing a cell before committing: the operator's edits are kept apart from
// the table read from the file, applied to a copy, and the preview is run
// again. Problems name cells by Excel row number and column letter.

import type { ImportProblem } from '../../../shared/isonen/preview';
import type { SheetTable } from '../../../shared/isonen/sheet';

/** "row:column" → new text. */
export type CellEdits = ReadonlyMap<string, string>;

export const cellKey = (row: number, column: string): string =>
  `${row}:${column}`;

/** A → 0, Z → 25, AA → 26, AQ → 42; -1 for anything else. */
export const columnIndex = (letters: string): number => {
  if (!/^[A-Z]+$/.test(letters)) return -1;
  let index = 0;
  for (const letter of letters) {
    index = index * 26 + (letter.charCodeAt(0) - 64);
  }
  return index - 1;
};

export const applyEdits = (table: SheetTable, edits: CellEdits): SheetTable => {
  if (edits.size === 0) return table;

  const rows = table.rows.map((sheetRow) => {
    let cells = sheetRow.cells;
    for (const [key, text] of edits) {
      const [row, column] = key.split(':');
      const index = columnIndex(column ?? '');
      if (Number(row) !== sheetRow.row || index < 0) continue;
      if (cells === sheetRow.cells) cells = [...cells];
      while (cells.length <= index) cells.push('');
      cells[index] = text;
    }
    return cells === sheetRow.cells ? sheetRow : { ...sheetRow, cells };
  });
  return { ...table, rows };
};

/** A problem points at one cell that a person can retype. */
export const isFixable = (problem: ImportProblem): boolean =>
  problem.row > 0 && columnIndex(problem.column) >= 0;

/** By default a row with an error is skipped and a row with warnings kept. */
export const defaultSkipRows = (problems: readonly ImportProblem[]): number[] =>
  [
    ...new Set(
      problems
        .filter((p) => p.severity === 'error' && p.row > 0)
        .map((p) => p.row),
    ),
  ].sort((a, b) => a - b);
