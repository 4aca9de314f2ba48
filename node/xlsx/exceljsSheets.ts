// The workbook's sheets as exceljs's streaming reader gives them
// (workbookParts.ts), in the shape fastSheets.ts gives. readSheet no longer
// uses it: it is the reference the fast reader is tested against
// (readSheet.equal.test.ts) and measured against (readSheet.bench.ts).

import type ExcelJS from 'exceljs';

import { cellText } from './cellText';
import type { SheetSource } from './fastSheets';
import type { RawRow } from './sheetRows';
import { workbookSheets } from './workbookParts';
import type { ZipEntry } from './zipEntries';

const rowTexts = (row: ExcelJS.Row): string[] => {
  const texts: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    texts[column - 1] = cellText(cell.value, cell.numFmt);
  });
  return Array.from(texts, (text) => text ?? '');
};

async function* rowBatches(
  reader: ExcelJS.stream.xlsx.WorksheetReader,
): AsyncGenerator<RawRow[]> {
  for await (const row of reader) {
    yield [{ number: row.number, texts: rowTexts(row) }];
  }
}

export async function* exceljsSheets(
  bytes: Uint8Array,
  entries: ReadonlyMap<string, ZipEntry>,
): AsyncGenerator<SheetSource> {
  for await (const sheet of workbookSheets(bytes, entries)) {
    yield { name: sheet.name, rows: rowBatches(sheet.reader) };
  }
}
