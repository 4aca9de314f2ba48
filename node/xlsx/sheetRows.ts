// A worksheet's rows as cell texts, scanned straight from the inflated XML
// with indexOf (xmlText.ts). Replaces exceljs's WorksheetReader, whose SAX
// parsing and per-cell objects were most of readSheet's time and garbage.
// The sheet is read in chunks; only the rows finished so far are scanned,
// so memory stays near one chunk plus the rows kept.

import { dateCellText, excelSerialToDate } from './cellText';
import type { WorkbookIndex } from './workbookIndex';
import {
  attribute,
  decodeXml,
  detached,
  findElement,
  stringItemText,
} from './xmlText';

/** One row with text: its Excel row number and texts from column A. */
export type RawRow = { number: number; texts: string[] };

/** The raw text of the first `<name>` element in text[from, to), or null. */
const elementText = (
  text: string,
  name: string,
  from: number,
  to: number,
): string | null => {
  const at = findElement(text, name, from, to);
  if (at < 0) return null;
  const tagEnd = text.indexOf('>', at);
  if (tagEnd < 0 || tagEnd >= to) return null;
  if (text.charCodeAt(tagEnd - 1) === 47 /* / */) return '';
  const close = text.indexOf(`</${name}>`, tagEnd);
  return close < 0 || close > to ? null : text.slice(tagEnd + 1, close);
};

// A cell's attributes, read by character codes into one reused record:
// three million cells make every allocation count.
const cellType = {
  number: 0,
  shared: 1,
  inline: 2,
  boolean: 3,
  // str (formula text), e (error), d (ISO date, Strict files only)
  text: 4,
} as const;

type CellTag = { column: number; type: number; style: number };

const isSpace = (code: number) =>
  code === 32 || code === 9 || code === 10 || code === 13;

const typeOf = (row: string, start: number, end: number): number => {
  const first = row.charCodeAt(start);
  if (end - start === 1) {
    if (first === 115 /* s */) return cellType.shared;
    if (first === 98 /* b */) return cellType.boolean;
    if (first === 110 /* n */) return cellType.number;
    return cellType.text;
  }
  return row.startsWith('inlineStr', start) && end - start === 9
    ? cellType.inline
    : cellType.text;
};

const columnAt = (row: string, start: number, end: number): number => {
  let column = 0;
  for (let i = start; i < end; i++) {
    const code = row.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
};

const integerAt = (row: string, start: number, end: number): number => {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = row.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return end > start ? value : -1;
};

/** Reads the attributes of the `<c` tag in row[from, to) into tag. */
const readCellTag = (row: string, from: number, to: number, tag: CellTag) => {
  tag.column = 0;
  tag.type = cellType.number;
  tag.style = -1;
  let i = from;
  while (i < to) {
    const code = row.charCodeAt(i);
    if (isSpace(code) || code === 47 /* / */) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < to && row.charCodeAt(i) !== 61 /* = */) i++;
    let nameEnd = i;
    while (nameEnd > nameStart && isSpace(row.charCodeAt(nameEnd - 1))) {
      nameEnd--;
    }
    i++;
    while (i < to && isSpace(row.charCodeAt(i))) i++;
    const quote = row[i];
    if (quote !== '"' && quote !== "'") return;
    const valueStart = i + 1;
    const valueEnd = row.indexOf(quote, valueStart);
    if (valueEnd < 0 || valueEnd > to) return;
    i = valueEnd + 1;
    if (nameEnd - nameStart !== 1) continue;
    const name = row.charCodeAt(nameStart);
    if (name === 114 /* r */) tag.column = columnAt(row, valueStart, valueEnd);
    else if (name === 115 /* s */) {
      tag.style = integerAt(row, valueStart, valueEnd);
    } else if (name === 116 /* t */) {
      tag.type = typeOf(row, valueStart, valueEnd);
    }
  }
};

const days1904 = 1462;

