// The bench's own unit tests (percentiles, typed queries); the repo's
// vitest config leaves bench/ out because the benchmarks need Chromium.
// Run: npx vitest run -c bench/vitest.config.ts

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: { include: ['**/*.test.ts'] },
});
