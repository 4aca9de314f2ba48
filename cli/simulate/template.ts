// A migrated PGlite folder seeded with the demo event, built once and
// copied for each run. Creating a PGlite folder runs initdb in WASM, which
// takes 6-30 s on this kind of machine; copying a closed folder takes well
// under a second, and the copy is as fresh as a new database. The folder
// is named after the content of the migrations and the demo seed, so a
// change to either builds a new one.

import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { migrate } from '../../central/db/migrate';
import { openPglite } from '../../central/db/pgliteDb';
import { seedDemo } from '../../central/demo/seedDemo';

const root = join(import.meta.dirname, '..', '..');
const migrations = join(root, 'central', 'db', 'migrations');
const readyMark = 'racedesk-template-ready';

const templateKey = (participants: number) => {
  const hash = createHash('sha256');
  const files = [
    ...readdirSync(migrations)
      .sort()
      .map((name) => join(migrations, name)),
    join(root, 'central', 'demo', 'seedDemo.ts'),
    join(root, 'shared', 'demo', 'demoExport.ts'),
  ];
  for (const file of files) hash.update(readFileSync(file));
  return `${hash.digest('hex').slice(0, 16)}-${participants}`;
};

const build = async (dir: string, participants: number) => {
  const opened = await openPglite(dir);
  if (!opened.ok) throw new Error(opened.error.message);
  const db = opened.value;
  try {
    await migrate(db);
    await seedDemo(db, participants);
  } finally {
    await db.close();
  }
  writeFileSync(join(dir, readyMark), '');
};

/** The template folder for this many demo participants, built if missing. */
const templateFor = async (participants: number): Promise<string> => {
  const dir = join(
    tmpdir(),
    `racedesk-simulate-template-${templateKey(participants)}`,
  );
  if (existsSync(join(dir, readyMark))) return dir;
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  await build(building, participants);
  try {
    renameSync(building, dir);
  } catch {
    // Another run finished the same template first.
    rmSync(building, { recursive: true, force: true });
  }
  return dir;
};

/** Fills the empty folder `target` with a seeded, migrated database. */
export const copySeededPglite = async (
  target: string,
  participants: number,
) => {
  const template = await templateFor(participants);
  cpSync(template, target, {
    recursive: true,
    filter: (source) => !source.endsWith(readyMark),
  });
};
