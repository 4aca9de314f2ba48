import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeParticipant } from '../../shared/desk/fixtures';
import { exportLogEntry } from '../../shared/lists/exportLog';
import { cellFormat } from '../../shared/lists/format';
import { planList } from '../../shared/lists/purposes';
import { listContent, viewsWithoutDesk } from '../../shared/lists/rows';
import { appendExportLog, exportLogPath, readExportLog } from './exportLog';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'racedesk-exportlog-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const licensed = (id: string) =>
  makeParticipant({
    id,
    email: `${id}@example.no`,
    license: {
      hasLicense: true,
      seasonLicense: `1000${id.length}`,
      oneDayLicense: '',
      product: '',
      purchasedAt: '',
    },
  });

describe('export log', () => {
  it('records who, when, which list, which fields and how many people', async () => {
    const plan = planList('license-list');
    if (!plan.ok) throw new Error(plan.error.message);
    const people = [
      licensed('a'),
      licensed('bb'),
      makeParticipant({ id: 'c' }),
    ];
    const content = listContent(
      plan.value,
      viewsWithoutDesk(people),
      cellFormat('nb'),
    );
    const path = exportLogPath(join(dir, 'event-1'));
    const entry = exportLogEntry(content, {
      at: '2025-06-14T08:00:00.000Z',
      by: 'Sekretær 1',
      list: 'license-list',
      file: 'lisenser.xlsx',
      event: 'event-1',
    });
    expect((await appendExportLog(path, entry)).ok).toBe(true);
    await appendExportLog(path, { ...entry, by: 'Sekretær 2', people: 5 });

    const read = await readExportLog(path);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value).toEqual([
      {
        at: '2025-06-14T08:00:00.000Z',
        by: 'Sekretær 1',
        event: 'event-1',
        list: 'license-list',
        fields: [
          'fullName',
          'club',
          'licenseProduct',
          'licensePurchasedAt',
          'licenseNumber',
        ],
        people: 2,
        rows: 2,
        file: 'lisenser.xlsx',
      },
      { ...entry, by: 'Sekretær 2', people: 5 },
    ]);
    // The log itself holds no participant's data.
    expect(await readFile(path, 'utf8')).not.toContain('@example.no');
  });

  it('reads a log that does not exist yet as empty', async () => {
    const read = await readExportLog(join(dir, 'none', 'log.jsonl'));
    expect(read).toEqual({ ok: true, value: [] });
  });

  it('reads entries written before they named their event', async () => {
    const path = join(dir, 'old.jsonl');
    const { event: _event, ...old } = exportLogEntry(
      { columnIds: ['fullName'], people: 1, rows: 1 },
      { at: '2025-06-14T08:00:00.000Z', by: 'cli', list: 'x', file: 'x' },
    );
    await appendFile(path, `${JSON.stringify(old)}\n`);
    const read = await readExportLog(path);
    expect(read.ok && read.value[0]?.event).toBe('');
  });

  it('names the line of a damaged entry', async () => {
    const path = join(dir, 'damaged.jsonl');
    const good = JSON.stringify({
      at: 'x',
      by: 'y',
      list: 'media-list',
      fields: ['bib'],
      people: 1,
      rows: 1,
      file: 'm.xlsx',
    });
    await writeFile(
      path,
      `${good}\n${good.replace('"people":1', '"people":"one"')}\n`,
    );
    const read = await readExportLog(path);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.message).toContain('line 2');
    expect(read.error.message).toContain('people');
  });
});
