// Every finding of the credits checks as a reviewer reads it: the code, the text under its range,
// the message, the hint, and each related location with its message. Also the edges where the
// checks decide: a range reaching 100%, a band starting exactly at the target, nested bands with a
// common end, a band order the table does not give, slot steps at a band's inclusive or exclusive
// end, and where full steps reach a cap that is not a whole number of steps.

import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/compile';

interface Said {
  code: string;
  at: string;
  message: string;
  hint?: string;
  related: [string, string][];
}

function findings(body: string[]): Said[] {
  const text = `${['contract "Credits"', 'version 1', 'effective 2026-01-01', 'time zone UTC', 'causes', '  counted provider', ...body].join('\n')}\n`;
  const c = compile(text, 'credits.sla');
  const at = (s: { start: number; end: number }): string => text.slice(s.start, s.end);
  return c.diagnostics.map((d) => ({
    code: d.code,
    at: at(d.span),
    message: d.message,
    ...(d.hint === undefined ? {} : { hint: d.hint }),
    related: d.related.map((r): [string, string] => [at(r.span), r.message]),
  }));
}

/** A contract with an availability target (or none) and a credits clause of the given lines. */
const credits = (target: string | null, ...lines: string[]): string[] => [
  ...(target ? ['availability', `  target ${target}% per calendar month`] : []),
  'credits',
  ...lines.map((l) => `  ${l}`),
];
const table = (target: string | null, ...rows: string[]): Said[] => findings(credits(target, '| monthly availability | credit |', ...rows));
const slotted = (minutes: number, ...rows: string[]): Said[] =>
  findings(['availability', '  target 100% per calendar month', `  measured in slots of ${minutes} minutes`, 'credits', '  | monthly availability | credit |', ...rows.map((r) => `  ${r}`)]);

const GAP_HINT = 'make each band start exactly where the next one ends, with `at least X%` and `below X%`';

