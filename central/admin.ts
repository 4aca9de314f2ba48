// `tsx central/admin.ts`: provisioning for a real deployment, where no
// demo seed runs. Adds an organization (club, krets or særforbund, with its
// parent) or an organizer account. The password comes from the
// RACEDESK_PASSWORD environment variable, so it never shows in `ps` or in
// the shell history.
//
//   tsx central/admin.ts add-organization --id nfif --kind saerforbund \
//     --name "Norges Friidrettsforbund" [--parent ID] --database-url URL
//   RACEDESK_PASSWORD=… tsx central/admin.ts add-account --login kari \
//     --name "Kari" --organization nfif --database-url URL

import { parseArgs } from 'node:util';

import { fail, ok, type Result } from '../shared/contract/result';
import { hashPassword } from './auth/password';
import type { Db } from './db/db';
import { migrate } from './db/migrate';
import { openDb } from './db/openDb';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string', default: '.racedesk-data/central' },
    'database-url': { type: 'string' },
    id: { type: 'string' },
    kind: { type: 'string' },
    name: { type: 'string' },
    parent: { type: 'string' },
    login: { type: 'string' },
    organization: { type: 'string' },
  },
});

const kinds = new Set(['club', 'krets', 'saerforbund']);

const required = (flag: keyof typeof flags): Result<string> => {
  const value = flags[flag];
  return typeof value === 'string' && value !== ''
    ? ok(value)
    : fail('missing-flag', `--${flag} is required`);
};

const addOrganization = async (db: Db): Promise<Result<string>> => {
  const id = required('id');
  const name = required('name');
  const kind = required('kind');
  if (!id.ok) return id;
  if (!name.ok) return name;
  if (!kind.ok || !kinds.has(kind.value)) {
    return fail('bad-flag', '--kind must be club, krets or saerforbund');
  }
  await db.query(
    `INSERT INTO organizations (id, kind, name, parent_id)
     VALUES ($1, $2, $3, $4)`,
    [id.value, kind.value, name.value, flags.parent ?? null],
  );
  return ok(`organization ${id.value} added`);
};

const addAccount = async (db: Db): Promise<Result<string>> => {
  const login = required('login');
  const name = required('name');
  const organization = required('organization');
  if (!login.ok) return login;
  if (!name.ok) return name;
  if (!organization.ok) return organization;
  const password = process.env.RACEDESK_PASSWORD ?? '';
  if (password.length < 10) {
    return fail(
      'weak-password',
      'Set RACEDESK_PASSWORD to 10 characters or more',
    );
  }
  await db.query(
    `INSERT INTO accounts (id, organization_id, login, name, password_hash)
     VALUES ($1, $2, $3, $4, $5)`,
    [
      `acct-${login.value}`,
      organization.value,
      login.value,
      name.value,
      await hashPassword(password),
    ],
  );
  return ok(`account ${login.value} added`);
};

const commands: Record<string, (db: Db) => Promise<Result<string>>> = {
  'add-organization': addOrganization,
  'add-account': addAccount,
};

const run = async (): Promise<Result<string>> => {
  const command = commands[positionals[0] ?? ''];
  if (!command) {
    return fail('usage', `Commands: ${Object.keys(commands).join(', ')}`);
  }
  const url = flags['database-url'] ?? process.env.DATABASE_URL;
  const opened = await openDb(url ? { url } : { dataDir: flags.data });
  if (!opened.ok) return opened;
  try {
    await migrate(opened.value);
    return await command(opened.value);
  } catch (error) {
    // A duplicate id or login, or an unknown parent: the database says so.
    return fail(
      'refused',
      error instanceof Error ? error.message : String(error),
    );
  } finally {
    await opened.value.close();
  }
};

const result = await run();
process.stdout.write(
  result.ok ? `${result.value}\n` : `error: ${result.error.message}\n`,
);
process.exitCode = result.ok ? 0 : 1;
