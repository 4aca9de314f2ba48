// Embedded PGlite: the default when no database URL is given, so the
// central service runs with no install. It never fsyncs; production uses
// PostgreSQL (README).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { PGlite, type Transaction } from '@electric-sql/pglite';

import { fail, ok, type Result } from '../../shared/contract/result';
import type { Db, Queryable, Row } from './db';
import { acquireLock } from './lockFile';

type Target = Pick<Transaction, 'query' | 'exec'>;

const queryableOf = (target: Target): Queryable => ({
  async query<R extends Row = Row>(sql: string, params: unknown[] = []) {
    const result = await target.query<R>(sql, params);
    return result.rows;
  },
  async exec(sql: string) {
    await target.exec(sql);
  },
});

/** Opens (or creates) the PGlite data folder, holding its lock. */
export const openPglite = async (dir: string): Promise<Result<Db>> => {
  mkdirSync(dir, { recursive: true });
  const lock = acquireLock(join(dir, 'racedesk-central.lock'));
  if (!lock.ok) return lock;

  let pglite: PGlite;
  try {
    pglite = await PGlite.create(join(dir, 'pgdata'));
  } catch (error) {
    lock.value.release();
    return fail('database-open-failed', String(error), { dir });
  }

  return ok({
    kind: 'pglite',
    ...queryableOf(pglite),
    transaction: (fn, setup) =>
      pglite.transaction(async (tx) => {
        if (setup) await tx.exec(setup);
        return fn(queryableOf(tx));
      }),
    async close() {
      await pglite.close();
      lock.value.release();
    },
  });
};