/** An inline string cell's text: one plain run fast, else in full. */
const inlineText = (row: string, from: number, to: number): string | null => {
  if (row.startsWith('<is><t>', from)) {
    const close = row.indexOf('</t>', from + 7);
    if (close >= 0 && close < to && row.startsWith('</is>', close + 4)) {
      return detached(decodeXml(row.slice(from + 7, close)));
    }
  }
  const item = elementText(row, 'is', from, to);
  return item === null ? null : stringItemText(item);
};

/** The text of one cell, or null when it holds no value. */
const valueText = (
  row: string,
  tag: CellTag,
  from: number,
  to: number,
  index: WorkbookIndex,
): string | null => {
  if (tag.type === cellType.inline) return inlineText(row, from, to);
  const value = elementText(row, 'v', from, to);
  if (value === null) {
    // A formula not yet calculated has no value, but is a cell.
    return findElement(row, 'f', from, to) >= 0 ? '' : null;
  }
  switch (tag.type) {
    case cellType.shared:
      return index.sharedStrings[Number.parseInt(value, 10)] ?? '';
    case cellType.boolean:
      return Number.parseInt(value, 10) !== 0 ? 'TRUE' : 'FALSE';
    case cellType.text:
      return detached(decodeXml(value));
    default: {
      const number = Number.parseFloat(value);
      const format = tag.style < 0 ? undefined : index.dateFormats[tag.style];
      if (format === undefined || Number.isNaN(number)) return String(number);
      const serial = index.date1904 ? number + days1904 : number;
      return dateCellText(excelSerialToDate(serial), format);
    }
  }
};

/** Texts by column of a row body (what lies between <row> and </row>). */
const rowTexts = (row: string, index: WorkbookIndex): string[] => {
  const texts: string[] = [];
  const tag: CellTag = { column: 0, type: 0, style: -1 };
  let column = 0;
  let at = findElement(row, 'c', 0);
  while (at >= 0) {
    const tagEnd = row.indexOf('>', at);
    if (tagEnd < 0) break;
    readCellTag(row, at + 2, tagEnd, tag);
    column = tag.column || column + 1;
    if (row.charCodeAt(tagEnd - 1) === 47 /* / */) {
      at = findElement(row, 'c', tagEnd);
      continue;
    }
    let close = row.indexOf('</c>', tagEnd);
    if (close < 0) close = row.length;
    const text = valueText(row, tag, tagEnd + 1, close, index);
    if (text !== null) texts[column - 1] = text;
    at = findElement(row, 'c', close);
  }
  for (let i = 0; i < texts.length; i++) texts[i] ??= '';
  return texts;
};

/**
 * The rows of a worksheet part, a batch for each chunk of XML. Rows
 * without a cell are left out; Excel's own row numbers are kept, and a
 * row without an r attribute is the one after the last.
 */
export async function* sheetRows(
  chunks: AsyncIterable<string>,
  index: WorkbookIndex,
): AsyncGenerator<RawRow[]> {
  let buffer = '';
  let lastRow = 0;
  for await (const chunk of chunks) {
    buffer += chunk;
    const batch: RawRow[] = [];
    let done = 0;
    let at = findElement(buffer, 'row', 0);
    while (at >= 0) {
      const tagEnd = buffer.indexOf('>', at);
      if (tagEnd < 0) break;
      const tag = buffer.slice(at, tagEnd + 1);
      const selfClosing = buffer.charCodeAt(tagEnd - 1) === 47; /* / */
      const close = selfClosing ? tagEnd : buffer.indexOf('</row>', tagEnd);
      if (close < 0) break;
      const ref = attribute(tag, 'r');
      lastRow = ref === null ? lastRow + 1 : Number.parseInt(ref, 10);
      if (!selfClosing) {
        const texts = rowTexts(buffer.slice(tagEnd + 1, close), index);
        if (texts.length > 0) batch.push({ number: lastRow, texts });
      }
      done = selfClosing ? tagEnd + 1 : close + 6;
      at = findElement(buffer, 'row', done);
    }
    // Keep the unfinished row; before the first row, keep only a tail
    // long enough to hold a split `<row` (the sheet's head is not needed).
    buffer =
      done > 0 || at >= 0
        ? buffer.slice(at >= 0 ? at : done)
        : buffer.slice(-8);
    if (batch.length > 0) yield batch;
  }
}
