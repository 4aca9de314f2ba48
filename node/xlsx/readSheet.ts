// Reads an iSonen participant export (.xlsx) into a SheetTable. The zip is
// opened through its central directory (zipEntries.ts: exceljs's own
// one-pass unzip loses entries at random) and its XML scanned directly
// (fastSheets.ts). Takes the first sheet, in tab order, that has data,
// because some exports carry empty extra sheets.
//
// Why not exceljs's streaming reader any more: on a 50,000-participant
// demo export (68,690 rows x 44 columns, 17 MB) it took 6.0-8.0 s of CPU,
// nearly all in its XML parsing and garbage collection; the fast reader
// takes 1.5-1.7 s at 260 MB peak RSS against exceljs's 350 MB
// (readSheet.bench.ts, shared 2-core machine at load 5). readSheetWith
// keeps exceljs selectable as the reference the tests compare against
// (readSheet.equal.test.ts). It is no fallback: both read the same fixed
// part paths and plain (unprefixed) element names, so a file the fast
// reader cannot read, exceljs's could not either.

import { fail, ok, type Result } from '../../shared/contract/result';
import { checkIsonenExport, mapHeaders } from '../../shared/isonen/headers';
import type { SheetRow, SheetTable } from '../../shared/isonen/sheet';
import { exceljsSheets } from './exceljsSheets';
import { fastSheets, type SheetSource } from './fastSheets';
import type { RawRow } from './sheetRows';
import { readZipEntries } from './zipEntries';

export type ReadProgress = (rowsRead: number) => void;

const progressEvery = 1000;

// An .xlsx is a zip: anything else is refused before exceljs sees it.
const zipMagic = [0x50, 0x4b, 0x03, 0x04];

const isZip = (bytes: Uint8Array) =>
  zipMagic.every((byte, index) => bytes[index] === byte);

// .xls files and encrypted .xlsx files are both OLE compound documents.
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const isOleFile = (bytes: Uint8Array) =>
  oleMagic.every((byte, index) => bytes[index] === byte);

const hasText = (texts: readonly string[]) =>
  texts.some((text) => text.trim() !== '');

type SheetRead = Omit<SheetTable, 'fileName'>;

// Some lists carry a title or a date above the header row. The header is
// the first of the leading rows that reads as an iSonen header; when none
// does (some other spreadsheet), the first row with text, so the import
// can say what the file lacks.
const headerSearchRows = 10;

const looksLikeExportHeader = (texts: string[]) =>
  checkIsonenExport(mapHeaders(texts)) === null;

const asHeaders = (texts: string[]) =>
  // Trailing empty header cells are formatting, not columns.
  texts.slice(0, texts.findLastIndex((text) => text.trim() !== '') + 1);

type HeaderSearch = { header: RawRow | null; width: number };

/** The sheet's header row and data rows, or null when it has no data. */
const readWorksheet = async (
  sheet: SheetSource,
  onProgress: ReadProgress | undefined,
): Promise<SheetRead | null> => {
  const search: HeaderSearch = { header: null, width: 0 };
  const leading: RawRow[] = [];
  const rows: SheetRow[] = [];
  const addRow = (raw: RawRow) => {
    // Readers give each row its own dense array: cut or pad it in place.
    const cells = raw.texts;
    if (cells.length > search.width) cells.length = search.width;
    while (cells.length < search.width) cells.push('');
    rows.push({ row: raw.number, cells });
    if (rows.length % progressEvery === 0) onProgress?.(rows.length);
  };
  const settleHeader = (header: RawRow) => {
    search.header = header;
    search.width = asHeaders(header.texts).length;
    for (const raw of leading) {
      if (raw.number > header.number) addRow(raw);
    }
    leading.length = 0;
  };

  for await (const batch of sheet.rows) {
    for (const raw of batch) {
      if (!hasText(raw.texts)) continue;
      if (search.header) {
        addRow(raw);
        continue;
      }
      leading.push(raw);
      const first = leading[0];
      if (looksLikeExportHeader(raw.texts)) settleHeader(raw);
      else if (first && leading.length === headerSearchRows) {
        settleHeader(first);
      }
    }
  }
  const first = leading[0];
  if (!search.header && first) settleHeader(first);

  if (!search.header) return null;
  onProgress?.(rows.length);
  return {
    sheetName: sheet.name,
    headers: asHeaders(search.header.texts),
    headerRow: search.header.number,
    rows,
  };
};

export type SheetReader = 'fast' | 'exceljs';

const readers = { fast: fastSheets, exceljs: exceljsSheets } as const;

/** Never throws: a file that is not a readable .xlsx is an error result. */
export const readSheet = (
  bytes: Uint8Array,
  fileName: string,
  onProgress?: ReadProgress,
): Promise<Result<SheetTable>> =>
  readSheetWith('fast', bytes, fileName, onProgress);

/** readSheet with a chosen reader: exceljs is the tests' reference. */
export const readSheetWith = async (
  reader: SheetReader,
  bytes: Uint8Array,
  fileName: string,
  onProgress?: ReadProgress,
): Promise<Result<SheetTable>> => {
  const unreadable = (detail: string) =>
    fail(
      'unreadable-file',
      `${fileName} cannot be read as an Excel workbook (.xlsx): ${detail}`,
      { fileName },
    );
  if (!isZip(bytes)) {
    const hint = isOleFile(bytes)
      ? ' It is an old Excel file (.xls) or a password-protected workbook:' +
        ' open it in Excel and save it as .xlsx without a password.'
      : '';
    return fail(
      'unreadable-file',
      `${fileName} is not an Excel workbook (.xlsx).${hint}`,
      { fileName },
    );
  }
  const entries = readZipEntries(bytes);
  if (!entries.ok) return unreadable(entries.error.message);
  if (!entries.value.has('xl/workbook.xml')) {
    return unreadable('it has no workbook part');
  }

  try {
    for await (const sheet of readers[reader](bytes, entries.value)) {
      const read = await readWorksheet(sheet, onProgress);
      if (read) return ok({ fileName, ...read });
    }
    return fail('empty-file', `${fileName} has no sheet with data.`, {
      fileName,
    });
  } catch (error) {
    return unreadable(error instanceof Error ? error.message : String(error));
  }
};
