// Wraps the desk's RxDB storage so that every document written passes
// through the keyring's seal and every document read through its open
// (keyring.ts, sealing.ts). Everything above the storage (collections,
// queries, the change stream, local documents) sees plain documents;
// IndexedDB holds only the sealed form, each event's documents under that
// event's key. Documents stored before sealing open as they are and are
// sealed when next written.

import type { RxStorage, RxStorageInstanceCreationParams } from 'rxdb';
import { wrapRxStorageInstance } from 'rxdb/plugins/core';
import type { Keyring } from './keyring';
import {
  eventLocalPrefixes,
  sealedFieldsByCollection,
  sealedLocalFields,
} from './sealing';

const localDocumentsPrefix = 'plugin-local-documents-';

type Doc = Record<string, unknown>;

const isDoc = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null;

/** The event a document belongs to: its `eventId` field. */
const eventOfDoc = (doc: Doc): string | null =>
  typeof doc.eventId === 'string' && doc.eventId !== '' ? doc.eventId : null;

/** The event a local document belongs to: its id's tail. */
const eventOfLocal = (doc: Doc): string | null => {
  const { id } = doc;
  if (typeof id !== 'string') return null;
  const prefix = eventLocalPrefixes.find((p) => id.startsWith(p));
  return prefix && id.length > prefix.length ? id.slice(prefix.length) : null;
};

/** An event document is its own event: its id. */
const eventOfEvent = (doc: Doc): string | null =>
  typeof doc.id === 'string' && doc.id !== '' ? doc.id : null;

/** Which fields a collection seals, and how its documents name an event. */
const sealingOf = (collectionName: string) =>
  collectionName.startsWith(localDocumentsPrefix)
    ? { fields: sealedLocalFields, eventOf: eventOfLocal }
    : {
        fields: sealedFieldsByCollection[collectionName] ?? [],
        eventOf: collectionName === 'events' ? eventOfEvent : eventOfDoc,
      };

export const sealedStorage = <Internals, Options>(
  storage: RxStorage<Internals, Options>,
  keyring: Keyring,
): RxStorage<Internals, Options> => ({
  ...storage,
  async createStorageInstance<RxDocType>(
    params: RxStorageInstanceCreationParams<RxDocType, Options>,
  ) {
    const instance = await storage.createStorageInstance(params);
    const { fields, eventOf } = sealingOf(params.collectionName);
    if (fields.length === 0) return instance;
    // What was just written comes straight back through the change stream:
    // remember each plain document by its sealed copy instead of opening
    // it again.
    const plainOf = new WeakMap<object, Doc>();
    return wrapRxStorageInstance<RxDocType>(
      params.schema,
      instance,
      async (doc) => {
        if (!isDoc(doc)) return doc;
        const sealed = await keyring.seal(doc, fields, eventOf(doc));
        plainOf.set(sealed, doc);
        return sealed;
      },
      async (doc) => {
        if (!isDoc(doc)) return doc;
        return plainOf.get(doc) ?? (await keyring.open(doc, eventOf(doc)));
      },
    );
  },
});
