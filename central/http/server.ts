// The central service's HTTP API: JSON in and out, every body checked
// against its schema and bounded in size, every event route checked against
// the caller's token (routes/*). Errors are `{ error: AppError }`.

import Fastify, { type FastifyInstance } from 'fastify';

import type { CentralContext } from './context';
import { type CentralLimits, defaultLimits } from './limits';
import { createLoginGuard } from './loginGuard';
import { createRateLimiter, rateKeyOf } from './rateLimit';
import { sendError } from './reply';
import { deskRoutes } from './routes/desks';
import { eventRoutes } from './routes/events';
import { importRoutes } from './routes/imports';
import { leaseRoutes } from './routes/leases';
import { loginRoutes } from './routes/login';
import { openapiRoutes } from './routes/openapi';
import { participantRoutes } from './routes/participants';
import { resultRoutes } from './routes/results';
import { streamRoutes } from './routes/stream';
import { syncRoutes } from './routes/sync';
import { validatorCompiler } from './validation';

/** Default bound on a request body; bigger routes raise their own. */
const bodyLimit = 256 * 1024;

const clientErrors: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'body-too-large',
    message: 'The request body is larger than this route accepts',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported-media-type',
    message: 'Send JSON (content-type: application/json)',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'malformed-json',
    message: 'The body is empty but JSON was announced',
  },
};

type ErrorShape = {
  validation?: unknown;
  validationContext?: string;
  code?: string;
  statusCode?: number;
  message: string;
};

const asErrorShape = (error: unknown): ErrorShape =>
  typeof error === 'object' && error !== null && 'message' in error
    ? (error as ErrorShape)
    : { message: String(error) };

const clientErrorOf = (error: ErrorShape) => {
  if (error.validation) {
    // invalid-body, invalid-querystring or invalid-params.
    const part = error.validationContext ?? 'body';
    return { code: `invalid-${part}`, message: error.message };
  }
  const known = error.code ? clientErrors[error.code] : undefined;
  if (known) return known;
  // Fastify's JSON parser marks a body it cannot parse with status 400.
  if (error.statusCode === 400) {
    return { code: 'malformed-json', message: 'The body is not valid JSON' };
  }
  return null;
};

export type RouteListener = (route: { method: string; url: string }) => void;

export const buildServer = (
  ctx: CentralContext,
  onRoute?: RouteListener,
  limits: CentralLimits = defaultLimits,
): FastifyInstance => {
  const app = Fastify({
    bodyLimit,
    forceCloseConnections: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler((error, request, reply) => {
    const shape = asErrorShape(error);
    const client = clientErrorOf(shape);
    if (client) return sendError(reply, client);
    ctx.log.error({ err: error, route: request.routeOptions.url }, 'failed');
    return sendError(reply, {
      code: 'internal',
      message: 'The service failed; the request took no effect',
    });
  });
  // Desks run in a browser page (the web host) or an Electron window, on an
  // origin of their own. Every call carries its bearer token and no cookie,
  // so any origin may call; the token is what is checked.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('access-control-allow-origin', '*');
    if (request.method !== 'OPTIONS') return;
    return reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST, PUT, DELETE')
      .header('access-control-allow-headers', 'authorization, content-type')
      .header('access-control-max-age', '600')
      .send();
  });
  // After CORS, so a refused desk page still reads the answer; before
  // parsing, so a refused request costs no body read and no query.
  const perToken = createRateLimiter(limits.rate.perToken);
  const perAddress = createRateLimiter(limits.rate.perAddress);
  app.addHook('onRequest', async (request, reply) => {
    const { kind, key } = rateKeyOf(request.headers.authorization, request.ip);
    const check = (kind === 'token' ? perToken : perAddress).take(key);
    if (check.ok) return;
    ctx.log.warn(
      { route: request.routeOptions.url ?? 'unknown', limit: kind },
      'rate limited',
    );
    reply.header('retry-after', String(check.retryAfterSeconds));
    return sendError(reply, {
      code: 'rate-limited',
      message: `Too many requests; try again in ${check.retryAfterSeconds} s`,
      data: { retryAfterSeconds: check.retryAfterSeconds },
    });
  });
  app.addHook('onResponse', async (request, reply) => {
    ctx.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unknown',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  if (onRoute) {
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') onRoute({ method, url: route.url });
      }
    });
  }
  app.get('/api/health', async () => ({ ok: true }));
  loginRoutes(app, ctx, createLoginGuard(limits.login));
  for (const routes of [
    eventRoutes,
    participantRoutes,
    importRoutes,
    deskRoutes,
    syncRoutes,
    streamRoutes,
    leaseRoutes,
    resultRoutes,
    openapiRoutes,
  ]) {
    routes(app, ctx);
  }
  return app;
};
