// Finds the Electron binary the way the electron package would, but without
// its fallback of downloading one: on the project's build machines installs
// set ELECTRON_SKIP_BINARY_DOWNLOAD=1 and there is no binary.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { projectRoot } from './host';

const electronDir = join(projectRoot, 'node_modules', 'electron');

/** The binary's path, or why there is none. */
export const findElectronBinary = ():
  | { found: true; path: string }
  | { found: false; reason: string } => {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      found: false,
      reason:
        'Electron binary not installed (node_modules/electron/path.txt ' +
        'missing; installs here use ELECTRON_SKIP_BINARY_DOWNLOAD=1)',
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const path = join(override ?? join(electronDir, 'dist'), relative);
  return existsSync(path)
    ? { found: true, path }
    : { found: false, reason: `Electron binary missing at ${path}` };
};
