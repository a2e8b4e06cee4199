// `slac evaluate --format ndjson` on 1,000,000 SAGICC records, against a bare script that streams
// the same file and only JSON.parses each line and its timestamps (goal: at most 3x), and peak
// memory at 250k vs 1M records (goal: flat, not growing with the number of records).
// Both run as whole processes (start-up included), best of 3. Run: node --import tsx bench/evaluate.bench.ts

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeNdjsonOnce } from './data';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = join(ROOT, 'bench', '.data');
const PLANS = ['essential', 'standard', 'professional'];
const SEVERITIES = ['critical', 'high', 'medium', 'low'];
const EXCLUDED = ['third-party', 'cloud-provider', 'customer-configuration'];

function iso(ms: number): string {
  // Bogota is UTC-5 all year: write local wall time with its offset, as a help desk would.
  return `${new Date(ms - 5 * 3_600_000).toISOString().slice(0, 19)}-05:00`;
}

/** Time-ordered SAGICC records from 2026-03-13: 90% incidents, 8% outages, 2% maintenance. */
async function ensureData(count: number): Promise<string> {
  const base = Date.UTC(2026, 2, 13, 5);
  const step = Math.floor((300 * 86_400_000) / count); // spread over ~10 months
  let seed = 42;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  return writeNdjsonOnce(join(DATA_DIR, `sagicc-${count}.ndjson`), count, (i) => {
    const t = base + i * step;
    const k = i % 50;
    if (k < 4) {
      return { type: 'outage', id: `OUT-${i}`, start: iso(t), end: iso(t + Math.floor(rnd() * 40) * 60_000 + 60_000), cause: rnd() < 0.8 ? 'provider' : 'cloud-provider' };
    }
    if (k === 4) {
      return { type: 'maintenance', id: `MW-${i}`, start: iso(t), end: iso(t + 3_600_000), notified: iso(t - Math.floor(rnd() * 10) * 86_400_000) };
    }
    const responded = t + Math.floor(rnd() * 2000) * 60_000;
    return {
      type: 'incident',
      id: `S${i}`,
      plan: PLANS[i % 3],
      severity: SEVERITIES[(i >> 2) % 4],
      opened: iso(t),
      responded: iso(responded),
      restored: rnd() < 0.7 ? iso(responded + Math.floor(rnd() * 3000) * 60_000) : null,
      cause: rnd() < 0.9 ? 'provider' : EXCLUDED[i % 3],
      channel: rnd() < 0.95 ? 'helpdesk' : 'email',
    };
  });
}

const BASELINE = `
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

interface Run {
  ms: number;
  maxRssMb: number;
}

/** Runs a command under /usr/bin/time for wall time and peak RSS. */
function timed(args: string[], env: Record<string, string> = {}): Run {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { ms, maxRssMb: kb / 1024 };
}

export async function main(): Promise<Record<string, number>> {
  spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const big = await ensureData(1_000_000);
  const small = await ensureData(250_000);
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
