// A small HTTP client for the tests, speaking the sync contract the way a
// desk would.

import { request as httpRequest } from 'node:http';

import type { Participant } from '../../shared/domain/participant';
import type {
  DeskRegistration,
  PullResponse,
  PushResponse,
  SyncDocument,
} from '../../shared/sync/types';

export type Reply<T> = { status: number; body: T };

export type Desk = DeskRegistration & { eventId: string };

export type SeenAnswer = {
  method: string;
  path: string;
  status: number;
  body: unknown;
};

let answerSink: SeenAnswer[] | null = null;

/** Keeps every answer `request` gets from now on in `sink` (null stops). */
export const collectAnswers = (sink: SeenAnswer[] | null) => {
  answerSink = sink;
};

export const request = async <T>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string } = {},
): Promise<Reply<T>> => {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const payload =
    options.rawBody ??
    (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: payload,
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  answerSink?.push({ method, path, status: response.status, body });
  return { status: response.status, body };
};

/**
 * Sends a body bigger than the service takes and returns the status it
 * answered with. The service answers 413 from the Content-Length alone and
 * closes the connection, so the rest of the upload fails with EPIPE or a
 * reset; fetch reports that as a failure, this waits for the answer.
 */
export const postOversized = (
  base: string,
  path: string,
  token: string,
  body: string,
): Promise<number> =>
  new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = httpRequest(`${base}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    });
    outgoing.on('response', (response) => {
      answered = true;
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      const cutOff = error.code === 'EPIPE' || error.code === 'ECONNRESET';
      if (!(cutOff && answered)) {
        // The answer may still be on its way after the write failed.
        setTimeout(() => {
          if (!answered) reject(error);
        }, 1_000);
      }
    });
    outgoing.end(body);
  });

export const login = async (base: string, name: string) => {
  const reply = await request<{ token: string }>(base, 'POST', '/api/login', {
    body: { login: name, password: 'demo' },
  });
  if (reply.status !== 200) throw new Error(`login ${name}: ${reply.status}`);
  return reply.body.token;
};

export const registerDesk = async (
  base: string,
  organizerToken: string,
  eventId: string,
  name = 'Desk',
): Promise<Desk> => {
  const reply = await request<DeskRegistration>(
    base,
    'POST',
    `/api/events/${eventId}/desks`,
    { token: organizerToken, body: { name } },
  );
  if (reply.status !== 201) throw new Error(`desk: ${reply.status}`);
  return { ...reply.body, eventId };
};

export const push = (base: string, desk: Desk, operations: unknown[]) =>
  request<PushResponse>(
    base,
    'POST',
    `/api/events/${desk.eventId}/operations`,
    {
      token: desk.token,
      body: { operations },
    },
  );

export const pullPage = (
  base: string,
  token: string,
  eventId: string,
  checkpoint: number,
  limit = 500,
) =>
  request<PullResponse>(
    base,
    'GET',
    `/api/events/${eventId}/pull?checkpoint=${checkpoint}&limit=${limit}`,
    { token },
  );

/** Every document since checkpoint, page by page, as a desk pulls. */
export const pullAll = async (
  base: string,
  token: string,
  eventId: string,
  checkpoint = 0,
  limit = 500,
): Promise<{ documents: SyncDocument[]; checkpoint: number }> => {
  const documents: SyncDocument[] = [];
  let at = checkpoint;
  for (;;) {
    const page = await pullPage(base, token, eventId, at, limit);
    if (page.status !== 200) throw new Error(`pull: ${page.status}`);
    documents.push(...page.body.documents);
    at = page.body.checkpoint;
    if (!page.body.hasMore) return { documents, checkpoint: at };
  }
};

/** The participants of a pull, by id, with their server state. */
export const participantsOf = (documents: readonly SyncDocument[]) => {
  const byId = new Map<
    string,
    Extract<SyncDocument, { kind: 'participant' }>
  >();
  for (const doc of documents) {
    if (doc.kind === 'participant') byId.set(doc.participant.id, doc);
  }
  return byId;
};

export const upsertParticipants = (
  base: string,
  organizerToken: string,
  eventId: string,
  participants: Participant[],
) =>
  request<{ created: number; updated: number }>(
    base,
    'POST',
    `/api/events/${eventId}/participants`,
    { token: organizerToken, body: { participants } },
  );

/**
 * Sends a push with node:http and calls onSent once the whole body has
 * been handed to the network, before any answer can have come. Resolves to
 * the answer, or null when the connection ended without one.
 */
export const pushSent = (
  base: string,
  desk: Desk,
  operations: unknown[],
  onSent: () => void,
): Promise<Reply<PushResponse> | null> =>
  new Promise((resolve) => {
    const body = JSON.stringify({ operations });
    const outgoing = httpRequest(
      `${base}/api/events/${desk.eventId}/operations`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${desk.token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
    );
    outgoing.on('finish', onSent);
    outgoing.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      response.on('end', () => {
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
        } catch {
          resolve(null);
        }
      });
      response.on('error', () => resolve(null));
    });
    outgoing.on('error', () => resolve(null));
    outgoing.end(body);
  });
