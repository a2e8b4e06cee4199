// The suite `npm run mutate` (StrykerJS) runs against each mutant of the core (runtime/, compiler/):
// the core's unit tests and the bundled contracts' hand-computed verdicts (the only place some
// reason strings are pinned), which run in seconds; not the CLI tests that spawn processes.
// fast-check runs with a fixed seed here (test/setup/mutation-seed.ts). Left out: the scale tests
// (test/compiler/checks/scale.test.ts), contracts of thousands of lines that cost seconds for each
// mutant of a check; what they assert of the findings, smaller tests assert too.

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/runtime/**/*.test.ts', 'test/compiler/**/*.test.ts', 'test/language/**/*.test.ts', 'test/contracts/**/*.test.ts'],
    globalSetup: ['test/setup/record-validators.ts'],
    setupFiles: ['test/setup/mutation-seed.ts'],
    testTimeout: 60000,
    exclude: ['test/compiler/checks/scale.test.ts'],
    pool: 'threads',
  },
});
