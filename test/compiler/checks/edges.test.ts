// Check behaviours at their edges that no fixture decided before (mutation testing let changes to
// them survive): gaps at the week's seam, equal credits side by side, a gap without a target, a
// formula paying 0% per step, bands with equal bounds, and where SLA3009 says the cap is reached.
// Each is a small contract and the findings a user would read: code, the text under the range,
// and the message where the message is the point.

import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/compile';
import { coverage } from '../../../compiler/checks/intervals';

function findings(body: string[]) {
  const text = `${['contract "Edges"', 'version 1', 'effective 2026-01-01', 'time zone UTC', 'causes', '  counted provider', ...body].join('\n')}\n`;
  const c = compile(text, 'edges.sla');
  const at = (s: { start: number; end: number }): string => text.slice(s.start, s.end);
  return c.diagnostics.map((d) => ({ code: d.code, at: at(d.span), message: d.message, related: d.related.map((r) => at(r.span)) }));
}

const windows = (...lines: string[]): string[] => ['maintenance', '  windows', ...lines.map((l) => `    ${l}`), '  notice at least 48 hours before the start', '  not counted as downtime'];

describe('gaps at the Sunday/Monday seam of the week', () => {
  it('a gap at the end of Sunday only (Monday starts at 00:00): named with both windows', () => {
    expect(findings(windows('sunday 18:00 to 23:58', 'monday 00:00 to 06:00'))).toEqual([
      { code: 'SLA3102', at: '00:00', message: 'the maintenance windows leave 2 minutes uncovered, 23:58 to 24:00 on sunday: maintenance then counts as downtime', related: ['23:58'] },
    ]);
  });

  it('a gap at the start of Monday only (Sunday runs to 24:00)', () => {
    expect(findings(windows('sunday 18:00 to 24:00', 'monday 00:03 to 06:00'))).toEqual([
      { code: 'SLA3102', at: '00:03', message: 'the maintenance windows leave 3 minutes uncovered, 00:00 to 00:03 on monday: maintenance then counts as downtime', related: ['24:00'] },
    ]);
  });

  it('one gap across the seam, not two', () => {
    expect(findings(windows('sunday 18:00 to 23:55', 'monday 00:05 to 06:00'))).toEqual([
      { code: 'SLA3102', at: '00:05', message: 'the maintenance windows leave 10 minutes uncovered, 23:55 to 00:05 on sunday: maintenance then counts as downtime', related: ['23:55'] },
    ]);
  });

  it('windows meeting at the seam leave no gap', () => {
    expect(findings(windows('sunday 18:00 to 24:00', 'monday 00:00 to 06:00'))).toEqual([]);
  });

  it('the interval routine joins the two ends, or names the neighbour across the seam', () => {
    const order = (a: number, b: number): number => a - b;
    expect(coverage([{ from: 5, to: 95, owner: 'a' }], { from: 0, to: 100 }, order, { cyclic: true }).gaps).toEqual([{ from: 95, to: 5, before: 'a', after: 'a' }]);
    expect(coverage([{ from: 0, to: 95, owner: 'a' }, { from: 96, to: 99, owner: 'b' }], { from: 0, to: 100 }, order, { cyclic: true }).gaps).toEqual([
      { from: 95, to: 96, before: 'a', after: 'b' },
      { from: 99, to: 100, before: 'b', after: 'a' },
    ]);
    expect(coverage([{ from: 3, to: 100, owner: 'a' }], { from: 0, to: 100 }, order, { cyclic: true }).gaps).toEqual([{ from: 0, to: 3, before: 'a', after: 'a' }]);
  });
});

const credits = (target: string | null, ...lines: string[]): string[] => [
  ...(target ? ['availability', `  target ${target}% per calendar month`] : []),
  'credits',
  ...lines.map((l) => `  ${l}`),
];

