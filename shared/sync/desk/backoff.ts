// Capped exponential backoff with jitter, so that ten desks that lost the
// venue network together do not all knock on the service in the same
// millisecond when it comes back.

export type RetryPolicy = { firstMs: number; maxMs: number };

export const defaultRetry: RetryPolicy = { firstMs: 1_000, maxMs: 30_000 };

/**
 * The wait before retry number `attempt` (1 for the first retry): doubling
 * from firstMs up to maxMs, then a random half of it taken off ("equal
 * jitter"), so the wait stays between half and all of the step.
 */
export const backoffMs = (
  policy: RetryPolicy,
  attempt: number,
  random: () => number,
): number => {
  const doublings = Math.min(Math.max(attempt - 1, 0), 30);
  const step = Math.min(policy.maxMs, policy.firstMs * 2 ** doublings);
  return Math.round(step / 2 + (random() * step) / 2);
};

/** The slow retry after a refusal that a retry is unlikely to mend. */
export const slowRetryMs = (policy: RetryPolicy, random: () => number) =>
  Math.round(policy.maxMs / 2 + (random() * policy.maxMs) / 2);
