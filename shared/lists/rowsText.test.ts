import { describe, expect, it } from 'vitest';
import { packRowsText, unpackRowsText } from './rowsText';

describe('rows as text', () => {
  it('gives back the same rows, empty cells and line breaks too', () => {
    const rows = [
      ['Kari Aas', '', 'linje 1\nlinje 2', ' "IL" Gneist; & co '],
      ['', '', '', ''],
      ['Ørjan', 'Åsen', 'Æ', '🏃'],
    ];
    const text = packRowsText(rows);
    expect(unpackRowsText(text, 4, 10)).toEqual({ ok: true, value: rows });
  });

  it('tells no rows from one row of one empty cell', () => {
    expect(unpackRowsText(packRowsText([]), 1, 10)).toEqual({
      ok: true,
      value: [],
    });
    expect(unpackRowsText(packRowsText([['']]), 1, 10)).toEqual({
      ok: true,
      value: [['']],
    });
  });

  it('takes separator characters out of a cell rather than split it', () => {
    const text = packRowsText([['a\u001fb', 'c\u001ed']]);
    expect(unpackRowsText(text, 2, 10)).toEqual({
      ok: true,
      value: [['ab', 'cd']],
    });
  });

  it('names the row that has the wrong number of cells', () => {
    const text = packRowsText([['a', 'b'], ['c']]);
    const result = unpackRowsText(text, 2, 10);
    expect(result.ok ? '' : result.error.message).toBe(
      'rows[1] has 1 cells; the list has 2 columns',
    );
  });

  it('refuses text cut off in the middle of a row, and too many rows', () => {
    const text = packRowsText([['a', 'b']]);
    expect(unpackRowsText(text.slice(0, -1), 2, 10).ok).toBe(false);
    expect(unpackRowsText(text.repeat(3), 2, 2).ok).toBe(false);
  });
});
