import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { exportRow, exportTable } from '../../shared/demo/badExport';
import { demoExport } from '../../shared/demo/demoExport';
import { foldSheet } from '../../shared/isonen/fold';
import { readSheet } from './readSheet';
import { writeSheet } from './writeSheet';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'racedesk-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const readBack = async (name: string) => {
  const bytes = new Uint8Array(await readFile(join(dir, name)));
  return readSheet(bytes, name);
};

describe('readSheet', () => {
  it('reads back what writeSheet wrote, cell for cell', async () => {
    const table = demoExport({ participants: 200, seed: 3 });
    await writeSheet(table, join(dir, 'round.xlsx'));
    const result = await readBack('round.xlsx');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toEqual({ ...table, fileName: 'round.xlsx' });
  });

  it('reads date cells as dd.mm.yyyy and time cells as HH:MM', async () => {
    const table = exportTable([
      exportRow(1, { 'Påmeldt kl.': '20:15:30' }),
      exportRow(2),
    ]);
    await writeSheet(table, join(dir, 'typed.xlsx'), {
      typedColumns: [
        'Fødselsdato',
        'Dato',
        'Kl.',
        'Påmeldt dato',
        'Påmeldt kl.',
      ],
    });
    const result = await readBack('typed.xlsx');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.rows).toEqual(table.rows);
  });

  it('reads dates, times and numbers the way Excel itself stores them', async () => {
    const path = join(dir, 'excel.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ark1');
    sheet.addRow(['Fornavn', 'Fødselsdato', 'Kl.', 'Sum', 'Merknad', 'Formel']);
    const row = sheet.addRow([
      'Kari',
      33000,
      0.5104166666666666,
      1234.5,
      { richText: [{ text: 'Hei ' }, { text: 'du', font: { bold: true } }] },
      { formula: 'B2+1', result: 33001 },
    ]);
    row.getCell(2).numFmt = 'd/m/yyyy';
    row.getCell(3).numFmt = 'h:mm';
    row.getCell(6).numFmt = 'dd.mm.yyyy';
    await workbook.xlsx.writeFile(path);

    const result = await readBack('excel.xlsx');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.rows[0]?.cells).toEqual([
      'Kari',
      '07.05.1990',
      '12:15',
      '1234.5',
      'Hei du',
      '08.05.1990',
    ]);
  });

  it('finds the header row below a title row', async () => {
    const path = join(dir, 'title.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ark1');
    sheet.addRow(['Deltakerliste Bislettløpet 2025']);
    sheet.addRow([]);
    sheet.addRow(['Fornavn', 'Etternavn', 'Klasse']);
    sheet.addRow(['Kari', 'Nordmann', 'K Senior']);
    await workbook.xlsx.writeFile(path);

    const result = await readBack('title.xlsx');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({
      headerRow: 3,
      headers: ['Fornavn', 'Etternavn', 'Klasse'],
      rows: [{ row: 4, cells: ['Kari', 'Nordmann', 'K Senior'] }],
    });
  });

  it('takes the first row as header in a sheet that is no export', async () => {
    const path = join(dir, 'other.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ark1');
    sheet.addRow(['Navn', 'Telefon']);
    sheet.addRow(['Kari Nordmann', '41234567']);
    await workbook.xlsx.writeFile(path);

    const result = await readBack('other.xlsx');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.headers).toEqual(['Navn', 'Telefon']);
    expect(result.value.rows).toHaveLength(1);
  });

  it('reads a workbook written without shared strings', async () => {
    const path = join(dir, 'inline.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('Deltakere');
    sheet.addRow(['Fornavn', 'Etternavn', 'Klasse']).commit();
    sheet.addRow(['Åse', 'Ødegård', 'K Senior']).commit();
    sheet.commit();
    await workbook.commit();

    const result = await readBack('inline.xlsx');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.rows).toEqual([
      { row: 2, cells: ['Åse', 'Ødegård', 'K Senior'] },
    ]);
  });

  it('skips empty extra sheets and rows, keeping Excel row numbers', async () => {
    const table = exportTable([exportRow(1), {}, exportRow(2)]);
    await writeSheet(table, join(dir, 'sheets.xlsx'), {
      emptySheetsBefore: ['Tom'],
      emptySheetsAfter: ['Ark2', 'Ark3'],
    });
    const result = await readBack('sheets.xlsx');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.sheetName).toBe('Deltakere');
    expect(result.value.rows.map((row) => row.row)).toEqual([2, 4]);
    expect(result.value.headerRow).toBe(1);
  });

  it('names the sheet right on every read, not by chance', async () => {
    // exceljs's one-pass unzip dropped the last zip entries at random
    // (exceljs#3064): names came back as "Sheet2" in about half the reads.
    const table = exportTable([exportRow(1)]);
    await writeSheet(table, join(dir, 'again.xlsx'), {
      emptySheetsBefore: ['Tom'],
      emptySheetsAfter: ['Ark2'],
    });
    const bytes = new Uint8Array(await readFile(join(dir, 'again.xlsx')));
    const names = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const result = await readSheet(bytes, 'again.xlsx');
      names.add(result.ok ? result.value.sheetName : result.error.message);
    }
    expect([...names]).toEqual(['Deltakere']);
  });

  it('reports progress while it reads', async () => {
    const table = demoExport({ participants: 1500, seed: 4 });
    await writeSheet(table, join(dir, 'progress.xlsx'));
    const bytes = new Uint8Array(await readFile(join(dir, 'progress.xlsx')));
    const seen: number[] = [];
    await readSheet(bytes, 'progress.xlsx', (rows) => seen.push(rows));
    expect(seen[0]).toBe(1000);
    expect(seen.at(-1)).toBe(table.rows.length);
  });

  it('refuses a file that is not an xlsx with a clear error', async () => {
    const csv = new TextEncoder().encode('Fornavn;Etternavn\nKari;Nordmann\n');
    const result = await readSheet(csv, 'deltakere.csv');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unreadable-file' },
    });
    if (!result.ok) expect(result.error.message).toMatch(/deltakere\.csv/);
  });

  it('tells an old .xls or encrypted workbook to be saved as .xlsx', async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const result = await readSheet(ole, 'deltakere.xls');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/save it as \.xlsx/);
  });

  it('refuses a damaged xlsx without throwing', async () => {
    await writeSheet(exportTable([exportRow(1)]), join(dir, 'whole.xlsx'));
    const whole = await readFile(join(dir, 'whole.xlsx'));
    const cut = new Uint8Array(whole.subarray(0, whole.length / 2));
    await writeFile(join(dir, 'cut.xlsx'), cut);
    const result = await readBack('cut.xlsx');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unreadable-file' },
    });
  });

  it('refuses a workbook without data', async () => {
    await writeSheet(exportTable([], { headers: [] }), join(dir, 'empty.xlsx'));
    const result = await readBack('empty.xlsx');
    expect(result).toMatchObject({ ok: false, error: { code: 'empty-file' } });
  });

  it('gives a table the import folds like the original', async () => {
    const table = demoExport({ participants: 300, seed: 5 });
    await writeSheet(table, join(dir, 'fold.xlsx'), {
      typedColumns: ['Fødselsdato', 'Kl.'],
    });
    const result = await readBack('fold.xlsx');
    if (!result.ok) throw new Error(result.error.message);
    const options = { eventId: 'e', now: '2025-06-01T00:00:00Z' };
    expect(foldSheet(result.value, options)).toEqual(foldSheet(table, options));
  });
});
