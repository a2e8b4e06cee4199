// Mutation testing of the core: `npm run mutate` (all of runtime/ and compiler/), or one file with
// `npm run mutate -- --mutate runtime/periods.ts`. Incremental: mutants whose code and covering
// tests did not change keep their last result (reports/stryker-incremental.json); pass `--force`
// to rerun them all. Not part of `npm test` (hours on two cores for the whole core).

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'runtime/**/*.ts',
    'compiler/**/*.ts',
    '!runtime/records/schema-validators.generated.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false },
  // dist/ except the holiday snapshot, which compiler/holidays.ts reads when it matches the library.
  ignorePatterns: ['dist/*', '!dist/holiday-snapshot.json', 'bench/.data', 'lsp/vscode', 'reports', '*.vsix'],
  timeoutMS: 3000,
  cleanTempDir: 'always',
};
