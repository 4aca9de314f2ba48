import { describe, expect, it } from 'vitest';
import { createLogger } from '../../node/log';
import type { DeskHandlers } from '../../shared/contract/desk';
import { fail, ok } from '../../shared/contract/result';
import type { SheetTable } from '../../shared/isonen/sheet';
import { maxSheetBytes } from './arguments';
import { createDeskHandlers, type SheetReader } from './deskHandlers';
import { dispatchDeskRequest, type EmitDeskEvent } from './dispatch';

const table = (fileName: string, rows: number): SheetTable => ({
  fileName,
  sheetName: 'Deltakere',
  headers: ['Fornavn', 'Etternavn'],
  headerRow: 1,
  rows: Array.from({ length: rows }, (_, i) => ({
    row: i + 2,
    cells: ['Kari', 'Nordmann'],
  })),
});

const setup = (readSheet?: SheetReader) => {
  const calls: { bytes: Uint8Array; fileName: string }[] = [];
  const events: unknown[] = [];
  const reader: SheetReader =
    readSheet ??
    (async (bytes, fileName, onProgress) => {
      calls.push({ bytes, fileName });
      onProgress?.(1);
      return ok(table(fileName, 3));
    });
  const handlers: DeskHandlers = createDeskHandlers({
    shell: 'web-host',
    version: '1.2.3',
    platform: 'linux',
    locale: 'nb-NO',
    readSheet: reader,
    logger: createLogger({ level: 'silent' }),
  });
  const emit: EmitDeskEvent = (name, payload) => events.push({ name, payload });
  const send = (name: unknown, args: unknown, timeoutMs?: number) =>
    dispatchDeskRequest(handlers, name, args, emit, { timeoutMs });
  return { send, calls, events };
};

const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);

describe('dispatchDeskRequest', () => {
  it('answers app:info with the shell it runs in', async () => {
    const { send } = setup();
    expect(await send('app:info', {})).toEqual(
      ok({
        version: '1.2.3',
        shell: 'web-host',
        platform: 'linux',
        locale: 'nb-NO',
      }),
    );
  });

  it('refuses a request name the contract does not declare', async () => {
    const { send } = setup();
    const result = await send('fs:read', { path: '/etc/passwd' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unknown-request' },
    });
  });

  it('refuses a name that is not a string', async () => {
    const { send } = setup();
    const result = await send(42, {});
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.message).toContain('number');
  });

  it('passes the bytes and file name to the sheet reader', async () => {
    const { send, calls, events } = setup();
    const result = await send('import:read-sheet', {
      fileName: 'påmeldte.xlsx',
      bytes,
    });
    expect(result).toEqual(ok(table('påmeldte.xlsx', 3)));
    expect(calls).toEqual([{ bytes, fileName: 'påmeldte.xlsx' }]);
    expect(events).toContainEqual({
      name: 'import:progress',
      payload: { fileName: 'påmeldte.xlsx', rowsRead: 3 },
    });
  });

  it.each([
    ['no arguments', undefined, 'arguments'],
    [
      'bytes sent as a plain array',
      { fileName: 'a.xlsx', bytes: [1] },
      'bytes',
    ],
    ['bytes sent as text', { fileName: 'a.xlsx', bytes: 'PK' }, 'bytes'],
    ['an empty file', { fileName: 'a.xlsx', bytes: new Uint8Array() }, 'bytes'],
    ['a missing file name', { bytes }, 'fileName'],
    ['a blank file name', { fileName: '  ', bytes }, 'fileName'],
    ['a file name too long', { fileName: 'x'.repeat(300), bytes }, 'fileName'],
  ])(
    'refuses import:read-sheet with %s, naming the field',
    async (_, args, field) => {
      const { send, calls } = setup();
      const result = await send('import:read-sheet', args);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments', data: { field } },
      });
      expect(calls).toHaveLength(0);
    },
  );

  it('refuses a file over the size cap before reading it', async () => {
    const { send, calls } = setup();
    const huge = new Uint8Array(maxSheetBytes + 1);
    const result = await send('import:read-sheet', {
      fileName: 'huge.xlsx',
      bytes: huge,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(calls).toHaveLength(0);
  });

  it('passes a reader error through as an error result', async () => {
    const { send } = setup(async () =>
      fail('not-an-xlsx-file', 'a.xlsx is not an Excel file'),
    );
    const result = await send('import:read-sheet', {
      fileName: 'a.xlsx',
      bytes,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'not-an-xlsx-file' },
    });
  });

  it('turns a reader that throws into a handler-failed result', async () => {
    const { send } = setup(async () => {
      throw new Error('zip central directory missing');
    });
    const result = await send('import:read-sheet', {
      fileName: 'a.xlsx',
      bytes,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'handler-failed' },
    });
    expect(result.ok ? '' : result.error.message).toContain('zip central');
  });

  it('sends few progress events, the last with the total', async () => {
    const { send, events } = setup(async (_bytes, fileName, onProgress) => {
      for (let row = 1; row <= 5000; row += 1) onProgress?.(row);
      return ok(table(fileName, 5000));
    });
    await send('import:read-sheet', { fileName: 'big.xlsx', bytes });
    expect(events.length).toBeLessThanOrEqual(3);
    expect(events.at(-1)).toEqual({
      name: 'import:progress',
      payload: { fileName: 'big.xlsx', rowsRead: 5000 },
    });
  });

  it('answers timeout when a reader never finishes', async () => {
    const { send } = setup(() => new Promise(() => {}));
    const result = await send(
      'import:read-sheet',
      { fileName: 'a.xlsx', bytes },
      30,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });
});
