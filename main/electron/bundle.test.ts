// The bundles electron-builder ships, loaded with Electron's runtime
// replaced by a recorder: they must load without node_modules and make the
// setup calls main.ts promises, with the hardened window options.

import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { deskRequestNames } from '../../shared/contract/desk';

type Recorded = { call: string; detail?: unknown; handler?: unknown };

const root = resolve(import.meta.dirname, '../..');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'racedesk-bundle-'));
  const build = spawnSync(
    process.execPath,
    ['scripts/build-main.mjs', '--outdir', join(dir, 'main')],
    { cwd: root, encoding: 'utf8' },
  );
  if (build.status !== 0) throw new Error(build.stderr);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fakeElectron = (calls: Recorded[], exposed: Map<string, unknown>) => {
  const record =
    (call: string) =>
    (...args: unknown[]) => {
      calls.push({ call, detail: args[0] });
    };
  class BrowserWindow {
    webContents = {
      on() {},
      // The page as it prints, as Electron's print to PDF gives it.
      printToPDF: async (options: unknown) => {
        calls.push({ call: 'printToPDF', detail: options });
        return new TextEncoder().encode('%PDF-1.7 from the fake');
      },
    };
    constructor(options: unknown) {
      calls.push({ call: 'BrowserWindow', detail: options });
    }
    once() {}
    on() {}
    async loadFile(path: string) {
      calls.push({ call: 'loadFile', detail: path });
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      on: record('app.on'),
      quit: record('app.quit'),
      whenReady: async () => {},
      getPath: () => join(dir, 'logs'),
      getVersion: () => '0.1.0',
      getLocale: () => 'nb',
    },
    protocol: { handle: record('protocol.handle') },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: record('onHeadersReceived') },
        setPermissionRequestHandler: record('setPermissionRequestHandler'),
        setPermissionCheckHandler: record('setPermissionCheckHandler'),
      },
    },
    ipcMain: {
      handle: (channel: string, handler: unknown) => {
        calls.push({ call: 'ipcMain.handle', detail: channel, handler });
      },
    },
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
    },
    ipcRenderer: { invoke: async () => null, on() {}, removeListener() {} },
    BrowserWindow,
    net: {},
    shell: {},
  };
};

/** Loads a CommonJS bundle with `require('electron')` answered by a fake. */
const loadBundle = (file: string, electron: unknown) => {
  const require = createRequire(file);
  const Module = require('node:module');
  const original = Module._load;
  Module._load = function load(request: string, ...rest: unknown[]) {
    return request === 'electron'
      ? electron
      : original.call(this, request, ...rest);
  };
  try {
    // Each test loads it afresh, with its own recorder.
    delete require.cache[require.resolve(file)];
    require(file);
  } finally {
    Module._load = original;
  }
};

describe('the bundled Electron main and preload', () => {
  it('main makes every setup call with a hardened window', async () => {
    const calls: Recorded[] = [];
    loadBundle(join(dir, 'main', 'main.cjs'), fakeElectron(calls, new Map()));
    await new Promise((resolve) => setTimeout(resolve, 50));

    const names = calls.map(({ call }) => call);
    expect(names).toContain('protocol.handle');
    expect(names).toContain('onHeadersReceived');
    expect(names).toContain('setPermissionRequestHandler');
    const channels = calls
      .filter(({ call }) => call === 'ipcMain.handle')
      .map(({ detail }) => detail);
    expect(channels).toEqual([...deskRequestNames]);
    expect(calls.find(({ call }) => call === 'BrowserWindow')).toMatchObject({
      detail: {
        webPreferences: {
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webSecurity: true,
          preload: join(dir, 'main', 'preload.cjs'),
        },
      },
    });
    expect(calls.find(({ call }) => call === 'loadFile')).toEqual({
      call: 'loadFile',
      detail: join(dir, 'renderer', 'index.html'),
    });
  });

  it('main prints the desk window to a PDF in exports/ and logs it', async () => {
    const calls: Recorded[] = [];
    loadBundle(join(dir, 'main', 'main.cjs'), fakeElectron(calls, new Map()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const handler = calls.find(
      ({ call, detail }) =>
        call === 'ipcMain.handle' && detail === 'exports:print-pdf',
    )?.handler;
    if (typeof handler !== 'function') throw new Error('no print-pdf channel');

    const page = pathToFileURL(join(dir, 'renderer', 'index.html')).href;
    const result = await handler(
      {
        senderFrame: { parent: null, url: page },
        sender: { isDestroyed: () => false, send() {} },
      },
      {
        list: 'media-list',
        columns: [
          'bib',
          'photoReserved',
          'videoReserved',
          'streamingReserved',
          'liveFeedReserved',
        ],
        people: 3,
        rows: 3,
        event: { id: 'ev1', name: 'Vårløpet' },
        by: 'Kari Sekretær (desk-1)',
      },
    );
    expect(result).toMatchObject({
      ok: true,
      value: { entry: { list: 'media-list', via: 'pdf', people: 3 } },
    });
    expect(calls.map(({ call }) => call)).toContain('printToPDF');
    // getPath answers the same folder for everything in the fake.
    const exportsDir = join(dir, 'logs', 'exports');
    const pdfs = (await readdir(exportsDir)).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(1);
    expect(await readFile(join(exportsDir, pdfs[0] ?? ''), 'utf8')).toBe(
      '%PDF-1.7 from the fake',
    );
  });

  it('preload exposes only window.racedesk with invoke and on', () => {
    const exposed = new Map<string, unknown>();
    loadBundle(join(dir, 'main', 'preload.cjs'), fakeElectron([], exposed));
    expect([...exposed.keys()]).toEqual(['racedesk']);
    expect(Object.keys(exposed.get('racedesk') ?? {}).sort()).toEqual([
      'invoke',
      'on',
    ]);
  });
});
