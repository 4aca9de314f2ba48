// The results page's hand-over buttons write a file and say where in a
// status line ("… er skrevet til PATH"). The line of the previous file
// stays until the next answer, so a path is read only once the line
// names a file that was not named before the click.

import { expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';

const pathIn = (text: string): string =>
  / er skrevet til (.+)$/.exec(text.trim())?.[1] ?? '';

/** Clicks the button, waits for a new "written to" line, returns its path. */
export const writtenPath = async (
  page: Page,
  button: string,
  said: string,
): Promise<string> => {
  const status = page.getByRole('status').filter({ hasText: said });
  const before = new Set(
    (await status.allTextContents()).map(pathIn).filter((p) => p !== ''),
  );
  await page.getByRole('button', { name: button, exact: true }).click();
  let path = '';
  await expect
    .poll(
      async () => {
        const paths = (await status.allTextContents()).map(pathIn);
        path = paths.find((p) => p !== '' && !before.has(p)) ?? '';
        return path;
      },
      { timeout: 30_000, message: `a new file after "${button}"` },
    )
    .not.toBe('');
  return path;
};

/**
 * The Excel results file's first sheet as rows of cell text, read back
 * with exceljs; empty cells are '' (exceljs gives sparse rows).
 */
export const excelResultRows = async (path: string): Promise<string[][]> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`no sheet in the Excel results ${path}`);
  return sheet
    .getSheetValues()
    .filter(Array.isArray)
    .map((row) => Array.from(row.slice(1), (cell) => String(cell ?? '')));
};
