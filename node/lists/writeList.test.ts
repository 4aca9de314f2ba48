// Lists written to .xlsx from a made-up iSonen export and read back with
// exceljs: each has exactly its purpose's columns, and no list carries the
// demo people's e-mail, mobile or birth date unless its purpose needs them.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExport } from '../../shared/demo/demoExport';
import { fullName, type Participant } from '../../shared/domain/participant';
import { foldSheet } from '../../shared/isonen/fold';
import { cellFormat } from '../../shared/lists/format';
import {
  type ListOptions,
  type ListPurposeId,
  listPurposes,
  planList,
} from '../../shared/lists/purposes';
import { listContent, viewsWithoutDesk } from '../../shared/lists/rows';
import { readSheet } from '../xlsx/readSheet';
import { writeList } from './writeList';

let dir = '';
let participants: Participant[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'racedesk-lists-'));
  const fold = foldSheet(demoExport({ participants: 400, seed: 7 }), {
    eventId: 'lists',
  });
  participants = fold.participants;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type ReadBack = {
  headers: string[];
  rows: string[][];
  sheet: ExcelJS.Worksheet;
};

const readBack = async (path: string): Promise<ReadBack> => {
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
  return { headers: texts(sheet.getRow(1)), rows, sheet };
};

const exportList = async (
  list: ListPurposeId,
  options: ListOptions = { allowExternal: true },
) => {
  const plan = planList(list, options);
  if (!plan.ok) throw new Error(plan.error.message);
  const content = listContent(
    plan.value,
    viewsWithoutDesk(participants),
    cellFormat('nb'),
  );
  const path = join(dir, `${list}-${Date.now()}.xlsx`);
  const written = await writeList(content, path);
  return { plan: plan.value, content, written, ...(await readBack(path)) };
};

const dotted = (iso: string) =>
  `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The demo people's contact data and birth dates, as cells show them. */
const personalValues = () =>
  participants
    .flatMap((p) => [
      p.email,
      p.mobile,
      p.birthDate,
      dotted(p.birthDate),
      ...p.registrations.map((r) => r.registrarEmail),
    ])
    .filter((value) => value.length > 4);

const leaks = (rows: string[][], values: string[]) => {
  const wanted = new Set(values);
  return rows
    .flat()
    .filter((cell) => cell.split(/[\s,]+/).some((part) => wanted.has(part)));
};

const purposeLists = Object.keys(listPurposes).filter(
  (id): id is ListPurposeId => id in listPurposes,
);

describe('writeList', () => {
  it.each(purposeLists)('writes %s with exactly its columns', async (list) => {
    const { headers, rows, written, plan } = await exportList(list);
    expect(headers).toEqual(plan.columns.map((c) => c.header.nb));
    expect(headers).toHaveLength(listPurposes[list].columns.length);
    expect(rows).toHaveLength(written.rows);
    expect(written.rows).toBeGreaterThan(0);
  });

  it('writes a bold, frozen header row and the column widths', async () => {
    const { sheet, plan } = await exportList('license-list');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(plan.columns[0]?.width);
  });

  it('finds the personal values in the full organizer list', async () => {
    // The scan below must be able to see them when they are there.
    const { rows } = await exportList('participant-list');
    const found = new Set(leaks(rows, personalValues()));
    const first = participants[0];
    expect(found.has(first?.email ?? '')).toBe(true);
    expect(found.has(first?.mobile ?? '')).toBe(true);
  });

  it.each(purposeLists.filter((list) => list !== 'participant-list'))(
    'puts no e-mail, mobile or birth date in %s',
    async (list) => {
      const { rows } = await exportList(list);
      expect(leaks(rows, personalValues())).toEqual([]);
    },
  );

  it('leaves out of the organizer list the columns not chosen', async () => {
    const { rows, headers } = await exportList('participant-list', {
      columns: ['firstName', 'lastName', 'club', 'exercises'],
    });
    expect(headers).toEqual(['Fornavn', 'Etternavn', 'Klubb', 'Øvelser']);
    expect(rows).toHaveLength(participants.length);
    expect(leaks(rows, personalValues())).toEqual([]);
  });

  it('puts every media reservation of the export in the media list', async () => {
    const reserving = participants.filter(
      (p) =>
        p.status === 'active' &&
        Object.values(p.consents).some((consent) => consent === 'no'),
    );
    expect(reserving.length).toBeGreaterThan(0);
    const { rows, headers } = await exportList('media-list');
    // The bib and the reservations; an export has no bibs yet.
    expect(headers[0]).toBe('Startnummer');
    expect(rows).toHaveLength(reserving.length);
    for (const row of rows) expect(row.slice(1)).toContain('Ja');
    const photo = reserving.filter((p) => p.consents.photo === 'no').length;
    expect(rows.filter((row) => row[1] === 'Ja')).toHaveLength(photo);
  });

  it('puts no participant name in the media list', async () => {
    const { rows } = await exportList('media-list');
    const names = new Set(participants.map(fullName));
    expect(rows.flat().filter((cell) => names.has(cell))).toEqual([]);
  });

  it('has one row per person in the lists handed out', async () => {
    for (const list of ['external-list', 'license-list'] as const) {
      const { written } = await exportList(list);
      expect(written.rows).toBe(written.people);
    }
  });

  it('keeps odd cell text exactly, read back by exceljs and the desk', async () => {
    const odd = [
      ['Aas & Bø <IL>', ' leading space', 'line\nbreak', 'tab\tend '],
      ['"quoted"', 'Ærlig Øst Åsen', '', 'emoji 🏃'],
      ['', '', '', 'last only'],
    ];
    const path = join(dir, 'odd.xlsx');
    const written = await writeList(
      {
        headers: ['A & B', 'Navn', 'Tekst', 'Slutt'],
        widths: [10, 10, 10, 10],
        people: odd.length,
        cells: () => odd,
      },
      path,
      'Odd: [list]/with a very long name beyond 31',
    );
    expect(written.rows).toBe(3);

    const { headers, rows } = await readBack(path);
    expect(headers).toEqual(['A & B', 'Navn', 'Tekst', 'Slutt']);
    expect(rows).toEqual(odd);

    const desk = await readSheet(await readFile(path), 'odd.xlsx');
    if (!desk.ok) throw new Error(desk.error.message);
    expect(desk.value.rows.map((row) => row.cells)).toEqual(odd);
  });

  it('writes 26 or more columns where Excel expects them', async () => {
    const headers = Array.from({ length: 30 }, (_, i) => `K${i + 1}`);
    const path = join(dir, 'wide.xlsx');
    await writeList(
      { headers, widths: [], people: 1, cells: () => [headers] },
      path,
    );
    const { rows } = await readBack(path);
    expect(rows).toEqual([headers]);
  });
});