describe('band tables', () => {
  it('a gap between two bands: on the band above, the band below related', () => {
    expect(table('99.9', '| below 98% | 10% |', '| at least 99% and below 99.9% | 5% |')).toEqual([
      { code: 'SLA3001', at: 'at least 99% and below 99.9%', message: 'no credit band covers availability at least 98% and below 99%', hint: GAP_HINT, related: [['below 98%', 'the band below the gap ends here']] },
    ]);
  });

  it('a gap below the target: on the band below it, the target related', () => {
    expect(table('99.9', '| below 99% | 10% |')).toEqual([
      { code: 'SLA3001', at: 'below 99%', message: 'no credit band covers availability at least 99% and below 99.9%', hint: GAP_HINT, related: [['99.9%', 'the availability target']] },
    ]);
  });

  it('a gap at the bottom of the axis, and one that starts just above 0%', () => {
    expect(table('99.9', '| at least 50% and below 99.9% | 5% |')).toEqual([
      { code: 'SLA3001', at: 'at least 50% and below 99.9%', message: 'no credit band covers availability below 50%', hint: GAP_HINT, related: [] },
    ]);
    expect(table('99.9', '| at most 0% | 100% |', '| above 50% and below 99.9% | 5% |')).toEqual([
      { code: 'SLA3001', at: 'above 50% and below 99.9%', message: 'no credit band covers availability above 0% and at most 50%', hint: GAP_HINT, related: [['at most 0%', 'the band below the gap ends here']] },
    ]);
  });

  it('without a target the bands are checked up to their highest end, in whatever order the rows come', () => {
    expect(table(null, '| at least 99% and below 99.5% | 5% |', '| below 98% | 10% |').filter((f) => f.code === 'SLA3001')).toEqual([
      { code: 'SLA3001', at: 'at least 99% and below 99.5%', message: 'no credit band covers availability at least 98% and below 99%', hint: GAP_HINT, related: [['below 98%', 'the band below the gap ends here']] },
    ]);
  });

  it('a repeated row and an overlap, with the first row related', () => {
    expect(table('99.9', '| below 99.9% | 10% |', '| below 99.9% | 10% |')).toEqual([
      { code: 'SLA3002', at: 'below 99.9%', message: 'this band repeats the band on line 11 (below 99.9%: 10%)', hint: 'remove the repeated row', related: [['below 99.9%', 'first given here']] },
    ]);
    expect(table('99.9', '| at least 98% and below 99.9% | 5% |', '| at least 99% and below 99.9% | 5% |', '| below 98% | 10% |')).toEqual([
      {
        code: 'SLA3002',
        at: 'at least 99% and below 99.9%',
        message: 'this band and the band on line 11 both cover availability at least 99% and below 99.9%',
        hint: 'make the bands half-open: at least LOW% and below HIGH%',
        related: [['at least 98% and below 99.9%', 'overlapping band']],
      },
    ]);
  });

  it('an empty band is reported once, and takes no part in the order of credits', () => {
    // [99.4%, 99%) is empty; were it kept, sorted between [0, 99.5%) and [99.5%, 99.9%), its 1%
    // would be "less than" the 5% of the band above it.
    expect(table('99.9', '| below 99.5% | 10% |', '| at least 99.4% and below 99% | 1% |', '| at least 99.5% and below 99.9% | 5% |')).toEqual([
      { code: 'SLA3012', at: 'at least 99.4% and below 99%', message: 'no availability is at least 99.4% and below 99%: this band can never apply', hint: 'check the order of the bounds: at least LOW% and below HIGH%', related: [] },
    ]);
  });

  it('bands reaching the target: up to 100% it says no upper end; a band from exactly the target lies wholly above it', () => {
    const related: [string, string][] = [['99%', 'the availability target']];
    const hint = 'end the band with `below 99%`';
    expect(table('99', '| at least 98% | 5% |', '| below 98% | 10% |')).toEqual([
      { code: 'SLA3003', at: 'at least 98%', message: 'this band reaches above the 99% target: availability at least 99% meets the target but earns 5%', hint, related },
    ]);
    expect(table('99', '| at least 98% and below 100% | 5% |', '| below 98% | 10% |')).toEqual([
      { code: 'SLA3003', at: 'at least 98% and below 100%', message: 'this band reaches above the 99% target: availability at least 99% and below 100% meets the target but earns 5%', hint, related },
    ]);
    expect(table('99', '| at least 99% | 1% |', '| below 99% | 10% |')).toEqual([
      { code: 'SLA3003', at: 'at least 99%', message: 'this band lies at or above the 99% target: it pays a credit in a month that met the target', hint, related },
    ]);
  });

  it('a credit that falls with availability, with the better band related', () => {
    expect(table('99.9', '| at least 99% and below 99.9% | 10% |', '| below 99% | 5% |')).toEqual([
      {
        code: 'SLA3004',
        at: '5%',
        message: 'availability below 99% earns 5%, less than the 10% of the better availability at least 99% and below 99.9%',
        related: [['10%', '10% for better availability']],
      },
    ]);
  });

  it('the order of credits is judged on bands sorted by start, then end, not in the order of the rows', () => {
    // Sorted: [90, 98) 5%, [98, 99) 10%, [98, 99.9) 1%: 5% below 10% is a fall; the two bands from
    // 98% are nested (an overlap), not an order.
    const found = table('99.9', '| below 90% | 30% |', '| at least 90% and below 98% | 5% |', '| at least 98% and below 99.9% | 1% |', '| at least 98% and below 99% | 10% |');
    expect(found.map((f) => [f.code, f.at, f.message])).toEqual([
      ['SLA3004', '5%', 'availability at least 90% and below 98% earns 5%, less than the 10% of the better availability at least 98% and below 99%'],
      ['SLA3002', 'at least 98% and below 99.9%', 'this band and the band on line 14 both cover availability at least 98% and below 99%'],
    ]);
  });

  it('nested bands are an overlap, not a fall: with a common start, with a common end, and one inside another', () => {
    const nested = (...rows: string[]) => table('99.9', ...rows).map((f) => f.code);
    expect(nested('| at least 98% and below 99% | 10% |', '| at least 98% and below 99.9% | 20% |', '| below 98% | 30% |')).toEqual(['SLA3002']);
    expect(nested('| at least 97% and below 99.9% | 10% |', '| at least 98% and below 99.9% | 20% |', '| below 97% | 30% |')).toEqual(['SLA3002']);
    expect(nested('| at least 97% and below 99.9% | 10% |', '| at least 98% and below 99% | 20% |', '| below 97% | 30% |')).toEqual(['SLA3002']);
  });

  it('a band above the cap, with the cap related', () => {
    expect(table('99.9', '| at least 99% and below 99.9% | 10% |', '| below 99% | 25% |', 'at most 20%')).toEqual([
      { code: 'SLA3005', at: '25%', message: 'this band pays 25%, more than the 20% cap', related: [['at most 20%', 'the cap']] },
    ]);
  });
});

