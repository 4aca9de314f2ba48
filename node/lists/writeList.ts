// Writes a list to .xlsx row by row, so a list of 50,000 people stays fast
// and small: the sheet's XML is built in chunks (sheetXml.ts) and deflated
// straight into the file (zipWriter.ts). The header row is bold and frozen
// and repeats on printed pages; every cell is text, as in iSonen's export.
//
// Measured with measure.ts, the organizer's list of 50,000 people with all
// 45 columns: exceljs's streaming writer took 5.4-6.3 s of CPU (a Row and
// Cell object and a style lookup per cell, archiver behind it, deflate
// level 1 or 6 alike); this writer takes about a sixth of that
// (node/lists/README.md has the current figures).

import { open, rm } from 'node:fs/promises';
import type { ListContent } from '../../shared/lists/rows';
import { type SheetSource, sheetChunks, workbookParts } from './sheetXml';
import { zipWriter } from './zipWriter';

export type WrittenList = {
  rows: number;
  people: number;
  columns: number;
};

export type ListSheet = Pick<
  ListContent,
  'headers' | 'widths' | 'cells' | 'people'
>;

// Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ].
const sheetNameOf = (name: string): string =>
  name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Liste';

/** Writes the list to `path`; a half-written file is removed. */
export const writeList = async (
  content: ListSheet,
  path: string,
  sheetName = 'Liste',
): Promise<WrittenList> => {
  const handle = await open(path, 'w');
  const counter = { rows: 0 };
  try {
    const zip = zipWriter(handle);
    const parts = workbookParts(sheetNameOf(sheetName));
    for (const [name, xml] of Object.entries(parts)) {
      await zip.add(name, [xml]);
    }
    const source: SheetSource = content;
    await zip.add('xl/worksheets/sheet1.xml', sheetChunks(source, counter));
    await zip.finish();
  } catch (error) {
    await handle.close();
    await rm(path, { force: true });
    throw error;
  }
  await handle.close();
  return {
    rows: counter.rows,
    people: content.people,
    columns: content.headers.length,
  };
};
