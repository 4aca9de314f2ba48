// Operators sign in offline against a slow hash of their password, kept on
// the desk (issue #5, "Access"). PBKDF2-HMAC-SHA256 from WebCrypto: native
// in Chromium, Electron and Node, so nothing to ship. The iteration count
// follows OWASP's 2023 advice for PBKDF2-SHA256 and is stored with each
// hash, so it can grow without locking anyone out.

export const defaultIterations = 600_000;

export type PasswordHash = {
  algorithm: 'PBKDF2-SHA256';
  iterations: number;
  /** Base64, 16 random bytes. */
  salt: string;
  /** Base64, 32 bytes. */
  hash: string;
};

const toBase64 = (bytes: Uint8Array): string => {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
};

const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
};

const derive = async (
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> => {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
};

export const hashPassword = async (
  password: string,
  iterations = defaultIterations,
): Promise<PasswordHash> => {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, iterations);
  return {
    algorithm: 'PBKDF2-SHA256',
    iterations,
    salt: toBase64(salt),
    hash: toBase64(hash),
  };
};

/** Compares every byte whatever differs first, so timing tells nothing. */
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  }
  return difference === 0;
};

export const verifyPassword = async (
  password: string,
  stored: PasswordHash,
): Promise<boolean> => {
  const derived = await derive(
    password,
    fromBase64(stored.salt),
    stored.iterations,
  );
  return sameBytes(derived, fromBase64(stored.hash));
};
