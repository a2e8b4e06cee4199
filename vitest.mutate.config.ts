// The suite `npm run mutate` (StrykerJS) runs against each mutant of the core (runtime/, compiler/):
// only the core's unit tests, which run in seconds, not the CLI tests that spawn processes.
// fast-check runs with a fixed seed here (test/setup/mutation-seed.ts).

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/runtime/**/*.test.ts', 'test/compiler/**/*.test.ts', 'test/language/**/*.test.ts'],
    globalSetup: ['test/setup/record-validators.ts'],
    setupFiles: ['test/setup/mutation-seed.ts'],
    testTimeout: 60000,
    pool: 'threads',
  },
});
