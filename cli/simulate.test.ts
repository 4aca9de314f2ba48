// `racedesk simulate` at CI size, through the command's own entry, with
// every fault on: 8 desks and 2,000 operations in process for two seeds,
// and the real central process (killed to restart) on PGlite and, where
// Debian's PostgreSQL is installed, on a temporary PostgreSQL server. Each
// run must print a PASS line for every invariant, exit 0, and show that
// every fault kind actually struck at least once. A slow, shared machine
// can take minutes per run; the timing is printed, never asserted.

import { describe, expect, it } from 'vitest';

import {
  type PostgresServer,
  startPostgres,
} from '../central/test/postgresServer';
import type { CliIo } from './command';
import { runSimulate } from './simulate';
import { faultKinds } from './simulate/options';

const captured = () => {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    env: {},
  };
  return { io, out: () => out, err: () => err };
};

/** The "injected: offline 12, drop 3, …" line, as counts by kind. */
const injectedOf = (out: string) => {
  const line = /^injected: (.*)$/m.exec(out)?.[1] ?? '';
  return new Map(
    line
      .split(', ')
      .filter((part) => part !== '')
      .map((part) => {
        const [kind = '', count = ''] = part.split(' ');
        return [kind, Number(count)] as const;
      }),
  );
};

/** Every invariant passed and every fault kind struck at least once. */
const expectSoundRun = (out: string, code: number) => {
  expect(out.match(/^PASS /gm)).toHaveLength(5);
  expect(out).not.toMatch(/^FAIL /m);
  const injected = injectedOf(out);
  expect([...injected.keys()]).toEqual([...faultKinds]);
  for (const kind of faultKinds) {
    expect(injected.get(kind), kind).toBeGreaterThan(0);
  }
  expect(out).not.toMatch(/never struck/);
  expect(code).toBe(0);
};

const simulate = async (args: string[]) => {
  const run = captured();
  const code = await runSimulate([...args, '--faults', 'all'], run.io);
  console.log(run.out());
  expect(run.err()).toBe('');
  return { out: run.out(), code };
};

const runMs = 600_000;

describe('racedesk simulate with every fault on', () => {
  it('reads the injected line the run prints', () => {
    const injected = injectedOf(
      'faults: 3 offline periods\ninjected: offline 3, drop 0, clock-skew 8\n',
    );
    expect([...injected]).toEqual([
      ['offline', 3],
      ['drop', 0],
      ['clock-skew', 8],
    ]);
  });

  for (const seed of [11, 12]) {
    it(
      `keeps every invariant for 8 desks and 2,000 operations, seed ${seed}`,
      async () => {
        const { out, code } = await simulate([
          '--desks',
          '8',
          '--ops',
          '2000',
          '--seed',
          String(seed),
        ]);
        expect(out).toMatch(/2000 recorded/);
        expect(injectedOf(out).get('server-restart')).toBe(3);
        expectSoundRun(out, code);
      },
      runMs,
    );
  }

  it(
    'keeps every invariant against the real central process on PGlite, killed to restart',
    async () => {
      const { out, code } = await simulate([
        '--desks',
        '3',
        '--ops',
        '400',
        '--seed',
        '13',
        '--central',
        'process',
      ]);
      expect(out).toMatch(/central process on PGlite/);
      expect(injectedOf(out).get('server-restart')).toBe(2);
      expectSoundRun(out, code);
    },
    runMs,
  );

  it(
    'keeps every invariant against the real central process on PostgreSQL, killed to restart',
    async ({ skip }) => {
      let server: PostgresServer;
      try {
        server = await startPostgres();
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        skip(
          `no PostgreSQL to start (Debian's postgresql package, /usr/lib/postgresql/15/bin): ${why.split('\n')[0]}`,
        );
        return;
      }
      try {
        const { out, code } = await simulate([
          '--desks',
          '3',
          '--ops',
          '400',
          '--seed',
          '14',
          '--central',
          'process',
          '--database-url',
          server.url,
        ]);
        expect(out).toMatch(/central process on PostgreSQL/);
        expect(injectedOf(out).get('server-restart')).toBe(2);
        expectSoundRun(out, code);
      } finally {
        server.stop();
      }
    },
    runMs,
  );
});
