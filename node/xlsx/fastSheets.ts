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

// 64 KB chunks: 4x zlib's default for fewer async steps; 1 MB ones took
// no less CPU and 10-40 MB more peak memory.
const sheetChunkSize = 1 << 16;

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
