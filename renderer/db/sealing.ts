// Personal fields are kept sealed at rest (issue #5, "Encryption at
// rest"): moved out of the document into one `sealed` string, AES-256-GCM
// with a fresh 96-bit IV per write, under the key of the document's event
// (keyring.ts; the purge destroys it) or, for documents of no event, the
// desk's data key (kept by the OS key store, see
// main/electron/dataKey.ts). Names are sealed too: the desk searches them
// in memory (the roster, the open event's participants), never through a
// database query. WebCrypto does the work natively; GCM's tag refuses a
// tampered or wrongly keyed document instead of returning garbage.

export type DataKey = CryptoKey;

export const sealedField = 'sealed';

const ivBytes = 12;

const alphabet = new TextEncoder().encode(
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
);
const ascii = new TextDecoder('latin1');

/**
 * Base64 by table, three bytes to four characters, written as bytes and
 * decoded once. Where the page has no built-in one: the spread into
 * String.fromCharCode and btoa it replaces cost 80 µs per sealed
 * participant, 4 s of a 50,000-person download.
 */
export const encodeBase64 = (bytes: Uint8Array): string => {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const at = (i: number) => bytes[i] ?? 0;
  const char = (n: number) => alphabet[n & 63] ?? 0;
  let o = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (at(i) << 16) | (at(i + 1) << 8) | at(i + 2);
    out[o] = char(n >>> 18);
    out[o + 1] = char(n >>> 12);
    out[o + 2] = i + 1 < bytes.length ? char(n >>> 6) : 61;
    out[o + 3] = i + 2 < bytes.length ? char(n) : 61;
    o += 4;
  }
  return ascii.decode(out);
};

/** What Chromium 140+ (Electron 38+) has built in; Node 20 has not. */
type NativeBase64 = {
  toBase64?: (this: Uint8Array) => string;
};
type NativeFromBase64 = {
  fromBase64?: (text: string) => Uint8Array<ArrayBuffer>;
};

const nativeToBase64 = (Uint8Array.prototype as NativeBase64).toBase64;
const nativeFromBase64 = (Uint8Array as NativeFromBase64).fromBase64;

const toBase64 = (bytes: Uint8Array): string =>
  nativeToBase64 ? nativeToBase64.call(bytes) : encodeBase64(bytes);

const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => {
  if (nativeFromBase64) return nativeFromBase64(text);
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
};

/** The data key from its 32 raw bytes (base64), usable only to seal. */
export const importDataKey = async (base64: string): Promise<DataKey> => {
  const raw = fromBase64(base64);
  if (raw.length !== 32) {
    throw new Error(`The desk's data key has ${raw.length} bytes, not 32`);
  }
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const sealText = async (key: DataKey, text: string): Promise<string> => {
  const iv = crypto.getRandomValues(new Uint8Array(ivBytes));
  const cipher = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv },
      key,
      encoder.encode(text),
    ),
  );
  const out = new Uint8Array(ivBytes + cipher.length);
  out.set(iv);
  out.set(cipher, ivBytes);
  return toBase64(out);
};

export const openText = async (
  key: DataKey,
  sealed: string,
): Promise<string> => {
  const bytes = fromBase64(sealed);
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: bytes.subarray(0, ivBytes) },
    key,
    bytes.subarray(ivBytes),
  );
  return decoder.decode(plain);
};

type Doc = Record<string, unknown>;

/** A copy of the document with `fields` moved into one sealed string. */
export const sealFields = async (
  key: DataKey,
  doc: Doc,
  fields: readonly string[],
): Promise<Doc> => {
  const secret: Doc = {};
  const rest: Doc = {};
  let any = false;
  for (const [name, value] of Object.entries(doc)) {
    if (fields.includes(name) && value !== undefined) {
      secret[name] = value;
      any = true;
    } else {
      rest[name] = value;
    }
  }
  if (any) rest[sealedField] = await sealText(key, JSON.stringify(secret));
  return rest;
};

/** The document with its sealed fields back in place. */
export const openFields = async (key: DataKey, doc: Doc): Promise<Doc> => {
  const sealed = doc[sealedField];
  if (typeof sealed !== 'string') return doc;
  const secret: unknown = JSON.parse(await openText(key, sealed));
  const { [sealedField]: _, ...rest } = doc;
  return typeof secret === 'object' && secret !== null
    ? { ...rest, ...secret }
    : rest;
};

/**
 * What is sealed, per collection. Only what the storage itself queries,
 * sorts or indexes must stay open (ids, event ids, seqs, kinds: see every
 * `selector` in renderer/); clubs, classes, bibs and statuses stay open as
 * well, as they name no one. Person and Buypass ids are in the primary
 * key ("eventId|p<personId>", shared/isonen/identity.ts) anyway.
 */
export const sealedFieldsByCollection: Record<string, readonly string[]> = {
  participants: [
    'firstName',
    'lastName',
    'birthDate',
    'email',
    'mobile',
    'registrations',
    'products',
    'answers',
    'messages',
    'comment',
    'license',
    // Columns the import did not know: anything from a guardian's name to
    // a phone number.
    'extra',
    'server',
  ],
  // The event's own name and organizer: after a purge, what IndexedDB's
  // files keep of the event must not name it either (the event's key is
  // its id, sealedStorage.ts).
  events: ['name', 'organizer'],
  // A file's name may carry the event's; skipped rows their cells.
  imports: ['fileName', 'skippedRows'],
  // Payloads hold late entries' names; the operator is a person too.
  operations: ['payload', 'operator'],
  opResults: ['result'],
  syncDocs: ['document'],
};

/** Local documents (the roster, sync records with their token) seal it all. */
export const sealedLocalFields: readonly string[] = ['data'];

/**
 * Local documents kept per event, by id prefix (renderer/store/roster.ts,
 * retentionSettings.ts, ../db/syncRecords.ts): "roster|<eventId>" and so
 * on. They are sealed under the event's key.
 */
export const eventLocalPrefixes: readonly string[] = [
  'roster|',
  'sync-record|',
  'retention|',
];
