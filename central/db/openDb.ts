import { fail, ok, type Result } from '../../shared/contract/result';
import type { Db } from './db';
import { openPglite } from './pgliteDb';
import { openPostgres } from './postgresDb';

export type DbTarget = { url: string } | { dataDir: string };

/** PostgreSQL when a URL is given, else PGlite in the data folder. */
export const openDb = async (
  target: DbTarget,
  onIdleError?: (error: Error) => void,
): Promise<Result<Db>> => {
  if (!('url' in target)) return openPglite(target.dataDir);
  try {
    return ok(await openPostgres(target.url, onIdleError));
  } catch (error) {
    // The URL may hold a password: only the reason goes out.
    const reason = error instanceof Error ? error.message : String(error);
    return fail('database-unreachable', `PostgreSQL: ${reason}`);
  }
};
