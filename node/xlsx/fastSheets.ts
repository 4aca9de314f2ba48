// The workbook's sheets in tab order for readSheet, read without exceljs:
// workbookIndex.ts for the workbook parts, sheetRows.ts for each sheet.
// exceljsSheets.ts gives the same from exceljs, as the reference the
// tests hold this reader to.

import type { RawRow } from './sheetRows';
import { sheetRows } from './sheetRows';
import { workbookIndex } from './workbookIndex';
import { entryText, type ZipEntry } from './zipEntries';

/** A sheet's name and its rows with cells, in batches. */
export type SheetSource = { name: string; rows: AsyncIterable<RawRow[]> };

// Big chunks: fewer async steps and string joins for a 100+ MB sheet.
const sheetChunkSize = 1 << 20;

export async function* fastSheets(
  bytes: Uint8Array,
  entries: ReadonlyMap<string, ZipEntry>,
): AsyncGenerator<SheetSource> {
  const index = await workbookIndex(bytes, entries);
  for (const { name, path } of index.sheets) {
    const entry = entries.get(path);
    if (!entry) continue;
    const chunks = entryText(bytes, entry, sheetChunkSize);
    yield { name, rows: sheetRows(chunks, index) };
  }
}
