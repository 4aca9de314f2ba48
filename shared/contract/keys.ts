// The desk contract's keys area: the data key that seals personal fields
// in the desk's database (issue #5, "Encryption at rest"). The process
// around the renderer keeps it: Electron in the operating system's key
// store (safeStorage), the web host in a key file of its data folder.
// Each event has a key of its own besides (crypto-shredding): its
// documents are sealed under it, and the purge destroys it, so what the
// browser's files keep of a purged event cannot be read.
// desk.ts joins it into DeskRequests and DeskEvents.

/** Where the key is kept, so the desk can say how well it is protected. */
export type KeyStorage =
  /** The OS key store (Keychain, DPAPI, libsecret/kwallet). */
  | 'os-key-store'
  /** Linux with no secret service: safeStorage's weak fallback. */
  | 'os-basic-text'
  /** A file readable by this user only (the web host; tests). */
  | 'key-file';

export type DataKeyAnswer = {
  /** 32 random bytes, base64. */
  key: string;
  storage: KeyStorage;
};

export type EventKeyArgs = { eventId: string };

export type ForgottenEventKey = {
  /** False when the event had no key (never sealed, or purged before). */
  existed: boolean;
};

export type KeyRequests = {
  'keys:data-key': { args: Record<string, never>; result: DataKeyAnswer };
  /** The event's key, made on first ask. */
  'keys:event-key': { args: EventKeyArgs; result: DataKeyAnswer };
  /** Destroys the event's key; asking again is no error. */
  'keys:forget-event-key': { args: EventKeyArgs; result: ForgottenEventKey };
};
export type KeyRequestName = keyof KeyRequests;

export type KeyEvents = Record<never, never>;

export const keyRequestNames = [
  'keys:data-key',
  'keys:event-key',
  'keys:forget-event-key',
] as const satisfies readonly KeyRequestName[];

export const keyEventNames = [] as const satisfies readonly (keyof KeyEvents)[];
