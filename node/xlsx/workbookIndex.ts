// The workbook-level parts the fast reader needs, read with xmlText.ts:
// sheets in tab order (workbook.xml and its rels), shared strings, and
// which cell styles show numbers as dates or times (styles.xml).

import { attribute, decodeXml, findElement, stringItemText } from './xmlText';
import { entryText, type ZipEntry } from './zipEntries';

export type SheetPart = { name: string; path: string };

export type WorkbookIndex = {
  sheets: SheetPart[];
  sharedStrings: string[];
  /** Per cell style (xf) index: its number format when it shows a date. */
  dateFormats: (string | undefined)[];
  /** Serial day 0 is 1904-01-01 rather than 1899-12-30. */
  date1904: boolean;
};

/** The whole text of a part, or '' when the zip has no such entry. */
export const partText = async (
  bytes: Uint8Array,
  entries: ReadonlyMap<string, ZipEntry>,
  path: string,
): Promise<string> => {
  const entry = entries.get(path);
  if (!entry) return '';
  let text = '';
  for await (const chunk of entryText(bytes, entry)) text += chunk;
  return text;
};

/** Each start tag `<name ...>` in text, as its own string. */
const startTags = (text: string, name: string): string[] => {
  const tags: string[] = [];
  let at = findElement(text, name, 0);
  while (at >= 0) {
    const end = text.indexOf('>', at);
    if (end < 0) break;
    tags.push(text.slice(at, end + 1));
    at = findElement(text, name, end);
  }
  return tags;
};

/** The text between `<name ...>` and `</name>`, or '' without one. */
const section = (text: string, name: string): string => {
  const start = findElement(text, name, 0);
  if (start < 0) return '';
  const end = text.indexOf(`</${name}>`, start);
  return end < 0 ? '' : text.slice(start, end);
};

/** Where a relationship target points inside the zip. */
const entryPath = (target: string) => {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
};

const sheetNumber = (path: string) => /(\d+)\.xml$/.exec(path)?.[1] ?? '0';

const sheetParts = (
  workbook: string,
  rels: string,
  entries: ReadonlyMap<string, ZipEntry>,
): SheetPart[] => {
  const targets = new Map<string, string>();
  for (const tag of startTags(rels, 'Relationship')) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, decodeXml(target));
  }
  const inTabOrder = startTags(workbook, 'sheet').flatMap((tag) => {
    const id = attribute(tag, 'r:id');
    const target = id ? targets.get(id) : undefined;
    const name = decodeXml(attribute(tag, 'name') ?? '');
    return target ? [{ name, path: entryPath(target) }] : [];
  });
  if (inTabOrder.length > 0) return inTabOrder;
  // Without a readable workbook part, the sheets in the zip's number order.
  return [...entries.keys()]
    .filter((path) => /^xl\/worksheets\/sheet\d+\.xml$/.test(path))
    .sort((a, b) => Number(sheetNumber(a)) - Number(sheetNumber(b)))
    .map((path) => ({ path, name: `Sheet${sheetNumber(path)}` }));
};

const sharedStringList = (text: string): string[] => {
  const strings: string[] = [];
  let at = findElement(text, 'si', 0);
  while (at >= 0) {
    const tagEnd = text.indexOf('>', at);
    if (tagEnd < 0) break;
    if (text.charCodeAt(tagEnd - 1) === 47 /* / */) {
      strings.push('');
      at = findElement(text, 'si', tagEnd);
      continue;
    }
    const close = text.indexOf('</si>', tagEnd);
    if (close < 0) break;
    strings.push(stringItemText(text.slice(tagEnd + 1, close)));
    at = findElement(text, 'si', close + 5);
  }
  return strings;
};

// Excel's built-in date and time formats (ids 14-22 and 45-47), which a
// file refers to by id alone. 22 is Excel's own m/d/yy h:mm (exceljs's
// table has the h in quotes, so it reads no time there).
const builtInDateFormats: Readonly<Record<number, string>> = {
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
};

/**
 * Does a custom format show a date or time: a d, m, y, h or s outside
 * quoted text, [brackets] (colours, locales, elapsed-time markers count
 * through their letters elsewhere), escapes and padding characters.
 */
export const showsDate = (format: string): boolean =>
  /[dmyhs]/i.test(
    format
      .replace(/"[^"]*"/g, '')
      .replace(/\[[^\]]*\]/g, '')
      .replace(/[\\_*]./g, ''),
  );

const dateFormatList = (styles: string): (string | undefined)[] => {
  const custom = new Map<number, string>();
  for (const tag of startTags(section(styles, 'numFmts'), 'numFmt')) {
    const id = Number(attribute(tag, 'numFmtId'));
    const code = attribute(tag, 'formatCode');
    if (code !== null) custom.set(id, decodeXml(code));
  }
  return startTags(section(styles, 'cellXfs'), 'xf').map((tag) => {
    const id = Number(attribute(tag, 'numFmtId') ?? '0');
    const format = custom.get(id) ?? builtInDateFormats[id];
    return format !== undefined && showsDate(format) ? format : undefined;
  });
};

export const workbookIndex = async (
  bytes: Uint8Array,
  entries: ReadonlyMap<string, ZipEntry>,
): Promise<WorkbookIndex> => {
  const part = (path: string) => partText(bytes, entries, path);
  const workbook = await part('xl/workbook.xml');
  const workbookPr = startTags(workbook, 'workbookPr')[0] ?? '';
  const date1904 = attribute(workbookPr, 'date1904');
  return {
    sheets: sheetParts(
      workbook,
      await part('xl/_rels/workbook.xml.rels'),
      entries,
    ),
    sharedStrings: sharedStringList(await part('xl/sharedStrings.xml')),
    dateFormats: dateFormatList(await part('xl/styles.xml')),
    date1904: date1904 === '1' || date1904 === 'true',
  };
};
