// Numbered SQL files in ./migrations, applied at start in one transaction
// each and recorded in schema_migrations. Two processes starting at once
// serialize on an advisory lock, so a file never runs twice.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Db } from './db';

const migrationsDir = join(import.meta.dirname, 'migrations');

// Any fixed number; it only has to be the same in every process.
const migrationLock = 7_340_211;

export const migrationFiles = (): string[] =>
  readdirSync(migrationsDir)
    .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
    .sort();

/** Applies the migrations not yet recorded; returns the names applied. */
export const migrate = async (db: Db): Promise<string[]> => {
  await db.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       name text PRIMARY KEY,
       applied_at text NOT NULL
     )`,
  );

  const applied: string[] = [];
  for (const name of migrationFiles()) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
      const seen = await tx.query(
        'SELECT 1 FROM schema_migrations WHERE name = $1',
        [name],
      );
      if (seen.length > 0) return false;
      await tx.exec(readFileSync(join(migrationsDir, name), 'utf8'));
      await tx.query(
        'INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)',
        [name, new Date().toISOString()],
      );
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
};
