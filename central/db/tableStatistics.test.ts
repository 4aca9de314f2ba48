import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoEventId, seedDemo } from '../demo/seedDemo';
import { centralLogger } from '../log';
import { openTempPglite, type TempPglite } from '../test/tempPglite';
import type { Db, Queryable } from './db';
import { createTableStatistics } from './tableStatistics';

const log = centralLogger('silent');

/** A store that records its scripts and says it holds `rows` rows. */
const countingDb = (rows: number, failing = false) => {
  const scripts: string[] = [];
  const db: Db = {
    kind: 'pglite',
    query: async <R>() => [{ rows }] as R[],
    exec: async (sql: string) => {
      scripts.push(sql);
      if (failing) throw new Error('no such table');
    },
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => fn(db),
    close: async () => undefined,
  };
  return { db, scripts };
};

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('table statistics for the planner', () => {
  it('analyzes once the rows changed reach the minimum, and not before', async () => {
    const { db, scripts } = countingDb(0);
    const statistics = createTableStatistics(db, log, { minRows: 100 });
    statistics.changed(60);
    await settled();
    expect(scripts).toEqual([]);
    statistics.changed(40);
    await settled();
    expect(scripts).toEqual(['ANALYZE participants, operations']);
  });

  it('waits for a share of the rows there were at the last ANALYZE', async () => {
    const { db, scripts } = countingDb(50_000);
    const statistics = createTableStatistics(db, log, {
      minRows: 100,
      share: 0.2,
    });
    await statistics.analyze();
    statistics.changed(9_999);
    await settled();
    expect(scripts).toHaveLength(1);
    statistics.changed(1);
    await settled();
    expect(scripts).toHaveLength(2);
  });

  it('counts the rows again after a failed ANALYZE and keeps serving', async () => {
    const { db, scripts } = countingDb(0, true);
    const statistics = createTableStatistics(db, log, { minRows: 10 });
    statistics.changed(10);
    await settled();
    statistics.changed(1);
    await settled();
    expect(scripts).toHaveLength(2);
  });

  describe('on PGlite after a bulk load', () => {
    let store: TempPglite | undefined;
    let db: Db;

    beforeAll(async () => {
      store = await openTempPglite('statistics');
      db = store.db;
      await seedDemo(db, 2_000);
    }, 60_000);

    afterAll(async () => {
      await store?.remove();
    });

    /** The planner's estimate of the event's participants. */
    const estimatedRows = async () => {
      const plan = await db.query<{ 'QUERY PLAN': string }>(
        'EXPLAIN SELECT participant_id FROM participants WHERE event_id = $1',
        [demoEventId],
      );
      const first = plan[0]?.['QUERY PLAN'] ?? '';
      return Number(/rows=(\d+)/.exec(first)?.[1] ?? Number.NaN);
    };

    // The bad plan itself shows only at scale (500 of 50,000 people:
    // bench/README.md); what causes it shows here: without statistics
    // the planner takes one event for a sliver of the table.
    it('lets the planner know an event holds the whole table once analyzed', async () => {
      const [{ n } = { n: 0 }] = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM participants WHERE event_id = $1',
        [demoEventId],
      );
      expect(await estimatedRows()).toBeLessThan(n / 10);
      await createTableStatistics(db, log).analyze();
      expect(await estimatedRows()).toBeGreaterThan(n * 0.9);
    });
  });
});
