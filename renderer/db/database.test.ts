import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { makeParticipant } from '../../shared/desk/fixtures';
import type { RaceEvent } from '../../shared/domain/event';
import { readParticipants } from '../store/readDocs';
import { openDeskDatabase } from './database';
import { ensureDeskId } from './deskIdentity';
import { readEventParticipants } from './readEventDocs';
import {
  deskCollections,
  eventSchema,
  participantSchema,
  participantSchemaV0,
  participantSchemaV1,
  type ServerParticipant,
} from './schemas';

const dexie = { indexedDB, IDBKeyRange };
let n = 0;
const freshName = () => `db-test-${Date.now()}-${++n}`;

const event: RaceEvent = {
  id: 'e1',
  name: 'Holmenkollstafetten',
  type: 'event',
  date: '2025-05-10',
  organizer: '',
  source: 'demo',
  createdAt: '2025-05-01T10:00:00.000Z',
  updatedAt: '2025-05-01T10:00:00.000Z',
};

describe('desk database', () => {
  it('creates the desk id once and keeps it across reopening', async () => {
    const name = freshName();
    const db = await openDeskDatabase({ name, dexie });
    const first = await ensureDeskId(db);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(await ensureDeskId(db)).toBe(first);
    await db.close();

    const again = await openDeskDatabase({ name, dexie });
    expect(await ensureDeskId(again)).toBe(first);
    await again.close();
  });

  it('migrates version 0 documents when a collection schema moves to 1', async () => {
    const name = freshName();
    const v0 = await openDeskDatabase({ name, dexie });
    await v0.events.insert(event);
    await v0.close();

    // A version 1 that upper-cases the organizer, as a stand-in for any
    // real change: it proves the migration plugin and strategies are wired.
    const v1 = await openDeskDatabase({
      name,
      dexie,
      collections: {
        ...deskCollections,
        events: {
          schema: { ...eventSchema, version: 1 },
          migrationStrategies: {
            1: (doc: RaceEvent) => ({ ...doc, organizer: 'MIGRATED' }),
          },
        },
      },
    });
    const migrated = await v1.events.findOne('e1').exec();
    expect(migrated?.toJSON()).toMatchObject({
      name: 'Holmenkollstafetten',
      organizer: 'MIGRATED',
    });
    await v1.close();
  });

  it('opens a desk holding version 0 participants and reads them by key range', async () => {
    const name = freshName();
    const v0 = await openDeskDatabase({
      name,
      dexie,
      collections: {
        ...deskCollections,
        participants: { schema: participantSchemaV0, migrationStrategies: {} },
      },
    });
    const people = ['p1', 'p2', 'p3'].map((id) =>
      makeParticipant({ id, eventId: 'e1', lastName: `Berg ${id}` }),
    );
    await v0.participants.bulkInsert(
      people.map((p) => ({ ...p, key: `e1|${p.id}` })),
    );
    await v0.close();

    const current = await openDeskDatabase({ name, dexie });
    expect(participantSchema.version).toBe(2);
    expect(current.participants.schema.version).toBe(2);
    // The key-range read, not the query fallback, must find them.
    const fast = await readEventParticipants(
      current.participants.storageInstance.internals,
      'e1',
    );
    expect(fast).toEqual(people);
    expect(await readParticipants(current, 'e1')).toEqual(people);
    await current.close();
  });

  it('opens a desk holding version 1 participants, which have no server state', async () => {
    const name = freshName();
    const v1 = await openDeskDatabase({
      name,
      dexie,
      collections: {
        ...deskCollections,
        participants: {
          schema: participantSchemaV1,
          migrationStrategies: { 1: (doc: unknown) => doc },
        },
      },
    });
    const people = ['p1', 'p2'].map((id) =>
      makeParticipant({ id, eventId: 'e1', lastName: `Dal ${id}` }),
    );
    await v1.participants.bulkInsert(
      people.map((p) => ({ ...p, key: `e1|${p.id}` })),
    );
    await v1.close();

    const current = await openDeskDatabase({ name, dexie });
    const servers = new Map<string, ServerParticipant>();
    expect(await readParticipants(current, 'e1', [], servers)).toEqual(people);
    expect(servers.size).toBe(0);

    // A pulled state stored on the migrated document reads back with it.
    const [first] = people;
    if (!first) throw new Error('no participant');
    const server: ServerParticipant = {
      seq: 7,
      lateEntry: false,
      state: {
        checkedIn: true,
        checkedInAt: '2025-06-14T08:00:00.000Z',
        checkedInDesk: 'desk-b',
        bib: '12',
        bibSource: 'lease',
        chip: '',
        chipRental: false,
        payments: [],
      },
    };
    await current.participants.upsert({ ...first, key: 'e1|p1', server });
    expect(await readParticipants(current, 'e1', [], servers)).toEqual(people);
    expect(servers.get('p1')).toEqual(server);
    await current.close();
  });
});
