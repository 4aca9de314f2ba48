// Electron's per-event keys: the same files as the web host's
// (node/keys/eventKeyFiles.ts), each encrypted by the operating system's
// key store like the data key (dataKey.ts). Thin on purpose: the file
// handling is tested in Node, safeStorage only here.

import { safeStorage } from 'electron';
import {
  type EventKeyCodec,
  eventKeyFiles,
} from '../../node/keys/eventKeyFiles';
import { fail } from '../../shared/contract/result';
import type { EventKeyStore } from '../handlers/keyHandlers';
import { storageKind } from './dataKey';

const safeStorageCodec: EventKeyCodec = {
  toFile: (base64) => safeStorage.encryptString(base64),
  fromFile: (bytes) => safeStorage.decryptString(bytes),
  suffix: '.enc',
};

export const electronEventKeys = (userDataDir: string): EventKeyStore => {
  const files = () =>
    eventKeyFiles(userDataDir, storageKind(), safeStorageCodec);
  return {
    key: async (eventId) =>
      safeStorage.isEncryptionAvailable()
        ? files().key(eventId)
        : fail(
            'no-key-store',
            'The operating system offers no key store to protect the desk data',
          ),
    // Deleting a file needs no key store.
    forget: (eventId) => files().forget(eventId),
  };
};
