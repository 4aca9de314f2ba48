// `racedesk results` on a start list written the way iSonen writes it and
// passings as `racedesk device decode` prints them: through the command
// function, and as a timing crew runs it (decode a Timy capture, then
// results) with node bin/racedesk.js.

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  schemaCheckUnavailable,
  validateIofXml,
} from '../node/formats/xmllint';
import { readSheet } from '../node/xlsx/readSheet';
import { writeSheet } from '../node/xlsx/writeSheet';
import { exportRow, exportTable } from '../shared/demo/badExport';
import { isonenHeaders } from '../shared/demo/exportColumns';
import { encodeTimyLine } from '../shared/timing/alge/timyLine';
import { runResults } from './results';

const bin = resolve(import.meta.dirname, '../bin/racedesk.js');
const env = { LANG: 'C', SOURCE_DATE_EPOCH: '1749888000' };
let dir = '';
let startList = '';

type Run = { code: number | null; stdout: string; stderr: string };

const results = async (args: string[]): Promise<Run> => {
  let stdout = '';
  let stderr = '';
  const code = await runResults(args, {
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

const runners = [
  { bib: '1', chip: '500001', name: 'Anne', start: '12:00' },
  { bib: '2', chip: '500002', name: 'Berit', start: '12:01' },
  { bib: '3', chip: '500003', name: 'Cecilie', start: '12:02' },
  { bib: '4', chip: '500004', name: 'Dina', start: '12:03' },
];

const file = async (name: string, text: string) => {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
};

const jsonLines = (rows: object[]) =>
  rows.map((row) => JSON.stringify(row)).join('\n');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'racedesk-results-'));
  const headers = [...isonenHeaders, 'Startnummer', 'Brikkenummer'];
  const rows = runners.map((runner, i) =>
    exportRow(i + 1, {
      Fornavn: runner.name,
      Startnummer: runner.bib,
      Brikkenummer: runner.chip,
      'Kl.': runner.start,
    }),
  );
  startList = join(dir, 'deltakerliste.xlsx');
  await writeSheet(exportTable(rows, { headers }), startList);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Start-list starts a minute apart; Dina is never seen.
const punches = [
  { protocol: 'sportident', chip: '500003', station: 31, time: '12:10:00.000' },
  { protocol: 'sportident', chip: '500001', station: 31, time: '12:10:00.000' },
  { protocol: 'sportident', chip: '500002', station: 31, time: '12:11:00.000' },
  {
    protocol: 'sportident',
    chip: '500001',
    station: 'c1',
    time: '12:20:00.500',
  },
  {
    protocol: 'sportident',
    chip: '500002',
    station: 'c1',
    time: '12:21:00.500',
  },
  {
    protocol: 'sportident',
    chip: '500003',
    station: 'c1',
    time: '12:20:00.000',
  },
  {
    protocol: 'sportident',
    chip: '777777',
    station: 'c1',
    time: '12:25:00.000',
  },
];

describe('racedesk results', () => {
  it('ranks start-list starts and lists the passing that matched nobody', async () => {
    const passings = await file('punches.jsonl', jsonLines(punches));
    const run = await results([
      '--start-list',
      startList,
      '--passings',
      passings,
      '--to',
      'text',
      '--lang',
      'en',
    ]);
    expect(run.stderr).toContain(
      'matched nobody: line 7 chip 777777 at c1 12:25:00.000 (unknown-chip)',
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('K Senior 5 km');
    expect(lines.slice(1, 5).map((line) => line.slice(0, 40).trim())).toEqual([
      '1      3 Cecilie Nordmann',
      '2      1 Anne Nordmann',
      '2      2 Berit Nordmann',
      '4 Dina Nordmann',
    ]);
    expect(lines[4]).toContain('Did not start');
  });

  it('writes a valid IOF result list with a missing punch from the setup', async () => {
    // Berit skipped control 31.
    const passings = await file(
      'skipped.jsonl',
      jsonLines(punches.filter((p) => p.chip !== '500002' || p.station !== 31)),
    );
    const setup = await file(
      'setup.json',
      JSON.stringify({ defaults: { requiredControls: [31] } }),
    );
    const out = join(dir, 'results.xml');
    const run = await results([
      ...['--start-list', startList, '--passings', passings],
      ...['--setup', setup, '--to', 'iof-resultlist', '--out', out],
    ]);
    expect(run.code).toBe(0);
    const xml = await readFile(out, 'utf8');
    expect(xml.match(/<Status>[A-Za-z]+<\/Status>/g)).toEqual([
      '<Status>OK</Status>',
      '<Status>OK</Status>',
      '<Status>MissingPunch</Status>',
      '<Status>DidNotStart</Status>',
    ]);
    if (schemaCheckUnavailable() === '') {
      const valid = await validateIofXml(xml);
      expect(valid.ok ? '' : valid.error.message).toBe('');
    }
  });

  it('writes an Excel result list', async () => {
    const passings = await file('punches.jsonl', jsonLines(punches));
    const out = join(dir, 'results.xlsx');
    const run = await results([
      ...['--start-list', startList, '--passings', passings],
      ...['--to', 'xlsx', '--out', out, '--lang', 'nb'],
    ]);
    expect(run.code).toBe(0);
    const read = await readSheet(
      new Uint8Array(await readFile(out)),
      'results.xlsx',
    );
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.rows.map((row) => row.cells[2])).toEqual([
      '3',
      '1',
      '2',
      '4',
    ]);
  });

  it('reports bad passing lines by number and still computes the rest', async () => {
    const passings = await file(
      'bad.jsonl',
      `${jsonLines(punches.slice(0, 3))}\nnot json\n{"chip":"500001","time":"12:20:00.000"}\n${jsonLines(punches.slice(3))}`,
    );
    const run = await results([
      ...['--start-list', startList, '--passings', passings, '--to', 'text'],
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bad.jsonl line 4: not JSON');
    expect(run.stderr).toContain(
      'bad.jsonl line 5: station must be a number or text',
    );
    expect(run.stdout).toContain('Cecilie');
  });

  it('stops on a setup that names an unknown start mode', async () => {
    const passings = await file('punches.jsonl', jsonLines(punches));
    const setup = await file(
      'setup.json',
      JSON.stringify({
        classes: { 'K Senior 5 km': { start: { mode: 'gun' } } },
      }),
    );
    const run = await results([
      ...['--start-list', startList, '--passings', passings],
      ...['--setup', setup, '--to', 'text'],
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'setup.json: classes["K Senior 5 km"].start.mode: expected',
    );
  });

  // Anne punches 31, 32; Berit 32, 31; Cecilie only 31; all then finish.
  const coursePunches = [
    ['500001', 31, '12:05:00.000'],
    ['500001', 32, '12:10:00.000'],
    ['500001', 'c1', '12:20:00.000'],
    ['500002', 32, '12:06:00.000'],
    ['500002', 31, '12:11:00.000'],
    ['500002', 'c1', '12:21:00.000'],
    ['500003', 31, '12:07:00.000'],
    ['500003', 'c1', '12:22:00.000'],
  ].map(([chip, station, time]) => ({
    protocol: 'sportident',
    chip,
    station,
    time,
  }));

  const withCourse = async (course: object, to: string[]) => {
    const passings = await file('course.jsonl', jsonLines(coursePunches));
    const setup = await file(
      'course.json',
      JSON.stringify({ classes: { 'K Senior 5 km': course } }),
    );
    return results([
      ...['--start-list', startList, '--passings', passings],
      ...['--setup', setup, ...to, '--lang', 'en'],
    ]);
  };

  it('reads a course from the setup: MP for controls missing or out of order', async () => {
    const run = await withCourse({ requiredControls: [31, 32] }, [
      '--to',
      'text',
    ]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[1]).toContain('Anne');
    expect(lines[1]).toContain('20:00.000');
    const berit = lines.find((line) => line.includes('Berit')) ?? '';
    const cecilie = lines.find((line) => line.includes('Cecilie')) ?? '';
    expect(berit).toContain('Missing punch');
    expect(berit).toContain('Missing 32');
    expect(cecilie).toContain('Missing 32');
    // Ranked after the OK finisher, before Dina who never started.
    expect(lines.indexOf(berit)).toBeGreaterThan(1);
    expect(lines.at(-3)).toContain('Dina');
  });

  it('reads a course to be punched in any order', async () => {
    const run = await withCourse(
      { requiredControls: [31, 32], controlOrder: 'any-order' },
      ['--to', 'text'],
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    // Both 20 minutes from their start-list starts: a shared first place.
    expect(lines[1]).toMatch(/^\s+1\s+1 Anne.*20:00\.000$/);
    expect(lines[2]).toMatch(/^\s+1\s+2 Berit.*20:00\.000$/);
    expect(lines.find((line) => line.includes('Cecilie'))).toContain(
      'Missing 32',
    );
  });

  it('writes split times per control to the IOF list and to Excel', async () => {
    const course = { requiredControls: [31, 32] };
    const out = join(dir, 'course.xml');
    const iof = await withCourse(course, [
      ...['--to', 'iof-resultlist', '--out', out],
    ]);
    expect(iof.code).toBe(0);
    const xml = await readFile(out, 'utf8');
    expect(xml).toContain(
      '<SplitTime>\n          <ControlCode>31</ControlCode>\n          <Time>300</Time>',
    );
    expect(xml).toContain('<SplitTime status="Missing">');
    if (schemaCheckUnavailable() === '') {
      const valid = await validateIofXml(xml);
      expect(valid.ok ? '' : valid.error.message).toBe('');
    }
    const sheet = join(dir, 'course.xlsx');
    const xlsx = await withCourse(course, ['--to', 'xlsx', '--out', sheet]);
    expect(xlsx.code).toBe(0);
    const read = await readSheet(
      new Uint8Array(await readFile(sheet)),
      'course.xlsx',
    );
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.headers.at(-1)).toBe('Splits');
    expect(read.value.rows.map((row) => row.cells.at(-1))).toEqual([
      '31: 5:00, 32: 10:00',
      '31: 10:00, 32: –',
      '31: 5:00, 32: –',
      '31: –, 32: –',
    ]);
  });

  it('stops on a course with a control that is no control code', async () => {
    const run = await withCourse({ requiredControls: [31, { code: 32 }] }, [
      '--to',
      'text',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'course.json: classes["K Senior 5 km"].requiredControls[1]: expected a control code',
    );
  });

  it('computes results from a decoded Timy capture, as a crew runs it', {
    timeout: 60_000,
  }, async () => {
    const capture = runners.slice(0, 3).map((runner, i) =>
      encodeTimyLine({
        kind: 'passing',
        protocol: 'alge-timy',
        offset: 0,
        bib: runner.bib,
        station: 'c1',
        time: `12:3${i}:00.1234`,
        extra: {},
      }),
    );
    const capturePath = join(dir, 'timy.bin');
    await writeFile(capturePath, Buffer.concat(capture));
    const decoded = await racedesk([
      'device',
      'decode',
      '--protocol',
      'alge-timy',
      capturePath,
    ]);
    expect(decoded.code).toBe(0);
    const passings = await file('timy.jsonl', decoded.stdout);
    const setup = await file(
      'mass.json',
      JSON.stringify({
        defaults: { start: { mode: 'mass', startTime: '12:00:00' } },
      }),
    );
    const run = await racedesk([
      'results',
      ...['--start-list', startList, '--passings', passings],
      ...['--setup', setup, '--to', 'text', '--lang', 'en'],
    ]);
    expect(run.stderr).toContain('results: 4 starts in 1 classes, 3 passings');
    expect(run.stdout).toContain('30:00.123');
    expect(run.stdout).toContain('Did not start');
  });
});
