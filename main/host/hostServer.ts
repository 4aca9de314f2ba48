// The web host's HTTP server: the built renderer and the desk socket on
// 127.0.0.1 only. The Host header is checked too, so a page on another
// domain that resolves to 127.0.0.1 (DNS rebinding) cannot read index.html
// and its token.

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { Logger } from '../../node/log';
import type { DeskHandlers } from '../../shared/contract/desk';
import {
  contentSecurityPolicy,
  hardeningHeaders,
} from '../policy/contentSecurityPolicy';
import { createDeskSocket } from './deskSocket';
import { createStaticFiles } from './staticFiles';

export type HostServerOptions = {
  /** Folder of the built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  handlers: DeskHandlers;
  logger: Logger;
  /** Fixed token for tests; a random one per start otherwise. */
  token?: string;
};

export type HostServer = {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
};

const hostNames = ['127.0.0.1', 'localhost'];

export const startHostServer = async (
  options: HostServerOptions,
): Promise<HostServer> => {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = options.port;

  const hosts = () => hostNames.map((name) => `${name}:${port}`);
  const socket = createDeskSocket({
    handlers: options.handlers,
    token,
    allowedOrigins: () => hosts().map((host) => `http://${host}`),
    logger: options.logger,
  });
  const headers = () => ({
    ...hardeningHeaders,
    'Content-Security-Policy': contentSecurityPolicy({
      connectSources: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`],
    }),
  });
  const knownHost = (request: IncomingMessage) =>
    hosts().includes(request.headers.host ?? '');

  const files = createStaticFiles({
    root: options.rendererDir,
    token,
    headers,
  });
  const server = createServer((request, response) => {
    if (!knownHost(request)) {
      response.writeHead(421, { 'Content-Type': 'text/plain' });
      response.end('Misdirected request');
      return;
    }
    files(request, response).catch((error: unknown) => {
      options.logger.error({ err: error }, 'static file failed');
      if (!response.headersSent) {
        response.writeHead(500);
      }
      response.end();
    });
  });
  server.on('upgrade', (request, duplex, head) => {
    if (!knownHost(request)) {
      duplex.end('HTTP/1.1 421 Misdirected Request\r\n\r\n');
      return;
    }
    socket.upgrade(request, duplex, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('The host server has no TCP address');
  }
  port = address.port;

  const close = async () => {
    socket.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url: `http://127.0.0.1:${port}/`, port, token, close };
};
