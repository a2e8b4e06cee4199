// `slac evaluate --format ndjson` on 1,000,000 SAGICC records, against a bare script that streams
// the same file and only JSON.parses each line and its timestamps (goal: at most 3x), and peak
// memory at 250k vs 1M records (goal: flat, not growing with the number of records).
// Both run as whole processes (start-up included), best of 3. Run: node --import tsx bench/evaluate.bench.ts

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_DIR, sagiccRecords } from './data';
import { ROOT, type Run, timed } from './measure';

/** The bare script every evaluate ratio is measured against: read the log, JSON.parse each line, parse its timestamps. */
export const BASELINE = `
import { createReadStream } from 'node:fs';
const FIELDS = ['opened', 'responded', 'restored', 'resolved', 'start', 'end', 'notified', 'acknowledged'];
let n = 0, rest = '';
for await (const chunk of createReadStream(process.argv[2], { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  const lines = (rest + chunk).split('\\n');
  rest = lines.pop();
  for (const line of lines) {
    if (!line) continue;
    const r = JSON.parse(line);
    for (const f of FIELDS) if (typeof r[f] === 'string') n += Date.parse(r[f]) > 0 ? 1 : 0;
  }
}
if (rest) JSON.parse(rest);
process.stdout.write(String(n) + '\\n');
`;

export async function main(): Promise<Record<string, number>> {
  spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const big = await sagiccRecords(1_000_000);
  const small = await sagiccRecords(250_000);
  const baselineFile = join(DATA_DIR, 'baseline.mjs');
  writeFileSync(baselineFile, BASELINE);
  const slac = (file: string) => [process.execPath, 'bin/slac.mjs', 'evaluate', 'contracts/sagicc/v04.sla', file, '--format', 'ndjson', '--as-of', '2027-01-01', '--quiet'];
  // Interleaved, so that a busy moment of the machine hits every contender alike.
  const runs = { base: [] as Run[], ev: [] as Run[], one: [] as Run[] };
  for (let i = 0; i < 3; i++) {
    runs.base.push(timed([process.execPath, baselineFile, big]));
    runs.ev.push(timed(slac(big)));
    runs.one.push(timed(slac(big), { SLAC_WORKERS: '0' }));
  }
  const pick = (rs: Run[]): Run => ({ ms: Math.min(...rs.map((r) => r.ms)), maxRssMb: Math.max(...rs.map((r) => r.maxRssMb)) });
  const base = pick(runs.base);
  const ev = pick(runs.ev);
  const one = pick(runs.one);
  const evSmall = timed(slac(small));
  const oneSmall = timed(slac(small), { SLAC_WORKERS: '0' });
  const r2 = (x: number): number => Math.round(x * 100) / 100;
  const result = {
    records: 1_000_000,
    baselineMs: Math.round(base.ms),
    evaluateMs: Math.round(ev.ms),
    ratio: r2(ev.ms / base.ms),
    oneThreadMs: Math.round(one.ms),
    oneThreadRatio: r2(one.ms / base.ms),
    peakRssMb250k: Math.round(evSmall.maxRssMb),
    peakRssMb1m: Math.round(ev.maxRssMb),
    oneThreadPeakRssMb250k: Math.round(oneSmall.maxRssMb),
    oneThreadPeakRssMb1m: Math.round(one.maxRssMb),
    baselinePeakRssMb: Math.round(base.maxRssMb),
  };
  console.log('slac evaluate --format ndjson, 1,000,000 SAGICC records (best of 3, interleaved, whole process)');
  console.log(`  bare stream + JSON.parse + Date.parse     ${result.baselineMs} ms`);
  console.log(`  slac evaluate (worker threads, default)   ${result.evaluateMs} ms  ratio ${result.ratio}x (goal <= 3x)`);
  console.log(`  slac evaluate (SLAC_WORKERS=0, one thread) ${result.oneThreadMs} ms  ratio ${result.oneThreadRatio}x`);
  console.log(`  peak RSS, 250k -> 1M records: workers ${result.peakRssMb250k} -> ${result.peakRssMb1m} MiB, one thread ${result.oneThreadPeakRssMb250k} -> ${result.oneThreadPeakRssMb1m} MiB (baseline ${result.baselinePeakRssMb} MiB)`);
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
