// `racedesk simulate` at CI size: 8 desks and 2,000 operations with every
// fault on, for a few seeds, through the command's own entry. Each run
// must print a PASS line for every invariant and exit 0. A slow, shared
// machine can take minutes per run; the timing is printed, never asserted.

import { describe, expect, it } from 'vitest';

import type { CliIo } from './command';
import { runSimulate } from './simulate';

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

const runMs = 600_000;

describe('racedesk simulate with every fault on', () => {
  for (const seed of [11, 12]) {
    it(
      `keeps every invariant for 8 desks and 2,000 operations, seed ${seed}`,
      async () => {
        const run = captured();
        const code = await runSimulate(
          [
            '--desks',
            '8',
            '--ops',
            '2000',
            '--seed',
            String(seed),
            '--faults',
            'all',
          ],
          run.io,
        );
        console.log(run.out());
        expect(run.err()).toBe('');
        expect(run.out().match(/^PASS /gm)).toHaveLength(5);
        expect(run.out()).not.toMatch(/^FAIL /m);
        expect(run.out()).toMatch(/2000 recorded/);
        expect(run.out()).toMatch(/server restarts/);
        expect(code).toBe(0);
      },
      runMs,
    );
  }

  it(
    'keeps every invariant against the real central process, killed to restart',
    async () => {
      const run = captured();
      const code = await runSimulate(
        [
          '--desks',
          '3',
          '--ops',
          '400',
          '--seed',
          '13',
          '--faults',
          'all',
          '--central',
          'process',
        ],
        run.io,
      );
      console.log(run.out());
      expect(run.out()).toMatch(/central process on PGlite/);
      expect(run.out()).toMatch(/2 server restarts/);
      expect(run.out().match(/^PASS /gm)).toHaveLength(5);
      expect(code).toBe(0);
    },
    runMs,
  );
});
