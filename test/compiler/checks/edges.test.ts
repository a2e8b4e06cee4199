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

describe('credits: every finding in the words a reader checks it by', () => {
  const said = (...body: string[]) => findings(body).map((f) => [f.code, f.at, f.message, ...f.related]);
  const table = (target: string | null, ...rows: string[]) => said(...credits(target, '| monthly availability | credit |', ...rows));

  it('gaps name an exclusive lower end as `above`, an inclusive upper end as `at most`, and the target above the last band', () => {
    expect(table('99.9', '| at most 50% | 30% |', '| above 60% and below 90% | 10% |')).toEqual([
      ['SLA3001', 'above 60% and below 90%', 'no credit band covers availability above 50% and at most 60%', 'at most 50%'],
      ['SLA3001', 'above 60% and below 90%', 'no credit band covers availability at least 90% and below 99.9%', '99.9%'],
    ]);
  });

  it('a repeated row, an empty band, and bands above the target', () => {
    // Line 11 is the first row: 6 lines of head, availability (2), credits, the header.
    expect(table('99.9', '| below 99.9% | 10% |', '| below 99.9% | 10% |')).toEqual([['SLA3002', 'below 99.9%', 'this band repeats the band on line 11 (below 99.9%: 10%)', 'below 99.9%']]);
    expect(table('99.9', '| at least 99.5% and below 99% | 10% |', '| below 99.9% | 5% |')).toEqual([
      ['SLA3012', 'at least 99.5% and below 99%', 'no availability is at least 99.5% and below 99%: this band can never apply'],
    ]);
    expect(table('99', '| at least 98% and below 99.5% | 5% |', '| at least 99.5% | 1% |', '| below 98% | 10% |')).toEqual([
      ['SLA3003', 'at least 98% and below 99.5%', 'this band reaches above the 99% target: availability at least 99% and below 99.5% meets the target but earns 5%', '99%'],
      ['SLA3003', 'at least 99.5%', 'this band lies at or above the 99% target: it pays a credit in a month that met the target', '99%'],
    ]);
  });

  it('a credit that falls with availability; nested bands are an overlap, not an order', () => {
    expect(table('99.9', '| at least 99% and below 99.9% | 10% |', '| below 99% | 5% |')).toEqual([
      ['SLA3004', '5%', 'availability below 99% earns 5%, less than the 10% of the better availability at least 99% and below 99.9%', '10%'],
    ]);
    // Sorted by start, then end: [98, 99) (line 12) comes first, and [98, 99.9) overlaps it.
    expect(table('99.9', '| at least 98% and below 99.9% | 5% |', '| at least 98% and below 99% | 10% |', '| below 98% | 20% |')).toEqual([
      ['SLA3002', 'at least 98% and below 99.9%', 'this band and the band on line 12 both cover availability at least 98% and below 99%', 'at least 98% and below 99%'],
    ]);
  });

  it('a band paying more than the cap; one paying exactly the cap is fine', () => {
    expect(table('99.9', '| at least 99% and below 99.9% | 10% |', '| below 99% | 25% |', 'at most 20%')).toEqual([['SLA3005', '25%', 'this band pays 25%, more than the 20% cap', 'at most 20%']]);
    expect(table('99.9', '| at least 99% and below 99.9% | 10% |', '| below 99% | 20% |', 'at most 20%')).toEqual([]);
  });

  it('a band narrower than one slot of availability in every month is unreachable', () => {
    // Slots of 5 minutes: a 30-day month has 43200 / 5 = 8640 slots, one slot is 100 / 8640 =
    // 0.011574...% of availability, so nothing lies in [99.995%, 99.999%) (it would take 0.001% to
    // 0.005% of downtime); 28-, 29- and 31-day months have even coarser or as coarse steps.
    const found = said('availability', '  target 99.999% per calendar month', '  measured in slots of 5 minutes', 'credits', '  | monthly availability | credit |', '  | at least 99.995% and below 99.999% | 5% |', '  | below 99.995% | 10% |');
    expect(found.filter((f) => f[0] === 'SLA3014')).toEqual([
      [
        'SLA3014',
        'at least 99.995% and below 99.999%',
        "with slots of 5 minutes no month's availability falls in this band: a 30-day month has 8640 slots, and its availability is 100% with no slot down, 99.988425925925…% with 1 slot down, nothing in between",
      ],
    ]);
  });

  it('a band only the month\'s last, shorter slot reaches is reachable', () => {
    // Slots of 7 minutes: a 30-day month is 6171 slots and 3 minutes (43200 = 6171 x 7 + 3), so 3
    // minutes down (the last slot alone) is 99.99305...%, inside [99.993%, 99.994%), which takes
    // more than 2.592 and at most 3.024 minutes of downtime. No other month reaches it (28 days:
    // 0 minutes over whole slots; 29 days: 5; 31 days: 1).
    const found = said('availability', '  target 99.999% per calendar month', '  measured in slots of 7 minutes', 'credits', '  | monthly availability | credit |', '  | at least 99.994% and below 99.999% | 2% |', '  | at least 99.993% and below 99.994% | 5% |', '  | below 99.993% | 10% |');
    expect(found.filter((f) => f[0] === 'SLA3014')).toEqual([]);
  });

  it('an exclusive and an inclusive lower bound at the same value are two bands, not a repeat', () => {
    expect(table('99.9', '| above 99% and below 99.9% | 5% |', '| at least 99% and below 99.9% | 5% |', '| below 99% | 10% |')).toEqual([
      ['SLA3002', 'above 99% and below 99.9%', 'this band and the band on line 12 both cover availability above 99% and below 99.9%', 'at least 99% and below 99.9%'],
    ]);
  });

  it('formulas: no rounding, no cap, no target, a zero step, a zero cap, and nothing at all', () => {
    expect(said(...credits(null, '5% for each 1% below target'))).toEqual([
      ['SLA3006', '5% for each 1% below target', 'the formula does not say whether a partial step of 1% earns a credit'],
      ['SLA3007', '5% for each 1% below target', 'the credit grows without limit as availability falls'],
      ['SLA3010', '5% for each 1% below target', 'the credit counts steps below the availability target, but the contract has no availability clause'],
    ]);
    expect(said(...credits('99.9', '5% for each started 0% below target', 'at most 50%'))).toEqual([['SLA3008', '5% for each started 0% below target', 'a credit per step of 0% cannot be computed']]);
    expect(said(...credits('99.9', '5% for each started 1% below target', 'at most 0%'))).toEqual([
      ['SLA3009', 'at most 0%', 'a 0% cap: whatever the availability, no credit is ever owed', '5% for each started 1% below target'],
    ]);
    expect(said(...credits('99.9', '5% for each started 1% below target', 'at most 10%', '| monthly availability | credit |', '| below 99.9% | 5% |')).map((f) => f[0])).toEqual(['SLA3011', 'SLA3009']);
    expect(table(null, '| below 99.9% | 5% |')).toEqual([
      ['SLA3010', '| below 99.9% | 5% |', 'credits are owed when availability misses its target, but the contract has no availability clause: this table never applies'],
    ]);
    expect(said(...credits('99.9', 'at most 10%'))).toEqual([['SLA3013', 'credits', 'the credits clause has neither a table of bands nor a formula']]);
  });
});

