// The Lister page as a person uses it: pick a list, export it to Excel,
// read the export log; and the written file read back with exceljs.

import { join } from 'node:path';

import { expect, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';

import { type ListPurposeId, listPurposes } from '../../shared/lists/purposes';
import { projectRoot } from '../host';

const screenshots = join(projectRoot, 'e2e', 'artifacts', 'screenshots');

export type Sheet = { headers: string[]; rows: string[][] };

/** The first sheet of an .xlsx as text: the header row, then the rows. */
export const readBack = async (path: string): Promise<Sheet> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`${path} has no sheet`);
  const texts = (row: ExcelJS.Row) =>
    Array.from({ length: sheet.columnCount }, (_, i) => {
      const value = row.getCell(i + 1).value;
      return value === null || value === undefined ? '' : String(value);
    });
  const rows: string[][] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push(texts(row));
  });
  return { headers: texts(sheet.getRow(1)), rows };
};

export class ListsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('tab', { name: 'Lister' }).click();
    await expect(
      this.page.getByRole('heading', { name: 'Lister med formål' }),
    ).toBeVisible();
  }

  async choose(list: ListPurposeId) {
    await this.page
      .getByRole('combobox', { name: 'Liste', exact: true })
      .click();
    await this.page
      .getByRole('option', { name: listPurposes[list].title.nb })
      .click();
  }

  get saved(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'lagret i' });
  }

  /** Exports the chosen list; the path the page says it went to. */
  async export(): Promise<string> {
    const previous =
      (await this.saved.count()) > 0 ? await this.saved.textContent() : null;
    await this.page
      .getByRole('button', { name: 'Eksporter til Excel' })
      .click();
    await expect(this.saved).toContainText(/\.xlsx$/, { timeout: 30_000 });
    // Each export's line names its own file.
    if (previous !== null) await expect(this.saved).not.toHaveText(previous);
    const text = (await this.saved.textContent()) ?? '';
    return text.slice(text.indexOf('lagret i ') + 'lagret i '.length);
  }

  /**
   * Records the organizer's decision about the external list: the switch,
   * then the confirmation (or its cancel), as the operator signed in.
   */
  async allowExternal(confirm: boolean) {
    await this.page
      .getByRole('switch', { name: /Arrangøren tillater ekstern/ })
      .click();
    const dialog = this.page.getByRole('dialog', {
      name: /Tillate ekstern deltakerliste/,
    });
    await expect(dialog).toBeVisible();
    await dialog
      .getByRole('button', {
        name: confirm ? 'Ja, arrangøren tillater det' : 'Avbryt',
      })
      .click();
    await expect(dialog).toBeHidden();
  }

  get permission(): Locator {
    return this.page.getByTestId('external-permission');
  }

  get log(): Locator {
    return this.page
      .getByRole('table', { name: 'Eksportlogg' })
      .locator('tbody tr');
  }

  async shot(name: string) {
    await this.page.screenshot({
      path: join(screenshots, `${name}.png`),
      fullPage: true,
    });
  }
}
