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
    // Readable names in --profile output; V8 runs unminified code as fast.
    minify: false,
    chunkSizeWarningLimit: 4_000,
  },
  preview: {
    host: '127.0.0.1',
    port: 0,
    strictPort: false,
    // Cross-origin isolation lifts performance.now() from 100 µs steps to
    // 5 µs, which a per-keystroke figure under a millisecond needs.
    headers: {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    },
  },
});
