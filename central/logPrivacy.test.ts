// The central log never holds personal data (issue #5): a full sync day
// against the real process with the demo event (downloads, check-ins,
// payments, bibs and a clash, a late entry, central corrections and an
// erasure, refused and malformed requests), then its whole log (stderr) is
// searched for every name, phone number, e-mail and birth date involved.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Participant } from '../shared/domain/participant';
import { demoEventId } from './demo/seedDemo';
import { type CentralProcess, startCentral } from './test/centralProcess';
import {
  login,
  participantsOf,
  pullAll,
  push,
  registerDesk,
  request,
  upsertParticipants,
} from './test/client';
import { operationsOf } from './test/operations';

const lateEntry = {
  firstName: 'Solveig',
  lastName: 'Brekkestrand',
  birthDate: '1987-04-23',
  gender: 'female',
  club: 'Loggfri IL',
  paymentMethod: 'cash',
  amount: 25_000,
} as const;

const corrected = {
  firstName: 'Torbjørg',
  lastName: 'Vesleråsen',
  email: 'torbjorg.vesleraasen@example.no',
  mobile: '+4791234567',
};

/** Every personal value of the people, at least 4 characters long. */
const personalValues = (people: readonly Participant[]): string[] => {
  const values = people.flatMap((p) => [
    p.firstName,
    p.lastName,
    `${p.firstName} ${p.lastName}`,
    p.email,
    p.mobile,
    p.birthDate,
    ...p.registrations.flatMap((r) => [r.registrarName, r.registrarEmail]),
  ]);
  return [...new Set(values.filter((value) => value.length >= 4))];
};

let central: CentralProcess | null = null;
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'racedesk-logscan-'));
  central = await startCentral({ dataDir: dir }, [
    '--demo',
    '--demo-participants',
    '60',
  ]);
}, 120_000);

afterAll(async () => {
  await central?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the central log', () => {
  it('holds no name, phone number, e-mail or birth date after a full sync day', async () => {
    const base = central?.url ?? '';
    await request(base, 'POST', '/api/login', {
      body: { login: 'demo', password: 'wrong-password' },
    });
    const organizer = await login(base, 'demo');
    const one = await registerDesk(base, organizer, demoEventId, 'Desk one');
    const two = await registerDesk(base, organizer, demoEventId, 'Desk two');
    const first = await pullAll(base, one.token, demoEventId, 0, 25);
    const people = [...participantsOf(first.documents).values()].map(
      (doc) => doc.participant,
    );
    const [a, b, c, d, e] = people;
    if (!a || !b || !c || !d || !e) throw new Error('too few demo people');
    const className = a.entries[0]?.className ?? '';

    const opsOne = operationsOf(one);
    const opsTwo = operationsOf(two);
    await push(base, one, [
      opsOne('check-in', a.id, {}),
      opsOne('payment', a.id, { method: 'card', amount: 30_000 }),
      opsOne('bib-assign', b.id, {
        bib: '777',
        previousBib: b.bib,
        source: 'typed',
      }),
      opsOne('late-entry', '', { entry: { ...lateEntry, className } }),
    ]);
    await push(base, two, [
      opsTwo('check-in', a.id, {}),
      opsTwo('bib-assign', c.id, {
        bib: '777',
        previousBib: c.bib,
        source: 'typed',
      }),
      opsTwo('check-in', 'nobody-here', {}),
    ]);
    await upsertParticipants(base, organizer, demoEventId, [
      { ...d, ...corrected },
    ]);
    await request(
      base,
      'DELETE',
      `/api/events/${demoEventId}/participants/${e.id}`,
      {
        token: organizer,
      },
    );
    await request(base, 'POST', `/api/events/${demoEventId}/leases`, {
      token: one.token,
      body: { deskId: one.deskId, className: '', count: 20 },
    });
    // Refused and malformed requests that carry personal data.
    await request(base, 'POST', `/api/events/${demoEventId}/operations`, {
      token: two.token,
      body: {
        operations: [{ ...opsTwo('check-in', a.id, {}), note: a.email }],
      },
    });
    await request(base, 'POST', `/api/events/${demoEventId}/participants`, {
      token: one.token,
      body: { participants: [{ ...d, ...corrected }] },
    });
    await request(base, 'POST', `/api/events/${demoEventId}/operations`, {
      token: one.token,
      rawBody: `{"operations":[{"firstName":"${a.firstName}"`,
    });
    await pullAll(base, two.token, demoEventId);
    await central?.stop();

    const log = central?.log() ?? '';
    const values = [
      ...personalValues(people),
      ...Object.values(corrected),
      lateEntry.firstName,
      lateEntry.lastName,
      lateEntry.birthDate,
    ];
    const found = values.filter((value) => log.includes(value));

    expect(log).toContain('sync push');
    expect(log).toContain('participant erased');
    expect(values.length).toBeGreaterThan(100);
    expect(found).toEqual([]);
  }, 120_000);
});
