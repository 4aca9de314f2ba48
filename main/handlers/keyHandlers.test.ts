import { describe, expect, it } from 'vitest';

import { ok } from '../../shared/contract/result';
import { createKeyHandlers, keyArgumentChecks } from './keyHandlers';

describe('the keys area of the desk contract', () => {
  it('hands over the key from the shell key store, saying where it is kept', async () => {
    const handlers = createKeyHandlers({
      dataKey: async () =>
        ok({
          key: Buffer.alloc(32, 7).toString('base64'),
          storage: 'key-file',
        }),
    });

    expect(await handlers['keys:data-key']()).toMatchObject({
      ok: true,
      value: { storage: 'key-file' },
    });
  });

  it('refuses without a key store instead of opening the data unsealed', async () => {
    const result = await createKeyHandlers({})['keys:data-key']();

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'no-key-store' },
    });
  });

  it('refuses arguments that are not an object', () => {
    expect(keyArgumentChecks['keys:data-key']('x')).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
  });
});
