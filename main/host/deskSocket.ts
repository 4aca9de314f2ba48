// The desk contract over a WebSocket, for the renderer running in a plain
// browser. Any page on this machine can try to connect to 127.0.0.1, so a
// connection must come from our own origin and carry the token that only
// our index.html holds; everything else is refused before the upgrade.

import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../../node/log';
import {
  decodeFrame,
  deskSocketPath,
  encodeFrame,
  type WireMessage,
} from '../../renderer/bridge/wire';
import type { DeskHandlers } from '../../shared/contract/desk';
import { maxSheetBytes } from '../handlers/arguments';
import { dispatchDeskRequest, type EmitDeskEvent } from '../handlers/dispatch';

/** Room for the largest sheet plus its frame header. */
const maxFrameBytes = maxSheetBytes + 1024 * 1024;

export type DeskSocketOptions = {
  handlers: DeskHandlers;
  token: string;
  /** Origins allowed to connect, e.g. http://127.0.0.1:PORT. */
  allowedOrigins: () => readonly string[];
  logger: Logger;
};

const sameToken = (given: string | null, token: string): boolean => {
  if (given === null) {
    return false;
  }
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

const refuse = (socket: Duplex, status: number, reason: string) => {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\n` +
      'Content-Length: 0\r\n\r\n',
  );
};

const toBytes = (data: RawData): Uint8Array =>
  Array.isArray(data)
    ? Buffer.concat(data)
    : data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : data;

export const createDeskSocket = (options: DeskSocketOptions) => {
  const { logger: log } = options;
  const server = new WebSocketServer({
    noServer: true,
    maxPayload: maxFrameBytes,
  });

  const serve = (socket: WebSocket) => {
    const send = (message: WireMessage) => {
      if (socket.readyState !== socket.OPEN) return;
      try {
        socket.send(encodeFrame(message));
      } catch (error) {
        // A result the wire cannot carry is our bug; the host stays up.
        log.error({ err: error, type: message.type }, 'frame not sent');
      }
    };
    const emit: EmitDeskEvent = (name, payload) =>
      send({ type: 'event', name, payload });

    socket.on('message', async (data, isBinary) => {
      const decoded = isBinary
        ? decodeFrame(toBytes(data))
        : ({ ok: false, reason: 'text frame' } as const);
      if (!decoded.ok || decoded.message.type !== 'request') {
        const reason = decoded.ok ? 'not a request' : decoded.reason;
        log.warn({ reason }, 'closing desk socket on a bad frame');
        socket.close(1003, 'bad frame');
        return;
      }
      const { id, name, args } = decoded.message;
      const result = await dispatchDeskRequest(
        options.handlers,
        name,
        args,
        emit,
      );
      send({ type: 'response', id, result });
    });
  };

  /** Handles an HTTP upgrade; refuses it unless origin and token match. */
  const upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://host');
    if (url.pathname !== deskSocketPath) {
      refuse(socket, 404, 'Not Found');
      return;
    }
    const origin = request.headers.origin ?? '';
    if (!options.allowedOrigins().includes(origin)) {
      log.warn({ origin }, 'refused desk socket from a foreign origin');
      refuse(socket, 403, 'Forbidden');
      return;
    }
    if (!sameToken(url.searchParams.get('token'), options.token)) {
      log.warn('refused desk socket with a wrong token');
      refuse(socket, 403, 'Forbidden');
      return;
    }
    server.handleUpgrade(request, socket, head, (ws) => {
      log.info('desk connected');
      ws.on('close', () => log.info('desk disconnected'));
      serve(ws);
    });
  };

  const close = () => {
    for (const client of server.clients) {
      client.close(1001, 'host stopping');
    }
    server.close();
  };

  return { upgrade, close };
};
