import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createLogger } from '../../node/log';
import { readSheet } from '../../node/xlsx/readSheet';
import { writeSheet } from '../../node/xlsx/writeSheet';
import { createHostClient } from '../../renderer/bridge/hostClient';
import { demoExport } from '../../shared/demo/demoExport';
import { createDeskHandlers } from '../handlers/deskHandlers';
import { type HostServer, startHostServer } from './hostServer';

let dir: string;
let server: HostServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'racedesk-import-'));
  await writeFile(join(dir, 'index.html'), '<html><head></head></html>');
  server = await startHostServer({
    rendererDir: dir,
    port: 0,
    logger: createLogger({ level: 'silent' }),
    handlers: createDeskHandlers({
      shell: 'web-host',
      version: '0.0.0',
      platform: 'linux',
      locale: 'nb-NO',
      readSheet,
      logger: createLogger({ level: 'silent' }),
      progressIntervalMs: 0,
    }),
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const connect = () =>
  createHostClient({
    url: `ws://127.0.0.1:${server.port}/desk?token=${server.token}`,
    openSocket: (url, handlers) => {
      const origin = `http://127.0.0.1:${server.port}`;
      const socket = new WebSocket(url, { origin });
      socket.binaryType = 'arraybuffer';
      socket.on('open', handlers.onOpen);
      socket.on('message', (data) => {
        if (data instanceof ArrayBuffer) handlers.onFrame(new Uint8Array(data));
      });
      socket.on('close', handlers.onClose);
      return { send: (f) => socket.send(f), close: () => socket.close() };
    },
  });

describe('import:read-sheet through the web host', () => {
  it('reads a real export sent by the renderer client', async () => {
    const table = demoExport({ participants: 300, seed: 7 });
    const path = join(dir, 'påmeldte.xlsx');
    await writeSheet(table, path);
    const bytes = new Uint8Array(await readFile(path));
    const client = connect();
    const progress: number[] = [];
    client.on('import:progress', ({ rowsRead }) => progress.push(rowsRead));

    const result = await client.invoke('import:read-sheet', {
      fileName: 'påmeldte.xlsx',
      bytes,
    });
    client.close();

    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.headers).toEqual(table.headers);
    expect(result.value.rows).toHaveLength(table.rows.length);
    expect(result.value.rows[0]).toEqual(table.rows[0]);
    expect(progress.at(-1)).toBe(table.rows.length);
  });

  it('answers a file that is not a spreadsheet with an error', async () => {
    const client = connect();
    const result = await client.invoke('import:read-sheet', {
      fileName: 'notes.xlsx',
      bytes: new TextEncoder().encode('just some text'),
    });
    client.close();
    expect(result.ok).toBe(false);
  });
});
