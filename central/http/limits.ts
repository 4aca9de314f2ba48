// The service's limits, from flags or environment (README, "Limits"): a
// flag wins over its variable, a variable over the default. 0 switches a
// limit off, for a load test; a bad value stops the start with its name.

import { fail, ok, type Result } from '../../shared/contract/result';
import { defaultLoginLimits, type LoginLimits } from './loginGuard';
import { defaultRateLimits, type RateLimits } from './rateLimit';

export type CentralLimits = { rate: RateLimits; login: LoginLimits };

export const defaultLimits: CentralLimits = {
  rate: defaultRateLimits,
  login: defaultLoginLimits,
};

export type LimitSettings = {
  ratePerToken?: string;
  ratePerAddress?: string;
  loginAttempts?: string;
};

const settingNames = {
  ratePerToken: ['--rate-per-token', 'RACEDESK_RATE_PER_TOKEN'],
  ratePerAddress: ['--rate-per-address', 'RACEDESK_RATE_PER_ADDRESS'],
  loginAttempts: ['--login-attempts', 'RACEDESK_LOGIN_ATTEMPTS'],
} as const;

type Env = Record<string, string | undefined>;

const numberOf = (
  setting: keyof typeof settingNames,
  flags: LimitSettings,
  env: Env,
  fallback: number,
): Result<number> => {
  const [flag, variable] = settingNames[setting];
  const text = flags[setting] ?? env[variable];
  if (text === undefined) return ok(fallback);
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    return fail(
      'bad-limit',
      `${flag} (or ${variable}) wants a whole number >= 0, not "${text}"`,
      { flag, variable },
    );
  }
  return ok(value);
};

/** The limits from flags and environment, each burst scaled with its rate. */
export const limitsFrom = (
  flags: LimitSettings,
  env: Env,
): Result<CentralLimits> => {
  const { perToken, perAddress } = defaultRateLimits;
  const token = numberOf('ratePerToken', flags, env, perToken.perSecond);
  if (!token.ok) return token;
  const address = numberOf('ratePerAddress', flags, env, perAddress.perSecond);
  if (!address.ok) return address;
  const login = numberOf(
    'loginAttempts',
    flags,
    env,
    defaultLoginLimits.perLogin,
  );
  if (!login.ok) return login;
  return ok({
    rate: {
      perToken: { perSecond: token.value, burst: token.value * 4 },
      perAddress: { perSecond: address.value, burst: address.value * 5 },
    },
    login: {
      ...defaultLoginLimits,
      perLogin: login.value,
      perAddress: login.value * 6,
    },
  });
};
