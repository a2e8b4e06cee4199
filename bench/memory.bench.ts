// Peak memory of `slac evaluate --format json|text|markdown` at 200,000 and 1,000,000 SAGICC
// records: the reports are written while the log is read, with the lists they print later spooled
// to disk, so memory must stay flat in the number of records (goal: the 1M run at most 1.5x the 200k
// one; the duplicate-id index is what still grows). One thread, the path these formats take.
// Run: node --import tsx bench/memory.bench.ts

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sagiccRecords } from './data';
import { ROOT, timed } from './measure';

const FORMATS = ['json', 'text', 'markdown'] as const;
const SIZES = [200_000, 1_000_000] as const;

export async function main(): Promise<Record<string, number>> {
  spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const files = await Promise.all(SIZES.map((n) => sagiccRecords(n)));
  const result: Record<string, number> = {};
  console.log('slac evaluate, peak RSS (whole process), 200k -> 1M SAGICC records');
  for (const format of FORMATS) {
    const runs = files.map((file) => timed([process.execPath, 'bin/slac.mjs', 'evaluate', 'contracts/sagicc/v04.sla', file, '--format', format, '--as-of', '2027-01-01', '--quiet']));
    const [small, big] = runs.map((r) => Math.round(r.maxRssMb));
    const ratio = Math.round((big / small) * 100) / 100;
    Object.assign(result, { [`${format}PeakRssMb200k`]: small, [`${format}PeakRssMb1m`]: big, [`${format}Ratio`]: ratio });
    console.log(`  --format ${format.padEnd(8)} ${small} -> ${big} MiB  ratio ${ratio}x (goal <= 1.5x)  (${Math.round(runs[0].ms / 1000)} s, ${Math.round(runs[1].ms / 1000)} s)`);
  }
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
