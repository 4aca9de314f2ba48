// A barcode scanner types through the OS: its keys are time-stamped by the
// device, a few ms apart, however busy the page is. Playwright's
// keyboard.type waits for the page to handle each key before sending the
// next, so on a busy machine its gaps grow past any scanner's and the desk
// rightly takes it for hand typing. Here all keys go out at once over the
// DevTools protocol with the timestamps a scanner would give them.

import type { Page } from '@playwright/test';

/** Milliseconds between two keys of a scan; hand-held scanners send 5-30. */
const keyGapMs = 8;

type KeyEvent = {
  type: 'keyDown' | 'keyUp';
  key: string;
  code?: string;
  text?: string;
  windowsVirtualKeyCode?: number;
  timestamp: number;
};

const charEvents = (char: string, at: number): KeyEvent[] => [
  { type: 'keyDown', key: char, text: char, timestamp: at },
  { type: 'keyUp', key: char, timestamp: at + 0.002 },
];

const enterEvents = (at: number): KeyEvent[] => [
  {
    type: 'keyDown',
    key: 'Enter',
    code: 'Enter',
    text: '\r',
    windowsVirtualKeyCode: 13,
    timestamp: at,
  },
  {
    type: 'keyUp',
    key: 'Enter',
    code: 'Enter',
    windowsVirtualKeyCode: 13,
    timestamp: at + 0.002,
  },
];

/** Sends `code` then Enter to the focused element, as a scanner would. */
export const scanInto = async (page: Page, code: string) => {
  const session = await page.context().newCDPSession(page);
  // CDP timestamps are seconds since the epoch.
  const start = Date.now() / 1000;
  const gap = keyGapMs / 1000;
  const events = [
    ...[...code].flatMap((char, i) => charEvents(char, start + i * gap)),
    ...enterEvents(start + code.length * gap),
  ];
  try {
    await Promise.all(
      events.map((event) => session.send('Input.dispatchKeyEvent', event)),
    );
  } finally {
    await session.detach();
  }
};
