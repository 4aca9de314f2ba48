// `racedesk convert --to <list>` as a person runs it (node bin/racedesk.js)
// and through the command function for the refusals.

import { spawn } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExportLog } from '../node/lists/exportLog';
import { writeSheet } from '../node/xlsx/writeSheet';
import { exportRow, exportTable } from '../shared/demo/badExport';
import { demoExport } from '../shared/demo/demoExport';
import { runConvert } from './convert';

const bin = resolve(import.meta.dirname, '../bin/racedesk.js');
const env = { LANG: 'C', USER: 'kari' };
let dir = '';
const path = (name: string) => join(dir, name);

type Run = { code: number | null; stdout: string; stderr: string };

const racedesk = (args: string[]): Promise<Run> =>
  new Promise((done, failed) => {
    const child = spawn(process.execPath, [bin, 'convert', ...args], {
      env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', failed);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });

const convert = async (args: string[]): Promise<Run> => {
  let stdout = '';
  let stderr = '';
  const code = await runConvert(args, {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    env,
  });
  return { code, stdout, stderr };
};

const headersOf = async (file: string) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  return Array.from({ length: sheet?.columnCount ?? 0 }, (_, i) =>
    String(sheet?.getRow(1).getCell(i + 1).value ?? ''),
  );
};

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'racedesk-convert-list-'));
  await writeSheet(
    demoExport({ participants: 150, seed: 9 }),
    path('demo.xlsx'),
  );
  await writeSheet(
    exportTable([
      exportRow(1, { Mediesamtykke: 'Nei' }),
      exportRow(2),
      exportRow(3, { Mediesamtykke: 'Nei', Påmeldingsstatus: 'Avmeldt' }),
    ]),
    path('media.xlsx'),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('racedesk convert --to <list>', () => {
  it('writes the media list and logs it next to the list', async () => {
    const run = await racedesk([
      path('media.xlsx'),
      '--to',
      'media-list',
      '--out',
      path('media-list.xlsx'),
      '--lang',
      'nb',
    ]);
    expect(run.stderr).toContain('media-list: 1 people');
    expect(run.code).toBe(0);
    expect(await headersOf(path('media-list.xlsx'))).toEqual([
      'Startnummer',
      'Reservert mot bilder',
      'Reservert mot video',
      'Reservert mot strømming',
      'Reservert mot livefeed',
    ]);
    const log = await readExportLog(path('racedesk-export-log.jsonl'));
    if (!log.ok) throw new Error(log.error.message);
    expect(log.value).toEqual([
      expect.objectContaining({
        by: 'kari',
        list: 'media-list',
        people: 1,
        file: 'media-list.xlsx',
        fields: [
          'bib',
          'photoReserved',
          'videoReserved',
          'streamingReserved',
          'liveFeedReserved',
        ],
      }),
    ]);
  });

  it('writes the chosen columns of the organizer list to --log', async () => {
    const run = await racedesk([
      path('demo.xlsx'),
      '--to',
      'participant-list',
      '--columns',
      'lastName,firstName,club',
      '--out',
      path('organizer.xlsx'),
      '--log',
      path('logs/export.jsonl'),
      '--operator',
      'Sekretær 1',
      '--lang',
      'en',
    ]);
    expect(run.code).toBe(0);
    expect(await headersOf(path('organizer.xlsx'))).toEqual([
      'Last name',
      'First name',
      'Club',
    ]);
    const log = await readExportLog(path('logs/export.jsonl'));
    if (!log.ok) throw new Error(log.error.message);
    expect(log.value[0]).toMatchObject({
      by: 'Sekretær 1',
      people: 150,
      fields: ['lastName', 'firstName', 'club'],
    });
  });

  it('refuses the external list the organizer has not allowed', async () => {
    const out = path('external.xlsx');
    const run = await racedesk([
      path('demo.xlsx'),
      '--to',
      'external-list',
      '--out',
      out,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('allowed');
    expect(await exists(out)).toBe(false);
    const allowed = await convert([
      path('demo.xlsx'),
      '--to',
      'external-list',
      '--allow-external',
      '--out',
      out,
    ]);
    expect(allowed.code).toBe(0);
    expect(await headersOf(out)).toEqual(['Name', 'Club', 'Exercises']);
  });

  it('refuses an unknown column id, naming it', async () => {
    const run = await convert([
      path('demo.xlsx'),
      '--to',
      'participant-list',
      '--columns',
      'lastName,shoeSize',
      '--out',
      path('bad.xlsx'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown column "shoeSize"');
  });

  it('refuses an unknown list, naming the lists it makes', async () => {
    const run = await convert([path('demo.xlsx'), '--to', 'phone-list']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('license-list');
  });

  it('refuses a list without --out', async () => {
    const run = await convert([path('demo.xlsx'), '--to', 'license-list']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--out');
  });
});
