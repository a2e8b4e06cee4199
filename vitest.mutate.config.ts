// The suite `npm run mutate` (StrykerJS) runs against each mutant of the core (runtime/, compiler/):
// the core's unit tests and the bundled contracts' hand-computed verdicts (the only place some
// reason strings are pinned), which run in seconds; not the CLI tests that spawn processes.
// fast-check runs with a fixed seed here (test/setup/mutation-seed.ts). Left out: the scale tests
// (test/compiler/checks/scale.test.ts), contracts of thousands of lines that cost seconds for each
// mutant of a check; what they assert of the findings, smaller tests assert too.

// SLAC_MUTATE_SUITE=compiler leaves out test/runtime: every runtime test compiles a contract, so it
// covers each check and runs against every surviving check mutant, which it almost never kills.
// For mutants of compiler/ the figures are then a lower bound, in a fraction of the time.

import { defineConfig } from 'vitest/config';

const suites = ['test/compiler/**/*.test.ts', 'test/language/**/*.test.ts', 'test/contracts/**/*.test.ts'];

export default defineConfig({
  test: {
    include: process.env.SLAC_MUTATE_SUITE === 'compiler' ? suites : ['test/runtime/**/*.test.ts', ...suites],
    globalSetup: ['test/setup/record-validators.ts'],
    setupFiles: ['test/setup/mutation-seed.ts'],
    testTimeout: 60000,
    exclude: ['test/compiler/checks/scale.test.ts'],
    pool: 'threads',
  },
});
