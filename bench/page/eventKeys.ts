// Event keys for the bench page, standing in for the host's key files
// (keys:event-key): each event's 32 bytes are the SHA-256 of the bench's
// data key and the event id, so a reloaded page (the open benchmark) gets
// the same key again without a host. The sealing work per document is the
// desk's: one AES-GCM seal or open under the event's key.

import type { EventKeySource } from '../../renderer/db/keyring';
import { ok } from '../../shared/contract/result';

const toBase64 = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes));

export const benchEventKeys = (dataKey: string): EventKeySource => ({
  key: async (eventId) => {
    const text = new TextEncoder().encode(`${dataKey}|${eventId}`);
    const digest = await crypto.subtle.digest('SHA-256', text);
    return ok(toBase64(new Uint8Array(digest)));
  },
  forget: async () => ok({ existed: true }),
});
