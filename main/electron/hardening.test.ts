// The Electron security checklist, item by item, on the handlers main
// installs (issue #5, "Hardening"): navigation, redirects, webviews and
// new windows refused, every permission request and check refused, and
// every file the window loads served only from dist/renderer with the
// content security policy. `electron` is a stand-in here: the handlers
// are called the way Electron calls them.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createLogger } from '../../node/log';
import { appPaths } from './paths';

type Listener = (...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const session = {
    permissionRequest: null as null | ((...args: unknown[]) => void),
    permissionCheck: null as null | ((...args: unknown[]) => boolean),
    headersReceived: null as null | ((...args: unknown[]) => void),
  };
  const protocols = new Map<string, (request: Request) => Promise<Response>>();
  return { appListeners, session, protocols };
});

vi.mock('electron', () => ({
  app: {
    on: (name: string, listener: (...args: unknown[]) => void) =>
      electron.appListeners.set(name, listener),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => {
        electron.session.permissionRequest = handler;
      },
      setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => {
        electron.session.permissionCheck = handler;
      },
      webRequest: {
        onHeadersReceived: (handler: (...args: unknown[]) => void) => {
          electron.session.headersReceived = handler;
        },
      },
    },
  },
  protocol: {
    handle: (
      scheme: string,
      handler: (request: Request) => Promise<Response>,
    ) => electron.protocols.set(scheme, handler),
  },
  // What net.fetch does for a file:// URL: the file's bytes.
  net: {
    fetch: async (url: string) => {
      const { readFile } = await import('node:fs/promises');
      const { fileURLToPath } = await import('node:url');
      return new Response(await readFile(fileURLToPath(url)));
    },
  },
}));

const { setupNavigationLock, setupPermissionDenial } = await import(
  './navigation'
);
const { setupContentSecurity } = await import('./contentSecurity');

const log = createLogger({ level: 'silent' });

/** A web contents as Electron hands it to 'web-contents-created'. */
const fakeContents = () => {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: unknown) => { action: string }) | null = null;
  return {
    contents: {
      on: (name: string, listener: Listener) => listeners.set(name, listener),
      setWindowOpenHandler: (
        handler: (details: unknown) => { action: string },
      ) => {
        openHandler = handler;
      },
    },
    /** Emits a cancellable event; whether the handler prevented it. */
    emit(name: string, ...args: unknown[]): boolean {
      let prevented = false;
      const event = { preventDefault: () => (prevented = true) };
      const listener = listeners.get(name);
      if (!listener) throw new Error(`no ${name} listener`);
      listener(event, ...args);
      return prevented;
    },
    open: (url: string) => openHandler?.({ url }),
  };
};

let dir = '';
let paths = appPaths('/nowhere/dist/main');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'racedesk-hardening-'));
  paths = appPaths(join(dir, 'dist', 'main'));
  await mkdir(paths.rendererDir, { recursive: true });
  await writeFile(paths.rendererIndex, '<!doctype html><title>Desk</title>');
  await writeFile(join(dir, 'secret.txt'), 'not for the page');
  setupNavigationLock(paths, log);
  setupPermissionDenial(log);
  setupContentSecurity(paths);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const created = () => {
  const window = fakeContents();
  const listener = electron.appListeners.get('web-contents-created');
  if (!listener) throw new Error('no web-contents-created listener');
  listener({}, window.contents);
  return window;
};

describe('the desk window', () => {
  it('stays on its own page: navigation elsewhere, redirects and webviews are refused', () => {
    const window = created();
    const own = pathToFileURL(paths.rendererIndex).toString();
    expect(window.emit('will-navigate', `${own}#/sync`)).toBe(false);
    expect(window.emit('will-navigate', 'https://example.com/')).toBe(true);
    expect(window.emit('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(window.emit('will-redirect', 'https://example.com/')).toBe(true);
    expect(window.emit('will-attach-webview', {}, {})).toBe(true);
  });

  it('opens no new windows', () => {
    expect(created().open('https://example.com/')).toEqual({ action: 'deny' });
  });

  it('grants no permission, asked or checked', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications']) {
      electron.session.permissionRequest?.({}, permission, (granted: boolean) =>
        answers.push(granted),
      );
    }
    expect(answers).toEqual([false, false, false]);
    expect(electron.session.permissionCheck?.({}, 'media', '', {})).toBe(false);
  });
});

describe('files the window loads', () => {
  const serve = (url: string) => {
    const handler = electron.protocols.get('file');
    if (!handler) throw new Error('the file scheme is not handled');
    return handler(new Request(url));
  };

  it('come from dist/renderer with the content security policy', async () => {
    const response = await serve(pathToFileURL(paths.rendererIndex).toString());
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Desk</title>');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never come from outside it', async () => {
    const outside = pathToFileURL(join(dir, 'secret.txt')).toString();
    const climbing = `${pathToFileURL(paths.rendererDir).toString()}/../../secret.txt`;
    expect((await serve(outside)).status).toBe(404);
    expect((await serve(climbing)).status).toBe(404);
  });

  it('and anything else the window receives gets the policy too', () => {
    let headers: Record<string, string[]> = {};
    electron.session.headersReceived?.(
      { responseHeaders: { 'X-Other': ['kept'] } },
      (answer: { responseHeaders: Record<string, string[]> }) => {
        headers = answer.responseHeaders;
      },
    );
    expect(headers['X-Other']).toEqual(['kept']);
    expect(headers['Content-Security-Policy']?.[0]).toContain(
      "default-src 'none'",
    );
  });
});
