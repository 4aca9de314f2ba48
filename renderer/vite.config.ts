// biome-ignore lint/correctness/noNodejsModules: the Vite config runs in Node at build time, never in the renderer.
import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The dev server needs an inline script (React Refresh) and a socket for
 * hot reload; index.html's CSP forbids both. Only `vite` (serve) gets the
 * relaxed policy; a build keeps the strict one.
 */
const devServerPolicy = (): Plugin => ({
  name: 'racedesk-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace(
        "connect-src 'self'",
        "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
      ),
});

// base './' so the same build loads from file:// in Electron and from the
// web host's HTTP root in Chromium.
export default defineConfig({
  root,
  base: './',
  plugins: [react(), devServerPolicy()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    // One chunk is fine: the app loads from disk, never over a network.
    chunkSizeWarningLimit: 2000,
  },
});
