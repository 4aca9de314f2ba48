// The runner's side of the page calls: one small function per step, and the
// page's JavaScript heap from the DevTools protocol between steps.

import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { FloorOpenFigures, OpenFigures } from './page/benchApi';
import { startProfile, stopProfile } from './profile';

// Opening 50,000 participants on a busy two-core machine has taken 30 s;
// the default 30 s wait would fail the run instead of reporting it.
const patience = { timeout: 180_000 };

export const pageHeapMb = async (cdp: CDPSession): Promise<number> => {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize');
  return (used?.value ?? 0) / 1024 / 1024;
};

export const openBenchPage = async (context: BrowserContext, url: string) => {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    () => typeof window.bench === 'object',
    undefined,
    patience,
  );
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
};

const settled = async (page: Page) => {
  await page.waitForFunction(
    () => document.getElementById('status')?.textContent !== 'loading',
    undefined,
    patience,
  );
  const failure = await page.textContent('#status');
  if (failure?.startsWith('failed')) throw new Error(failure);
};

/** A new page load that opens the event and runs its first search. */
export const openEventLoad = async (
  context: BrowserContext,
  url: string,
  profilePath = '',
): Promise<OpenFigures> => {
  const page = await context.newPage();
  const cdp = profilePath ? await context.newCDPSession(page) : null;
  if (cdp) await startProfile(cdp);
  await page.goto(url);
  await settled(page);
  if (cdp) await stopProfile(cdp, 'opening the event', profilePath);
  const figures = await page.evaluate(() => window.benchOpen);
  await page.close();
  if (!figures || !('firstResultMs' in figures)) {
    throw new Error('the open page reported no figures');
  }
  if (figures.error !== '') throw new Error(`openEvent: ${figures.error}`);
  return figures;
};

/** The same page load reading the floor's records with one getAll. */
export const floorOpenLoad = async (
  context: BrowserContext,
  url: string,
): Promise<FloorOpenFigures> => {
  const page = await context.newPage();
  await page.goto(url);
  await settled(page);
  const figures = await page.evaluate(() => window.benchOpen);
  await page.close();
  if (!figures || !('readMs' in figures)) {
    throw new Error('the floor page reported no figures');
  }
  return figures;
};
