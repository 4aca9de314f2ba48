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
export const openPostgres = async (url: string): Promise<Db> => {
  const pool = new Pool({ connectionString: url, max: 10 });
  // Fail at start, not at the first request, when the server is unreachable.
  const probe = await pool.connect();
  probe.release();

  return {
    kind: 'postgres',
    ...queryableOf(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await fn(queryableOf(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
};
