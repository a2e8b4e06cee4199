// IntervalUnion (the downtime union of runtime/periods.ts): unit cases and fast-check properties
// against a brute-force minute grid; the monthly downtime of PeriodAccumulator against the same
// grid, for exact time and for slots.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { compileContract, ContractVersions } from '../../runtime/contract';
import { IntervalUnion, PeriodAccumulator } from '../../runtime/periods';
import type { OutageRecord } from '../../runtime/records';

const MIN = 60_000;

function union(pairs: [number, number][]): IntervalUnion {
  const u = new IntervalUnion();
  for (const [s, e] of pairs) u.add(s, e);
  return u;
}

const all = (u: IntervalUnion) => u.clip(-Infinity, Infinity);

describe('IntervalUnion', () => {
  it('starts empty', () => {
    const u = new IntervalUnion();
    expect(u.size).toBe(0);
    expect(all(u)).toEqual([]);
    expect(u.clip(0, 100)).toEqual([]);
  });

  it('ignores empty, reversed and NaN intervals', () => {
    const u = union([[5, 5], [10, 3], [NaN, 4], [1, NaN]]);
    expect(u.size).toBe(0);
  });

  it('keeps disjoint intervals in order, whatever order they come in', () => {
    expect(all(union([[0, 10], [20, 30], [40, 50]]))).toEqual([[0, 10], [20, 30], [40, 50]]);
    expect(all(union([[40, 50], [0, 10], [20, 30]]))).toEqual([[0, 10], [20, 30], [40, 50]]);
    expect(all(union([[20, 30], [40, 50], [0, 10]]))).toEqual([[0, 10], [20, 30], [40, 50]]);
  });

  it('merges touching intervals (half-open: [0,10) and [10,20) leave no gap)', () => {
    const u = union([[0, 10], [10, 20]]);
    expect(u.size).toBe(1);
    expect(all(u)).toEqual([[0, 20]]);
    expect(all(union([[10, 20], [0, 10]]))).toEqual([[0, 20]]);
  });

  it('merges overlaps once: contained, overlapping, and one bridging several', () => {
    expect(all(union([[0, 100], [10, 20]]))).toEqual([[0, 100]]);
    expect(all(union([[10, 20], [0, 100]]))).toEqual([[0, 100]]);
    expect(all(union([[0, 10], [5, 15]]))).toEqual([[0, 15]]);
    expect(all(union([[5, 15], [0, 10]]))).toEqual([[0, 15]]);
    const u = union([[0, 10], [20, 30], [40, 50], [60, 70]]);
    u.add(5, 45);
    expect(all(u)).toEqual([[0, 50], [60, 70]]);
    u.add(-5, 100);
    expect(all(u)).toEqual([[-5, 100]]);
  });

  it('inserts between existing intervals without touching them', () => {
    const u = union([[0, 10], [40, 50]]);
    u.add(20, 30);
    expect(all(u)).toEqual([[0, 10], [20, 30], [40, 50]]);
    u.add(10.5, 19.5);
    expect(u.size).toBe(4);
  });

  it('clip returns the parts inside [a, b)', () => {
    const u = union([[0, 10], [20, 30], [40, 50]]);
    expect(u.clip(5, 45)).toEqual([[5, 10], [20, 30], [40, 45]]);
    // An interval ending exactly at a, or starting exactly at b, contributes nothing.
    expect(u.clip(10, 20)).toEqual([]);
    expect(u.clip(30, 40)).toEqual([]);
    expect(u.clip(10, 21)).toEqual([[20, 21]]);
    expect(u.clip(25, 25)).toEqual([]);
  });

  it('a month boundary splits one outage into two clipped parts', () => {
    // 2026-03-31 23:30 -> 2026-04-01 00:30 in Bogota (UTC-5), split at April's local midnight.
    const april = Date.UTC(2026, 3, 1, 5);
    const u = union([[april - 30 * MIN, april + 30 * MIN]]);
    expect(u.clip(Date.UTC(2026, 2, 1, 5), april)).toEqual([[april - 30 * MIN, april]]);
    expect(u.clip(april, Date.UTC(2026, 4, 1, 5))).toEqual([[april, april + 30 * MIN]]);
  });
});

// ---------------------------------------------------------------------------- properties

/** Intervals on a minute grid, [start, end) in minutes (possibly empty or reversed). */
const intervalsArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 })), { maxLength: 40 });

/** Brute force: the minutes m in [a, b) with [m, m + 1) inside some non-empty interval. */
function gridCount(pairs: [number, number][], a = 0, b = 300): number {
  let n = 0;
  for (let m = a; m < b; m++) if (pairs.some(([s, e]) => e > s && s <= m && m + 1 <= e)) n++;
  return n;
}

const total = (parts: [number, number][]) => parts.reduce((t, [s, e]) => t + (e - s), 0);