describe('bands that slots of availability step over (SLA3014)', () => {
  // Slots of 1728 minutes: a 30-day month (43200 minutes) is exactly 25 slots, one slot 4% of it,
  // so one slot down is exactly 96%. The other months end with a shorter slot: 31 days = 25 slots
  // + 1440 minutes, 29 days = 24 + 288, 28 days = 23 + 576; none of their downtimes gives an
  // availability within 0.01 points of 96% (31 days: 1728 or 3168 minutes of 44640 are 96.129%
  // and 92.903%; 29 days: 288 or 2016 of 41760 are 99.310% and 95.172%; 28 days: 576 or 2304 of
  // 40320 are 98.571% and 94.286%).
  const rest = ['| below 95% | 50% |'];
  const unreachable = (band: string): string[] => slotted(1728, `| ${band} | 10% |`, ...rest).filter((f) => f.code === 'SLA3014').map((f) => f.at);

  it('exactly 96% is reachable, by one slot down in a 30-day month', () => {
    expect(unreachable('between 96% and 96%')).toEqual([]);
    expect(unreachable('at least 96% and below 96.01%')).toEqual([]);
  });

  it('just below or just above 96% is not: the step lies on the excluded end', () => {
    expect(unreachable('above 95.99% and below 96%')).toEqual(['above 95.99% and below 96%']);
    expect(unreachable('above 96% and below 96.01%')).toEqual(['above 96% and below 96.01%']);
  });

  it('the finding names the two steps around the band in a 30-day month, with the hint', () => {
    expect(slotted(1728, '| above 96% and below 96.01% | 10% |', '| below 96% | 50% |').filter((f) => f.code === 'SLA3014')).toEqual([
      {
        code: 'SLA3014',
        at: 'above 96% and below 96.01%',
        message: "with slots of 1728 minutes no month's availability falls in this band: a 30-day month has 25 slots, and its availability is 100% with no slot down, 96% with 1 slot down, nothing in between",
        hint: 'measure exact time, or widen the band to a whole slot',
        related: [],
      },
    ]);
    expect(slotted(1728, '| above 92.01% and below 92.02% | 10% |', '| below 92.01% | 50% |').filter((f) => f.code === 'SLA3014').map((f) => f.message)).toEqual([
      "with slots of 1728 minutes no month's availability falls in this band: a 30-day month has 25 slots, and its availability is 96% with 1 slot down, 92% with 2 slots down, nothing in between",
    ]);
  });

  it('an empty band is only SLA3012, never also unreachable', () => {
    expect(slotted(1728, '| at least 97% and below 96% | 10% |', '| below 95% | 50% |').map((f) => f.code)).not.toContain('SLA3014');
  });
});

