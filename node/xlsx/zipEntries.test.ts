import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { exportRow, exportTable } from '../../shared/demo/badExport';
import { writeSheet } from './writeSheet';
import { entryText, readZipEntries } from './zipEntries';

let dir = '';
let bytes = new Uint8Array();
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'racedesk-zip-'));
  await writeSheet(
    exportTable([exportRow(1, { Fornavn: 'Åse Ødegård' })]),
    join(dir, 'one.xlsx'),
  );
  bytes = new Uint8Array(await readFile(join(dir, 'one.xlsx')));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const text = async (chunks: AsyncIterable<string>) => {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
};

describe('readZipEntries', () => {
  it('lists the parts of an xlsx from its central directory', () => {
    const entries = readZipEntries(bytes);
    if (!entries.ok) throw new Error(entries.error.message);
    expect([...entries.value.keys()]).toEqual(
      expect.arrayContaining([
        'xl/workbook.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/worksheets/sheet1.xml',
      ]),
    );
  });

  it('refuses bytes without a zip directory', () => {
    const cut = bytes.subarray(0, bytes.length - 30);
    expect(readZipEntries(cut)).toMatchObject({
      ok: false,
      error: { code: 'unreadable-file' },
    });
  });
});

describe('entryText', () => {
  it('inflates an entry into whole UTF-8 text', async () => {
    const entries = readZipEntries(bytes);
    if (!entries.ok) throw new Error(entries.error.message);
    const sheet = entries.value.get('xl/worksheets/sheet1.xml');
    if (!sheet) throw new Error('no sheet');
    const xml = await text(entryText(bytes, sheet));
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('Åse Ødegård');
    expect(xml).toMatch(/<\/worksheet>$/);
  });

  it('fails on an entry whose data was damaged', async () => {
    const entries = readZipEntries(bytes);
    if (!entries.ok) throw new Error(entries.error.message);
    const sheet = entries.value.get('xl/worksheets/sheet1.xml');
    if (!sheet) throw new Error('no sheet');
    const damaged = bytes.slice();
    damaged.fill(
      0xff,
      sheet.localHeaderOffset + 60,
      sheet.localHeaderOffset + 90,
    );
    await expect(text(entryText(damaged, sheet))).rejects.toThrow();
  });
});
