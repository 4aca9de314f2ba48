// `--demo`: a særforbund, a krets, two clubs and an organizer account on
// each, and one event of the first club with generated participants from
// the same demo export the desk uses (shared/demo). Running it again on a
// seeded database changes nothing.

import { demoExport } from '../../shared/demo/demoExport';
import { foldSheet } from '../../shared/isonen/fold';
import { hashPassword } from '../auth/password';
import type { Db } from '../db/db';
import { createEvent } from '../http/routes/events';
import { upsertParticipants } from '../participants/upsertParticipants';

export const demoEventId = 'demo-2025';
/** Every demo account's password; a demo is never a production service. */
export const demoPassword = 'demo';

type DemoOrganization = {
  id: string;
  kind: 'club' | 'krets' | 'saerforbund';
  name: string;
  parentId: string | null;
  login: string;
};

export const demoOrganizations: readonly DemoOrganization[] = [
  {
    id: 'org-friidrett',
    kind: 'saerforbund',
    name: 'Norges Friidrettsforbund',
    parentId: null,
    login: 'forbund',
  },
  {
    id: 'org-oslo-krets',
    kind: 'krets',
    name: 'Oslo Friidrettskrets',
    parentId: 'org-friidrett',
    login: 'krets',
  },
  {
    id: 'org-demo-il',
    kind: 'club',
    name: 'Demo IL',
    parentId: 'org-oslo-krets',
    login: 'demo',
  },
  // Not above Demo IL: must never see its event.
  {
    id: 'org-other-il',
    kind: 'club',
    name: 'Annen IL',
    parentId: null,
    login: 'other',
  },
];

const seedOrganizations = async (db: Db) => {
  const hash = await hashPassword(demoPassword);
  for (const org of demoOrganizations) {
    await db.query(
      `INSERT INTO organizations (id, kind, name, parent_id)
       VALUES ($1, $2, $3, $4)`,
      [org.id, org.kind, org.name, org.parentId],
    );
    await db.query(
      `INSERT INTO accounts (id, organization_id, login, name, password_hash)
       VALUES ($1, $2, $3, $4, $5)`,
      [`acct-${org.login}`, org.id, org.login, `${org.name} (demo)`, hash],
    );
  }
};

/** Seeds the demo unless it is there; returns whether it seeded. */
export const seedDemo = async (
  db: Db,
  participants: number,
): Promise<boolean> => {
  const seen = await db.query('SELECT 1 FROM events WHERE event_id = $1', [
    demoEventId,
  ]);
  if (seen.length > 0) return false;

  await seedOrganizations(db);
  await createEvent(
    { db },
    {
      id: demoEventId,
      name: 'Demoløpet 2025',
      type: 'event',
      date: '2025-06-14',
      organizationId: 'org-demo-il',
      createdAt: new Date().toISOString(),
    },
  );
  const sheet = demoExport({ participants, eventDate: '2025-06-14' });
  const folded = foldSheet(sheet, { eventId: demoEventId });
  for (let start = 0; start < folded.participants.length; start += 1000) {
    const batch = folded.participants.slice(start, start + 1000);
    const result = await upsertParticipants(db, demoEventId, batch);
    if (!result.ok) throw new Error(result.error.message);
  }
  return true;
};
