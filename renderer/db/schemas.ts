// RxDB schemas of the desk's collections. Free RxDB opens at most 13
// collections per process (ARCHITECTURE.md), so the desk keeps four, and
// two for sync (syncSchemas.ts).
// Indexed fields are never nullable: '' and 0 stand for "not given".
// Every collection started at version 0 with a migration strategy map, so
// a schema change only adds a strategy (see database.ts).

import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import type { ParticipantState } from '../../shared/desk/state';
import type { RaceEvent } from '../../shared/domain/event';
import type { Operation } from '../../shared/domain/operation';
import type { Participant } from '../../shared/domain/participant';
import type { ImportReport } from '../../shared/isonen/preview';
import {
  type OpResultRecord,
  opResultSchema,
  type SyncDocRecord,
  syncDocSchema,
} from './syncSchemas';

/**
 * What the central service last said about a participant: its state (the
 * effect of every desk's accepted operations) and the event seq it was
 * pulled at. Only participants of connected events carry it.
 */
export type ServerParticipant = {
  seq: number;
  state: ParticipantState;
  lateEntry: boolean;
};

/** A participant, keyed by "eventId|id" so one desk can hold many events. */
export type ParticipantDoc = Participant & {
  key: string;
  server?: ServerParticipant;
};

export type ImportDoc = ImportReport & { id: string };

const id = { type: 'string', maxLength: 100 } as const;
const text = { type: 'string' } as const;
const object = { type: 'object' } as const;
const array = { type: 'array' } as const;

export const eventSchema: RxJsonSchema<RaceEvent> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    name: text,
    type: text,
    date: text,
    organizer: text,
    source: text,
    createdAt: text,
    updatedAt: text,
  },
  required: ['id', 'name', 'type', 'source', 'createdAt', 'updatedAt'],
};

// Version 1 drops version 0's index [eventId+lastName]: nothing sorts or
// filters participants by last name in the database (the open reads them
// by primary key range, readEventDocs.ts), and every index is one more
// record IndexedDB writes per participant on each import.
// Version 2 adds `server`, the pulled server state (optional: local events
// never have it).
export const participantSchema: RxJsonSchema<ParticipantDoc> = {
  version: 2,
  primaryKey: { key: 'key', fields: ['eventId', 'id'], separator: '|' },
  type: 'object',
  properties: {
    key: { type: 'string', maxLength: 220 },
    id,
    eventId: id,
    personId: text,
    buypassId: text,
    firstName: text,
    lastName: { type: 'string', maxLength: 200 },
    birthDate: text,
    gender: text,
    country: text,
    countryCode: text,
    email: text,
    mobile: text,
    club: text,
    clubId: text,
    groupId: text,
    region: text,
    regionId: text,
    comment: text,
    license: object,
    registrations: array,
    entries: array,
    products: array,
    answers: array,
    messages: array,
    consents: object,
    updatesConsent: { type: 'boolean' },
    status: text,
    bib: text,
    chip: text,
    sourceCheckInStatus: text,
    extra: object,
    revision: { type: 'integer' },
    updatedAt: text,
    server: object,
  },
  required: ['key', 'id', 'eventId', 'firstName', 'lastName', 'status'],
};

/** Version 1 of the participants, kept so tests can store v1 data. */
export const participantSchemaV1: RxJsonSchema<ParticipantDoc> = {
  ...participantSchema,
  version: 1,
  // `server` is optional, so a schema without it still describes the type.
  properties: Object.fromEntries(
    Object.entries(participantSchema.properties).filter(
      ([name]) => name !== 'server',
    ),
  ) satisfies Record<
    string,
    unknown
  > as RxJsonSchema<ParticipantDoc>['properties'],
};

/** Version 0 of the participants, kept so tests can store v0 data. */
export const participantSchemaV0: RxJsonSchema<ParticipantDoc> = {
  ...participantSchemaV1,
  version: 0,
  indexes: [['eventId', 'lastName']],
};

/**
 * Versions 0 to 1 only dropped an index, 1 to 2 added an optional field:
 * documents stay as they are.
 */
const participantMigrations: MigrationStrategies = {
  1: (doc: ParticipantDoc) => doc,
  2: (doc: ParticipantDoc) => doc,
};

const seq = {
  type: 'integer',
  minimum: 0,
  maximum: 1_000_000_000,
  multipleOf: 1,
} as const;

export const operationSchema: RxJsonSchema<Operation> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    eventId: id,
    deskId: id,
    seq,
    createdAt: text,
    operator: text,
    participantId: text,
    type: text,
    payload: object,
  },
  required: ['id', 'eventId', 'deskId', 'seq', 'createdAt', 'type'],
  indexes: [
    ['eventId', 'seq'],
    ['deskId', 'seq'],
  ],
};

export const importSchema: RxJsonSchema<ImportDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    eventId: id,
    fileName: text,
    importedAt: { type: 'string', maxLength: 40 },
    added: { type: 'integer' },
    changed: { type: 'integer' },
    deregistered: { type: 'integer' },
    unchanged: { type: 'integer' },
    missing: { type: 'integer' },
    skippedRows: array,
  },
  required: ['id', 'eventId', 'importedAt'],
  indexes: [['eventId', 'importedAt']],
};

export type CollectionConfig<T> = {
  schema: RxJsonSchema<T>;
  migrationStrategies: MigrationStrategies;
};

export type DeskCollectionConfigs = {
  events: CollectionConfig<RaceEvent>;
  participants: CollectionConfig<ParticipantDoc>;
  operations: CollectionConfig<Operation>;
  imports: CollectionConfig<ImportDoc>;
  syncDocs: CollectionConfig<SyncDocRecord>;
  opResults: CollectionConfig<OpResultRecord>;
};

/** The current schema of every collection, with its migrations. */
export const deskCollections: DeskCollectionConfigs = {
  events: { schema: eventSchema, migrationStrategies: {} },
  participants: {
    schema: participantSchema,
    migrationStrategies: participantMigrations,
  },
  operations: { schema: operationSchema, migrationStrategies: {} },
  imports: { schema: importSchema, migrationStrategies: {} },
  syncDocs: { schema: syncDocSchema, migrationStrategies: {} },
  opResults: { schema: opResultSchema, migrationStrategies: {} },
};
