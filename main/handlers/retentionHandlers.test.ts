import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../node/log';
import type { DeskHandlers } from '../../shared/contract/desk';
import type { WriteListArgs } from '../../shared/contract/exports';
import type { Result } from '../../shared/contract/result';
import { listPurposes } from '../../shared/lists/purposes';
import { packRowsText } from '../../shared/lists/rowsText';
import { openPassingJournal } from '../journal/passingJournal';
import { createDeskHandlers } from './deskHandlers';
import { dispatchDeskRequest } from './dispatch';
import { exportsFolder } from './exportHandlers';

let dataDir = '';

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'racedesk-retention-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const desk = (): DeskHandlers =>
  createDeskHandlers({
    shell: 'web-host',
    version: '1.0.0',
    platform: 'linux',
    locale: 'nb-NO',
    readSheet: async () => {
      throw new Error('not read here');
    },
    logger: createLogger({ level: 'silent' }),
    exports: { dataDir },
    results: { dataDir },
    retention: { dataDir, now: () => new Date('2025-06-21T08:00:00Z') },
  });

const send = (
  handlers: DeskHandlers,
  name: string,
  args: unknown,
): Promise<Result<unknown>> =>
  dispatchDeskRequest(handlers, name, args, () => undefined);

const valueIn = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const license = (eventId: string, name: string): WriteListArgs => ({
  list: 'license-list',
  columns: [...listPurposes['license-list'].columns],
  lang: 'nb',
  rows: new TextEncoder().encode(
    packRowsText([['Kari Aasheim', 'IL Gneist', 'Engangslisens', '', 'E1']]),
  ),
  people: 1,
  event: { id: eventId, name },
  by: 'desk-7',
});

const export2 = async (handlers: DeskHandlers) => ({
  purged: valueIn(
    await handlers['exports:write-list'](
      license('ev1', 'Vinterløpet'),
      () => undefined,
    ),
  ),
  kept: valueIn(
    await handlers['exports:write-list'](
      license('ev2', 'Sommerløpet'),
      () => undefined,
    ),
  ),
});

const passing = (chip: string) => ({
  kind: 'passing' as const,
  protocol: 'sportident' as const,
  offset: 0,
  chip,
  station: 31,
  time: '10:00:00.000',
  extra: {},
});

describe('retention handlers', () => {
  it('deletes the event’s exported lists and marks its log entries purged', async () => {
    const handlers = desk();
    const { purged, kept } = await export2(handlers);

    const result = valueIn(
      await send(handlers, 'retention:purge-files', {
        eventId: 'ev1',
        deviceData: false,
      }),
    );

    expect(result).toEqual({
      exports: [purged.entry.file],
      notFound: [],
      logEntries: 1,
      captures: 0,
      journalPassings: 0,
      deviceDataKept: true,
    });
    const files = await readdir(exportsFolder(dataDir));
    expect(files).toContain(kept.entry.file);
    expect(files).not.toContain(purged.entry.file);
    const log = valueIn(await send(handlers, 'exports:log', {}));
    expect(log).toEqual([
      // The file name named the event: it goes with the purge.
      { ...purged.entry, file: '', purgedAt: '2025-06-21T08:00:00.000Z' },
      kept.entry,
    ]);
  });

  it('deletes the result files and start lists written for the event, and only those', async () => {
    const handlers = desk();
    const results = (eventId: string, format: 'xlsx' | 'iof-resultlist') =>
      send(handlers, 'results:write', {
        format,
        fileName: `resultater-${eventId}`,
        event: { id: eventId, name: 'Vinterløpet', date: '2025-06-14' },
        lang: 'nb',
        list: { classes: [], unmatched: [], closed: true },
        identities: {},
        by: 'Kari (desk-7)',
      });
    const startList = (eventId: string, format: string) =>
      send(handlers, 'results:write-start-list', {
        format,
        event: { id: eventId, name: 'Vinterløpet', date: '' },
        text: new TextEncoder().encode('Stno;Chip\r\n1;501\r\n'),
        people: 1,
        rows: 1,
        by: 'Kari (desk-7)',
      });
    const fileOf = (result: Result<unknown>) =>
      (valueIn(result) as { entry: { file: string } }).entry.file;
    const gone = [
      fileOf(await results('ev1', 'xlsx')),
      fileOf(await results('ev1', 'iof-resultlist')),
      fileOf(await startList('ev1', 'iof-startlist')),
      fileOf(await startList('ev1', 'iof-entrylist')),
      fileOf(await startList('ev1', 'csv-startlist')),
    ];
    const stays = [
      fileOf(await results('ev2', 'xlsx')),
      fileOf(await startList('ev2', 'csv-startlist')),
    ];
    expect(await readdir(exportsFolder(dataDir))).toEqual(
      expect.arrayContaining([...gone, ...stays]),
    );

    const result = valueIn(
      await send(handlers, 'retention:purge-files', {
        eventId: 'ev1',
        deviceData: false,
      }),
    );

    expect(result).toMatchObject({ notFound: [], logEntries: 5 });
    expect([...(result as { exports: string[] }).exports].sort()).toEqual(
      [...gone].sort(),
    );
    const files = await readdir(exportsFolder(dataDir));
    for (const file of gone) expect(files).not.toContain(file);
    for (const file of stays) expect(files).toContain(file);
  });

  it('names a logged list that is no longer in exports/ as not found', async () => {
    const handlers = desk();
    const { purged } = await export2(handlers);
    await rm(join(exportsFolder(dataDir), purged.entry.file));

    const result = valueIn(
      await send(handlers, 'retention:purge-files', {
        eventId: 'ev1',
        deviceData: false,
      }),
    );

    expect(result).toMatchObject({
      exports: [],
      notFound: [purged.entry.file],
      logEntries: 1,
    });
  });

  it('deletes the captures and empties the journal when told no other event is on the desk', async () => {
    const handlers = desk();
    const captures = join(dataDir, 'captures', 'finish');
    await mkdir(captures, { recursive: true });
    await writeFile(join(captures, 'a.bin'), 'raw');
    await writeFile(join(captures, 'b.bin'), 'raw');
    const journal = await openPassingJournal(dataDir);
    await journal.append('finish', passing('501'), 'live');
    await journal.append('finish', passing('502'), 'live');

    const result = valueIn(
      await send(handlers, 'retention:purge-files', {
        eventId: 'ev1',
        deviceData: true,
      }),
    );
    // The open journal goes on appending at the new end of the file.
    await journal.append('finish', passing('503'), 'live');
    await journal.close();

    expect(result).toMatchObject({
      captures: 2,
      journalPassings: 2,
      deviceDataKept: false,
    });
    const text = await readFile(join(dataDir, 'passings.jsonl'), 'utf8');
    expect(text).not.toContain('"501"');
    expect(text).toContain('"503"');
    expect(await readdir(dataDir)).not.toContain('captures');
  });

  it('keeps the captures and the journal while another event is on the desk', async () => {
    const handlers = desk();
    const captures = join(dataDir, 'captures', 'finish');
    await mkdir(captures, { recursive: true });
    await writeFile(join(captures, 'a.bin'), 'raw');

    const result = valueIn(
      await handlers['retention:purge-files'](
        { eventId: 'ev1', deviceData: false },
        () => undefined,
      ),
    );

    expect(result.deviceDataKept).toBe(true);
    expect(await readdir(captures)).toEqual(['a.bin']);
  });

  it('refuses a purge without an event id, naming the field', async () => {
    const result = await send(desk(), 'retention:purge-files', {
      eventId: '',
      deviceData: false,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', data: { field: 'eventId' } },
    });
  });
});
