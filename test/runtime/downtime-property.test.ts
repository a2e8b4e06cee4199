// fast-check: a service's downtime, as slac computes it from outages and request counts (error
// rates, a minimum downtime period, exact time or full or started minutes), equals a brute-force
// count on a grid of seconds; and another service's records never change it.

import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { compileContract, ContractVersions } from '../../runtime/contract';
import { evaluateRecords } from '../../runtime/session';

const MARCH = Date.parse('2026-03-01T00:00:00Z');
// Everything happens from March 10 for two days: no episode reaches the month's ends.
const FROM_S = 9 * 86_400;
const SPAN_S = 2 * 86_400;

interface Case {
  measured: 'as exact time' | 'in full minutes' | 'in started minutes';
  minimum: number | null; // minutes
  rate: { threshold: number; window: 1 | 5; least: number | null } | null;
  outages: { service: 'a' | 'b'; start: number; length: number }[]; // seconds from FROM_S
  requests: { service: 'a' | 'b'; minute: number; total: number; failed: number }[]; // minute from FROM_S / 60
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  measured: fc.constantFrom('as exact time' as const, 'in full minutes' as const, 'in started minutes' as const),
  minimum: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  rate: fc.option(
    fc.record({ threshold: fc.constantFrom(5, 10, 50), window: fc.constantFrom(1 as const, 5 as const), least: fc.option(fc.constantFrom(5, 20), { nil: null }) }),
    { nil: null },
  ),
  outages: fc.array(fc.record({ service: fc.constantFrom('a' as const, 'b' as const), start: fc.integer({ min: 0, max: SPAN_S - 2000 }), length: fc.integer({ min: 1, max: 1500 }) }), { maxLength: 8 }),
  requests: fc.array(
    fc.record({ service: fc.constantFrom('a' as const, 'b' as const), minute: fc.integer({ min: 0, max: 60 }), total: fc.integer({ min: 0, max: 30 }), failed: fc.integer({ min: 0, max: 30 }) }).map((r) => ({ ...r, failed: Math.min(r.failed, r.total) })),
    { maxLength: 40 },
  ),
});

function contractOf(k: Case): ContractVersions {
  const lines = [
    'contract "P"', 'version 1', 'effective 2026-01-01', 'time zone UTC',
    'services', '  a "A"', '  b "B"',
    'causes', '  counted provider',
    'availability', '  target 99.9% per calendar month', `  measured ${k.measured}`,
  ];
  if (k.minimum) lines.push(`  minimum downtime period ${k.minimum} minutes`);
  if (k.rate) lines.push(`  downtime when more than ${k.rate.threshold}% of requests fail in ${k.rate.window === 1 ? 'a minute' : '5 minutes'}${k.rate.least ? `, with at least ${k.rate.least} requests` : ''}`);
  const c = compile(`${lines.join('\n')}\n`, 'p.sla');
  expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return new ContractVersions([compileContract(c.contract)]);
}

const iso = (s: number): string => new Date(MARCH + (FROM_S + s) * 1000).toISOString();

async function slacMinutes(k: Case, only?: 'a' | 'b'): Promise<Record<string, number>> {
  const recs: object[] = [];
  k.outages.forEach((o, i) => {
    if (!only || o.service === only) recs.push({ type: 'outage', id: `O${i}`, service: o.service, start: iso(o.start), end: iso(o.start + o.length), cause: 'provider' });
  });
  for (const r of k.requests) if (!only || r.service === only) recs.push({ type: 'requests', service: r.service, start: iso(r.minute * 60), end: iso(r.minute * 60 + 60), total: r.total, failed: r.failed });
  // A record of each service so that March is a period whatever the case holds.
  recs.push({ type: 'outage', id: 'X', services: ['a', 'b'], start: '2026-03-20T00:00:00Z', end: '2026-03-20T00:00:00Z', cause: 'provider' });
  const text = `${recs.map((r) => JSON.stringify(r)).join('\n')}\n`;
  const res = await evaluateRecords(contractOf(k), Readable.from([text]), { asOf: Date.parse('2026-05-01T00:00:00Z') }, { incident: () => {}, rejected: (r) => { throw new Error(r.message); } });
  return Object.fromEntries(res.periods.map((p) => [p.service!, p.availability!.downtimeMinutes]));
}

/** The same on a grid of seconds, from the contract's words. */
function bruteMinutes(k: Case, service: 'a' | 'b'): number {
  const down = new Uint8Array(SPAN_S + 3600);
  for (const o of k.outages) if (o.service === service) for (let s = o.start; s < o.start + o.length; s++) down[s] = 1;
  if (k.rate) {
    // Windows aligned to the month's start; FROM_S is a whole number of days after it.
    const w = k.rate.window * 60;
    const sums = new Map<number, [number, number]>();
    for (const r of k.requests) {
      if (r.service !== service) continue;
      const i = Math.floor((r.minute * 60) / w);
      const [t, f] = sums.get(i) ?? [0, 0];
      sums.set(i, [t + r.total, f + r.failed]);
    }
    for (const [i, [t, f]] of sums) {
      if (f * 100 > k.rate.threshold * t && (k.rate.least === null || t >= k.rate.least)) for (let s = i * w; s < (i + 1) * w; s++) down[s] = 1;
    }
  }
  if (k.minimum) {
    for (let s = 0; s < down.length; ) {
      if (!down[s]) {
        s++;
        continue;
      }
      let e = s;
      while (e < down.length && down[e]) e++;
      if (e - s < k.minimum * 60) down.fill(0, s, e);
      s = e;
    }
  }
  let seconds = 0;
  for (let m = 0; m * 60 < down.length; m++) {
    let n = 0;
    for (let s = m * 60; s < m * 60 + 60; s++) n += down[s];
    if (k.measured === 'as exact time') seconds += n;
    else if (k.measured === 'in full minutes') seconds += n === 60 ? 60 : 0;
    else seconds += n > 0 ? 60 : 0;
  }
  return seconds / 60;
}

describe('property: per-service downtime equals a brute-force count on a grid of seconds', () => {
  it('for random outages, request counts and downtime definitions', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (k) => {
        const got = await slacMinutes(k);
        expect(got.a).toBeCloseTo(bruteMinutes(k, 'a'), 9);
        expect(got.b).toBeCloseTo(bruteMinutes(k, 'b'), 9);
      }),
      { numRuns: 60 },
    );
  });

  it('records of one service never change the other service\'s downtime', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (k) => {
        const all = await slacMinutes(k);
        expect((await slacMinutes(k, 'a')).a).toBe(all.a);
        expect((await slacMinutes(k, 'b')).b).toBe(all.b);
      }),
      { numRuns: 30 },
    );
  });
});
