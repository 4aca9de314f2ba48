// The content security policy on every response the desk window gets.
// file:// responses carry no headers and webRequest never sees them
// (electron/electron#14768), so the file scheme is served by us: only files
// under dist/renderer, each with the policy. That also keeps a compromised
// page from reading other files through file:// URLs.

import { fileURLToPath, pathToFileURL } from 'node:url';
import { net, protocol, session } from 'electron';
import {
  contentSecurityPolicy,
  hardeningHeaders,
} from '../policy/contentSecurityPolicy';
import { contentTypeOf } from '../policy/contentTypes';
import { type AppPaths, isInside } from './paths';

const policy = contentSecurityPolicy();

const notFound = () => new Response('Not found', { status: 404 });

const serveRendererFile =
  (paths: AppPaths) =>
  async (request: Request): Promise<Response> => {
    let path: string;
    try {
      path = fileURLToPath(request.url);
    } catch {
      return notFound();
    }
    if (!isInside(paths.rendererDir, path)) {
      return notFound();
    }
    const response = await net.fetch(pathToFileURL(path).toString(), {
      bypassCustomProtocolHandlers: true,
    });
    const headers = new Headers(response.headers);
    headers.set('Content-Type', contentTypeOf(path));
    headers.set('Content-Security-Policy', policy);
    for (const [name, value] of Object.entries(hardeningHeaders)) {
      headers.set(name, value);
    }
    return new Response(response.body, {
      status: response.status,
      headers,
    });
  };

/** Call after app 'ready'. */
export const setupContentSecurity = (paths: AppPaths) => {
  protocol.handle('file', serveRendererFile(paths));

  // Anything else that reaches the window (there should be nothing) gets
  // the same policy.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [policy],
      },
    });
  });
};
