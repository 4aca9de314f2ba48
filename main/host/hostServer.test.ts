import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createLogger } from '../../node/log';
import {
  createHostClient,
  type HostClient,
} from '../../renderer/bridge/hostClient';
import type { OpenSocket } from '../../renderer/bridge/socket';
import { ok } from '../../shared/contract/result';
import { createDeskHandlers } from '../handlers/deskHandlers';
import { type HostServer, startHostServer } from './hostServer';

const token = 'test-token-0123456789';
let server: HostServer;
let rendererDir: string;
const clients: HostClient[] = [];
let hangingReadStarted = () => {};

const sha256 = (bytes: Uint8Array) =>
  createHash('sha256').update(bytes).digest('hex');

beforeEach(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'racedesk-host-'));
  await writeFile(
    join(rendererDir, 'index.html'),
    '<html><head><title>Desk</title></head><body></body></html>',
  );
  await writeFile(join(rendererDir, 'app.js'), 'console.log(1)');
  server = await startHostServer({
    rendererDir,
    port: 0,
    token,
    logger: createLogger({ level: 'silent' }),
    handlers: createDeskHandlers({
      shell: 'web-host',
      version: '9.9.9',
      platform: 'linux',
      locale: 'nb-NO',
      logger: createLogger({ level: 'silent' }),
      // Echoes a digest of the bytes it got, so a test sees what arrived.
      readSheet: async (bytes, fileName, onProgress) => {
        if (fileName === 'never-ends.xlsx') {
          hangingReadStarted();
          return new Promise(() => {});
        }
        onProgress?.(1);
        return ok({
          fileName,
          sheetName: sha256(bytes),
          headers: [String(bytes.byteLength)],
          headerRow: 1,
          rows: [],
        });
      },
    }),
  });
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server.close();
  await rm(rendererDir, { recursive: true, force: true });
});

const origin = () => `http://127.0.0.1:${server.port}`;
const socketUrl = (withToken = token) =>
  `ws://127.0.0.1:${server.port}/desk?token=${withToken}`;

const wsOpener =
  (fromOrigin: string): OpenSocket =>
  (url, handlers) => {
    const socket = new WebSocket(url, { origin: fromOrigin });
    socket.binaryType = 'arraybuffer';
    socket.on('open', () => handlers.onOpen());
    socket.on('message', (data) => {
      if (data instanceof ArrayBuffer) handlers.onFrame(new Uint8Array(data));
    });
    socket.on('close', () => handlers.onClose());
    socket.on('error', () => {});
    return { send: (frame) => socket.send(frame), close: () => socket.close() };
  };

const connectClient = () => {
  const client = createHostClient({
    url: socketUrl(),
    openSocket: wsOpener(origin()),
  });
  clients.push(client);
  return client;
};

/** The HTTP status a raw upgrade attempt is answered with. */
const upgradeStatus = (url: string, headers: Record<string, string>) =>
  new Promise<number>((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
    });
    socket.on('error', () => {});
  });

