// Start-up refusals of the real process: each exits 1 with a line an
// operator can act on, and never prints a secret from its arguments.

import { describe, expect, it } from 'vitest';

import { runCentral } from './test/centralProcess';
import { freePort } from './test/freePort';

describe('central start-up', () => {
  it('refuses an unreachable PostgreSQL with the reason and without the password', async () => {
    const port = await freePort();
    const url = `postgres://racedesk:s3cret-pw@127.0.0.1:${port}/racedesk`;

    const run = runCentral(['--port', '0', '--database-url', url]);
    await run.exited;

    expect(run.child.exitCode).toBe(1);
    const { stdout, stderr } = run.output();
    expect(stderr).toContain('PostgreSQL:');
    expect(stderr).not.toContain('s3cret-pw');
    expect(stdout).not.toContain('ready');
  });
});
