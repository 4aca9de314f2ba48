// Drives exceljs's streaming reader part by part in a fixed order (rels,
// workbook, shared strings, styles, then the sheets in tab order) from
// entries we unzip ourselves (zipEntries.ts explains why).
//
// This calls WorkbookReader's underscore methods, which are exceljs's
// internals: exceljs is pinned (4.4.0) and hasInternals checks they are
// there, so an upgrade that drops them fails with a clear error rather than
// reading wrong. Rows are still parsed by exceljs's own WorksheetReader.

import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

import { entryText, type ZipEntry } from './zipEntries';

type WorksheetReader = ExcelJS.stream.xlsx.WorksheetReader;

type SheetRef = { name: string; rId: string };
type Relationship = { Id: string; Target: string };

type ReaderInternals = {
  model?: { sheets?: SheetRef[] };
  workbookRels?: Relationship[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(
    chunks: AsyncIterable<string>,
    sheetNo: string,
  ): Generator<{ eventType: string; value: WorksheetReader }>;
};

const internalNames = [
  '_parseRels',
  '_parseWorkbook',
  '_parseSharedStrings',
  '_parseStyles',
  '_parseWorksheet',
] as const;

const hasInternals = (reader: object): reader is ReaderInternals =>
  internalNames.every(
    (name) => typeof Reflect.get(reader, name) === 'function',
  );

export type WorkbookSheet = { name: string; reader: WorksheetReader };

/** Where a relationship target points inside the zip. */
const entryPath = (target: string) =>
  target.startsWith('/') ? target.slice(1) : `xl/${target}`;

const sheetNumber = (path: string) => /(\d+)\.xml$/.exec(path)?.[1] ?? '0';

/** Worksheet paths and names in tab order, else in the zip's number order. */
const sheetPaths = (
  internals: ReaderInternals,
  entries: ReadonlyMap<string, ZipEntry>,
): { path: string; name: string }[] => {
  const rels = new Map(
    (internals.workbookRels ?? []).map((rel) => [rel.Id, rel.Target]),
  );
  const inTabOrder = (internals.model?.sheets ?? []).flatMap((sheet) => {
    const target = rels.get(sheet.rId);
    return target ? [{ path: entryPath(target), name: sheet.name }] : [];
  });
  if (inTabOrder.length > 0) return inTabOrder;

  return [...entries.keys()]
    .filter((path) => /^xl\/worksheets\/sheet\d+\.xml$/.test(path))
    .sort((a, b) => Number(sheetNumber(a)) - Number(sheetNumber(b)))
    .map((path) => ({ path, name: `Sheet${sheetNumber(path)}` }));
};

/** The workbook's sheets in tab order, each read row by row on demand. */
export async function* workbookSheets(
  bytes: Uint8Array,
  entries: ReadonlyMap<string, ZipEntry>,
): AsyncGenerator<WorkbookSheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(new Readable(), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  if (!hasInternals(reader)) {
    throw new Error('this exceljs version lacks the streaming internals');
  }
  const part = (path: string) => {
    const entry = entries.get(path);
    return entry ? Readable.from(entryText(bytes, entry)) : null;
  };

  const rels = part('xl/_rels/workbook.xml.rels');
  if (rels) await reader._parseRels(rels);
  const workbook = part('xl/workbook.xml');
  if (workbook) await reader._parseWorkbook(workbook);
  const sharedStrings = part('xl/sharedStrings.xml');
  if (sharedStrings) {
    for await (const _ of reader._parseSharedStrings(sharedStrings)) {
      // With sharedStrings: 'cache' the strings are kept, not yielded.
    }
  }
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);

  for (const { path, name } of sheetPaths(reader, entries)) {
    const entry = entries.get(path);
    if (!entry) continue;
    const chunks = entryText(bytes, entry);
    for (const { eventType, value } of reader._parseWorksheet(
      chunks,
      sheetNumber(path),
    )) {
      if (eventType === 'worksheet') yield { name, reader: value };
    }
  }
}
