import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';

/** Opens the desk socket from inside the page; resolves how it went. */
const openSocket = (page: Page, token: 'page' | 'wrong') =>
  page.evaluate(async (which) => {
    const meta = document.querySelector('meta[name="racedesk-host-token"]');
    const real = meta?.getAttribute('content') ?? '';
    const url = new URL('/desk', location.href);
    url.protocol = 'ws:';
    url.searchParams.set('token', which === 'page' ? real : `${real}x`);
    const socket = new WebSocket(url);
    return new Promise<string>((done) => {
      socket.onopen = () => {
        socket.close();
        done('open');
      };
      socket.onerror = () => done('refused');
    });
  }, token);

test('the desk opens from the web host and says it is ready', async ({
  desk,
}) => {
  const violations: string[] = [];
  desk.page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) {
      violations.push(message.text());
    }
  });

  await desk.open();

  expect(violations).toEqual([]);
  await desk.screenshot('desk-opened');
});

test('only the token the host put in the page opens the desk socket', async ({
  desk,
}) => {
  await desk.open();

  expect(await openSocket(desk.page, 'page')).toBe('open');
  expect(await openSocket(desk.page, 'wrong')).toBe('refused');
});
