// Errors leave the service as `{ error: { code, message, data } }` with an
// HTTP status chosen by code, so a desk can switch on the code.

import type { FastifyReply } from 'fastify';

import type { AppError, Result } from '../../shared/contract/result';

const statusByCode: Record<string, number> = {
  unauthorized: 401,
  'bad-credentials': 401,
  forbidden: 403,
  'desk-revoked': 403,
  'wrong-caller': 403,
  'forged-desk-id': 403,
  'unknown-desk': 404,
  'not-found': 404,
  'range-full': 409,
  'checkpoint-ahead': 409,
  'body-too-large': 413,
  'rate-limited': 429,
  'too-many-attempts': 429,
  internal: 500,
};

export const statusOf = (error: AppError): number =>
  statusByCode[error.code] ?? 400;

export const sendError = (reply: FastifyReply, error: AppError) =>
  reply.code(statusOf(error)).send({ error });

/** Sends the value with `status`, or the error with its own status. */
export const sendResult = <T>(
  reply: FastifyReply,
  result: Result<T>,
  status = 200,
) =>
  result.ok
    ? reply.code(status).send(result.value)
    : sendError(reply, result.error);
