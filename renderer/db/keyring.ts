// Which key seals which document (issue #5, crypto-shredding). Chromium's
// IndexedDB is LevelDB: a deleted record stays in its files until
// compaction, which a page cannot force, so deleting an event's documents
// does not remove them from the disk. Each event's documents are sealed
// under the event's own key instead, and the purge destroys that key:
// what the files keep of a purged event is ciphertext nobody can open.
// Documents of no event (the desk's identity) stay under the data key.
//
// A document sealed under its event's key says so: its sealed text starts
// with `event:` (base64 never holds a ':'). Documents sealed under the
// data key before event keys existed have no mark and still open under
// the data key; their next write seals them under the event key.

import type { ForgottenEventKey } from '../../shared/contract/keys';
import { fail, type Result } from '../../shared/contract/result';
import {
  type DataKey,
  importDataKey,
  openFields,
  sealedField,
  sealFields,
} from './sealing';

/** Where the page gets event keys: the desk contract's keys area. */
export type EventKeySource = {
  /** The event's 32 bytes in base64, made on first ask. */
  key(eventId: string): Promise<Result<string>>;
  /** Destroys the event's key; asking again is no error. */
  forget(eventId: string): Promise<Result<ForgottenEventKey>>;
};

type Doc = Record<string, unknown>;

const eventMark = 'event:';

export type Keyring = {
  /** Seals `fields` under the event's key, or the data key for null. */
  seal(
    doc: Doc,
    fields: readonly string[],
    eventId: string | null,
  ): Promise<Doc>;
  /** Opens a sealed document of the event (null: of no event). */
  open(doc: Doc, eventId: string | null): Promise<Doc>;
  /** Destroys the event's key: its documents never open again. */
  forget(eventId: string): Promise<Result<ForgottenEventKey>>;
};

/** A document whose key is gone: its event was purged, or it is damaged. */
export class UnopenableDocumentError extends Error {
  readonly eventId: string;

  constructor(eventId: string, cause: unknown) {
    super(
      `A document of event ${eventId} does not open under the event's ` +
        'key: the key was destroyed when the event was purged, or the ' +
        `document is damaged (${cause instanceof Error ? cause.message : String(cause)})`,
      { cause },
    );
    this.name = 'UnopenableDocumentError';
    this.eventId = eventId;
  }
}

export const createKeyring = (
  dataKey: DataKey,
  source?: EventKeySource,
): Keyring => {
  // One fetch per event and page; a refused fetch is asked again next time.
  const keys = new Map<string, Promise<DataKey>>();
  // Purged on this page: reading what is left of them must not make the
  // key store hand out a new key (and a new key file) for nothing.
  const forgotten = new Set<string>();

  const eventKey = (eventId: string): Promise<DataKey> => {
    const known = keys.get(eventId);
    if (known) return known;
    const fetched = (async () => {
      const answer = source
        ? await source.key(eventId)
        : fail('no-event-keys', 'This desk has no event keys');
      if (!answer.ok) {
        throw new Error(
          `The key of event ${eventId} is not available: ${answer.error.message}`,
        );
      }
      return importDataKey(answer.value);
    })();
    keys.set(eventId, fetched);
    fetched.catch(() => keys.delete(eventId));
    return fetched;
  };

  return {
    async seal(doc, fields, eventId) {
      if (eventId === null || !source) return sealFields(dataKey, doc, fields);
      // An event can come back under the same id (a central event
      // connected again): it gets a new key.
      forgotten.delete(eventId);
      const sealed = await sealFields(await eventKey(eventId), doc, fields);
      const text = sealed[sealedField];
      if (typeof text === 'string') sealed[sealedField] = eventMark + text;
      return sealed;
    },

    async open(doc, eventId) {
      const text = doc[sealedField];
      if (typeof text !== 'string') return doc;
      if (!text.startsWith(eventMark)) return openFields(dataKey, doc);
      if (eventId === null) {
        throw new Error('A document of no event is sealed under an event key');
      }
      const unmarked = { ...doc, [sealedField]: text.slice(eventMark.length) };
      try {
        if (forgotten.has(eventId)) throw new Error('its key was destroyed');
        return await openFields(await eventKey(eventId), unmarked);
      } catch (error) {
        throw new UnopenableDocumentError(eventId, error);
      }
    },

    async forget(eventId) {
      if (!source) {
        return fail(
          'no-event-keys',
          'This desk seals every event under its data key: there is no event key to destroy',
        );
      }
      forgotten.add(eventId);
      keys.delete(eventId);
      const answer = await source.forget(eventId);
      // Whatever was fetched meanwhile is from before the purge.
      keys.delete(eventId);
      return answer;
    },
  };
};