describe('credit formulas', () => {
  it('every formula finding with its hint', () => {
    expect(findings(credits(null, '5% for each 1% below target'))).toEqual([
      { code: 'SLA3006', at: '5% for each 1% below target', message: 'the formula does not say whether a partial step of 1% earns a credit', hint: 'write `for each started 1%`, `for each full 1%` or `pro rata`', related: [] },
      { code: 'SLA3007', at: '5% for each 1% below target', message: 'the credit grows without limit as availability falls', hint: 'add a cap: at most 50%', related: [] },
      {
        code: 'SLA3010',
        at: '5% for each 1% below target',
        message: 'the credit counts steps below the availability target, but the contract has no availability clause',
        hint: 'availability\n  target 99.9% per calendar month',
        related: [],
      },
    ]);
    expect(findings(credits('99.9', '5% for each started 0% below target', 'at most 50%'))).toEqual([
      { code: 'SLA3008', at: '5% for each started 0% below target', message: 'a credit per step of 0% cannot be computed', hint: 'for example: 5% for each started 1% below target', related: [] },
    ]);
  });

  it('a formula that does not say how partial steps count has no cap point (SLA3009)', () => {
    expect(findings(credits('99.9', '5% for each 1% below target', 'at most 50%')).map((f) => f.code)).toEqual(['SLA3006']);
  });

  it('where the cap is reached, with the formula related; never reached; a 0% cap', () => {
    const related: [string, string][] = [['5% for each started 1% below target', 'the credit formula']];
    expect(findings(credits('99.9', '5% for each started 1% below target', 'at most 10%'))).toEqual([
      { code: 'SLA3009', at: 'at most 10%', message: 'the 10% cap is reached when availability falls below 98.9% (a shortfall of more than 1 percentage point below the 99.9% target)', related },
    ]);
    expect(findings(credits('9', '5% for each started 1% below target', 'at most 50%'))).toEqual([
      { code: 'SLA3009', at: 'at most 50%', message: 'the 50% cap is never reached: even at 0% availability the formula gives 45%', related },
    ]);
    expect(findings(credits('99.9', '5% for each started 1% below target', 'at most 0%'))).toEqual([
      { code: 'SLA3009', at: 'at most 0%', message: 'a 0% cap: whatever the availability, no credit is ever owed', related },
    ]);
  });

  it('never reached: what 0% availability gives counts a started step in full', () => {
    // 9.5 points below a 9.5% target at 0%: started steps of 1 make 10 steps = 50% (pro rata: 47.5%).
    expect(findings(credits('9.5', '5% for each started 1% below target', 'at most 60%')).map((f) => f.message)).toEqual([
      'the 60% cap is never reached: even at 0% availability the formula gives 50%',
    ]);
    expect(findings(credits('9.5', '5% for each 1% below target, pro rata', 'at most 60%')).map((f) => f.message)).toEqual([
      'the 60% cap is never reached: even at 0% availability the formula gives 47.5%',
    ]);
  });

  it('full steps reach a cap that is not a whole number of steps at the next whole step, pro rata in between', () => {
    // Cap 12% at 5% a step: full steps need ceil(12 / 5) = 3 steps of 1 point, 99.9 - 3 = 96.9%;
    // pro rata reaches 12% at 12 / 5 = 2.4 points, 99.9 - 2.4 = 97.5%.
    const at = (formula: string): string[] => findings(credits('99.9', formula, 'at most 12%')).map((f) => f.message);
    expect(at('5% for each full 1% below target')).toEqual(['the 12% cap is reached when availability is at most 96.9% (a shortfall of 3 percentage points or more below the 99.9% target)']);
    expect(at('5% for each 1% below target, pro rata')).toEqual(['the 12% cap is reached when availability is at most 97.5% (a shortfall of 2.4 percentage points or more below the 99.9% target)']);
  });

  it('a table and a formula together, with the table related; a credits clause with neither', () => {
    expect(findings(credits('99.9', '5% for each started 1% below target', 'at most 10%', '| monthly availability | credit |', '| below 99.9% | 5% |')).filter((f) => f.code === 'SLA3011')).toEqual([
      {
        code: 'SLA3011',
        at: '5% for each started 1% below target',
        message: 'the credits clause gives both a formula and a table of bands: which one applies?',
        related: [['| below 99.9% | 5% |', 'the table of bands']],
      },
    ]);
    expect(findings(credits('99.9', 'at most 10%'))).toEqual([
      { code: 'SLA3013', at: 'credits', message: 'the credits clause has neither a table of bands nor a formula', hint: '| monthly availability | credit |   or   5% for each started 1% below target', related: [] },
    ]);
    // With one credits block per service, the finding is on the head of the block that is empty.
    const perService = findings([
      'services',
      '  a "Service A"',
      '  b "Service B"',
      'availability',
      '  target 99.9% per calendar month',
      'credits for service a',
      '  5% for each started 1% below target',
      '  at most 10%',
      'credits for service b',
      '  at most 10%',
    ]).filter((f) => f.code === 'SLA3013');
    expect(perService.map((f) => f.at)).toEqual(['credits for service b']);
    expect(table(null, '| below 99.9% | 5% |')).toEqual([
      {
        code: 'SLA3010',
        at: '| below 99.9% | 5% |',
        message: 'credits are owed when availability misses its target, but the contract has no availability clause: this table never applies',
        hint: 'availability\n  target 99.9% per calendar month',
        related: [],
      },
    ]);
  });
});
