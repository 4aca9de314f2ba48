// A migrated PGlite store in a new temporary folder, for tests that run
// the service's SQL in process. `remove` closes it and deletes the folder.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Db } from '../db/db';
import { migrate } from '../db/migrate';
import { openPglite } from '../db/pgliteDb';

export type TempPglite = { db: Db; remove(): Promise<void> };

export const openTempPglite = async (name: string): Promise<TempPglite> => {
  const dir = mkdtempSync(join(tmpdir(), `racedesk-${name}-`));
  const opened = await openPglite(dir);
  if (!opened.ok) throw new Error(opened.error.message);
  const db = opened.value;
  await migrate(db);
  return {
    db,
    async remove() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
