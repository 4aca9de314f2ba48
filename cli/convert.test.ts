// `racedesk convert` on files written the way iSonen writes them: through
// the command function, and as a person runs it (node bin/racedesk.js).

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  schemaCheckUnavailable,
  validateIofXml,
} from '../node/formats/xmllint';
import { writeSheet } from '../node/xlsx/writeSheet';
import {
  exportRow,
  exportTable,
  exportWithProblems,
  memberList,
} from '../shared/demo/badExport';
import { demoExport } from '../shared/demo/demoExport';
import { isonenHeaders } from '../shared/demo/exportColumns';
import { foldSheet } from '../shared/isonen/fold';
import { runConvert } from './convert';

const bin = resolve(import.meta.dirname, '../bin/racedesk.js');
const env = { LANG: 'C', SOURCE_DATE_EPOCH: '1749888000' };
let dir = '';

type Run = { code: number | null; stdout: string; stderr: string };

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

const racedesk = (args: string[]): Promise<Run> =>
  new Promise((done, failed) => {
    const child = spawn(process.execPath, [bin, ...args], {
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

const demo = demoExport({ participants: 200, seed: 4 });
const path = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'racedesk-convert-'));
  await writeSheet(demo, path('demo.xlsx'));
  await writeSheet(exportWithProblems(), path('problems.xlsx'));
  await writeSheet(memberList(), path('members.xlsx'));
  await writeSheet(
    exportTable(
      [
        exportRow(1, { Startnummer: '12', Brikkenummer: '8001234' }),
        exportRow(2, { Startnummer: '3', Kjønn: 'M', Fornavn: 'Ola; "O"' }),
        exportRow(3, { Startnummer: '7', Påmeldingsstatus: 'Avmeldt' }),
      ],
      { headers: [...isonenHeaders, 'Startnummer', 'Brikkenummer'] },
    ),
    path('bibs.xlsx'),
  );
  await writeFile(path('list.csv'), 'Fornavn;Etternavn\nKari;Nordmann\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const csvRows = (text: string) =>
  text
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .filter((line) => line !== '')
    // Split at semicolons outside quotes; the pattern's final empty match
    // is cut off by the slice.
    .map((line) =>
      (line.match(/("([^"]|"")*"|[^;]*)(;|$)/g) ?? [])
        .map((field) => field.replace(/;$/, ''))
        .map((field) =>
          field.startsWith('"')
            ? field.slice(1, -1).replaceAll('""', '"')
            : field,
        )
        .slice(0, 26),
    );

describe('racedesk convert', () => {
  it('writes CSV in bib order without the deregistered', async () => {
    const run = await convert([path('bibs.xlsx'), '--to', 'csv-startlist']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.startsWith('\ufeffStno;Chip;')).toBe(true);
    const [header, ...rows] = csvRows(run.stdout);
    expect(header?.length).toBe(26);
    expect(rows.map((row) => [row[0], row[1], row[3], row[4], row[6]])).toEqual(
      [
        ['3', '', 'Nordmann', 'Ola; "O"', 'M'],
        ['12', '8001234', 'Nordmann', 'Kari 1', 'F'],
      ],
    );
  });

  it('keeps only the exercises asked for', async () => {
    const run = await convert([
      path('demo.xlsx'),
      '--to',
      'csv-startlist',
      '--exercise',
      '5 km',
      '--exercise',
      '60 m',
    ]);
    expect(run.code).toBe(0);
    const [, ...rows] = csvRows(run.stdout);
    const classNames = new Set(rows.map((row) => row[18] ?? ''));
    expect(classNames.size).toBeGreaterThan(1);
    for (const name of classNames) expect(name).toMatch(/ (5 km|60 m)$/);
    const fold = foldSheet(demo, { eventId: 'x' });
    const wanted = fold.participants.flatMap((p) =>
      p.entries.filter(
        (e) => e.status === 'active' && ['5 km', '60 m'].includes(e.exercise),
      ),
    );
    expect(rows).toHaveLength(wanted.length);
  });

  it('reports bad rows by row and column, leaves them out', async () => {
    const run = await convert([
      path('problems.xlsx'),
      '--to',
      'iof-entrylist',
      '--lang',
      'en',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: Row 5, column F \(Fødselsdato\)/);
    expect(run.stderr).toMatch(
      /error: Row 4, column A \(Fornavn\): the participant has no name/,
    );
    expect(run.stderr).toMatch(/warning: Row 8, column/);
    const entries = run.stdout.match(/<PersonEntry>/g) ?? [];
    const fold = foldSheet(exportWithProblems(), { eventId: 'x' });
    expect(entries).toHaveLength(fold.counts.entries);
    expect(run.stdout).not.toContain('Kari 4');
  });

  it('refuses a sheet that is no iSonen export, exit 2', async () => {
    const run = await convert([path('members.xlsx'), '--to', 'csv-startlist']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/not an iSonen participant export/);
  });

  it('says the file cannot be read, exit 2', async () => {
    const missing = await convert([path('none.xlsx'), '--to', 'csv-startlist']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot be read/);
    const csv = await convert([path('list.csv'), '--to', 'csv-startlist']);
    expect(csv.code).toBe(2);
  });

  it('needs a known --to, exit 2', async () => {
    const run = await convert([path('demo.xlsx'), '--to', 'pdf']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/iof-startlist, iof-entrylist, csv-startlist/);
  });

  it('writes --out with the event name and a fixed createTime', async () => {
    const out = path('start.xml');
    const run = await convert([
      path('demo.xlsx'),
      '--to',
      'iof-startlist',
      '--out',
      out,
      '--event-name',
      'Sommerstevnet',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/starts in \d+ classes/);
    const xml = await readFile(out, 'utf8');
    expect(xml).toContain('<Name>Sommerstevnet</Name>');
    expect(xml).toContain('createTime="2025-06-14T08:00:00Z"');
  });
});

const unavailable = schemaCheckUnavailable();
if (unavailable) console.warn(`Skipping IOF schema checks: ${unavailable}`);

describe('node bin/racedesk.js convert', () => {
  const fold = foldSheet(demo, { eventId: 'x' });
  const active = fold.participants.flatMap((p) =>
    p.entries.filter((e) => e.status === 'active'),
  );

  const countOf = (xml: string, tag: string) =>
    xml.split(`<${tag}>`).length - 1;

  it.skipIf(unavailable !== '')(
    'writes a start list that validates against IOF.xsd',
    async () => {
      const run = await racedesk([
        'convert',
        path('demo.xlsx'),
        '--to',
        'iof-startlist',
      ]);
      expect(run.code).toBe(0);
      const checked = await validateIofXml(run.stdout);
      expect(checked.ok ? '' : checked.error.message).toBe('');
      expect(countOf(run.stdout, 'PersonStart')).toBe(active.length);
    },
  );

  it.skipIf(unavailable !== '')(
    'writes an entry list that validates against IOF.xsd',
    async () => {
      const run = await convert([path('demo.xlsx'), '--to', 'iof-entrylist']);
      expect(run.code).toBe(0);
      const checked = await validateIofXml(run.stdout);
      expect(checked.ok ? '' : checked.error.message).toBe('');
      const parsed = new XMLParser({
        isArray: (name) => name === 'PersonEntry',
      }).parse(run.stdout);
      expect(parsed.EntryList.PersonEntry).toHaveLength(active.length);
    },
  );

  it('writes a CSV start list with one row per active entry', async () => {
    const run = await racedesk([
      'convert',
      path('demo.xlsx'),
      '--to',
      'csv-startlist',
    ]);
    expect(run.code).toBe(0);
    const [, ...rows] = csvRows(run.stdout);
    expect(rows).toHaveLength(active.length);
    const registrations = new Set(active.map((e) => e.registrationId));
    for (const row of rows) expect(registrations.has(row[24] ?? '')).toBe(true);
  });
});
