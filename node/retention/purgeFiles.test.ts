// The purge deletes the lists the export log names for the event, wherever
// the save dialog put them, and nothing else: not a file beside them, not
// a folder or link the log names, not another event's lists.

import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportLogEntry } from '../../shared/lists/exportLog';
import {
  appendExportLog,
  exportLogPath,
  readExportLog,
} from '../lists/exportLog';
import {
  exportSettingsPath,
  readStoredSettings,
  writeExportSettings,
} from '../lists/exportSettings';
import { purgeExports } from './purgeFiles';

let root = '';
let exportsDir = '';
let elsewhere = '';

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'racedesk-purge-'));
  exportsDir = join(root, 'data', 'exports');
  elsewhere = join(root, 'Documents');
  await mkdir(exportsDir, { recursive: true });
  await mkdir(elsewhere, { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const at = new Date('2025-06-21T08:00:00Z');

const entry = (file: string, fields: Partial<ExportLogEntry> = {}) => ({
  at: '2025-06-14T09:05:00.000Z',
  by: 'desk-7',
  event: 'ev1',
  list: 'license-list',
  fields: ['fullName'],
  people: 1,
  rows: 1,
  file,
  ...fields,
});

const log = async (...entries: ExportLogEntry[]) => {
  for (const one of entries) {
    const logged = await appendExportLog(exportLogPath(exportsDir), one);
    if (!logged.ok) throw new Error(logged.error.message);
  }
};

const purged = async () => {
  const result = await purgeExports(exportsDir, 'ev1', at);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('purgeExports', () => {
  it('deletes a list the save dialog put outside exports/, by its full path', async () => {
    const chosen = join(elsewhere, 'lisenskontroll.xlsx');
    const beside = join(elsewhere, 'budsjett.xlsx');
    await writeFile(chosen, 'list');
    await writeFile(beside, 'not ours');
    await writeFile(join(exportsDir, 'in-exports.xlsx'), 'list');
    await log(entry(chosen), entry('in-exports.xlsx'));

    expect(await purged()).toEqual({
      exports: [chosen, 'in-exports.xlsx'],
      notFound: [],
      logEntries: 2,
    });
    expect(await readdir(elsewhere)).toEqual(['budsjett.xlsx']);
    expect(await readdir(exportsDir)).toEqual(['racedesk-export-log.jsonl']);
  });

  it('deletes a PDF the desk printed, and counts a print to paper without a file', async () => {
    await writeFile(join(exportsDir, 'lisens.pdf'), '%PDF');
    await log(entry('lisens.pdf', { via: 'pdf' }), entry('', { via: 'print' }));
    expect(await purged()).toEqual({
      exports: ['lisens.pdf'],
      notFound: [],
      logEntries: 2,
    });
    const read = await readExportLog(exportLogPath(exportsDir));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.map((e) => e.purgedAt)).toEqual([
      at.toISOString(),
      at.toISOString(),
    ]);
  });

  it('deletes a result list (.xml) and a start list (.csv) saved outside exports/, by their full paths', async () => {
    const results = join(elsewhere, 'resultater.xml');
    const starts = join(elsewhere, 'startliste.CSV');
    await writeFile(results, '<ResultList/>');
    await writeFile(starts, 'Stno;Chip');
    await log(
      entry(results, { list: 'iof-resultlist' }),
      entry(starts, { list: 'csv-startlist' }),
    );

    expect(await purged()).toEqual({
      exports: [results, starts],
      notFound: [],
      logEntries: 2,
    });
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('forgets the event’s export settings and who changed them, and keeps another event’s', async () => {
    const path = exportSettingsPath(exportsDir);
    const change = (by: string) => ({
      at: '2025-06-14T09:00:00.000Z',
      by,
      source: 'desk' as const,
      allowExternalList: true,
    });
    for (const [eventId, by] of [
      ['ev1', 'Kari Nordmann'],
      ['ev2', 'Ola Hansen'],
    ] as const) {
      const written = await writeExportSettings(path, eventId, change(by));
      if (!written.ok) throw new Error(written.error.message);
    }

    await purged();

    const text = await readFile(path, 'utf8');
    expect(Object.keys(JSON.parse(text))).toEqual(['ev2']);
    expect(text).not.toContain('Kari Nordmann');
    const kept = await readStoredSettings(path, 'ev2');
    expect(kept.ok && kept.value.history.map((c) => c.by)).toEqual([
      'Ola Hansen',
    ]);
  });

  it('leaves alone a folder, a link or another kind of file the log names', async () => {
    const folder = join(elsewhere, 'folder.xlsx');
    const target = join(elsewhere, 'target.xlsx');
    const link = join(elsewhere, 'link.xlsx');
    const notes = join(elsewhere, 'notes.txt');
    await mkdir(folder);
    await writeFile(target, 'someone else’s');
    await symlink(target, link);
    await writeFile(notes, 'notes');
    await log(entry(folder), entry(link), entry(notes));

    expect(await purged()).toEqual({
      exports: [],
      notFound: [],
      logEntries: 3,
      refused: [folder, link, notes],
    });
    expect((await readdir(elsewhere)).sort()).toEqual([
      'folder.xlsx',
      'link.xlsx',
      'notes.txt',
      'target.xlsx',
    ]);
  });

  it('follows no folder in a bare name and keeps other events’ lists', async () => {
    await writeFile(join(elsewhere, 'x.xlsx'), 'x');
    const other = join(elsewhere, 'other.xlsx');
    await writeFile(other, 'other event');
    await log(entry('../../Documents/x.xlsx'), entry(other, { event: 'ev2' }));
    expect(await purged()).toEqual({
      exports: [],
      notFound: ['x.xlsx'],
      logEntries: 1,
    });
    expect((await readdir(elsewhere)).sort()).toEqual(['other.xlsx', 'x.xlsx']);
  });

  it('names a dialog-saved list that is already gone as not found', async () => {
    const gone = join(elsewhere, 'gone.xlsx');
    await log(entry(gone));
    expect(await purged()).toEqual({
      exports: [],
      notFound: [gone],
      logEntries: 1,
    });
  });

  it('keeps the purged entries’ counts and fields but not their file names, which name the event', async () => {
    const named = 'Høstløpet-license-list-20250614-090500.xlsx';
    const chosen = join(elsewhere, 'Høstløpet lisenser.xlsx');
    const earlier = 'Høstløpet-media-list-20250601-120000.xlsx';
    await writeFile(join(exportsDir, named), 'list');
    await writeFile(chosen, 'list');
    await log(
      // Purged by an older desk, which kept the name.
      entry(earlier, { purgedAt: '2025-06-02T08:00:00.000Z' }),
      entry(named, { people: 40, fields: ['fullName', 'licenseNumber'] }),
      entry(chosen, { via: 'pdf' }),
      entry('Vårløpet-license-list-20250501-090000.xlsx', { event: 'ev2' }),
    );

    expect(await purged()).toEqual({
      exports: [named, chosen],
      notFound: [],
      logEntries: 2,
    });

    const read = await readExportLog(exportLogPath(exportsDir));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value).toEqual([
      entry('', { purgedAt: '2025-06-02T08:00:00.000Z' }),
      entry('', {
        people: 40,
        fields: ['fullName', 'licenseNumber'],
        purgedAt: at.toISOString(),
      }),
      entry('', { via: 'pdf', purgedAt: at.toISOString() }),
      entry('Vårløpet-license-list-20250501-090000.xlsx', { event: 'ev2' }),
    ]);
    const text = await readFile(exportLogPath(exportsDir), 'utf8');
    expect(text).not.toContain('Høstløpet');
    expect(text).toContain('Vårløpet');
  });
});
