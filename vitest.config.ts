import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'main/**/*.test.ts',
      'node/**/*.test.ts',
      'cli/**/*.test.ts',
      'central/**/*.test.ts',
      'e2e/**/*.test.ts',
    ],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
