import { describe, expect, it } from 'vitest';

import { hashPassword, verifyPassword } from './password';

describe('organizer passwords', () => {
  it('verify the right password and refuse a wrong one', async () => {
    const stored = await hashPassword('Hemmelig-2025');
    expect(await verifyPassword('Hemmelig-2025', stored)).toBe(true);
    expect(await verifyPassword('hemmelig-2025', stored)).toBe(false);
  });

  it('are stored with scheme, parameters and a fresh salt, never in clear', async () => {
    const a = await hashPassword('same');
    const b = await hashPassword('same');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('same');
  });
});
