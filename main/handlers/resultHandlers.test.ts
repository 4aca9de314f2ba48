import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../../shared/contract/result';
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

  it('says so when the desk has no data folder', async () => {
    const args = resultArgumentChecks['results:write'](writeArgs);
    if (!args.ok) throw new Error(args.error.message);
    const written = await createResultHandlers({})['results:write'](args.value);
    expect(written.ok ? '' : written.error.code).toBe('exports-unavailable');
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
