// Contracts of many repeated or many distinct lines: every check stays near-linear, and a repeated
// line is reported once, as a repeat of the first, instead of once per pair. The assertions are
// about the findings; the vitest timeouts are only a safety net (a quadratic check would take
// minutes at these sizes), never a measurement: bench/check-scale.bench.ts measures.

import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/compile';

const HEAD = ['contract "Generated"', 'version 1', 'effective 2026-01-01', 'time zone America/Bogota', 'causes', '  counted provider', ''];
const SAFETY_NET_MS = 60_000;

function check(lines: string[]) {
  const text = `${[...HEAD, ...lines].join('\n')}\n`;
  const c = compile(text, 'generated.sla');
  const line = (offset: number): number => c.lines.position(offset).line;
  return c.diagnostics.map((d) => ({ code: d.code, line: line(d.span.start), text: text.slice(d.span.start, d.span.end), message: d.message, related: d.related.map((r) => line(r.span.start)) }));
}

const countBy = (found: { code: string }[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const f of found) out[f.code] = (out[f.code] ?? 0) + 1;
  return out;
};

const MAINTENANCE_TAIL = ['  notice at least 48 hours before the start', '  acknowledgement not required', '  not counted as downtime'];

describe('repeated lines are reported once each, as repeats of the first', () => {
  it('2,700 identical maintenance windows: 2,699 findings, each pointing at the first', { timeout: SAFETY_NET_MS }, () => {
    const found = check(['maintenance', '  windows', ...Array.from({ length: 2_700 }, () => '    monday to friday 21:00 to 01:00'), ...MAINTENANCE_TAIL]);
    const firstLine = HEAD.length + 3;
    expect(countBy(found)).toEqual({ SLA3101: 2_699 });
    expect(found.every((f) => f.text === '21:00 to 01:00' && f.related.length === 1 && f.related[0] === firstLine && f.line > firstLine)).toBe(true);
    expect(found[0].message).toBe(`this maintenance window repeats the one on line ${firstLine} (21:00 to 01:00 on monday, tuesday, wednesday, thursday, friday)`);
  });

  it('400 identical lines of business hours: 399 findings', { timeout: SAFETY_NET_MS }, () => {
    const found = check([
      'calendar office "Office"',
      ...Array.from({ length: 400 }, () => '  monday to friday 08:00 to 18:00'),
      'severities',
      '  high "High"',
      'response 4 office hours for every incident',
    ]);
    expect(countBy(found)).toEqual({ SLA3104: 399 });
    expect(new Set(found.map((f) => f.related[0]))).toEqual(new Set([HEAD.length + 2]));
  });

  it('3,000 identical credit rows: 2,999 findings, and the row itself is checked once', { timeout: SAFETY_NET_MS }, () => {
    const found = check([
      'availability',
      '  target 99.9% per calendar month',
      'credits',
      '  | monthly availability | credit |',
      '  | at least 99% and below 99.9% | 5% |',
      ...Array.from({ length: 3_000 }, () => '  | below 99% and above 99.9% | 10% |'),
      '  | below 99% | 20% |',
    ]);
    // The repeated row is empty (SLA3012): one error for the first copy, a repeat for each other.
    expect(countBy(found)).toEqual({ SLA3002: 2_999, SLA3012: 1 });
    expect(found.filter((f) => f.code === 'SLA3002').every((f) => f.related[0] === HEAD.length + 6)).toBe(true);
  });

  it('2,000 identical holidays: 1,999 findings', { timeout: SAFETY_NET_MS }, () => {
    const found = check([
      'calendar office "Office"',
      '  monday to friday 08:00 to 18:00',
      ...Array.from({ length: 2_000 }, () => '  holiday 2026-12-24 "agreed"'),
      'severities',
      '  high "High"',
      'response 4 office hours for every incident',
    ]);
    expect(countBy(found)).toEqual({ SLA3402: 1_999 });
  });
});

