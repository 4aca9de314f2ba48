import { fail, type Result } from '../../shared/contract/result';

export type TimeoutOptions = { ms: number; what: string };

/**
 * Resolves with the work's result, or with a `timeout` error once `ms` have
 * passed. The work itself is not cancelled (a sheet being read keeps its
 * thread until it ends); the caller just stops waiting for it.
 */
export const withTimeout = <T>(
  work: Promise<Result<T>>,
  { ms, what }: TimeoutOptions,
): Promise<Result<T>> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<Result<T>>((resolve) => {
    timer = setTimeout(
      () =>
        resolve(
          fail('timeout', `${what} took longer than ${ms} ms`, { ms, what }),
        ),
      ms,
    );
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
};
