// Request rates (issue #5, hardening): a token bucket per bearer token, and
// per client address for requests that carry none (login, health). A desk
// catching up after a day offline sends a few pushes and pulls a second,
// eight at once stay far below a token's budget, because each desk has its
// own token; the budget only stops a runaway loop or a flood. Over it, the
// answer is 429 `rate-limited` with Retry-After, and nothing is done.

import { createHash } from 'node:crypto';

export type Rate = {
  /** Requests a second, refilled continuously; 0 switches the limit off. */
  perSecond: number;
  /** Requests that may come at once before the rate applies. */
  burst: number;
};

export type RateLimits = { perToken: Rate; perAddress: Rate };

export const defaultRateLimits: RateLimits = {
  perToken: { perSecond: 100, burst: 400 },
  perAddress: { perSecond: 20, burst: 100 },
};

type Bucket = { tokens: number; at: number };

/** Whole seconds until one request fits again, or 0 when it fits now. */
export type RateCheck = { ok: true } | { ok: false; retryAfterSeconds: number };

// Buckets full again are forgotten, so a stream of one-off keys (new
// tokens, new addresses) cannot grow the map without bound.
const sweepEvery = 1_000;

export const createRateLimiter = (rate: Rate, now: () => number = Date.now) => {
  const buckets = new Map<string, Bucket>();
  let calls = 0;

  const refill = (bucket: Bucket, at: number) => {
    const seconds = (at - bucket.at) / 1000;
    bucket.tokens = Math.min(
      rate.burst,
      bucket.tokens + seconds * rate.perSecond,
    );
    bucket.at = at;
  };

  const sweep = (at: number) => {
    for (const [key, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= rate.burst) buckets.delete(key);
    }
  };

  return {
    /** Takes one request from key's budget, if there is one left. */
    take(key: string): RateCheck {
      if (rate.perSecond <= 0) return { ok: true };
      const at = now();
      calls += 1;
      if (calls % sweepEvery === 0) sweep(at);
      const bucket = buckets.get(key) ?? { tokens: rate.burst, at };
      refill(bucket, at);
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      const wait = (1 - bucket.tokens) / rate.perSecond;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait)) };
    },
    size: () => buckets.size,
  };
};

export type RateLimiter = ReturnType<typeof createRateLimiter>;

const bearerOf = (header: string | undefined): string | null =>
  /^Bearer (\S+)$/.exec(header ?? '')?.[1] ?? null;

/**
 * The key a request is counted under: its token (hashed, so the map never
 * holds a usable secret) or, without one, its address.
 */
export const rateKeyOf = (
  authorization: string | undefined,
  address: string,
): { kind: 'token' | 'address'; key: string } => {
  const token = bearerOf(authorization);
  if (!token) return { kind: 'address', key: address };
  const hash = createHash('sha256').update(token).digest('base64url');
  return { kind: 'token', key: hash };
};
