// Serves the built renderer (dist/renderer) to the browser. index.html gets
// the host's per-start token as a meta tag: only a page we served can read
// it, and the WebSocket refuses connections without it.

import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

import { tokenMetaName } from '../../renderer/bridge/wire';
import { contentTypeOf } from '../policy/contentTypes';

export type StaticFilesOptions = {
  root: string;
  token: string;
  /** Headers set on every response (policy and hardening). */
  headers: () => Record<string, string>;
};

const injectToken = (html: string, token: string): string => {
  const meta = `<meta name="${tokenMetaName}" content="${token}">`;
  return html.includes('</head>')
    ? html.replace('</head>', `    ${meta}\n  </head>`)
    : `${meta}\n${html}`;
};

const send = (
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string>,
) => {
  response.writeHead(status, {
    ...headers,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(body);
};

const decodePath = (url: string): string | null => {
  try {
    return decodeURIComponent(new URL(url, 'http://host').pathname);
  } catch {
    return null;
  }
};

const isFile = async (path: string): Promise<boolean> => {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
};

export const createStaticFiles = (options: StaticFilesOptions) => {
  const root = resolve(options.root);
  const indexPath = join(root, 'index.html');

  return async (request: IncomingMessage, response: ServerResponse) => {
    const headers = options.headers();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain', 'Method not allowed', headers);
      return;
    }

    const pathname = decodePath(request.url ?? '/');
    if (pathname === null) {
      send(response, 400, 'text/plain', 'Bad path', headers);
      return;
    }
    const path = resolve(root, `.${normalize(pathname)}`);
    if (path !== root && !path.startsWith(root + sep)) {
      send(response, 404, 'text/plain', 'Not found', headers);
      return;
    }

    // Paths without an extension are the app's own routes: give the page.
    const wantsPage = pathname === '/' || extname(pathname) === '';
    const file = wantsPage ? indexPath : path;
    if (!(await isFile(file))) {
      send(response, 404, 'text/plain', 'Not found', headers);
      return;
    }

    if (file === indexPath) {
      const html = await readFile(file, 'utf8');
      const type = contentTypeOf(file);
      send(response, 200, type, injectToken(html, options.token), headers);
      return;
    }
    send(response, 200, contentTypeOf(file), await readFile(file), headers);
  };
};
