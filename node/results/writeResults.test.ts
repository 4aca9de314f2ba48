import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeResults } from '../../shared/results/compute';
import {
  finishAt,
  makeStarter,
  massSetup,
} from '../../shared/results/fixtures';
import { readSheet } from '../xlsx/readSheet';
import { writeResults } from './writeResults';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'racedesk-results-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const list = computeResults({
  setup: massSetup('10:00:00', { requiredControls: [31] }),
  starters: [
    makeStarter({ bib: '1', name: 'Kari Ås' }),
    makeStarter({ bib: '2', name: 'Ola Nordmann' }),
    makeStarter({ bib: '3', name: 'Per Berg', className: 'M 5 km' }),
  ],
  passings: [
    { bib: '1', station: 31, time: '10:05:00.000' },
    { bib: '2', station: 45, time: '10:06:00.250' },
    finishAt('1', '10:20:03.400'),
    finishAt('2', '10:19:00.000'),
  ],
  closed: true,
});

describe('writeResults', () => {
  it('writes an Excel sheet with a row per start in list order', async () => {
    const path = join(dir, 'results.xlsx');
    const rows = await writeResults('xlsx', list, path, {
      lang: 'nb',
      eventName: 'Test',
      createdAt: '2025-06-14T12:00:00Z',
    });
    expect(rows).toBe(3);
    const read = await readSheet(
      new Uint8Array(await readFile(path)),
      'results.xlsx',
    );
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.headers.slice(0, 8)).toEqual([
      'Klasse',
      'Plass',
      'Startnr.',
      'Navn',
      'Klubb',
      'Tid',
      'Etter',
      'Status',
    ]);
    expect(read.value.rows.map((row) => row.cells.slice(0, 8))).toEqual([
      ['K 5 km', '1', '1', 'Kari Ås', 'IL Gneist', '20:03.400', '', ''],
      [
        'K 5 km',
        '',
        '2',
        'Ola Nordmann',
        'IL Gneist',
        '19:00.000',
        '',
        'Manglende stempling',
      ],
      ['M 5 km', '', '3', 'Per Berg', 'IL Gneist', '', '', 'Ikke startet'],
    ]);
    expect(read.value.rows[1]?.cells[11]).toBe('Mangler 31');
    expect(read.value.headers[12]).toBe('Mellomtider');
    expect(read.value.rows.map((row) => row.cells[12])).toEqual([
      '31: 5:00',
      '31: –, (45: 6:00.25)',
      '31: –',
    ]);
  });

  it('writes the IOF result list as XML text', async () => {
    const path = join(dir, 'results.xml');
    await writeResults('iof-resultlist', list, path, {
      lang: 'en',
      eventName: 'Test',
      eventDate: '2025-06-14',
      createdAt: '2025-06-14T12:00:00Z',
    });
    const xml = await readFile(path, 'utf8');
    expect(xml).toContain('<Status>MissingPunch</Status>');
    expect(xml).toContain('<FinishTime>2025-06-14T10:20:03.400</FinishTime>');
  });
});
