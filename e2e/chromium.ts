// Chromium as the project's machines have it: Debian's package, never a
// Playwright download, and no lookups of Google's hosts.

export const chromiumPath =
  process.env.RACEDESK_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

export const viewport = { width: 1280, height: 800 };