describe('IntervalUnion properties (fast-check)', () => {
  it('total length equals a brute-force minute-grid count, for random intervals in random order', () => {
    fc.assert(
      fc.property(intervalsArb, (pairs) => {
        const u = union(pairs.map(([s, e]) => [s * MIN, e * MIN]));
        expect(total(all(u))).toBe(gridCount(pairs) * MIN);
      }),
      { numRuns: 1000 },
    );
  });

  it('the pieces are sorted, disjoint and non-touching, and the order of insertion does not matter', () => {
    fc.assert(
      fc.property(intervalsArb, fc.func(fc.integer()), (pairs, key) => {
        const pieces = all(union(pairs));
        for (let i = 0; i < pieces.length; i++) {
          expect(pieces[i][1]).toBeGreaterThan(pieces[i][0]);
          if (i > 0) expect(pieces[i][0]).toBeGreaterThan(pieces[i - 1][1]);
        }
        const shuffled = [...pairs].sort((x, y) => key(x) - key(y));
        expect(all(union(shuffled))).toEqual(pieces);
        expect(pieces.length).toBe(union(pairs).size);
      }),
      { numRuns: 500 },
    );
  });

  it('clip(a, b) covers exactly the grid minutes of [a, b)', () => {
    fc.assert(
      fc.property(intervalsArb, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (pairs, x, y) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const parts = union(pairs).clip(a, b);
        expect(total(parts)).toBe(gridCount(pairs, a, b));
        for (const [s, e] of parts) {
          expect(s).toBeGreaterThanOrEqual(a);
          expect(e).toBeLessThanOrEqual(b);
        }
      }),
      { numRuns: 500 },
    );
  });
});

// ------------------------------------------------------------- the monthly downtime, brute force

function contract(measurement: string) {
  const text = `contract "Grid"
version 1
effective 2026-01-01
time zone America/Bogota

severities
  p1

response targets
  | severity | target |
  | p1       | 1 hour |

causes
  counted provider
  excluded isp

availability
  target 99.9% per calendar month
  ${measurement}
`;
  const c = compile(text, 'grid.sla', { checks: false });
  expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return new ContractVersions([compileContract(c.contract)]);
}

// Minute 0 of the grid = 2026-03-31 22:00 Bogota (2026-04-01 03:00Z): the grid crosses into April
// at minute 120 (local midnight), so both months get pieces.
const GRID0 = Date.UTC(2026, 3, 1, 3);
const APRIL = 120;

describe('PeriodAccumulator downtime equals a brute-force count', () => {
  const outagesArb = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 60 }), fc.boolean()),
    { maxLength: 25 },
  );
  const asOf = Date.UTC(2026, 5, 1);

  const accumulate = (versions: ContractVersions, outages: [number, number, boolean][]) => {
    const acc = new PeriodAccumulator(versions, asOf);
    outages.forEach(([s, len, counted], i) => {
      const rec: OutageRecord = { type: 'outage', id: `O${i}`, start: GRID0 + s * MIN, end: GRID0 + (s + len) * MIN, cause: counted ? 'provider' : 'isp', line: i + 1 };
      acc.downtime(rec.start, rec.end, counted ? [[rec.start, rec.end]] : []);
    });
    return acc.finish();
  };

  it('exact time: per month, the counted minutes of the union', () => {
    const versions = contract('measured as exact time');
    fc.assert(
      fc.property(outagesArb, (outages) => {
        const counted = outages.filter(([, , c]) => c).map(([s, len]) => [s, s + len] as [number, number]);
        const periods = accumulate(versions, outages);
        const march = periods.find((p) => p.period === '2026-03');
        const april = periods.find((p) => p.period === '2026-04');
        expect(march?.availability?.downtimeMinutes ?? 0).toBe(gridCount(counted, 0, APRIL));
        expect(april?.availability?.downtimeMinutes ?? 0).toBe(gridCount(counted, APRIL, 400));
      }),
      { numRuns: 300 },
    );
  });

  it('slots of 5 minutes: 5 x the slots (aligned to local midnight) that contain some downtime', () => {
    const versions = contract('measured in slots of 5 minutes');
    fc.assert(
      fc.property(outagesArb, (outages) => {
        const counted = outages.filter(([, , c]) => c).map(([s, len]) => [s, s + len] as [number, number]);
        const slots = (a: number, b: number) => {
          let n = 0;
          // Grid minute 0 is 22:00 local: slots start at multiples of 5 from there.
          for (let k = a; k < b; k += 5) if (gridCount(counted, k, k + 5) > 0) n++;
          return n * 5;
        };
        const periods = accumulate(versions, outages);
        expect(periods.find((p) => p.period === '2026-03')?.availability?.downtimeMinutes ?? 0).toBe(slots(0, APRIL));
        expect(periods.find((p) => p.period === '2026-04')?.availability?.downtimeMinutes ?? 0).toBe(slots(APRIL, 400));
      }),
      { numRuns: 300 },
    );
  });
});
