// Reads an iSonen participant export (.xlsx) into a SheetTable with
// exceljs's streaming reader: the in-memory workbook took 4-5 s and over
// 1 GB for 50,000 rows here, the streaming reader 1.1-1.4 s
// (shared/TOOLCHAIN.md). Takes the first sheet that has data, because some
// exports carry empty extra sheets.
//
// Measured: a 50,000-participant demo export (68,500 rows x 44 columns,
// 17 MB) took 7.9-9.5 s of CPU on the shared 2-core machine at load ~14,
// nearly all of it in exceljs's XML parsing; `racedesk check` on that
// file (read and fold) peaked at 470 MB resident.
// Known gap: exceljs's streaming reader keeps only the last run of an
// inline rich-text cell (shared-string rich text, Excel's way, is whole).

import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

import { fail, ok, type Result } from '../../shared/contract/result';
import type { SheetRow, SheetTable } from '../../shared/isonen/sheet';
import { cellText } from './cellText';

export type ReadProgress = (rowsRead: number) => void;

const progressEvery = 1000;

// An .xlsx is a zip: anything else is refused before exceljs sees it.
const zipMagic = [0x50, 0x4b, 0x03, 0x04];

const isZip = (bytes: Uint8Array) =>
  zipMagic.every((byte, index) => bytes[index] === byte);

const rowTexts = (row: ExcelJS.Row): string[] => {
  const texts: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    texts[column - 1] = cellText(cell.value, cell.numFmt);
  });
  return Array.from(texts, (text) => text ?? '');
};

const hasText = (texts: readonly string[]) =>
  texts.some((text) => text.trim() !== '');

const sheetName = (sheet: object): string =>
  'name' in sheet && typeof sheet.name === 'string' ? sheet.name : '';

type SheetRead = Omit<SheetTable, 'fileName'>;

/** The sheet's header row and data rows, or null when it has no data. */
const readWorksheet = async (
  sheet: ExcelJS.stream.xlsx.WorksheetReader,
  onProgress: ReadProgress | undefined,
): Promise<SheetRead | null> => {
  let headers: string[] | null = null;
  let headerRow = 0;
  const rows: SheetRow[] = [];

  for await (const row of sheet) {
    const texts = rowTexts(row);
    if (!hasText(texts)) continue;
    if (headers === null) {
      // Trailing empty header cells are formatting, not columns.
      const last = texts.findLastIndex((text) => text.trim() !== '');
      headers = texts.slice(0, last + 1);
      headerRow = row.number;
      continue;
    }
    const cells = headers.map((_, index) => texts[index] ?? '');
    rows.push({ row: row.number, cells });
    if (rows.length % progressEvery === 0) onProgress?.(rows.length);
  }

  if (headers === null) return null;
  onProgress?.(rows.length);
  return { sheetName: sheetName(sheet), headers, headerRow, rows };
};

/** Never throws: a file that is not a readable .xlsx is an error result. */
export const readSheet = async (
  bytes: Uint8Array,
  fileName: string,
  onProgress?: ReadProgress,
): Promise<Result<SheetTable>> => {
  if (!isZip(bytes)) {
    return fail(
      'unreadable-file',
      `${fileName} is not an Excel workbook (.xlsx).`,
      { fileName },
    );
  }

  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(
      Readable.from([buffer]),
      {
        sharedStrings: 'cache',
        styles: 'cache',
        hyperlinks: 'ignore',
        worksheets: 'emit',
        entries: 'ignore',
      },
    );
    for await (const sheet of workbook) {
      const read = await readWorksheet(sheet, onProgress);
      if (read) return ok({ fileName, ...read });
    }
    return fail('empty-file', `${fileName} has no sheet with data.`, {
      fileName,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(
      'unreadable-file',
      `${fileName} cannot be read as an Excel workbook (.xlsx): ${detail}`,
      { fileName },
    );
  }
};
