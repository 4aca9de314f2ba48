import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../node/log';
import type { DeskHandlers } from '../../shared/contract/desk';
import type {
  WriteListArgs,
  WrittenExport,
} from '../../shared/contract/exports';
import type { Result } from '../../shared/contract/result';
import { listPurposes } from '../../shared/lists/purposes';
import { packRowsText } from '../../shared/lists/rowsText';
import { createDeskHandlers } from './deskHandlers';
import { dispatchDeskRequest } from './dispatch';
import { type ExportHandlerOptions, exportsFolder } from './exportHandlers';

let dataDir = '';

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'racedesk-exports-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const desk = (exports: ExportHandlerOptions = { dataDir }): DeskHandlers =>
  createDeskHandlers({
    shell: 'web-host',
    version: '1.0.0',
    platform: 'linux',
    locale: 'nb-NO',
    readSheet: async () => {
      throw new Error('not read here');
    },
    logger: createLogger({ level: 'silent' }),
    exports: { now: () => new Date('2025-06-14T09:05:00Z'), ...exports },
  });

const send = (
  handlers: DeskHandlers,
  name: string,
  args: unknown,
): Promise<Result<unknown>> =>
  dispatchDeskRequest(handlers, name, args, () => undefined);

const race = { id: 'ev1', name: 'Birkebeinerløpet 2025' };

/** As the exports page packs them (renderer/features/exports/packRows). */
const pack = (rows: string[][]) => new TextEncoder().encode(packRowsText(rows));

const licenseRows = [
  ['Kari Aas', 'IL Gneist', 'Engangslisens', '02.05.2025 20:15', 'E1'],
  ['Ola Berg', 'Freidig', 'Helårslisens', '', '123'],
];

const license: WriteListArgs = {
  list: 'license-list',
  columns: [...listPurposes['license-list'].columns],
  lang: 'nb',
  rows: pack(licenseRows),
  people: 2,
  event: race,
  by: 'desk-7',
};

const headersOf = async (path: string): Promise<string[]> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const row = workbook.worksheets[0]?.getRow(1);
  const values = Array.isArray(row?.values) ? row.values.slice(1) : [];
  return values.map(String);
};

