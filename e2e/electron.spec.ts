// Launches the real Electron app where its binary exists (a laptop with
// internet); skips with the reason on the build machines, which have none.

import { _electron, expect, test } from '@playwright/test';

import { findElectronBinary } from './electronBinary';
import { projectRoot } from './host';

const electron = findElectronBinary();

test('Electron opens the desk with only the contract exposed', async () => {
  if (!electron.found) {
    // The list reporter does not print skip reasons; CI logs should.
    console.log(`electron.spec.ts skipped: ${electron.reason}`);
    test.skip(true, electron.reason);
    return;
  }
  const app = await _electron.launch({
    executablePath: electron.path,
    // The project folder: Electron reads package.json's main and version.
    // Chromium refuses its sandbox to root (CI), so root runs without it.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), projectRoot],
    cwd: projectRoot,
  });
  try {
    const window = await app.firstWindow();
    await expect(window.locator('body')).toHaveAttribute('data-ready', 'true');

    const probe = await window.evaluate(async () => {
      const api: unknown = Reflect.get(window, 'racedesk');
      const invoke: unknown =
        typeof api === 'object' && api !== null
          ? Reflect.get(api, 'invoke')
          : undefined;
      return {
        bridgeKeys:
          typeof api === 'object' && api !== null ? Object.keys(api) : [],
        nodeRequire: typeof Reflect.get(window, 'require'),
        nodeProcess: typeof Reflect.get(window, 'process'),
        info:
          typeof invoke === 'function'
            ? await invoke('app:info', {})
            : 'no invoke',
        unknown:
          typeof invoke === 'function'
            ? await invoke('fs:read', { path: '/etc/passwd' })
            : 'no invoke',
      };
    });
    expect(probe.bridgeKeys.sort()).toEqual(['invoke', 'on']);
    expect(probe.nodeRequire).toBe('undefined');
    expect(probe.nodeProcess).toBe('undefined');
    expect(probe.info).toMatchObject({
      ok: true,
      value: { shell: 'electron' },
    });
    expect(probe.unknown).toMatchObject({
      ok: false,
      error: { code: 'unknown-request' },
    });
  } finally {
    await app.close();
  }
});
