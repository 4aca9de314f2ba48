// Builds the bench page: the desk's real store code, bundled for production
// as the desk ships it, so timings include no dev-server transforms.

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export const benchOutDir = fileURLToPath(
  new URL('../dist/bench', import.meta.url),
);

export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: benchOutDir,
    emptyOutDir: true,
    target: 'es2023',
    chunkSizeWarningLimit: 4_000,
  },
  preview: { host: '127.0.0.1', port: 0, strictPort: false },
});
