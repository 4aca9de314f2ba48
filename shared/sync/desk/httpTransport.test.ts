// The HTTP transport's failures with no central service behind it: a port
// nobody listens on, a server that never answers, and the SSE parser fed
// in awkward chunks. engine.test.ts runs it against the real service.

import { describe, expect, it } from 'vitest';

import {
  freePort,
  startSilentServer,
  waitUntil,
} from '../../../central/test/deskEngine';
import { createHttpTransport, loginToCentral } from './httpTransport';
import { createSseParser, type SseEvent } from './sseParser';

const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

const transportAt = (baseUrl: string) =>
  createHttpTransport({
    baseUrl,
    eventId: 'demo-2025',
    token: 'desk_nothing',
    fetch,
    timeoutMs: 300,
  });

describe('the HTTP transport', () => {
  it('a service nobody listens for is offline, for calls and for the stream', async () => {
    const transport = transportAt(`http://127.0.0.1:${await freePort()}`);

    const pulled = await transport.pull(0, 10);
    const closed = await new Promise<{ code: string }>((resolve) => {
      transport.watch(() => undefined, resolve);
    });

    expect(pulled).toMatchObject({ ok: false, error: { code: 'offline' } });
    expect(closed.code).toBe('offline');
  });

  it('a service that never answers is offline once the timeout passes', async () => {
    const silent = await startSilentServer();
    try {
      const transport = transportAt(silent.url);

      const pushed = await transport.push({ operations: [] });
      const signIn = await loginToCentral(
        fetch,
        silent.url,
        'demo',
        'demo',
        300,
      );
      const closed = await new Promise<{ code: string }>((resolve) => {
        transport.watch(() => undefined, resolve);
      });

      expect(pushed).toMatchObject({ ok: false, error: { code: 'offline' } });
      expect(signIn.ok).toBe(false);
      expect(closed.code).toBe('offline');
    } finally {
      await silent.close();
    }
  });

  it('with an aborter, a call and a stream given up close their connections', async () => {
    const silent = await startSilentServer();
    try {
      const transport = createHttpTransport({
        baseUrl: silent.url,
        eventId: 'demo-2025',
        token: 'desk_nothing',
        fetch,
        aborter: () => new AbortController(),
        timeoutMs: 300,
      });

      const pulled = await transport.pull(0, 10);
      await waitUntil(
        'the timed-out pull is closed',
        () => silent.openRequests() === 0,
      );
      const close = transport.watch(
        () => undefined,
        () => undefined,
      );
      await waitUntil('the stream is open', () => silent.openRequests() === 1);
      close();
      await waitUntil(
        'the closed stream is gone',
        () => silent.openRequests() === 0,
      );

      expect(pulled).toMatchObject({ ok: false, error: { code: 'offline' } });
    } finally {
      await silent.close();
    }
  });

  it('a live stream that opens and then stays silent is closed as offline', async () => {
    const quiet = await startSilentServer('headersOnly');
    try {
      const transport = createHttpTransport({
        baseUrl: quiet.url,
        eventId: 'demo-2025',
        token: 'desk_nothing',
        fetch,
        streamIdleMs: 200,
      });
      const seqs: number[] = [];

      const closed = await new Promise<{ code: string; message: string }>(
        (resolve) => {
          transport.watch((seq) => seqs.push(seq), resolve);
        },
      );

      expect(closed).toMatchObject({ code: 'offline' });
      expect(closed.message).toContain('silent');
      expect(seqs).toEqual([]);
    } finally {
      await quiet.close();
    }
  });
});

describe('the live stream parser', () => {
  it('events split across chunks, with CRLF, comments and two data lines, come out whole', () => {
    const events: SseEvent[] = [];
    const parser = createSseParser((event) => events.push(event));

    for (const chunk of [
      ': ping\n\nevent: seq\r',
      '\ndata: {"latestSeq"',
      ':7}\r\n\r\n',
      'data: a\ndata: b\n',
      '\n',
    ]) {
      parser.push(bytes(chunk));
    }

    expect(events).toEqual([
      { event: 'seq', data: '{"latestSeq":7}' },
      { event: 'message', data: 'a\nb' },
    ]);
  });

  it('an event not yet ended by a blank line is held back', () => {
    const events: SseEvent[] = [];
    const parser = createSseParser((event) => events.push(event));

    parser.push(bytes('event: seq\ndata: {"latestSeq":1}\n'));

    expect(events).toEqual([]);
  });
});
