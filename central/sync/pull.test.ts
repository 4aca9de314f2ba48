// The pull with its caller check in the page's transaction
// (pullPageFor): the check runs first, in the page's REPEATABLE READ
// snapshot, and a refused caller costs no page read.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fail, ok } from '../../shared/contract/result';
import type { Db, Queryable } from '../db/db';
import { demoEventId, seedDemo } from '../demo/seedDemo';
import { openTempPglite, type TempPglite } from '../test/tempPglite';
import { pullPage, pullPageFor } from './pull';

let store: TempPglite;
let db: Db;

beforeAll(async () => {
  store = await openTempPglite('pull');
  db = store.db;
  await seedDemo(db, 40);
});

afterAll(() => store.remove());

/** The db, counting the statements each transaction runs after fn's own. */
const counted = (inner: Db) => {
  const sql: string[] = [];
  const wrapped: Db = {
    ...inner,
    transaction: (fn, setup) =>
      inner.transaction((tx) => {
        const spy: Queryable = {
          query: (text, params) => {
            sql.push(text);
            return tx.query(text, params);
          },
          exec: (text) => {
            sql.push(text);
            return tx.exec(text);
          },
        };
        return fn(spy);
      }, setup),
  };
  return { db: wrapped, sql };
};

describe('pullPageFor', () => {
  it('answers the caller and the same page as pullPage, the check first in a repeatable read snapshot', async () => {
    const { db: spied, sql } = counted(db);
    let isolation = '';
    const pulled = await pullPageFor(
      spied,
      async (tx) => {
        const [row] = await tx.query<{ transaction_isolation: string }>(
          'SHOW transaction_isolation',
        );
        isolation = row?.transaction_isolation ?? '';
        return ok({ who: 'desk-1' });
      },
      demoEventId,
      0,
      25,
    );
    const plain = await pullPage(db, demoEventId, 0, 25);

    expect(isolation).toBe('repeatable read');
    expect(sql[0]).toBe('SHOW transaction_isolation');
    expect(pulled.ok && plain.ok).toBe(true);
    if (!pulled.ok || !plain.ok) return;
    expect(pulled.value.caller).toEqual({ who: 'desk-1' });
    expect(pulled.value.page).toEqual(plain.value);
    expect(pulled.value.page.documents).toBe(25);
    expect(pulled.value.page.hasMore).toBe(true);
  });

  it('gives a refused caller its error and reads no page', async () => {
    const { db: spied, sql } = counted(db);
    const pulled = await pullPageFor(
      spied,
      async () => fail('desk-revoked', 'revoked'),
      demoEventId,
      0,
      25,
    );

    expect(pulled).toMatchObject({
      ok: false,
      error: { code: 'desk-revoked' },
    });
    expect(sql).toEqual([]);
  });

  it('still refuses a checkpoint past the event after the check', async () => {
    const pulled = await pullPageFor(
      db,
      async () => ok(null),
      demoEventId,
      1_000_000,
      25,
    );
    expect(pulled).toMatchObject({
      ok: false,
      error: { code: 'checkpoint-ahead' },
    });
  });
});
