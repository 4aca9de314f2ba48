// A spreadsheet as the import reads it: header names and text cells, with
// the row numbers Excel shows. Reading .xlsx happens in node/ (exceljs); the
// rest of the import is pure and runs the same in the desk, the CLI and the
// central service.

export type SheetRow = {
  /** 1-based row number as Excel shows it. */
  row: number;
  /** One text per header column; '' for an empty cell. */
  cells: string[];
};

export type SheetTable = {
  fileName: string;
  sheetName: string;
  /** Header texts in column order (column A first). */
  headers: string[];
  /** Row number of the header row, usually 1. */
  headerRow: number;
  rows: SheetRow[];
};
