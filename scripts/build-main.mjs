// Bundles Electron's main process and preload into dist/main/ as CommonJS.
// Everything but 'electron' and serialport is bundled. serialport finds its
// native binding next to its own package, so it stays a package:
// electron-builder.yml ships it (and only it) from node_modules.
//
// Usage: node scripts/build-main.mjs [--outdir DIR]   (default dist/main)

import { rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { outdir: { type: 'string', default: 'dist/main' } },
});
const outdir = resolve(root, values.outdir);

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 45 runs Node 22.
  target: 'node22',
  external: ['electron', 'serialport', '@serialport/*'],
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

await rm(outdir, { recursive: true, force: true });
const started = Date.now();
await Promise.all([
  build({
    ...common,
    entryPoints: [resolve(root, 'main/electron/main.ts')],
    outfile: resolve(outdir, 'main.cjs'),
  }),
  build({
    ...common,
    // The sandboxed preload may require only 'electron' and a few others.
    entryPoints: [resolve(root, 'main/electron/preload.ts')],
    outfile: resolve(outdir, 'preload.cjs'),
    platform: 'browser',
  }),
]);
console.log(`built dist/main in ${Date.now() - started} ms`);
