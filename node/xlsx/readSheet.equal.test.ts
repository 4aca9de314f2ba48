import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { exportRow, exportTable } from '../../shared/demo/badExport';
import { demoExport } from '../../shared/demo/demoExport';
import type { SheetTable } from '../../shared/isonen/sheet';
import { readSheetWith } from './readSheet';
import { writeSheet } from './writeSheet';

// The fast reader against exceljs's (the reader readSheet used before) on
// every kind of file the readSheet tests build: same SheetTable or same
// error, cell for cell.

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'racedesk-equal-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const expectSameRead = async (name: string) => {
  const bytes = new Uint8Array(await readFile(join(dir, name)));
  const fast = await readSheetWith('fast', bytes, name);
  const reference = await readSheetWith('exceljs', bytes, name);
  expect(fast).toEqual(reference);
  return fast;
};

const inMemory = async (name: string, rows: ExcelJS.CellValue[][]) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Ark1');
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(join(dir, name));
  return sheet;
};

describe('the fast reader reads as exceljs does', () => {
  it('a 2000-participant demo export', async () => {
    const table = demoExport({ participants: 2000, seed: 11 });
    await writeSheet(table, join(dir, 'demo.xlsx'));
    const read = await expectSameRead('demo.xlsx');
    expect(read.ok && read.value.rows.length).toBe(table.rows.length);
  });

  it('a demo export with date and time cells', async () => {
    const table = demoExport({ participants: 300, seed: 12 });
    await writeSheet(table, join(dir, 'typed.xlsx'), {
      typedColumns: ['Fødselsdato', 'Dato', 'Kl.', 'Påmeldt kl.'],
    });
    await expectSameRead('typed.xlsx');
  });

  it('a demo export saved with shared strings', async () => {
    const table: SheetTable = demoExport({ participants: 300, seed: 13 });
    await inMemory('shared.xlsx', [
      table.headers,
      ...table.rows.map((row) => row.cells),
    ]);
    await expectSameRead('shared.xlsx');
  });

  it('dates, times, numbers, rich text and formulas as Excel stores them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ark1');
    sheet.addRow(['Fornavn', 'Fødselsdato', 'Kl.', 'Sum', 'Merknad', 'Formel']);
    const row = sheet.addRow([
      'Kari & <Ola>',
      33000,
      0.5104166666666666,
      1234.5,
      { richText: [{ text: 'Hei ' }, { text: 'du', font: { bold: true } }] },
      { formula: 'B2+1', result: 33001 },
    ]);
    row.getCell(2).numFmt = 'd/m/yyyy';
    row.getCell(3).numFmt = 'h:mm';
    row.getCell(6).numFmt = 'dd.mm.yyyy';
    const more = sheet.addRow([
      'Per',
      45000.75,
      0.25,
      -0.5,
      { formula: 'A3&"x"', result: 'Perx' },
      { formula: 'B3' },
    ]);
    more.getCell(2).numFmt = 'dd.mm.yyyy hh:mm';
    more.getCell(3).numFmt = '[h]:mm:ss';
    more.getCell(4).numFmt = '0.00 "kr"';
    await workbook.xlsx.writeFile(join(dir, 'excel.xlsx'));
    await expectSameRead('excel.xlsx');
  });

  it('a title row above the header and blank rows between', async () => {
    await inMemory('title.xlsx', [
      ['Deltakerliste Bislettløpet 2025'],
      [],
      ['Fornavn', 'Etternavn', 'Klasse'],
      ['Kari', 'Nordmann', 'K Senior'],
      [],
      ['Ola', null, 'M Senior'],
    ]);
    await expectSameRead('title.xlsx');
  });

  it('a workbook with empty extra sheets', async () => {
    const table = exportTable([exportRow(1), {}, exportRow(2)]);
    await writeSheet(table, join(dir, 'sheets.xlsx'), {
      emptySheetsBefore: ['Tom'],
      emptySheetsAfter: ['Ark2', 'Ark3'],
    });
    await expectSameRead('sheets.xlsx');
  });

  it('a workbook without data', async () => {
    await writeSheet(exportTable([], { headers: [] }), join(dir, 'empty.xlsx'));
    const read = await expectSameRead('empty.xlsx');
    expect(read.ok).toBe(false);
  });
});
