// A list's rows as exports:write-list carries them: each cell followed by
// the unit separator (U+001F) except the last of a row, each row ended by
// the record separator (U+001E), the two ASCII characters made for this.
// Parsing 50,000 x 45 cells this way is a split; as JSON it was the
// host's largest cost (bench/exportList.ts). Neither character can stand
// in a cell of an .xlsx (XML 1.0 forbids them), so taking them out of a
// cell loses nothing the file could have held.

import { fail, ok, type Result } from '../contract/result';

const unit = '\u001f';
const record = '\u001e';

const clean = (cell: string): string =>
  cell.replaceAll(unit, '').replaceAll(record, '');

const hasSeparator = (text: string) =>
  text.includes(unit) || text.includes(record);

export const packRowsText = (rows: readonly (readonly string[])[]): string => {
  const parts: string[] = [];
  for (const row of rows) {
    // One look per row instead of two per cell: cells almost never hold
    // a separator, and the row's text without any added tells.
    const cells = hasSeparator(row.join('')) ? row.map(clean) : row;
    parts.push(cells.join(unit), record);
  }
  return parts.join('');
};

const invalidRows = (message: string, field = 'rows') =>
  fail('invalid-arguments', message, { field });

/**
 * How many rows the text holds, each checked to have `width` cells, without
 * making a string of any cell: the check runs before anything is written,
 * and rowsOfText then makes each row's cells only as the writer needs them,
 * so none outlive their row (for 50,000 x 45 cells, holding them all made
 * the garbage collector the export's largest cost).
 */
export const countRowsText = (
  text: string,
  width: number,
  maxRows: number,
): Result<number> => {
  if (text !== '' && !text.endsWith(record)) {
    return invalidRows('rows do not end with a row separator');
  }
  let rows = 0;
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf(record, start);
    let cells = 1;
    for (let at = text.indexOf(unit, start); at !== -1 && at < end; ) {
      cells++;
      at = text.indexOf(unit, at + 1);
    }
    if (cells !== width) {
      return invalidRows(
        `rows[${rows}] has ${cells} cells; the list has ${width} columns`,
        `rows[${rows}]`,
      );
    }
    rows++;
    if (rows > maxRows) return invalidRows(`rows: over ${maxRows} rows`);
    start = end + 1;
  }
  return ok(rows);
};

/** The rows of a text countRowsText accepted, one at a time. */
export function* rowsOfText(text: string): Iterable<string[]> {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf(record, start);
    yield text.slice(start, end).split(unit);
    start = end + 1;
  }
}

/** The rows back, each checked to have `width` cells; errors name the row. */
export const unpackRowsText = (
  text: string,
  width: number,
  maxRows: number,
): Result<string[][]> => {
  const counted = countRowsText(text, width, maxRows);
  return counted.ok ? ok([...rowsOfText(text)]) : counted;
};
