// Loaded only by vitest.mutate.config.ts (the suite `npm run mutate` runs under Stryker): a
// property test that decides whether a mutant lives must decide it the same way on every run, or
// the incremental report would flip mutants between killed and survived. Normal runs keep random
// seeds, so they keep exploring.

import fc from 'fast-check';

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261202 });
