// `slac evaluate --format ndjson` on a contract of 10 services: 1,000,000 records spread over the
// services (incidents, outages, maintenance naming them), and 1,000,000 `requests` records (one per
// service and minute, ~69 days) judged by error-rate downtime; each against the bare script that
// streams the file and only JSON.parses each line and its timestamps, measured in the same run.
// Peak memory of the requests log at 250,000 vs 1,000,000 records over the same days (goal: flat).
// Run: npm run bench -- services

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASELINE } from './evaluate.bench';
import { DATA_DIR, writeNdjsonOnce } from './data';
import { ROOT, type Run, timed } from './measure';

const SERVICES = ['compute', 'dns', 'kms', 'logging', 'mq', 'monitoring', 'nlb', 'alb', 'vpc', 'storage'];

const CONTRACT = `contract "Ten services"
version 1
effective 2026-01-01
time zone Etc/GMT-2

services
${SERVICES.map((s, i) => `  ${s} "${s}"${i % 3 === 0 ? ' group core' : ''}`).join('\n')}

severities
  p1 "Priority 1"
  p2 "Priority 2"

response targets
  | severity | target  |
  | p1       | 1 hour  |
  | p2       | 8 hours |

causes
  counted  provider
  excluded customer

maintenance
  windows any time
  notice at least 3 days before the start
  not counted as downtime

availability
  target 99.9% per calendar month
  downtime when more than 5% of requests fail in a minute, with at least 10 requests
  measured in full minutes

availability for group core
  target 99.95% per calendar month
  downtime when more than 10% of requests fail in 5 minutes
  minimum downtime period 5 minutes

credits
  | monthly availability | credit |
  | 99.00% to < 99.9%    | 10%    |
  | < 99.00%             | 30%    |

credits for group core
  | monthly availability | credit |
  | 99.00% to < 99.95%   | 10%    |
  | < 99.00%             | 30%    |
`;


const iso = (ms: number): string => `${new Date(ms + 2 * 3_600_000).toISOString().slice(0, 19)}+02:00`;
const BASE = Date.UTC(2026, 2, 1) - 2 * 3_600_000;

/** Records over 10 services, time-ordered across ~10 months: 85% incidents, 12% outages, 3% maintenance. */
function mixed(count: number): Promise<string> {
  const step = Math.floor((300 * 86_400_000) / count);
  return writeNdjsonOnce(join(DATA_DIR, `services-${count}.ndjson`), count, (i) => {
    const t = BASE + i * step;
    const service = SERVICES[i % SERVICES.length];
    const k = i % 100;
    if (k < 12) {
      const which = k % 4 === 0 ? { services: [service, SERVICES[(i + 3) % SERVICES.length]] } : { service };
      return { type: 'outage', id: `O${i}`, ...which, start: iso(t), end: iso(t + ((i * 7) % 40) * 60_000 + 60_000), cause: k % 5 ? 'provider' : 'customer' };
    }
    if (k < 15) return { type: 'maintenance', id: `M${i}`, service, start: iso(t), end: iso(t + 3_600_000), notified: iso(t - (i % 6) * 86_400_000) };
    return { type: 'incident', id: `I${i}`, service, severity: k % 2 ? 'p1' : 'p2', opened: iso(t), responded: iso(t + ((i * 13) % 600) * 60_000), cause: 'provider' };
  });
}

/** Request counts: `count` records over the same 100,000 minutes (~69 days) of 10 services; one per service and minute at 1,000,000. */
function requests(count: number): Promise<string> {
  const perService = count / SERVICES.length;
  const every = Math.round(100_000 / perService); // minutes between two records of a service
  return writeNdjsonOnce(join(DATA_DIR, `requests-${count}.ndjson`), count, (i) => {
    const minute = Math.floor(i / SERVICES.length) * every;
    const s = i % SERVICES.length;
    const t = BASE + minute * 60_000;
    // Now and then a bad minute (about 1 in 400), a few of them with too few requests to judge.
    const bad = (i * 2654435761) % 400 === 0;
    const total = bad && i % 3 === 0 ? 5 : 50 + ((i * 31) % 200);
    return { type: 'requests', service: SERVICES[s], start: iso(t), end: iso(t + 60_000), total, failed: bad ? Math.floor(total / 4) : (i % 7) % 3 };
  });
}

export async function main(): Promise<Record<string, number>> {
  spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  mkdirSync(DATA_DIR, { recursive: true });
  const contract = join(DATA_DIR, 'ten-services.sla');
  writeFileSync(contract, CONTRACT);
  const baselineFile = join(DATA_DIR, 'baseline.mjs');
  writeFileSync(baselineFile, BASELINE);
  const records = await mixed(1_000_000);
  const req = await requests(1_000_000);
  const reqSmall = await requests(250_000);
  const slac = (file: string) => [process.execPath, 'bin/slac.mjs', 'evaluate', contract, file, '--format', 'ndjson', '--as-of', '2027-01-01', '--quiet'];
  // Interleaved, so that a busy moment of the machine hits every contender alike; best of 2.
  const runs = { base: [] as Run[], mixed: [] as Run[], reqBase: [] as Run[], req: [] as Run[] };
  for (let i = 0; i < 2; i++) {
    runs.base.push(timed([process.execPath, baselineFile, records]));
    runs.mixed.push(timed(slac(records)));
    runs.reqBase.push(timed([process.execPath, baselineFile, req]));
    runs.req.push(timed(slac(req)));
  }
  const best = (rs: Run[]): Run => ({ ms: Math.min(...rs.map((r) => r.ms)), maxRssMb: Math.max(...rs.map((r) => r.maxRssMb)) });
  const small = timed(slac(reqSmall));
  const r2 = (x: number): number => Math.round(x * 100) / 100;
  const [base, mix, reqBase, reqRun] = [best(runs.base), best(runs.mixed), best(runs.reqBase), best(runs.req)];
  const result = {
    mixedBaselineMs: Math.round(base.ms),
    mixedMs: Math.round(mix.ms),
    mixedRatio: r2(mix.ms / base.ms),
    mixedPeakRssMb: Math.round(mix.maxRssMb),
    requestsBaselineMs: Math.round(reqBase.ms),
    requestsMs: Math.round(reqRun.ms),
    requestsRatio: r2(reqRun.ms / reqBase.ms),
    requestsPeakRssMb250k: Math.round(small.maxRssMb),
    requestsPeakRssMb1m: Math.round(reqRun.maxRssMb),
  };
  console.log('slac evaluate --format ndjson on a contract of 10 services (best of 2, interleaved, whole process)');
  console.log(`  1,000,000 records over 10 services: bare parse ${result.mixedBaselineMs} ms, slac ${result.mixedMs} ms, ratio ${result.mixedRatio}x; peak RSS ${result.mixedPeakRssMb} MiB`);
  console.log(`  1,000,000 requests records (10 services x 100,000 minutes): bare parse ${result.requestsBaselineMs} ms, slac ${result.requestsMs} ms, ratio ${result.requestsRatio}x`);
  console.log(`  peak RSS of the requests log, 250k -> 1M records over the same days: ${result.requestsPeakRssMb250k} -> ${result.requestsPeakRssMb1m} MiB`);
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