describe('distinct lines', () => {
  it('3,000 windows each starting a minute after the last, all overlapping: one finding per window', { timeout: SAFETY_NET_MS }, () => {
    const clock = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const windows = Array.from({ length: 3_000 }, (_, i) => `    sunday ${clock(Math.floor(i / 3))} to ${clock(1_200 + (i % 3))}`);
    const found = check(['maintenance', '  windows', ...windows, ...MAINTENANCE_TAIL]);
    expect(countBy(found)).toEqual({ SLA3101: 2_999 });
  });

  it('20,000 ranked plans in a table with a planted inversion: found, and nothing else', { timeout: SAFETY_NET_MS }, () => {
    const n = 20_000;
    const plans = Array.from({ length: n }, (_, i) => `p${i}`);
    // Higher plans answer faster, except p12345, which answers a minute slower than p12344.
    const minutes = (i: number): number => (i === 12_345 ? n - i + 2 : n - i);
    const rows = plans.map((p, i) => `  | ${p} | ${minutes(i)} minutes | ${minutes(i) + 1} minutes |`);
    const found = check(['severities', '  high "High"', '  low "Low"', `plans ${plans.join(' < ')}`, 'response targets', '  | plan | high | low |', ...rows]);
    const row = HEAD.length + 6 + 12_345 + 1;
    expect(found.map((f) => [f.code, f.line, f.text])).toEqual([
      ['SLA3203', row, '7657 minutes'],
      ['SLA3203', row, '7658 minutes'],
    ]);
  });

  it('20,000 severities in a table, looser as they get milder except one: found, and nothing else', { timeout: SAFETY_NET_MS }, () => {
    const n = 20_000;
    const minutes = (i: number): number => (i === 777 ? 10 * n : i + 1);
    const found = check([
      'severities',
      ...Array.from({ length: n }, (_, i) => `  s${i} "S${i}"`),
      'response targets',
      '  | severity | target |',
      ...Array.from({ length: n }, (_, i) => `  | s${i} | ${minutes(i)} minutes |`),
    ]);
    expect(found.map((f) => [f.code, f.text, f.related])).toEqual([['SLA3202', `${10 * n} minutes`, [HEAD.length + n + 4 + 778]]]);
  });

  it('20,000 categories overriding resolution, one of them looser than every severity: found once', { timeout: SAFETY_NET_MS }, () => {
    const n = 20_000;
    const found = check([
      'severities',
      '  high "High"',
      '  low "Low"',
      'response 3 minutes for every incident',
      'resolution targets',
      '  | severity | target |',
      '  | high | 2 hours |',
      '  | low | 4 hours |',
      'categories',
      '  | category | description | resolution |',
      ...Array.from({ length: n }, (_, i) => `  | c${i} | "generated" | ${i === 4_321 ? '5 hours' : '10 minutes'} |`),
    ]);
    expect(found.map((f) => [f.code, f.text, f.related.length])).toEqual([['SLA3205', '5 hours', 2]]);
  });

  it('20,000 credit bands written inclusively, each sharing its end with the next: one overlap per band', { timeout: SAFETY_NET_MS }, () => {
    const n = 20_000;
    const bound = (i: number): string => (i * 0.004).toFixed(3);
    // The top band stops below the 80% target, so that only the shared ends are findings.
    const range = (i: number): string => (i === n - 1 ? `at least ${bound(i)}% and below 80%` : `between ${bound(i)}% and ${bound(i + 1)}%`);
    const rows = Array.from({ length: n }, (_, i) => `  | ${range(i)} | ${(100 - i * 0.004).toFixed(3)}% |`);
    const found = check(['availability', '  target 80% per calendar month', 'credits', '  | monthly availability | credit |', ...rows.reverse(), '  at most 100%']);
    expect(countBy(found)).toEqual({ SLA3002: n - 1 });
  });
});
