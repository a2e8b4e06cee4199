// Maintenance kinds (a kind with its own notice), an allowance per month (conforming maintenance up
// to it is not counted, the excess is) and at most N windows per month (those after count in
// full). Expected values computed by hand in the comments; the zone is UTC, March 2026 has 44,640
// minutes.

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { compileContract, ContractVersions } from '../../runtime/contract';
import type { Rejected } from '../../runtime/records';
import { evaluateRecords, type DowntimeVerdict } from '../../runtime/session';

const CONTRACT = `contract "Limits"
version 1
effective 2026-01-01
time zone UTC

services
  a "Service A"
  b "Service B"

causes
  counted provider

maintenance
  kinds emergency
  windows any time
  notice at least 1 day before the start
  notice for emergency as much as possible
  allowance 2 hours per calendar month
  at most 3 windows per calendar month
  not counted as downtime

availability
  target 99% per calendar month
`;

const c = compile(CONTRACT, 'limits.sla');
const versions = new ContractVersions([compileContract(c.contract)]);

async function run(records: object[]) {
  const rejected: Rejected[] = [];
  const downtime: DowntimeVerdict[] = [];
  const text = `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
  const res = await evaluateRecords(versions, Readable.from([text]), { asOf: Date.parse('2026-05-01T00:00:00Z') }, {
    incident: () => {},
    downtime: (d) => downtime.push(d),
    rejected: (r) => rejected.push(r),
  });
  return { periods: res.periods, rejected, downtime };
}

const mw = (id: string, service: string, day: string, from: string, to: string, extra: object = {}) => ({
  type: 'maintenance',
  id,
  service,
  start: `2026-03-${day}T${from}:00Z`,
  end: `2026-03-${day}T${to}:00Z`,
  notified: `2026-02-20T00:00:00Z`,
  ...extra,
});

describe('maintenance kinds, allowance and windows per month', () => {
  it('checks clean', () => {
    expect(c.diagnostics.map((d) => d.code)).toEqual([]);
  });

  it('counts the excess over the allowance and the windows past the limit, per service', async () => {
    const { periods, rejected, downtime } = await run([
      mw('M1', 'a', '02', '00:00', '01:00'), // 60 min of the 120 allowed: used 60
      mw('M2', 'a', '05', '00:00', '00:30', { kind: 'emergency', notified: null }), // no notice needed: used 90
      mw('M3', 'a', '10', '00:00', '01:00'), // 30 min left: 00:30-01:00 counts (30 min)
      mw('M4', 'a', '12', '00:00', '00:10'), // the 4th window of the month: counts in full (10 min)
      mw('M5', 'b', '03', '00:00', '00:20', { notified: null }), // planned, no notice: counts (20 min)
      mw('M6', 'b', '04', '00:00', '00:20', { kind: 'security' }), // not a declared kind
    ]);
    expect(rejected.map((r) => r.message)).toEqual(['unknown maintenance kind "security" (declared: emergency)']);
    expect(downtime.find((d) => d.id === 'M2')?.reason).toBe('conforming maintenance is not counted');
    // a: 30 + 10 = 40 minutes; b: 20 minutes (M5's own maintenance does not touch a's allowance).
    const of = (s: string) => periods.find((p) => p.service === s)!.availability;
    expect(of('a')).toMatchObject({ downtimeMinutes: 40 });
    expect(of('b')).toMatchObject({ downtimeMinutes: 20 });
  });

  it('keeps within the allowance: 2 hours of conforming maintenance count nothing', async () => {
    const { periods } = await run([mw('M1', 'a', '02', '00:00', '01:00'), mw('M2', 'a', '09', '00:00', '01:00')]);
    expect(periods.find((p) => p.service === 'a')!.availability).toMatchObject({ downtimeMinutes: 0 });
  });

  it('formats the new lines canonically', async () => {
    const { format } = await import('../../compiler/format');
    const { parse } = await import('../../language/index');
    const messy = CONTRACT.replace('  allowance 2 hours per calendar month', '  allowance   2 hrs per calendar month').replace('notice for emergency as much as possible', 'notice  for emergency as much   as possible');
    expect(format(parse(messy).ast, messy)).toContain('  notice for emergency as much as possible\n  allowance 2 hours per calendar month\n  at most 3 windows per calendar month\n');
  });
});
