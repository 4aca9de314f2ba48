// Organizer passwords, hashed with scrypt from node:crypto. The stored text
// keeps its parameters (scrypt$N$r$p$salt$hash) so they can be raised later
// without breaking old hashes.

import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// N = 2^15 costs about 32 MB and 50-100 ms on the project's machines:
// slow for a guesser, still fine for an organizer logging in.
const cost = { N: 32_768, r: 8, p: 1 };
const keyLength = 32;

const derive = (
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      keyLength,
      { ...params, maxmem: 128 * params.N * params.r * 2 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });

export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return [
    'scrypt',
    cost.N,
    cost.r,
    cost.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
};

export const verifyPassword = async (
  password: string,
  stored: string,
): Promise<boolean> => {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
};
