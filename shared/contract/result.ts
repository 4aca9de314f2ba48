/** Errors cross every boundary as data: a code, a message and details. */
export type AppError = {
  code: string;
  message: string;
  data?: Record<string, unknown>;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (
  code: string,
  message: string,
  data?: Record<string, unknown>,
): Result<never> => ({ ok: false, error: { code, message, data } });
