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

  it('hands over and forgets an event key through the shell store', async () => {
    const asked: string[] = [];
    const handlers = createKeyHandlers({
      eventKeys: {
        key: async (eventId) => {
          asked.push(`key ${eventId}`);
          return ok({
            key: Buffer.alloc(32, 1).toString('base64'),
            storage: 'key-file',
          });
        },
        forget: async (eventId) => {
          asked.push(`forget ${eventId}`);
          return ok({ existed: true });
        },
      },
    });

    expect(await handlers['keys:event-key']({ eventId: 'e1' })).toMatchObject({
      ok: true,
      value: { storage: 'key-file' },
    });
    expect(await handlers['keys:forget-event-key']({ eventId: 'e1' })).toEqual({
      ok: true,
      value: { existed: true },
    });
    expect(asked).toEqual(['key e1', 'forget e1']);
  });

  it('refuses event keys without a key store', async () => {
    const result = await createKeyHandlers({})['keys:event-key']({
      eventId: 'e1',
    });

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'no-key-store' },
    });
  });

  it('refuses an event key request without an event id', () => {
    for (const args of [undefined, {}, { eventId: '' }, { eventId: 7 }]) {
      expect(keyArgumentChecks['keys:event-key'](args)).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments', data: { name: 'keys:event-key' } },
      });
      expect(keyArgumentChecks['keys:forget-event-key'](args)).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments' },
      });
    }
  });

  it('refuses arguments that are not an object', () => {
    expect(keyArgumentChecks['keys:data-key']('x')).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
  });
});
