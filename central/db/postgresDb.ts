import pg from 'pg';

import type { Db, Queryable, Row } from './db';

const { Pool } = pg;

type Client = {
  query(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
};

const queryableOf = (client: Client): Queryable => ({
  async query<R extends Row = Row>(sql: string, params: unknown[] = []) {
    const result = await client.query(sql, params);
    return result.rows as R[];
  },
  async exec(sql: string) {
    await client.query(sql);
  },
});

/** A pool on a PostgreSQL server, from a postgres:// URL. */
export const openPostgres = async (
  url: string,
  onIdleError: (error: Error) => void = () => undefined,
): Promise<Db> => {
  const pool = new Pool({ connectionString: url, max: 10 });
  // An idle client whose server went away must not crash the process; the
  // next query gets a fresh connection or fails as that request's error.
  pool.on('error', onIdleError);
  // Fail at start, not at the first request, when the server is unreachable.
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }

  return {
    kind: 'postgres',
    ...queryableOf(pool),
    async transaction(fn, setup) {
      const client = await pool.connect();
      // A checked-out client has no listener of the pool's: a server that
      // dies mid-transaction would emit an unhandled 'error' and take the
      // process down. The query fails anyway; the client is then dropped.
      let lost: Error | undefined;
      const onError = (error: Error) => {
        lost = error;
      };
      client.on('error', onError);
      try {
        // One simple query: BEGIN and the setup in one round trip.
        await client.query(setup ? `BEGIN; ${setup}` : 'BEGIN');
        const value = await fn(queryableOf(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.removeListener('error', onError);
        client.release(lost);
      }
    },
    close: () => pool.end(),
  };
};
