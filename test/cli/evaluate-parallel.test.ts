// The multi-threaded NDJSON path writes exactly what the one-thread path writes: same lines, same
// order, same rejections (duplicates included), same periods and counts, same exit code.
// It runs in the built CLI (npm test builds it first), as users run it.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/ir';

function slac(args: string[], workers: number) {
  const r = spawnSync(process.execPath, ['bin/slac.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SLAC_WORKERS: String(workers), NO_COLOR: '1' },
    maxBuffer: 1 << 28,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A log with many batches: good records, bad lines, blank lines, duplicates far apart, lines that
 * are not UTF-8 and one longer than a record line may be.
 */
function bigLog(): Buffer {
  const lines: string[] = [];
  const base = Date.UTC(2026, 2, 13, 13);
  const iso = (ms: number) => `${new Date(ms - 5 * 3_600_000).toISOString().slice(0, 19)}-05:00`;
  for (let i = 0; i < 30_000; i++) {
    const t = base + i * 600_000;
    if (i % 997 === 0) lines.push('');
    if (i % 1499 === 0) lines.push('{"type":"incident", oops');
    if (i % 40 === 0) lines.push(JSON.stringify({ type: 'outage', id: `O${i}`, start: iso(t), end: iso(t + 1_200_000), cause: i % 80 ? 'provider' : 'cloud-provider' }));
    if (i % 301 === 0) lines.push(JSON.stringify({ type: 'maintenance', id: `M${i}`, start: iso(t), end: iso(t + 3_600_000), notified: iso(t - 9 * 86_400_000) }));
    const id = i % 2503 === 2502 ? 'S7' : `S${i}`; // duplicates of an early id, batches later
    lines.push(
      JSON.stringify({
        type: 'incident',
        id,
        plan: ['essential', 'standard', 'professional'][i % 3],
        severity: ['critical', 'high', 'medium', 'low'][i % 4],
        opened: iso(t),
        responded: iso(t + (i % 7) * 3_600_000),
        cause: i % 13 ? 'provider' : 'third-party',
        channel: i % 17 ? 'helpdesk' : 'email',
        // Fields the schema does not know: warnings, or rejections with --strict (on duplicates too).
        ...(i % 97 === 0 || id === 'S7' ? { resovled: iso(t), ticket: i } : {}),
      }),
    );
  }
  const parts = lines.map((l) => Buffer.from(l));
  for (let k = 1; k <= 5; k++) parts.splice(k * 5000, 0, Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d])); // {"\xff"}
  parts.splice(12_345, 0, Buffer.alloc(17 << 20, 'x'));
  return Buffer.concat(parts.flatMap((p) => [p, Buffer.from('\n')]));
}

describe('evaluate --format ndjson on worker threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slac-par-'));
  const log = join(dir, 'big.ndjson');
  const text = bigLog();
  writeFileSync(log, text);
  const typos = text.toString('latin1').match(/"resovled"/g)!.length;

  for (const extra of [[], ['--period', '2026-04'], ['--strict']]) {
    it(`gives byte-identical output to one thread ${extra.join(' ')}`, () => {
      const args = ['evaluate', 'contracts/sagicc', log, '--format', 'ndjson', '--as-of', '2026-12-01', ...extra];
      const one = slac(args, 0);
      const par = slac(args, 2);
      expect(one.code).toBe(3);
      expect(par.code).toBe(one.code);
      expect(par.stdout.length).toBeGreaterThan(1_000_000);
      expect(par.stdout).toBe(one.stdout);
      const summary = JSON.parse(one.stdout.trimEnd().split('\n').pop()!);
      expect(summary.kind).toBe('summary');
      expect(summary.counts.rejected).toBeGreaterThan(20); // bad lines and duplicate ids
      expect(one.stdout.match(/"the line is not valid UTF-8;/g)).toHaveLength(5);
      const warnings = one.stdout.match(/^\{"kind":"warning",/gm)?.length ?? 0;
      expect(warnings).toBe(extra[0] === '--strict' ? 0 : 2 * typos); // outside --period too: they are about the input
      expect(summary.counts.warnings).toBe(warnings);
      const notes = (err: string) => err.split('\n').filter((l) => l.startsWith('slac: '));
      expect(notes(par.stderr)).toEqual(notes(one.stderr));
      expect(one.stdout.match(/"line is 17825792 bytes \(17 MiB\), longer than/g)).toHaveLength(1);
    });
  }

  it('gives byte-identical output for a contract with services, parts and scoped maintenance', () => {
    const contract = join(dir, 'services.sla');
    writeFileSync(
      contract,
      readFileSync(join(ROOT, 'test/fixtures/good/services.sla'), 'utf8') +
        '\nmaintenance for service dns\n  kinds emergency\n  windows any time\n  notice at least 48 hours before the start\n  notice for emergency as much as possible\n  allowance 3 hours per calendar month\n  at most 40 windows per calendar month\n  not counted as downtime\n',
    );
    const units = ['compute', 'mdb', 'mdb/read', 'mdb/write', 'dns', 'storage'];
    const lines: string[] = [];
    const base = Date.UTC(2026, 2, 1);
    for (let i = 0; i < 20_000; i++) {
      const t = base + i * 300_000;
      const iso = (ms: number) => new Date(ms).toISOString();
      const one = units[i % units.length];
      const which = i % 5 === 0 ? { services: [one, units[(i + 2) % units.length]] } : i % 7 === 0 ? {} : { service: one };
      if (i % 3 === 0) lines.push(JSON.stringify({ type: 'outage', id: `O${i}`, ...which, start: iso(t), end: iso(t + 120_000), cause: i % 11 ? 'provider' : 'customer' }));
      else lines.push(JSON.stringify({ type: 'maintenance', id: `M${i}`, ...which, ...(i % 13 === 0 ? { kind: 'emergency' } : {}), start: iso(t), end: iso(t + 600_000), notified: iso(t - (i % 4) * 86_400_000) }));
    }
    const file = join(dir, 'services.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const args = ['evaluate', contract, file, '--format', 'ndjson', '--as-of', '2026-12-01'];
    const one = slac(args, 0);
    const par = slac(args, 2);
    expect(one.code).toBe(3); // the outages and maintenance naming no service, in a contract with several
    expect(par.stdout).toBe(one.stdout);
    expect(one.stdout).toMatch(/"kind":"period","period":"2026-03","periodKind":"calendar-month","start":"2026-03-01T00:00:00Z","end":"2026-04-01T00:00:00Z","service":"mdb","part":"write"/);
  });
  it('gives byte-identical output with setup records: a target only with a setup is judged on both paths', () => {
    // Setups decide whether a target applies at all; a worker that loses them turns breached months
    // into not-applicable ones.
    const lines = [
      JSON.stringify({ type: 'setup', service: 'managed-kubernetes', setup: 'regional-master', from: '2026-03-05T00:00:00+02:00' }),
      JSON.stringify({ type: 'setup', service: 'application-load-balancer', setup: 'three-zones', from: '2026-03-01T00:00:00+02:00', to: '2026-03-20T00:00:00+02:00' }),
    ];
    for (let i = 0; i < 3000; i++) {
      const t = Date.UTC(2026, 2, 1) + i * 600_000;
      const service = i % 2 ? 'managed-kubernetes' : 'application-load-balancer';
      lines.push(JSON.stringify({ type: 'outage', id: `O${i}`, service, start: new Date(t).toISOString(), end: new Date(t + 360_000).toISOString(), cause: 'provider' }));
    }
    const file = join(dir, 'setups.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const args = ['evaluate', 'contracts/nebius', file, '--format', 'ndjson', '--as-of', '2026-05-01'];
    const one = slac(args, 0);
    const par = slac(args, 2);
    expect(par.stdout).toBe(one.stdout);
    const period = (service: string) => JSON.parse(one.stdout.split('\n').find((l) => l.includes('"kind":"period","period":"2026-03"') && l.includes(`"service":"${service}"`))!);
    // 19 days of three zones (27,360 minutes), 27 days of the regional master (38,880 minutes).
    expect(period('application-load-balancer').availability).toMatchObject({ status: 'breached', periodMinutes: 27_360 });
    expect(period('managed-kubernetes').availability).toMatchObject({ status: 'breached', periodMinutes: 38_880 });
  });
  it('gives byte-identical output with invoices, claims and an invoice in a second currency', () => {
    const contract = join(dir, 'money.sla');
    writeFileSync(
      contract,
      'contract "Money"\nversion 1\neffective 2025-01-01\ntime zone UTC\ncauses\n  counted provider\navailability\n  target 99.9% per calendar month\ncredits\n  | monthly availability | credit |\n  | below 99.90% | 10% |\n  at most 50% per rolling 12 months\n  claim within 30 days after invoice\n',
    );
    const lines: string[] = [];
    for (let i = 0; i < 24; i++) {
      const m = `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
      lines.push(JSON.stringify({ type: 'outage', id: `O${i}`, start: `${m}-10T00:00:00Z`, end: `${m}-10T0${i % 9}:30:00Z`, cause: 'provider' }));
      lines.push(JSON.stringify({ type: 'invoice', id: `I${i}`, period: m, amount: `${1000 + i}.50`, currency: i === 17 ? 'USD' : 'EUR', issued: `${m}-28` }));
      if (i % 3) lines.push(JSON.stringify({ type: 'claim', id: `C${i}`, period: m, submitted: `${m}-${i % 2 ? '28' : '01'}` }));
    }
    for (let k = 0; k < 5000; k++) lines.push('');
    const file = join(dir, 'money.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const args = ['evaluate', contract, file, '--format', 'ndjson', '--as-of', '2027-06-01'];
    const one = slac(args, 0);
    const par = slac(args, 2);
    expect(par.stdout).toBe(one.stdout);
    expect(one.stdout).toMatch(/"kind":"rejected","line":\d+,"file":"[^"]*","id":"I17","message":"the invoice is in USD, earlier invoices are in EUR/);
    expect(one.stdout).toMatch(/"money":\{"currency":"EUR","charge":"1023.50"/);
  });

  it('gives byte-identical output on the bad-records fixture', () => {
    const args = ['evaluate', 'contracts/sagicc/v04.sla', 'test/fixtures/evaluate/bad-records.ndjson', '--format', 'ndjson', '--as-of', '2026-04-30T00:00:00-05:00'];
    const one = slac(args, 0);
    const par = slac(args, 2);
    expect(par.code).toBe(3);
    expect(par.stdout).toBe(one.stdout);
  });
});