describe('web host over HTTP', () => {
  it('serves index.html with its token and a strict policy', async () => {
    const response = await fetch(server.url);
    const html = await response.text();
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(html).toContain(
      `<meta name="racedesk-host-token" content="${token}">`,
    );
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self';");
    // Only fetch and the live stream may reach the central service the
    // operator types; nothing that runs or shows may come from elsewhere.
    const directives = policy.split(';').map((part) => part.trim());
    const remote = directives.filter((part) => /\bhttps?:/.test(part));
    expect(remote).toEqual([
      expect.stringMatching(/^connect-src 'self' http: https:/),
    ]);
    for (const name of ['script-src', 'img-src', 'font-src', 'worker-src']) {
      const directive = directives.find((part) => part.startsWith(name));
      expect(directive, name).not.toMatch(/https?:|\*/);
    }
    expect(policy).toContain("frame-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves built assets with the same policy', async () => {
    const response = await fetch(`${server.url}app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('content-security-policy')).toContain(
      "default-src 'none'",
    );
  });

  it('answers 404 for paths climbing out of the renderer folder', async () => {
    const response = await fetch(`${server.url}..%2f..%2fetc%2fpasswd.txt`);
    expect(response.status).toBe(404);
  });

  it('refuses a request addressed to another host name', async () => {
    const status = await new Promise<number>((resolve) => {
      import('node:http').then(({ get }) =>
        get(
          {
            port: server.port,
            host: '127.0.0.1',
            headers: { host: 'evil.test' },
          },
          (response) => resolve(response.statusCode ?? 0),
        ),
      );
    });
    expect(status).toBe(421);
  });
});

describe('web host desk socket', () => {
  it('accepts our origin with the right token', async () => {
    expect(await upgradeStatus(socketUrl(), { origin: origin() })).toBe(101);
  });

  it('refuses a connection with a wrong token', async () => {
    const status = await upgradeStatus(socketUrl('guessed'), {
      origin: origin(),
    });
    expect(status).toBe(403);
  });

  it('refuses a connection without a token', async () => {
    const url = `ws://127.0.0.1:${server.port}/desk`;
    expect(await upgradeStatus(url, { origin: origin() })).toBe(403);
  });

  it('refuses a foreign origin even with the right token', async () => {
    const status = await upgradeStatus(socketUrl(), {
      origin: 'http://evil.test',
    });
    expect(status).toBe(403);
  });

  it('refuses a connection that sends no origin', async () => {
    expect(await upgradeStatus(socketUrl(), {})).toBe(403);
  });

  it('answers app:info through the renderer client', async () => {
    const result = await connectClient().invoke('app:info', {});
    expect(result).toMatchObject({
      ok: true,
      value: { shell: 'web-host', version: '9.9.9' },
    });
  });

  it('carries file bytes to the handler unchanged', async () => {
    const client = connectClient();
    const bytes = new Uint8Array(randomBytes(3 * 1024 * 1024));
    const progress: unknown[] = [];
    client.on('import:progress', (payload) => progress.push(payload));
    const result = await client.invoke('import:read-sheet', {
      fileName: 'påmeldte.xlsx',
      bytes,
    });
    expect(result).toMatchObject({
      ok: true,
      value: { sheetName: sha256(bytes), headers: [String(bytes.length)] },
    });
    expect(progress).toContainEqual({ fileName: 'påmeldte.xlsx', rowsRead: 0 });
  });

  it('answers an unknown request name with an error result', async () => {
    const client = connectClient();
    // A stale or hostile page can send any name; the type system can't stop it.
    const invoke = client.invoke as (n: string, a: unknown) => Promise<unknown>;
    const result = await invoke('shell:exec', { command: 'rm -rf /' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unknown-request' },
    });
  });

  it('answers bad arguments with an error naming the field', async () => {
    const client = connectClient();
    const result = await client.invoke('import:read-sheet', {
      fileName: 'a.xlsx',
      bytes: new Uint8Array(),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', data: { field: 'bytes' } },
    });
  });

  it('closes a connection that sends a text frame', async () => {
    const socket = new WebSocket(socketUrl(), { origin: origin() });
    await new Promise((resolve) => socket.on('open', resolve));
    socket.send('{"type":"request","id":1,"name":"app:info","args":{}}');
    const code = await new Promise((resolve) => socket.on('close', resolve));
    expect(code).toBe(1003);
  });

  it('fails a request in flight when the host stops', async () => {
    const client = connectClient();
    const reading = client.invoke('import:read-sheet', {
      fileName: 'never-ends.xlsx',
      bytes: new Uint8Array([1]),
    });
    await new Promise<void>((resolve) => {
      hangingReadStarted = resolve;
    });
    await server.close();
    expect(await reading).toMatchObject({
      ok: false,
      error: { code: 'disconnected' },
    });
  });

  it('times out while the host is down, reconnects when back', async () => {
    const client = connectClient();
    expect((await client.invoke('app:info', {})).ok).toBe(true);
    const port = server.port;
    const dropped = new Promise((resolve) => client.onState(resolve));
    await server.close();
    expect(await dropped).toBe('connecting');
    const offline = createHostClient({
      url: socketUrl(),
      openSocket: wsOpener(origin()),
      timeoutMs: 200,
    });
    clients.push(offline);
    expect(await offline.invoke('app:info', {})).toMatchObject({
      ok: false,
      error: { code: 'timeout' },
    });

    server = await startHostServer({
      rendererDir,
      port,
      token,
      logger: createLogger({ level: 'silent' }),
      handlers: createDeskHandlers({
        shell: 'web-host',
        version: '10.0.0',
        platform: 'linux',
        locale: 'nb-NO',
        logger: createLogger({ level: 'silent' }),
        readSheet: async () =>
          ok({
            fileName: '',
            sheetName: '',
            headers: [],
            headerRow: 1,
            rows: [],
          }),
      }),
    });
    expect(await client.invoke('app:info', {})).toMatchObject({
      ok: true,
      value: { version: '10.0.0' },
    });
  });
});
