// RxDB schemas of what a desk keeps to sync an event with a central service
// (ARCHITECTURE.md, "Sync"): the server's documents other than
// participants, and the server's answer to each pushed operation.
// Participants pulled from the server live in the participants collection
// (schemas.ts, `server`); the connection record of an event is a local
// document (syncRecords.ts).
// Indexed fields are never nullable; every schema starts at version 0.

import type { RxJsonSchema } from 'rxdb';
import type { OperationResult, SyncDocument } from '../../shared/sync/types';

/** Every pulled document kind but participants. */
export type StoredSyncDocument = Exclude<SyncDocument, { kind: 'participant' }>;

/** One server document of an event, keyed "eventId|kind|id". */
export type SyncDocRecord = {
  key: string;
  /** The local event the document belongs to. */
  eventId: string;
  kind: StoredSyncDocument['kind'];
  docId: string;
  seq: number;
  document: StoredSyncDocument;
};

/** The server's answer to one of this desk's operations. */
export type OpResultRecord = {
  /** The operation's id. */
  id: string;
  /** The local event the operation was recorded in. */
  eventId: string;
  participantId: string;
  seq: number;
  /** The event's seq after the push: the pull covers it from there on. */
  latestSeq: number;
  repeated: boolean;
  result: OperationResult;
};

/** Where a local event is connected, and how far it has pulled. */
export type SyncRecord = {
  /** The local event's id (the primary key). */
  eventId: string;
  url: string;
  centralEventId: string;
  deskId: string;
  deskName: string;
  /**
   * The desk token for the event, in the clear for now; issue #5 encrypts
   * it with the desk's key storage.
   */
  deskToken: string;
  connectedAt: string;
  /** False once disconnected: data and checkpoint stay for a reconnect. */
  active: boolean;
  /** Every document up to this event seq is stored. */
  checkpoint: number;
};

const id = { type: 'string', maxLength: 100 } as const;
const text = { type: 'string' } as const;
const object = { type: 'object' } as const;
const seq = {
  type: 'integer',
  minimum: 0,
  maximum: 1_000_000_000,
  multipleOf: 1,
} as const;

export const syncDocSchema: RxJsonSchema<SyncDocRecord> = {
  version: 0,
  primaryKey: {
    key: 'key',
    fields: ['eventId', 'kind', 'docId'],
    separator: '|',
  },
  type: 'object',
  properties: {
    key: { type: 'string', maxLength: 260 },
    eventId: id,
    kind: { type: 'string', maxLength: 40 },
    docId: id,
    seq,
    document: object,
  },
  required: ['key', 'eventId', 'kind', 'docId', 'seq', 'document'],
  indexes: [['eventId', 'kind']],
};

export const opResultSchema: RxJsonSchema<OpResultRecord> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    eventId: id,
    participantId: text,
    seq,
    latestSeq: seq,
    repeated: { type: 'boolean' },
    result: object,
  },
  required: ['id', 'eventId', 'seq', 'latestSeq', 'result'],
  indexes: [['eventId', 'latestSeq']],
};
