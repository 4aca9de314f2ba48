// Light checks that a 2xx body has the shape the contract promises, so that
// a proxy's page or a half-written answer becomes an error, not a crash in
// the engine. The engine checks the content (answerChecks.ts).

import { fail, ok, type Result } from '../../contract/result';
import type {
  BibLease,
  CentralEvent,
  DeskRegistration,
  LoginResponse,
  PullResponse,
  PushResponse,
} from '../types';

type Shape<T> = (body: unknown) => body is T;

const record = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const has = (value: unknown, key: string, type: string) =>
  record(value) && typeof value[key] === type;

export const isPushResponse: Shape<PushResponse> = (
  body,
): body is PushResponse =>
  record(body) &&
  Array.isArray(body.results) &&
  has(body.desk, 'contiguousSeq', 'number') &&
  typeof body.latestSeq === 'number';

export const isPullResponse: Shape<PullResponse> = (
  body,
): body is PullResponse =>
  record(body) &&
  Array.isArray(body.documents) &&
  body.documents.every((doc) => has(doc, 'seq', 'number')) &&
  typeof body.checkpoint === 'number' &&
  typeof body.hasMore === 'boolean';

export const isBibLease: Shape<BibLease> = (body): body is BibLease =>
  has(body, 'first', 'number') && has(body, 'last', 'number');

export const isLoginResponse: Shape<LoginResponse> = (
  body,
): body is LoginResponse =>
  record(body) && typeof body.token === 'string' && record(body.account);

export const isEventList: Shape<{ events: CentralEvent[] }> = (
  body,
): body is { events: CentralEvent[] } =>
  record(body) &&
  Array.isArray(body.events) &&
  body.events.every((event) => has(event, 'id', 'string'));

export const isDeskRegistration: Shape<DeskRegistration> = (
  body,
): body is DeskRegistration =>
  has(body, 'deskId', 'string') && has(body, 'token', 'string');

/** The body as T, or 'bad-response' naming what was expected. */
export const shaped = <T>(
  answer: Result<unknown>,
  shape: Shape<T>,
  what: string,
): Result<T> => {
  if (!answer.ok) return answer;
  return shape(answer.value)
    ? ok(answer.value)
    : fail('bad-response', `The central service sent no valid ${what}`);
};
