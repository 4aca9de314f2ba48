// Chips and passings on a real PGlite store, through the push path: a chip
// is held by one live participant at a time, and a passing is stored once
// however often it is pushed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoExport } from '../../shared/demo/demoExport';
import type { Operation, PassingPayload } from '../../shared/domain/operation';
import { foldSheet } from '../../shared/isonen/fold';
import type { Db } from '../db/db';
import { createEvent } from '../http/routes/events';
import { upsertParticipants } from '../participants/upsertParticipants';
import { operationsOf } from '../test/operations';
import { openTempPglite, type TempPglite } from '../test/tempPglite';
import { pushOperations } from './push';

let db: Db;
let store: TempPglite | undefined;
let events = 0;

const newEvent = async () => {
  events += 1;
  const eventId = `timing-${events}`;
  await createEvent(
    { db },
    {
      id: eventId,
      name: 'Timing',
      type: 'event',
      date: '',
      organizationId: 'org',
      createdAt: '',
    },
  );
  for (const deskId of ['desk-a', 'desk-b']) {
    await db.query(
      `INSERT INTO desks (event_id, desk_id, name, token_hash, created_at)
       VALUES ($1, $2, $2, $3, '')`,
      [eventId, deskId, `${eventId}-${deskId}`],
    );
  }
  const sheet = demoExport({ participants: 6, seed: 11 });
  const { participants } = foldSheet(sheet, { eventId });
  await upsertParticipants(db, eventId, participants);
  const ids = participants
    .filter((p) => p.status === 'active')
    .map((p) => p.id);
  const a = operationsOf({ eventId, deskId: 'desk-a', token: '' });
  const b = operationsOf({ eventId, deskId: 'desk-b', token: '' });
  return { eventId, ids, a, b };
};

const push = async (eventId: string, ops: Operation[]) => {
  const pushed = await pushOperations(db, eventId, ops[0]?.deskId ?? '', ops);
  if (!pushed.ok) throw new Error(pushed.error.message);
  return pushed.value.results.map((r) => [r.result.outcome, r.result.code]);
};

const chipOf = async (eventId: string, participantId: string) => {
  const rows = await db.query<{ chip: string; chip_rental: boolean }>(
    `SELECT chip, chip_rental FROM participants
      WHERE event_id = $1 AND participant_id = $2`,
    [eventId, participantId],
  );
  return rows[0];
};

const passing = (key: string, chip: string): PassingPayload => ({
  device: 'finish',
  session: 1,
  key,
  source: 'live',
  passing: {
    kind: 'passing',
    protocol: 'sportident',
    offset: 0,
    chip,
    station: 31,
    time: '10:00:01.237',
    extra: { memoryAddress: 0 },
  },
});

beforeAll(async () => {
  store = await openTempPglite('timing');
  db = store.db;
  await db.query(
    `INSERT INTO organizations (id, kind, name) VALUES ('org', 'club', 'IL')`,
  );
}, 60_000);

afterAll(async () => {
  await store?.remove();
});

describe('chip assignments', () => {
  it('pairs a rental chip and pulls it with the participant', async () => {
    const { eventId, ids, a } = await newEvent();
    const id = ids[0] ?? '';
    const op = a('chip-assign', id, {
      chip: '507919',
      previousChip: '',
      rental: true,
    });
    expect(await push(eventId, [op])).toEqual([['applied', '']]);
    expect(await chipOf(eventId, id)).toEqual({
      chip: '507919',
      chip_rental: true,
    });
  });

  it('refuses a chip another live participant holds, from another desk', async () => {
    const { eventId, ids, a, b } = await newEvent();
    const [first = '', second = ''] = ids;
    const claim = { chip: '515838', previousChip: '', rental: false };
    await push(eventId, [a('chip-assign', first, claim)]);
    expect(await push(eventId, [b('chip-assign', second, claim)])).toEqual([
      ['rejected', 'chip-taken'],
    ]);
    expect((await chipOf(eventId, second))?.chip).toBe('');
  });

  it('refuses a chip change made on a chip the desk did not see', async () => {
    const { eventId, ids, a, b } = await newEvent();
    const id = ids[0] ?? '';
    await push(eventId, [
      a('chip-assign', id, { chip: '1', previousChip: '', rental: false }),
    ]);
    const stale = b('chip-assign', id, {
      chip: '2',
      previousChip: '',
      rental: false,
    });
    expect(await push(eventId, [stale])).toEqual([
      ['rejected', 'chip-changed'],
    ]);
    expect((await chipOf(eventId, id))?.chip).toBe('1');
  });
});

describe('passings', () => {
  it('stores a passing once when two desks push it, and within one batch', async () => {
    const { eventId, a, b } = await newEvent();
    const first = await push(eventId, [
      a('passing', '', passing('k1', '507919')),
      a('passing', '', passing('k1', '507919')),
    ]);
    const again = await push(eventId, [
      b('passing', '', passing('k1', '507919')),
    ]);
    expect(first).toEqual([
      ['applied', ''],
      ['unchanged', 'duplicate-passing'],
    ]);
    expect(again).toEqual([['unchanged', 'duplicate-passing']]);
  });

  it('refuses a race setup the results could not read, naming the field', async () => {
    const { eventId, a } = await newEvent();
    const op = a('race-setup-set', '', {
      className: 'K 30-34',
      setup: { start: { mode: 'mass', startTime: 'ten' } },
    });
    const pushed = await pushOperations(db, eventId, 'desk-a', [op]);
    const result = pushed.ok ? pushed.value.results[0]?.result : undefined;
    expect(result?.outcome).toBe('rejected');
    expect(result?.message).toContain('startTime');
  });
});
