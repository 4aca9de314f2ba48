// Every test gets its own web host on a free port and a fresh data folder,
// and a fresh browser context (so a fresh IndexedDB). The host's log and the
// page's console are attached to the report only when a test fails, and
// always written to the run's logs folder (runLogs.ts) for the log scan.

import { test as base, expect } from '@playwright/test';

import { type RunningHost, startHost } from './host';
import { DeskPage } from './pages/desk';
import { openRunLog } from './runLogs';

type DeskFixtures = {
  host: RunningHost;
  desk: DeskPage;
};

export const test = base.extend<DeskFixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture API.
  host: async ({}, use, testInfo) => {
    const host = await startHost({
      dataDir: testInfo.outputPath('host-data'),
      log: openRunLog('host', testInfo),
    });
    await use(host);
    await host.stop();
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('host.log', {
        body: host.log(),
        contentType: 'text/plain',
      });
    }
  },

  desk: async ({ page, host }, use, testInfo) => {
    const consoleLines: string[] = [];
    const log = openRunLog('console', testInfo);
    const keep = (line: string) => {
      consoleLines.push(line);
      log.line(line);
    };
    page.on('console', (message) =>
      keep(`[${message.type()}] ${message.text()}`),
    );
    page.on('pageerror', (error) => keep(`[pageerror] ${error.message}`));
    await use(new DeskPage(page, host.url));
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('console.log', {
        body: consoleLines.join('\n'),
        contentType: 'text/plain',
      });
    }
  },
});

export { expect };
