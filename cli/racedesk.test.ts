// The CLI as a person runs it: `node bin/racedesk.js ...` in a process, on
// files written to a temp folder.

import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../node/xlsx/writeSheet';
import {
  exportRow,
  exportTable,
  exportWithProblems,
  memberList,
} from '../shared/demo/badExport';

const bin = resolve(import.meta.dirname, '../bin/racedesk.js');
let dir = '';

type Run = { code: number | null; stdout: string; stderr: string };

const racedesk = (args: string[], lang = 'C'): Promise<Run> =>
  new Promise((done, failed) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: lang },
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

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'racedesk-cli-'));
  await writeSheet(exportWithProblems(), join(dir, 'problems.xlsx'));
  await writeSheet(memberList(), join(dir, 'members.xlsx'));
  await writeSheet(
    exportTable([
      exportRow(1),
      exportRow(2, { Påmeldingsstatus: 'Venteliste' }),
    ]),
    join(dir, 'warning.xlsx'),
  );
  await writeFile(join(dir, 'list.csv'), 'Fornavn;Etternavn\nKari;Nordmann\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('racedesk demo-file and check', () => {
  it('writes a demo export that checks clean, exit 0', async () => {
    const out = join(dir, 'demo.xlsx');
    const made = await racedesk([
      'demo-file',
      '--participants',
      '250',
      '--seed',
      '9',
      '--out',
      out,
    ]);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/250 participants/);

    const checked = await racedesk(['check', out, '--json']);
    expect(checked.code).toBe(0);
    const json = JSON.parse(checked.stdout);
    expect(Object.keys(json)).toEqual([
      'participants',
      'entries',
      'deregistered',
      'classes',
      'problems',
    ]);
    expect(json.participants).toBe(250);
    expect(json.entries).toBeGreaterThan(250);
    expect(json.deregistered).toBeGreaterThanOrEqual(0);
    expect(json.classes[0]).toEqual({
      name: expect.any(String),
      participants: expect.any(Number),
    });
    expect(json.problems).toEqual([]);
  });

  it('lists rows with errors with row and column, exit 1', async () => {
    const run = await racedesk(['check', join(dir, 'problems.xlsx'), '--json']);
    expect(run.code).toBe(1);
    const { problems } = JSON.parse(run.stdout);
    expect(problems[1]).toEqual({
      row: 5,
      column: 'F',
      message: 'Row 5, column F (Fødselsdato): "31.02.1990" is not a real date',
      field: 'Fødselsdato',
      code: 'impossible-birth-date',
      severity: 'error',
    });
  });

  it('speaks Norwegian after the system locale, English with --lang en', async () => {
    const file = join(dir, 'problems.xlsx');
    const norwegian = await racedesk(['check', file], 'nb_NO.UTF-8');
    expect(norwegian.code).toBe(1);
    expect(norwegian.stdout).toMatch(/^Deltakere: 3$/m);
    expect(norwegian.stdout).toMatch(
      /Rad 6, kolonne I \(Kjønn\): "X" er ikke et kjønn/,
    );
    const english = await racedesk(['check', file, '--lang', 'en'], 'nb_NO');
    expect(english.stdout).toMatch(/^Participants: 3$/m);
    expect(english.stdout).toMatch(/The file has errors/);
  });

  it('accepts a file with warnings only, exit 0', async () => {
    const run = await racedesk(['check', join(dir, 'warning.xlsx')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Row 3, column AG \(Påmeldingsstatus\)/);
    expect(run.stdout).toMatch(/can be imported/);
  });

  it('says a wrong spreadsheet is not an iSonen export, exit 1', async () => {
    const run = await racedesk(['check', join(dir, 'members.xlsx'), '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).problems).toEqual([
      expect.objectContaining({ code: 'not-an-isonen-export', row: 0 }),
    ]);
  });

  it('refuses a file that is not an xlsx, exit 2', async () => {
    const run = await racedesk(['check', join(dir, 'list.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot be read: list\.csv is not an Excel/);
    const json = await racedesk(['check', join(dir, 'list.csv'), '--json']);
    expect(JSON.parse(json.stdout).error.code).toBe('unreadable-file');
  });

  it('refuses a file that does not exist, exit 2', async () => {
    const run = await racedesk(['check', join(dir, 'nope.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ENOENT/);
  });
});

describe('racedesk usage', () => {
  it('lists the commands on --help, exit 0', async () => {
    const run = await racedesk(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/check\s+Check an iSonen/);
    expect(run.stdout).toMatch(/demo-file/);
  });

  it('refuses an unknown command or option with the usage, exit 2', async () => {
    const unknown = await racedesk(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command: frobnicate/);
    const option = await racedesk(['check', 'x.xlsx', '--colour']);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/Usage: racedesk check/);
  });
});
