import { describe, expect, it } from 'vitest';

import type { ImportProblem } from '../../../shared/isonen/preview';
import type { SheetTable } from '../../../shared/isonen/sheet';
import {
  applyEdits,
  cellKey,
  columnIndex,
  defaultSkipRows,
  isFixable,
} from './sheetEdits';

const table: SheetTable = {
  fileName: 'deltakere.xlsx',
  sheetName: 'Ark1',
  headers: ['Fornavn', 'Etternavn', 'Fødselsdato'],
  headerRow: 1,
  rows: [
    { row: 2, cells: ['Kari', 'Nordmann', '31.02.2010'] },
    { row: 3, cells: ['Ola', 'Nordmann', '01.01.2010'] },
  ],
};

const problem = (over: Partial<ImportProblem>): ImportProblem => ({
  code: 'impossible-birth-date',
  severity: 'error',
  row: 2,
  column: 'C',
  field: 'Fødselsdato',
  value: '31.02.2010',
  params: {},
  ...over,
});

describe('sheet edits', () => {
  it('maps Excel column letters to header positions', () => {
    expect(columnIndex('A')).toBe(0);
    expect(columnIndex('Z')).toBe(25);
    expect(columnIndex('AA')).toBe(26);
    expect(columnIndex('AQ')).toBe(42);
    expect(columnIndex('')).toBe(-1);
  });

  it('changes only the edited cell and leaves the file table untouched', () => {
    const edited = applyEdits(
      table,
      new Map([[cellKey(2, 'C'), '28.02.2010']]),
    );
    expect(edited.rows[0]?.cells).toEqual(['Kari', 'Nordmann', '28.02.2010']);
    expect(edited.rows[1]).toBe(table.rows[1]);
    expect(table.rows[0]?.cells[2]).toBe('31.02.2010');
  });

  it('fills a cell beyond the end of a short row', () => {
    const short = { ...table, rows: [{ row: 2, cells: ['Kari'] }] };
    const edited = applyEdits(short, new Map([[cellKey(2, 'C'), 'x']]));
    expect(edited.rows[0]?.cells).toEqual(['Kari', '', 'x']);
  });

  it('skips rows with errors by default and keeps rows with warnings', () => {
    const problems = [
      problem({ row: 5 }),
      problem({ row: 2 }),
      problem({ row: 2, column: 'A' }),
      problem({ row: 7, severity: 'warning' }),
      problem({ row: 0, column: '' }),
    ];
    expect(defaultSkipRows(problems)).toEqual([2, 5]);
  });

  it('offers a fix only for problems that point at one cell', () => {
    expect(isFixable(problem({}))).toBe(true);
    expect(isFixable(problem({ column: '' }))).toBe(false);
    expect(isFixable(problem({ row: 0 }))).toBe(false);
  });
});
