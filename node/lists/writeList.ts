// Writes a list to .xlsx with exceljs's streaming writer, row by row, so a
// list of 50,000 people stays fast and small (shared/TOOLCHAIN.md: 0.8 s and
// 140 MB for 50,000 rows x 15 columns, where the in-memory workbook took
// 4-5 s and over 1 GB). The header row is bold and frozen; every cell is
// text, as in iSonen's own export.
//
// Measured with measure.ts, 50,000 participants, shared 2-core machine at
// load 6: the lists handed out (3-6 columns) 0.3-1.4 s and +10 MB over the
// ~275 MB the folded participants take; the organizer's list with 15
// columns 2.1 s CPU, +33 MB; with all 45 columns 5.4 s CPU, +53 MB, most
// of it in exceljs writing 2.25 million cells.

import ExcelJS from 'exceljs';
import type { ListContent } from '../../shared/lists/rows';

export type WrittenList = {
  rows: number;
  people: number;
  columns: number;
};

export type ListSheet = Pick<
  ListContent,
  'headers' | 'widths' | 'cells' | 'people'
>;

const plainStyle: Partial<ExcelJS.Style> = {};

const shareStyle = (cell: ExcelJS.Cell) => {
  cell.style = plainStyle;
};

export const writeList = async (
  content: ListSheet,
  path: string,
  sheetName = 'Liste',
): Promise<WrittenList> => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    // Inline strings: shared strings cost more CPU at the same size
    // (node/xlsx/writeSheet.ts measured it).
    useSharedStrings: false,
    // Styles only for the bold header; the rows carry none.
    useStyles: true,
  });
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = content.headers.map((header, index) => ({
    header,
    width: content.widths[index] ?? 12,
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();

  let rows = 0;
  for (const cells of content.cells()) {
    const row = sheet.addRow(cells.map((cell) => (cell === '' ? null : cell)));
    // exceljs gives every cell a new empty style object and works out its
    // style id from scratch; one shared object is looked up once. 50,000 x
    // 45 cells: 4.8 s instead of 8.1 s (3.7 s with no styles at all).
    row.eachCell(shareStyle);
    row.commit();
    rows++;
  }
  sheet.commit();
  await workbook.commit();
  return { rows, people: content.people, columns: content.headers.length };
};
