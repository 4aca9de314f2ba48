// Electron's runtime cannot load here (no binary), so 'electron' is replaced
// by a recorder of ipcMain.handle; what is tested is our sender check and
// dispatch, not Electron.

import { pathToFileURL } from 'node:url';

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../node/log';
import { deskRequestNames } from '../../shared/contract/desk';
import { ok } from '../../shared/contract/result';
import { createDeskHandlers } from '../handlers/deskHandlers';
import type {
  DeviceService,
  DeviceServiceEvent,
} from '../handlers/deviceService';

type Handler = (event: unknown, args: unknown) => Promise<unknown> | unknown;
const registered = new Map<string, Handler>();

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => {
      registered.set(channel, handler);
    },
  },
}));

const { setupDeskIpc } = await import('./ipc');
const { appPaths } = await import('./paths');

const paths = appPaths('/opt/racedesk/dist/main');
const ownUrl = pathToFileURL(paths.rendererIndex).toString();
const sent: unknown[] = [];

const invokeEvent = (url: string, parent: unknown = null) => ({
  senderFrame: { url, parent },
  sender: {
    isDestroyed: () => false,
    send: (name: string, payload: unknown) => sent.push({ name, payload }),
  },
});

beforeEach(() => {
  registered.clear();
  sent.length = 0;
  const logger = createLogger({ level: 'silent' });
  setupDeskIpc(
    paths,
    createDeskHandlers({
      shell: 'electron',
      version: '1.0.0',
      platform: 'linux',
      locale: 'nb',
      logger,
      readSheet: async (_bytes, fileName, onProgress) => {
        onProgress?.(5);
        return ok({
          fileName,
          sheetName: 'S',
          headers: [],
          headerRow: 1,
          rows: [],
        });
      },
    }),
    logger,
  );
});

const call = (channel: string, event: unknown, args: unknown) => {
  const handler = registered.get(channel);
  if (handler === undefined) throw new Error(`${channel} not registered`);
  return handler(event, args);
};

describe('setupDeskIpc', () => {
  it('registers one channel per request in the contract', () => {
    expect([...registered.keys()].sort()).toEqual([...deskRequestNames].sort());
  });

  it('answers our own page, with a hash route', async () => {
    const result = await call('app:info', invokeEvent(`${ownUrl}#/desk`), {});
    expect(result).toMatchObject({ ok: true, value: { shell: 'electron' } });
  });

  it('refuses a page from another origin', async () => {
    const result = await call(
      'app:info',
      invokeEvent('https://evil.test/'),
      {},
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('refuses another local file', async () => {
    const result = await call(
      'app:info',
      invokeEvent('file:///tmp/x.html'),
      {},
    );
    expect(result).toMatchObject({ ok: false });
  });

  it('refuses an iframe inside our own page', async () => {
    const result = await call(
      'app:info',
      invokeEvent(ownUrl, { url: ownUrl }),
      {},
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('checks arguments and sends progress to the asking window', async () => {
    const bad = await call('import:read-sheet', invokeEvent(ownUrl), {
      fileName: 'a.xlsx',
      bytes: 'PK',
    });
    expect(bad).toMatchObject({ error: { code: 'invalid-arguments' } });

    const good = await call('import:read-sheet', invokeEvent(ownUrl), {
      fileName: 'a.xlsx',
      bytes: new Uint8Array([1]),
    });
    expect(good).toMatchObject({ ok: true });
    expect(sent).toContainEqual({
      name: 'import:progress',
      payload: { fileName: 'a.xlsx', rowsRead: 0 },
    });
  });
});

describe('device events over IPC', () => {
  it('reach a window once however often it subscribes, and each window once', async () => {
    const logger = createLogger({ level: 'silent' });
    let fire: (event: DeviceServiceEvent) => void = () => undefined;
    const service = {
      onEvent: (listener: (event: DeviceServiceEvent) => void) => {
        fire = listener;
        return () => undefined;
      },
      unacknowledged: () => [],
    } as unknown as DeviceService;
    setupDeskIpc(
      paths,
      createDeskHandlers({
        shell: 'electron',
        version: '1.0.0',
        platform: 'linux',
        locale: 'nb',
        logger,
        readSheet: async () =>
          ok({
            fileName: 'x.xlsx',
            sheetName: 'S',
            headers: [],
            headerRow: 1,
            rows: [],
          }),
        devices: { service },
      }),
      logger,
    );
    // One window: its web contents is the same object on every request.
    const window = invokeEvent(ownUrl);
    const other = {
      ...invokeEvent(ownUrl),
      sender: {
        isDestroyed: () => false,
        send: (name: string, payload: unknown) =>
          sent.push({ name, payload, other: true }),
      },
    };
    for (let visit = 0; visit < 3; visit++) {
      expect(await call('devices:subscribe', window, {})).toMatchObject({
        ok: true,
      });
    }
    await call('devices:subscribe', other, {});
    sent.length = 0;
    fire({
      type: 'readout',
      readout: { device: 'reader', chip: '123', atMs: 1 },
    });
    expect(sent).toEqual([
      {
        name: 'devices:readout',
        payload: { device: 'reader', chip: '123', atMs: 1 },
      },
      {
        name: 'devices:readout',
        payload: { device: 'reader', chip: '123', atMs: 1 },
        other: true,
      },
    ]);
  });
});
