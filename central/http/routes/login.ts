import type { FastifyInstance } from 'fastify';

import { loginRequestSchema } from '../../../shared/sync/schemas';
import type { LoginRequest, LoginResponse } from '../../../shared/sync/types';
import { verifyPassword } from '../../auth/password';
import { hashToken, newToken } from '../../auth/tokens';
import type { CentralContext } from '../context';
import type { LoginGuard } from '../loginGuard';
import { sendError } from '../reply';

// An organizer's session lasts one long event day.
const sessionHours = 16;

type AccountRow = {
  id: string;
  name: string;
  organization_id: string;
  password_hash: string;
};

// Verifying against a throwaway hash when the login is unknown keeps the
// answer time the same, so timing does not tell which logins exist.
const decoyHash =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export const loginRoutes = (
  app: FastifyInstance,
  ctx: CentralContext,
  guard: LoginGuard,
) => {
  app.post<{ Body: LoginRequest }>(
    '/api/login',
    { schema: { body: loginRequestSchema } },
    async (request, reply) => {
      const { login, password } = request.body;
      const allowed = guard.check(login, request.ip);
      if (!allowed.ok) {
        // No password is checked while locked: guessing costs time.
        ctx.log.warn({ route: '/api/login' }, 'login locked');
        reply.header('retry-after', String(allowed.retryAfterSeconds));
        return sendError(reply, {
          code: 'too-many-attempts',
          message: `Too many wrong passwords; try again in ${allowed.retryAfterSeconds} s`,
          data: { retryAfterSeconds: allowed.retryAfterSeconds },
        });
      }
      const rows = await ctx.db.query<AccountRow>(
        `SELECT id, name, organization_id, password_hash FROM accounts
          WHERE login = $1`,
        [login],
      );
      const account = rows[0];
      const valid = await verifyPassword(
        password,
        account?.password_hash ?? decoyHash,
      );
      if (!account || !valid) {
        guard.failed(login, request.ip);
        return sendError(reply, {
          code: 'bad-credentials',
          message: 'Wrong login or password',
        });
      }

      guard.succeeded(login);
      const token = newToken('organizer');
      const now = new Date();
      const expires = new Date(now.getTime() + sessionHours * 3_600_000);
      await ctx.db.query(
        `INSERT INTO sessions (token_hash, account_id, created_at, expires_at)
         VALUES ($1, $2, $3, $4)`,
        [
          hashToken(token),
          account.id,
          now.toISOString(),
          expires.toISOString(),
        ],
      );
      ctx.log.info({ accountId: account.id }, 'login');
      return {
        token,
        account: {
          id: account.id,
          name: account.name,
          organizationId: account.organization_id,
        },
      } satisfies LoginResponse;
    },
  );
};
