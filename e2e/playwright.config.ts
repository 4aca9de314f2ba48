import { defineConfig } from '@playwright/test';

import { chromiumArgs, chromiumPath, viewport } from './chromium';
import { outputDir } from './runLogs';

const ci = process.env.CI === 'true';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // Two runs at once in one checkout would wipe each other's folder.
  // RACEDESK_E2E_OUTPUT or e2e/artifacts (runLogs.ts). Its logs/ folder
  // gets every process's log; the teardown fails the run when one holds a
  // personal value of the demo data (issue #5).
  outputDir,
  globalSetup: './runLogs.ts',
  globalTeardown: './logPrivacy.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Each test starts its own host on a free port with a fresh data folder,
  // so tests can run side by side; the machines have two cores.
  workers: 2,
  fullyParallel: true,
  forbidOnly: ci,
  retries: 0,
  reporter: ci
    ? [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]]
    : 'list',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
});