describe('SLA3009 at the ends of the availability axis', () => {
  const note = (target: string, formula: string, cap: string): string[] =>
    findings(credits(target, formula, `at most ${cap}%`))
      .filter((f) => f.code === 'SLA3009')
      .map((f) => f.message);

  it('full steps reaching the cap exactly at 0% availability: reached there', () => {
    // 50 / 5 = 10 full steps of 1 below a 10% target: at 0% availability exactly.
    expect(note('10', '5% for each full 1% below target', '50')).toEqual([
      'the 50% cap is reached when availability is at most 0% (a shortfall of 10 percentage points or more below the 10% target)',
    ]);
  });

  it('started steps would need availability below 0%: never reached, and what 0% gives', () => {
    // 10 started steps below a 9% target need a shortfall of more than 9 points; at 0%: 9 steps, 45%.
    expect(note('9', '5% for each started 1% below target', '50')).toEqual(['the 50% cap is never reached: even at 0% availability the formula gives 45%']);
    // Full steps of 2 below 5%: at 0%, 2 full steps = 10%; pro rata: 2.5 steps = 12.5%.
    expect(note('5', '5% for each full 2% below target', '50')).toEqual(['the 50% cap is never reached: even at 0% availability the formula gives 10%']);
    expect(note('5', '5% for each 2% below target, pro rata', '50')).toEqual(['the 50% cap is never reached: even at 0% availability the formula gives 12.5%']);
  });

  it('one percentage point, singular', () => {
    // 10 / 5 = 2 started steps: a shortfall of more than 1 point, below 98.9%.
    expect(note('99.9', '5% for each started 1% below target', '10')).toEqual([
      'the 10% cap is reached when availability falls below 98.9% (a shortfall of more than 1 percentage point below the 99.9% target)',
    ]);
  });
});

describe('maintenance windows past the monthly limit (SLA3810)', () => {
  const limited = (limits: string[], ...lines: string[]) => findings([...windows(...lines), ...limits.map((l) => `  ${l}`)]).filter((f) => f.code === 'SLA3810');

  it('a window across the week\'s seam is one window, and 4 a month fit 4 windows a month', () => {
    // Sunday 22:00 to Monday 02:00 is one window of 4 hours: 4 a month, 16 hours.
    expect(limited(['at most 4 windows per calendar month', 'allowance 16 hours per calendar month'], 'sunday 22:00 to 24:00', 'monday 00:00 to 02:00')).toEqual([]);
    expect(limited(['at most 3 windows per calendar month'], 'sunday 22:00 to 24:00', 'monday 00:00 to 02:00').map((f) => f.message)).toEqual([
      'the windows open 4 times in every month (1 a week), more than the 3 allowed: maintenance in the later windows counts as downtime',
    ]);
  });

  it('nightly windows across midnight pass an allowance of 8 hours, with the arithmetic in the message', () => {
    // monday to friday 21:00 to 01:00: 5 x 4 h = 20 h a week, 80 h in 28 days.
    expect(limited(['allowance 8 hours per calendar month'], 'monday to friday 21:00 to 01:00')).toEqual([
      {
        code: 'SLA3810',
        at: 'allowance 8 hours per calendar month',
        message: 'the windows allow 80 hours of maintenance in every month (20 hours a week), more than the allowance of 8 hours: maintenance in the windows past it counts as downtime',
        related: ['monday to friday 21:00 to 01:00'],
      },
    ]);
  });
});
