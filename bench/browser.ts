// Serves the built bench page from 127.0.0.1 and opens it in the system's
// Chromium with a fresh profile folder, so IndexedDB lives on disk (an
// incognito context would keep it in memory and make durability free) and
// every run starts from an empty database.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { build, preview } from 'vite';

const configFile = fileURLToPath(new URL('./vite.config.ts', import.meta.url));

const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

export type BenchBrowser = {
  url: string;
  context: BrowserContext;
  close(): Promise<void>;
};

export const buildPage = async (): Promise<void> => {
  await build({ configFile, logLevel: 'warn' });
};

export const openBrowser = async (): Promise<BenchBrowser> => {
  const server = await preview({ configFile });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the bench page server has no local address');

  const profile = await mkdtemp(join(tmpdir(), 'racedesk-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: chromiumFlags,
  });

  return {
    url,
    context,
    async close() {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
};
