import type { Result } from '../../shared/contract/result';
import { ok } from '../../shared/contract/result';
import type { Db } from './db';
import { openPglite } from './pgliteDb';
import { openPostgres } from './postgresDb';

export type DbTarget = { url: string } | { dataDir: string };

/** PostgreSQL when a URL is given, else PGlite in the data folder. */
export const openDb = async (target: DbTarget): Promise<Result<Db>> =>
  'url' in target
    ? ok(await openPostgres(target.url))
    : openPglite(target.dataDir);
