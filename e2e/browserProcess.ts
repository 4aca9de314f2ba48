// Chromium as a process of our own, so a test can SIGKILL it the way a
// laptop loses power or the OS kills a hung app, and start it again on the
// same profile. Playwright drives it over the DevTools protocol.

import { type ChildProcess, spawn } from 'node:child_process';

import { type Browser, chromium, type Page } from '@playwright/test';

import { chromiumArgs, chromiumPath, viewport } from './chromium';

export type KillableBrowser = {
  browser: Browser;
  page: Page;
  /** SIGKILL to the whole process group: browser, renderers, GPU. */
  kill(): Promise<void>;
};

const devtoolsLine = /DevTools listening on (ws:\/\/\S+)/;

const waitForDevtools = (child: ChildProcess, timeoutMs: number) =>
  new Promise<string>((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(
      () => reject(new Error(`Chromium did not start:\n${stderr}`)),
      timeoutMs,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const match = devtoolsLine.exec(stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited with ${code}:\n${stderr}`));
    });
  });

export const launchKillableChromium = async (
  userDataDir: string,
): Promise<KillableBrowser> => {
  const child = spawn(
    chromiumPath,
    [
      ...chromiumArgs,
      '--headless',
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-port=0',
      `--window-size=${viewport.width},${viewport.height}`,
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone between the check and the kill.
    }
    await exited;
  };

  try {
    const endpoint = await waitForDevtools(child, 20_000);
    const browser = await chromium.connectOverCDP(endpoint);
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize(viewport);
    return { browser, page, kill };
  } catch (error) {
    await kill();
    throw error;
  }
};
