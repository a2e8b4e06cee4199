// `npm run bench`: runs every benchmark in its own process (each sets up its own baseline, and
// the business-clock bench must set TZ before loading its peer), one after the other.

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(HERE)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const b of benches) {
  console.log(`\n== ${b}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(HERE, b)], { stdio: 'inherit', cwd: join(HERE, '..') });
  if (r.status !== 0) {
    failed++;
    console.log(`   ${b} failed (exit ${r.status})`);
  }
}
process.exitCode = failed ? 1 : 0;
