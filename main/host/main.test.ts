import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type RunningHost, startHost } from '../../e2e/host';

let dir: string;
let rendererDir: string;
const running: RunningHost[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'racedesk-host-main-'));
  rendererDir = join(dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(
    join(rendererDir, 'index.html'),
    '<html><head></head><body>desk</body></html>',
  );
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((host) => host.stop()));
  await rm(dir, { recursive: true, force: true });
});

const start = async (dataDir: string) => {
  const host = await startHost({ dataDir, rendererDir });
  running.push(host);
  return host;
};

describe('the web host process', () => {
  it('prints its ready line, serves, and stops clean on SIGINT', async () => {
    const dataDir = join(dir, 'data');
    const host = await start(dataDir);

    const page = await fetch(host.url);
    expect(await page.text()).toContain('racedesk-host-token');
    expect(existsSync(join(dataDir, 'host.lock'))).toBe(true);

    await host.stop();
    expect(await host.exitCode).toBe(0);
    expect(existsSync(join(dataDir, 'host.lock'))).toBe(false);
  });

  it('refuses to start on a data folder another host is using', async () => {
    const dataDir = join(dir, 'data');
    await start(dataDir);
    await expect(start(dataDir)).rejects.toThrow('in use by another');
  });

  it('refuses to start without a built renderer', async () => {
    await expect(
      startHost({ dataDir: join(dir, 'data'), rendererDir: join(dir, 'x') }),
    ).rejects.toThrow('npm run build:renderer');
  });
});
