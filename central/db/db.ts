// One small query interface over both stores (ARCHITECTURE.md, "Central
// service"): node-postgres against a PostgreSQL server in production, and
// embedded PGlite when no database URL is given. The SQL is the same.

export type Row = Record<string, unknown>;

export type Queryable = {
  query<R extends Row = Row>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters. */
  exec(sql: string): Promise<void>;
};

export type Db = Queryable & {
  kind: 'postgres' | 'pglite';
  /**
   * Runs fn in one transaction: committed if it resolves, else rolled back.
   * setup (statements without parameters, such as SET TRANSACTION or SET
   * LOCAL) runs first; on PostgreSQL it goes with BEGIN in one round trip.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, setup?: string): Promise<T>;
  close(): Promise<void>;
};