describe('credit bands', () => {
  it('two adjacent bands paying the same credit are not "decreasing"', () => {
    expect(findings(credits('99.9', '| monthly availability | credit |', '| at least 99% and below 99.9% | 5% |', '| below 99% | 5% |'))).toEqual([]);
  });

  it('a gap above the first band without an availability target: up to the highest bound', () => {
    const found = findings(credits(null, '| monthly availability | credit |', '| below 98% | 10% |', '| at least 99% and below 99.5% | 5% |'));
    expect(found.map((f) => f.code)).toEqual(['SLA3010', 'SLA3001']);
    expect(found[1]).toEqual({
      code: 'SLA3001',
      at: 'at least 99% and below 99.5%',
      message: 'no credit band covers availability at least 98% and below 99%',
      related: ['below 98%'],
    });
  });

  it('a band with equal bounds: empty when exclusive, exactly one point when inclusive', () => {
    const empty = findings(credits('99.9', '| monthly availability | credit |', '| at least 99% and below 99% | 7% |', '| at least 99% and below 99.9% | 5% |', '| below 99% | 10% |'));
    expect(empty.map((f) => [f.code, f.at])).toEqual([['SLA3012', 'at least 99% and below 99%']]);
    const point = ['| monthly availability | credit |', '| above 99% and below 99.9% | 5% |', '| between 99% and 99% | 7% |', '| below 99% | 10% |'];
    expect(findings(credits('99.9', ...point))).toEqual([]);
    const missing = findings(credits('99.9', point[0], point[1], point[3]));
    expect(missing.map((f) => [f.code, f.message])).toEqual([['SLA3001', 'no credit band covers availability exactly 99%']]);
  });

  it('bounds that differ in the 17th digit are printed as written, never rounded onto each other', () => {
    const found = findings(credits('99.96', '| monthly availability | credit |', '| at least 99.9500000000000001% and below 99.96% | 5% |', '| below 99.95% | 10% |'));
    expect(found.map((f) => f.message)).toEqual(['no credit band covers availability at least 99.95% and below 99.9500000000000001%']);
  });
});

describe('SLA3009: where the cap of a credit formula is reached, exactly', () => {
  const note = (target: string, formula: string, cap: string): string[] =>
    findings(credits(target, formula, `at most ${cap}%`))
      .filter((f) => f.code === 'SLA3009')
      .map((f) => f.message);

  it('started steps: below the threshold, strictly (SAGICC: 50% below 90.96%)', () => {
    expect(note('99.96', '5% for each started 1% below target', '50')).toEqual([
      'the 50% cap is reached when availability falls below 90.96% (a shortfall of more than 9 percentage points below the 99.96% target)',
    ]);
    // A cap between two steps: the third started step (15%) is the first to pass 12%.
    expect(note('99.9', '5% for each started 1% below target', '12')).toEqual([
      'the 12% cap is reached when availability falls below 97.9% (a shortfall of more than 2 percentage points below the 99.9% target)',
    ]);
  });

  it('full steps: at the threshold itself', () => {
    expect(note('99.9', '5% for each full 1% below target', '50')).toEqual([
      'the 50% cap is reached when availability is at most 89.9% (a shortfall of 10 percentage points or more below the 99.9% target)',
    ]);
  });

  it('pro rata: where the proportional credit equals the cap, printed exactly', () => {
    expect(note('99.9', '5% for each 1% below target, pro rata', '12')).toEqual([
      'the 12% cap is reached when availability is at most 97.5% (a shortfall of 2.4 percentage points or more below the 99.9% target)',
    ]);
    // 10 / 3 points below 99.9%: a decimal without end, cut and marked, never rounded.
    expect(note('99.9', '3% for each 1% below target, pro rata', '10')).toEqual([
      'the 10% cap is reached when availability is at most 96.566666666666…% (a shortfall of 3.333333333333… percentage points or more below the 99.9% target)',
    ]);
  });

  it('a cap out of reach, and a formula paying 0% per step', () => {
    expect(note('5', '5% for each started 1% below target', '50')).toEqual(['the 50% cap is never reached: even at 0% availability the formula gives 25%']);
    expect(note('99.9', '0% for each started 1% below target', '50')).toEqual(['the 50% cap is never reached: even at 0% availability the formula gives 0%']);
  });
});

describe('SLA3110: gaps the other days do not have, whatever their length', () => {
  const codes = (...lines: string[]) => findings(windows(...lines)).map((f) => [f.code, f.at]);

  it('a window that starts an hour after the others ending at the same time', () => {
    expect(codes('monday, tuesday, thursday, friday 20:00 to 24:00', 'wednesday 21:00 to 24:00')).toEqual([['SLA3110', '21:00']]);
  });

  it('a night that stops at 23:00 where the others run past midnight', () => {
    expect(codes('monday, tuesday, thursday, friday 21:00 to 01:00', 'wednesday 21:00 to 23:00')).toEqual([['SLA3110', '23:00']]);
  });

  it('two days that differ alike are a pattern of their own, and a whole day stands alone', () => {
    expect(codes('monday to friday 20:00 to 24:00', 'saturday, sunday 20:00 to 22:00')).toEqual([]);
    expect(codes('monday to friday 21:00 to 01:00', 'saturday 17:00 to 24:00', 'sunday 00:00 to 24:00')).toEqual([]);
  });

  it('a gap every night shares is no slip, however long', () => {
    expect(codes('monday to sunday 22:00 to 02:00')).toEqual([]);
  });
});
