import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/record-validators.ts'],
    testTimeout: 30000,
    pool: 'threads',
  },
});