const valueIn = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('exports handlers', () => {
  it('writes a list into the exports folder and logs who, what and how many', async () => {
    const handlers = desk();
    const written = valueIn(
      await handlers['exports:write-list'](license, () => undefined),
    );
    expect(written.path.startsWith(exportsFolder(dataDir))).toBe(true);
    expect(await headersOf(written.path)).toEqual([
      'Navn',
      'Klubb',
      'Lisensprodukt',
      'Kjøpt',
      'Lisensnummer',
    ]);

    const log = valueIn(await send(handlers, 'exports:log', {}));
    expect(log).toEqual([
      {
        at: '2025-06-14T09:05:00.000Z',
        by: 'desk-7',
        event: 'ev1',
        list: 'license-list',
        fields: listPurposes['license-list'].columns,
        people: 2,
        rows: 2,
        file: written.entry.file,
      },
    ]);
    expect(written.entry.file).toMatch(
      /^Birkebeinerløpet-2025-license-list-\d{8}-\d{6}\.xlsx$/,
    );
  });

  it('gives a second export in the same second its own file', async () => {
    const handlers = desk();
    const first = valueIn(await send(handlers, 'exports:write-list', license));
    const second = valueIn(await send(handlers, 'exports:write-list', license));
    expect(first).not.toEqual(second);
    const files = await readdir(exportsFolder(dataDir));
    expect(files.filter((file) => file.endsWith('.xlsx'))).toHaveLength(2);
  });

  it('refuses the external list until the organizer allows it', async () => {
    const handlers = desk();
    const external: WriteListArgs = {
      ...license,
      list: 'external-list',
      columns: ['fullName', 'club', 'exercises'],
      rows: pack([['Kari Aas', 'IL Gneist', 'K Senior 5 km']]),
      people: 1,
    };
    const refused = await send(handlers, 'exports:write-list', external);
    expect(refused.ok ? '' : refused.error.code).toBe('list-not-allowed');

    await send(handlers, 'exports:set-settings', {
      eventId: 'ev1',
      allowExternalList: true,
      by: 'Kari Sekretær',
    });
    expect(
      valueIn(await send(desk(), 'exports:settings', { eventId: 'ev1' })),
    ).toEqual({
      allowExternalList: true,
      source: 'desk',
      changedBy: 'Kari Sekretær',
      changedAt: '2025-06-14T09:05:00.000Z',
    });
    expect(
      valueIn(await send(handlers, 'exports:settings', { eventId: 'ev2' })),
    ).toMatchObject({ allowExternalList: false, changedBy: '' });
    expect((await send(handlers, 'exports:write-list', external)).ok).toBe(
      true,
    );
  });

  it('changes a local event’s permission only with a name, and keeps who did', async () => {
    const handlers = desk();
    const change = {
      eventId: 'ev1',
      allowExternalList: true,
      by: 'Kari Sekretær',
    };
    const noName = await send(handlers, 'exports:set-settings', {
      ...change,
      by: '',
    });
    expect(noName.ok ? '' : noName.error.message).toContain('by');

    await send(handlers, 'exports:set-settings', {
      ...change,
    });
    await send(handlers, 'exports:set-settings', {
      ...change,
      allowExternalList: false,
      by: 'Ola Leder',
    });
    const file = JSON.parse(
      await readFile(
        join(exportsFolder(dataDir), 'export-settings.json'),
        'utf8',
      ),
    );
    expect(file.ev1.history).toEqual([
      {
        at: '2025-06-14T09:05:00.000Z',
        by: 'Kari Sekretær',
        source: 'desk',
        allowExternalList: true,
      },
      {
        at: '2025-06-14T09:05:00.000Z',
        by: 'Ola Leder',
        source: 'desk',
        allowExternalList: false,
      },
    ]);
  });

  it('lets the central event’s setting win over the desk', async () => {
    const handlers = desk();
    const external: WriteListArgs = {
      ...license,
      list: 'external-list',
      columns: ['fullName', 'club', 'exercises'],
      rows: pack([['Kari Aas', 'IL Gneist', 'K Senior 5 km']]),
      people: 1,
    };
    await send(handlers, 'exports:set-settings', {
      eventId: 'ev1',
      allowExternalList: true,
      by: 'Kari Sekretær',
    });
    // The event is connected: the organizer has not allowed it centrally.
    const central = valueIn(
      await send(handlers, 'exports:central-settings', {
        eventId: 'ev1',
        allowExternalList: false,
      }),
    );
    expect(central).toMatchObject({
      allowExternalList: false,
      source: 'central',
      changedBy: 'central',
    });
    const refused = await send(handlers, 'exports:write-list', external);
    expect(refused.ok ? '' : refused.error.code).toBe('list-not-allowed');
    const local = await send(handlers, 'exports:set-settings', {
      eventId: 'ev1',
      allowExternalList: true,
      by: 'Kari Sekretær',
    });
    expect(local.ok ? '' : local.error.code).toBe('settings-central');

    await send(handlers, 'exports:central-settings', {
      eventId: 'ev1',
      allowExternalList: true,
    });
    expect((await send(handlers, 'exports:write-list', external)).ok).toBe(
      true,
    );

    // Disconnected: the desk's own again, not allowed until someone allows.
    const disconnected = await send(handlers, 'exports:central-settings', {
      eventId: 'ev1',
      allowExternalList: null,
    });
    expect(valueIn(disconnected)).toMatchObject({
      allowExternalList: false,
      source: 'desk',
    });
    const again = await send(handlers, 'exports:set-settings', {
      eventId: 'ev1',
      allowExternalList: true,
      by: 'Kari Sekretær',
    });
    expect(valueIn(again)).toMatchObject({
      allowExternalList: true,
      source: 'desk',
      changedBy: 'Kari Sekretær',
    });
  });

  it('refuses a column the list’s purpose does not need', async () => {
    const handlers = desk();
    const withEmail = {
      ...license,
      columns: [...license.columns, 'email'],
      rows: pack(licenseRows.map((row) => [...row, 'kari@example.no'])),
    };
    const refused = await send(handlers, 'exports:write-list', withEmail);
    expect(refused.ok ? '' : refused.error.code).toBe('columns-mismatch');

    const chosen = await send(handlers, 'exports:write-list', {
      ...license,
      list: 'participant-list',
      columns: ['firstName', 'password'],
      rows: pack([['Kari', 'x']]),
      people: 1,
    });
    expect(chosen.ok ? '' : chosen.error.code).toBe('unknown-column');
    expect(valueIn(await send(handlers, 'exports:log', {}))).toEqual([]);
  });

  it('names the row and cell of bad list content', async () => {
    const handlers = desk();
    const short = await send(handlers, 'exports:write-list', {
      ...license,
      rows: pack([licenseRows[0] ?? [], ['Ola Berg']]),
    });
    expect(short.ok ? '' : short.error.message).toBe(
      'exports:write-list: rows[1] has 1 cells; the list has 5 columns',
    );
    const notRows = await send(handlers, 'exports:write-list', {
      ...license,
      rows: [['Kari Aas', 'IL Gneist', 7, '', '']],
      people: 1,
    });
    expect(notRows.ok ? '' : notRows.error.message).toContain(
      'rows must be the rows as UTF-8 text',
    );
    const tooMany = await send(handlers, 'exports:write-list', {
      ...license,
      people: 3,
    });
    expect(tooMany.ok ? '' : tooMany.error.message).toContain(
      'people is more than the rows',
    );
  });

  it('writes and logs nothing when the save dialog is cancelled', async () => {
    const handlers = desk({ dataDir, choosePath: async () => null });
    const result = await send(handlers, 'exports:write-list', license);
    expect(result.ok ? '' : result.error.code).toBe('export-cancelled');
    expect(await readdir(exportsFolder(dataDir))).toEqual([]);
  });

  it('writes where the save dialog says', async () => {
    const chosen = join(dataDir, 'elsewhere.xlsx');
    const handlers = desk({ dataDir, choosePath: async () => chosen });
    const written = valueIn(
      await send(handlers, 'exports:write-list', license),
    ) as WrittenExport;
    expect(written).toMatchObject({ path: chosen });
    expect(await headersOf(chosen)).toHaveLength(5);
    // Outside exports/, the log names the full path, for the purge.
    expect(written.entry.file).toBe(chosen);
    const log = valueIn(await send(handlers, 'exports:log', {}));
    expect(log).toEqual([expect.objectContaining({ file: chosen })]);
  });

  it('logs a file the save dialog put in exports/ by its bare name', async () => {
    const chosen = join(exportsFolder(dataDir), 'lisens.xlsx');
    const handlers = desk({ dataDir, choosePath: async () => chosen });
    const written = valueIn(
      await send(handlers, 'exports:write-list', license),
    ) as WrittenExport;
    expect(written.entry.file).toBe('lisens.xlsx');
  });

  it('shows one event’s log entries when asked for that event', async () => {
    const handlers = desk();
    await send(handlers, 'exports:write-list', license);
    await send(handlers, 'exports:write-list', {
      ...license,
      event: { id: 'ev2', name: 'Other' },
    });
    const log = valueIn(
      await send(handlers, 'exports:log', { eventId: 'ev2' }),
    );
    expect(Array.isArray(log) ? log.length : -1).toBe(1);
  });

  it('logs a print like a file: who, when, which list, which fields, how many', async () => {
    const handlers = desk();
    const print = {
      list: 'license-list',
      columns: license.columns,
      people: 2,
      rows: 2,
      event: race,
      by: 'Kari Sekretær (desk-7)',
    };
    const entry = valueIn(await send(handlers, 'exports:log-print', print));
    const expected = {
      at: '2025-06-14T09:05:00.000Z',
      by: 'Kari Sekretær (desk-7)',
      event: 'ev1',
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
      file: '',
      via: 'print',
    };
    expect(entry).toEqual(expected);
    expect(valueIn(await send(handlers, 'exports:log', {}))).toEqual([
      expected,
    ]);
    // Nothing was written but the log.
    expect(await readdir(exportsFolder(dataDir))).toEqual([
      'racedesk-export-log.jsonl',
    ]);
  });

  it('refuses to log a print with a column or list it may not have', async () => {
    const handlers = desk();
    const print = {
      list: 'license-list',
      columns: [...license.columns, 'mobile'],
      people: 2,
      rows: 2,
      event: race,
      by: 'desk-7',
    };
    const extra = await send(handlers, 'exports:log-print', print);
    expect(extra.ok ? '' : extra.error.code).toBe('columns-mismatch');
    const external = await send(handlers, 'exports:log-print', {
      ...print,
      list: 'external-list',
      columns: ['fullName', 'club', 'exercises'],
    });
    expect(external.ok ? '' : external.error.code).toBe('list-not-allowed');
    expect(valueIn(await send(handlers, 'exports:log', {}))).toEqual([]);
  });

  it('prints to a PDF in exports/ and logs it (Electron)', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 made up');
    const handlers = desk({ dataDir, printToPdf: async () => pdf });
    const print = {
      list: 'license-list',
      columns: license.columns,
      people: 2,
      rows: 2,
      event: race,
      by: 'desk-7',
    };
    const written = valueIn(
      await send(handlers, 'exports:print-pdf', print),
    ) as WrittenExport;
    expect(written.path.startsWith(exportsFolder(dataDir))).toBe(true);
    expect(written.entry.file).toMatch(
      /^Birkebeinerløpet-2025-license-list-\d{8}-\d{6}\.pdf$/,
    );
    expect(written.entry).toMatchObject({ via: 'pdf', people: 2 });
    expect(await readFile(written.path, 'utf8')).toBe('%PDF-1.7 made up');
    expect(valueIn(await send(handlers, 'exports:log', {}))).toEqual([
      written.entry,
    ]);
  });

  it('says a desk without Electron prints to PDF through the print dialog', async () => {
    const result = await send(desk(), 'exports:print-pdf', {
      list: 'license-list',
      columns: license.columns,
      people: 2,
      rows: 2,
      event: race,
      by: 'desk-7',
    });
    expect(result.ok ? '' : result.error.code).toBe('print-pdf-unavailable');
  });

  it('keeps no PDF and logs nothing when printing to PDF fails', async () => {
    const handlers = desk({
      dataDir,
      printToPdf: async () => {
        throw new Error('renderer gone');
      },
    });
    const result = await send(handlers, 'exports:print-pdf', {
      list: 'license-list',
      columns: license.columns,
      people: 2,
      rows: 2,
      event: race,
      by: 'desk-7',
    });
    expect(result.ok ? '' : result.error.code).toBe('print-pdf-failed');
    expect(await readdir(exportsFolder(dataDir))).toEqual([]);
  });

  it('says there is nowhere to write without a data folder', async () => {
    const result = await send(desk({}), 'exports:log', {});
    expect(result.ok ? '' : result.error.code).toBe('exports-unavailable');
  });
});
