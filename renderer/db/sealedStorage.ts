// Wraps the desk's RxDB storage so that every document written passes
// through sealFields and every document read through openFields
// (sealing.ts). Everything above the storage (collections, queries, the
// change stream, local documents) sees plain documents; IndexedDB holds
// only the sealed form. Documents stored before sealing open as they are
// and are sealed when next written.

import type { RxStorage, RxStorageInstanceCreationParams } from 'rxdb';
import { wrapRxStorageInstance } from 'rxdb/plugins/core';
import {
  type DataKey,
  openFields,
  sealedFieldsByCollection,
  sealedLocalFields,
  sealFields,
} from './sealing';

const localDocumentsPrefix = 'plugin-local-documents-';

const fieldsOf = (collectionName: string): readonly string[] =>
  collectionName.startsWith(localDocumentsPrefix)
    ? sealedLocalFields
    : (sealedFieldsByCollection[collectionName] ?? []);

type Doc = Record<string, unknown>;

const isDoc = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null;

export const sealedStorage = <Internals, Options>(
  storage: RxStorage<Internals, Options>,
  key: DataKey,
): RxStorage<Internals, Options> => ({
  ...storage,
  async createStorageInstance<RxDocType>(
    params: RxStorageInstanceCreationParams<RxDocType, Options>,
  ) {
    const instance = await storage.createStorageInstance(params);
    const fields = fieldsOf(params.collectionName);
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
        const sealed = await sealFields(key, doc, fields);
        plainOf.set(sealed, doc);
        return sealed;
      },
      async (doc) => {
        if (!isDoc(doc)) return doc;
        return plainOf.get(doc) ?? (await openFields(key, doc));
      },
    );
  },
});
