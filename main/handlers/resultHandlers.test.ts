import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExportLog } from '../../node/lists/exportLog';
import { ok } from '../../shared/contract/result';
import { handedOverFields } from '../../shared/contract/results';
import { computeResults } from '../../shared/results/compute';
import {
  finishAt,
  makeStarter,
  massSetup,
} from '../../shared/results/fixtures';
import { resultArgumentChecks } from './resultArguments';
import { createResultHandlers } from './resultHandlers';

let dataDir = '';
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'racedesk-result-handlers-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const list = computeResults({
  setup: massSetup('10:00:00'),
  starters: [makeStarter({ bib: '1' }), makeStarter({ bib: '2' })],
  passings: [finishAt('1', '10:10:00.000'), finishAt('2', '10:11:00.000')],
  closed: true,
});

const writeArgs = {
  format: 'iof-resultlist',
  fileName: 'Gneistløpet resultater',
  event: { id: 'event-1', name: 'Gneistløpet', date: '2025-06-14' },
  lang: 'nb',
  list: JSON.parse(JSON.stringify(list)),
  identities: {},
  by: 'Kari Nordmann (desk-7)',
};

describe('results:write', () => {
  it('writes the list into exports/ and never over an earlier file', async () => {
    const own = createResultHandlers({ dataDir });
    const args = resultArgumentChecks['results:write'](writeArgs);
    if (!args.ok) throw new Error(args.error.message);
    const first = await own['results:write'](args.value);
    const second = await own['results:write'](args.value);
    if (!first.ok || !second.ok) throw new Error('not written');
    expect(first.value.path).toBe(
      join(dataDir, 'exports', 'Gneistløpet resultater.xml'),
    );
    expect(basename(second.value.path)).toBe('Gneistløpet resultater-2.xml');
    expect(first.value.rows).toBe(2);
    const xml = await readFile(first.value.path, 'utf8');
    expect(xml).toContain('<Time>600</Time>');
  });

  it('refuses a result list that breaks the schema, saying where', () => {
    const broken = structuredClone(writeArgs);
    broken.list.classes[0].results[1].status = 'finished';
    const checked = resultArgumentChecks['results:write'](broken);
    expect(checked.ok ? '' : checked.error.message).toBe(
      'results:write: list/classes/0/results/1/status must be equal to one of the allowed values',
    );
  });

  it('refuses a file name that leaves the exports folder', () => {
    const checked = resultArgumentChecks['results:write']({
      ...writeArgs,
      fileName: '../../etc/passwd',
    });
    expect(checked.ok ? '' : checked.error.data?.field).toBe('fileName');
  });

  it('logs each file with who, which fields and how many people', async () => {
    const own = await mkdtemp(join(tmpdir(), 'racedesk-result-log-'));
    try {
      const handlers = createResultHandlers({
        dataDir: own,
        now: () => new Date('2025-06-14T12:00:00Z'),
      });
      const args = resultArgumentChecks['results:write']({
        ...writeArgs,
        format: 'xlsx',
      });
      if (!args.ok) throw new Error(args.error.message);
      const written = await handlers['results:write'](args.value);
      if (!written.ok) throw new Error(written.error.message);
      expect(basename(written.value.path)).toBe('Gneistløpet resultater.xlsx');
      const expected = {
        at: '2025-06-14T12:00:00.000Z',
        by: 'Kari Nordmann (desk-7)',
        event: 'event-1',
        list: 'results-xlsx',
        fields: [...handedOverFields.xlsx],
        people: 2,
        rows: 2,
        file: 'Gneistløpet resultater.xlsx',
      };
      expect(written.value.entry).toEqual(expected);
      const log = await readExportLog(
        join(own, 'exports', 'racedesk-export-log.jsonl'),
      );
      expect(log).toEqual(ok([expected]));
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  });

  it('deletes the file again when the export log cannot take its entry', async () => {
    const own = await mkdtemp(join(tmpdir(), 'racedesk-result-nolog-'));
    try {
      // A folder where the log file should be: appending to it fails.
      await mkdir(join(own, 'exports', 'racedesk-export-log.jsonl'), {
        recursive: true,
      });
      const args = resultArgumentChecks['results:write'](writeArgs);
      if (!args.ok) throw new Error(args.error.message);
      const written = await createResultHandlers({ dataDir: own })[
        'results:write'
      ](args.value);
      expect(written.ok ? '' : written.error.code).toBe(
        'export-log-unwritable',
      );
      expect(await readdir(join(own, 'exports'))).toEqual([
        'racedesk-export-log.jsonl',
      ]);
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  });

  it('refuses a write that does not say who writes it', () => {
    const { by: _by, ...nobody } = writeArgs;
    const checked = resultArgumentChecks['results:write'](nobody);
    expect(checked.ok ? '' : checked.error.data?.field).toBe('by');
  });

  it('says so when the desk has no data folder', async () => {
    const args = resultArgumentChecks['results:write'](writeArgs);
    if (!args.ok) throw new Error(args.error.message);
    const written = await createResultHandlers({})['results:write'](args.value);
    expect(written.ok ? '' : written.error.code).toBe('exports-unavailable');
  });
});

const startListText =
  '\ufeffStno;Chip;Database Id;Surname\r\n12;501;P1;Aasheim\r\n';
const startListArgs = {
  format: 'csv-startlist',
  event: { id: 'event-1', name: 'Gneistløpet: sprint/finale', date: '' },
  text: new TextEncoder().encode(startListText),
  people: 1,
  rows: 1,
  by: 'Kari Nordmann (desk-7)',
};

describe('results:write-start-list', () => {
  it('writes the bytes into exports/ under the event, list and time, and logs them', async () => {
    const own = await mkdtemp(join(tmpdir(), 'racedesk-start-list-'));
    try {
      const handlers = createResultHandlers({
        dataDir: own,
        now: () => new Date(2025, 5, 14, 9, 5, 12),
      });
      const args =
        resultArgumentChecks['results:write-start-list'](startListArgs);
      if (!args.ok) throw new Error(args.error.message);
      const first = await handlers['results:write-start-list'](args.value);
      const second = await handlers['results:write-start-list'](args.value);
      if (!first.ok || !second.ok) throw new Error('not written');
      expect(basename(first.value.path)).toBe(
        'Gneistløpet-sprint-finale-csv-startlist-20250614-090512.csv',
      );
      expect(basename(second.value.path)).toBe(
        'Gneistløpet-sprint-finale-csv-startlist-20250614-090512-2.csv',
      );
      expect(await readFile(first.value.path, 'utf8')).toBe(startListText);
      expect(first.value.entry).toMatchObject({
        by: 'Kari Nordmann (desk-7)',
        event: 'event-1',
        list: 'csv-startlist',
        fields: [...handedOverFields['csv-startlist']],
        people: 1,
        rows: 1,
        file: basename(first.value.path),
      });
      const log = await readExportLog(
        join(own, 'exports', 'racedesk-export-log.jsonl'),
      );
      expect(log.ok ? log.value.map((e) => e.file) : []).toEqual([
        basename(first.value.path),
        basename(second.value.path),
      ]);
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  });

  it('gives IOF lists .xml', async () => {
    const own = await mkdtemp(join(tmpdir(), 'racedesk-start-list-xml-'));
    try {
      const args = resultArgumentChecks['results:write-start-list']({
        ...startListArgs,
        format: 'iof-entrylist',
      });
      if (!args.ok) throw new Error(args.error.message);
      const written = await createResultHandlers({ dataDir: own })[
        'results:write-start-list'
      ](args.value);
      expect(written.ok ? written.value.path : '').toMatch(
        /-iof-entrylist-\d{8}-\d{6}\.xml$/,
      );
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  });

  it('refuses an unknown format, text that is not bytes, and a missing operator', () => {
    const field = (args: unknown) => {
      const checked = resultArgumentChecks['results:write-start-list'](args);
      return checked.ok ? '' : checked.error.data?.field;
    };
    expect(field({ ...startListArgs, format: 'iof-resultlist' })).toBe(
      'format',
    );
    expect(field({ ...startListArgs, text: startListText })).toBe('text');
    expect(field({ ...startListArgs, text: new Uint8Array() })).toBe('text');
    expect(field({ ...startListArgs, people: -1 })).toBe('people');
    expect(field({ ...startListArgs, by: '' })).toBe('by');
  });
});

describe('results:display and results:print', () => {
  it('sends board lines to the named device', async () => {
    const sent: { device: string; lines: string[] }[] = [];
    const handlers = createResultHandlers({
      sendToDevice: async (device, lines) => {
        sent.push({
          device,
          lines: lines.map((bytes) => String.fromCharCode(...bytes)),
        });
        return ok({ lines: lines.length });
      },
    });
    const finishers = list.classes[0]?.results ?? [];
    const shown = await handlers['results:display']({
      device: 'board',
      finishers,
    });
    expect(shown).toEqual(ok({ lines: 2 }));
    expect(sent[0]).toEqual({
      device: 'board',
      lines: ['  1C    00:10:00.000 1\r', '  2C    00:11:00.000 2\r'],
    });
  });

  it('says so when the desk has no serial devices', async () => {
    const handlers = createResultHandlers({});
    const classResult = list.classes[0];
    if (!classResult) throw new Error('no class');
    const printed = await handlers['results:print']({
      device: 'timy',
      classResult,
    });
    expect(printed.ok ? '' : printed.error.code).toBe('devices-unavailable');
  });
});
