// Property tests of the interval routine and of the credit-band checks built on it: planted gaps
// and overlaps are always found, and band tables that tile the range exactly never warn.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverage } from '../../../compiler/checks/intervals';
import { compile } from '../../../compiler/compile';

describe('coverage (integer pieces, checked cell by cell)', () => {
  const piece = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));

  it('finds exactly the uncovered cells as gaps, every doubly covered cell in an overlap, one overlap per piece at most', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (ps) => {
        const pieces = ps.map((p, i) => ({ ...p, owner: i }));
        const { gaps, overlaps } = coverage(pieces, { from: 0, to: 40 }, (a, b) => a - b);
        const covers = (owner: number, x: number): boolean => pieces[owner].from <= x && x < pieces[owner].to;
        for (let x = 0; x < 40; x++) {
          const covering = pieces.filter((p) => p.from <= x && x < p.to);
          expect(gaps.some((g) => g.from <= x && x < g.to)).toBe(covering.length === 0);
          expect(overlaps.some((o) => o.from <= x && x < o.to)).toBe(covering.length >= 2);
        }
        for (const o of overlaps) {
          expect(o.from).toBeLessThan(o.to);
          expect(o.first).not.toBe(o.second);
          for (let x = o.from; x < o.to; x++) expect(covers(o.first, x) && covers(o.second, x)).toBe(true);
        }
        expect(new Set(overlaps.map((o) => o.second)).size).toBe(overlaps.length);
      }),
    );
  });

  it('reports N identical pieces as N - 1 overlaps with the first, not as every pair', () => {
    const pieces = Array.from({ length: 2_000 }, (_, i) => ({ from: 10, to: 20, owner: i }));
    const { overlaps } = coverage(pieces, { from: 0, to: 40 }, (a, b) => a - b);
    expect(overlaps).toHaveLength(1_999);
    expect(overlaps.every((o, i) => o.first === 0 && o.second === i + 1 && o.from === 10 && o.to === 20)).toBe(true);
  });

  it('joins the gaps at both ends of a cyclic domain into one across the seam', () => {
    const { gaps } = coverage([{ from: 10, to: 20, owner: 'a' }], { from: 0, to: 100 }, (a, b) => a - b, { cyclic: true });
    expect(gaps).toEqual([{ from: 20, to: 10, before: 'a', after: 'a' }]);
  });
});

describe('coverage: who is named beside a gap or an overlap', () => {
  const order = (a: number, b: number): number => a - b;
  const domain = { from: 0, to: 100 };

  it('nothing at all: the whole domain is one gap with no neighbour, cyclic or not', () => {
    expect(coverage([], domain, order).gaps).toEqual([{ from: 0, to: 100, before: null, after: null }]);
    expect(coverage([], domain, order, { cyclic: true })).toEqual({ gaps: [{ from: 0, to: 100, before: null, after: null }], overlaps: [] });
  });

  it('an empty piece inside a gap neither splits it nor names itself', () => {
    const pieces = [{ from: 0, to: 10, owner: 'a' }, { from: 30, to: 30, owner: 'empty' }, { from: 50, to: 100, owner: 'b' }];
    expect(coverage(pieces, domain, order).gaps).toEqual([{ from: 10, to: 50, before: 'a', after: 'b' }]);
  });

  it('pieces are clipped to the domain, and pieces outside it ignored', () => {
    const pieces = [{ from: -20, to: 10, owner: 'a' }, { from: 90, to: 150, owner: 'b' }, { from: 120, to: 130, owner: 'outside' }];
    expect(coverage(pieces, domain, order)).toEqual({ gaps: [{ from: 10, to: 90, before: 'a', after: 'b' }], overlaps: [] });
    // An overlap that starts before the domain is reported from the domain's start (where, clipped,
    // both start: the shorter first).
    expect(coverage([{ from: -20, to: 10, owner: 'a' }, { from: -10, to: 5, owner: 'b' }, { from: 10, to: 100, owner: 'c' }], domain, order).overlaps).toEqual([{ from: 0, to: 5, first: 'b', second: 'a' }]);
  });

  it('of two pieces starting together the shorter comes first, whatever the input order', () => {
    const pieces = [{ from: 0, to: 10, owner: 'long' }, { from: 0, to: 5, owner: 'short' }];
    expect(coverage(pieces, domain, order).overlaps).toEqual([{ from: 0, to: 5, first: 'short', second: 'long' }]);
  });

  it('of two pieces ending together, the one listed first is named before the gap after them', () => {
    const pieces = [{ from: 0, to: 50, owner: 'a' }, { from: 20, to: 50, owner: 'b' }];
    const { gaps, overlaps } = coverage(pieces, domain, order);
    expect(gaps).toEqual([{ from: 50, to: 100, before: 'a', after: null }]);
    expect(overlaps).toEqual([{ from: 20, to: 50, first: 'a', second: 'b' }]);
  });

  it('an overlap is the part both cover: up to the first piece\'s end, or the second\'s when it ends first', () => {
    expect(coverage([{ from: 0, to: 50, owner: 'a' }, { from: 20, to: 80, owner: 'b' }], domain, order).overlaps).toEqual([{ from: 20, to: 50, first: 'a', second: 'b' }]);
    expect(coverage([{ from: 0, to: 50, owner: 'a' }, { from: 20, to: 30, owner: 'b' }], domain, order).overlaps).toEqual([{ from: 20, to: 30, first: 'a', second: 'b' }]);
  });

  it('pieces of one owner never overlap themselves, and touching pieces neither overlap nor leave a gap', () => {
    expect(coverage([{ from: 0, to: 60, owner: 'a' }, { from: 40, to: 100, owner: 'a' }], domain, order)).toEqual({ gaps: [], overlaps: [] });
    expect(coverage([{ from: 0, to: 40, owner: 'a' }, { from: 40, to: 100, owner: 'b' }], domain, order)).toEqual({ gaps: [], overlaps: [] });
  });

  it("in a cycle, a pair's overlap at the end and its overlap at the start are one, across the seam; on a line, two", () => {
    // a and b each run over the seam (split by the caller): a from 90 to 10, b from 95 to 5.
    const split = [
      { from: 0, to: 10, owner: 'a' },
      { from: 90, to: 100, owner: 'a' },
      { from: 0, to: 5, owner: 'b' },
      { from: 95, to: 100, owner: 'b' },
    ];
    expect(coverage(split, domain, order, { cyclic: true }).overlaps).toEqual([{ from: 95, to: 5, first: 'b', second: 'a' }]);
    expect(coverage(split, domain, order).overlaps).toEqual([
      { from: 0, to: 5, first: 'b', second: 'a' },
      { from: 95, to: 100, first: 'a', second: 'b' },
    ]);
    // Two overlaps of one pair that do not both touch the seam stay two.
    const apart = [
      { from: 0, to: 10, owner: 'a' },
      { from: 90, to: 100, owner: 'a' },
      { from: 5, to: 15, owner: 'b' },
      { from: 85, to: 95, owner: 'b' },
    ];
    const both = [
      { from: 5, to: 10, first: 'a', second: 'b' },
      { from: 90, to: 95, first: 'b', second: 'a' },
    ];
    expect(coverage(apart, domain, order, { cyclic: true }).overlaps).toEqual(both);
    expect(coverage(apart, domain, order).overlaps).toEqual(both);
    // A third owner is a pair of its own (with a, which reaches furthest where c starts).
    const three = [...split, { from: 92, to: 97, owner: 'c' }];
    expect(coverage(three, domain, order, { cyclic: true }).overlaps.map((o) => `${o.first}-${o.second} ${o.from}-${o.to}`)).toEqual(['b-a 95-5', 'a-c 92-97']);
  });

  it('in a cycle, every minute two owners cover is in an overlap of two owners that both cover it (owners over the seam split)', () => {
    // Each owner covers less than the whole cycle, as a weekly range covers less than a week.
    const owner = fc.tuple(fc.integer({ min: 0, max: 39 }), fc.integer({ min: 1, max: 39 }));
    fc.assert(
      fc.property(fc.array(owner, { maxLength: 6 }), (os) => {
        const covers = (i: number, x: number): boolean => (x - os[i][0] + 40) % 40 < os[i][1];
        const pieces = os.flatMap(([start, length], i) =>
          start + length <= 40 ? [{ from: start, to: start + length, owner: i }] : [{ from: start, to: 40, owner: i }, { from: 0, to: start + length - 40, owner: i }],
        );
        const { overlaps } = coverage(pieces, { from: 0, to: 40 }, order, { cyclic: true });
        const cells = (o: { from: number; to: number }): number[] => Array.from({ length: (o.to - o.from + 40) % 40 }, (_, k) => (o.from + k) % 40);
        for (let x = 0; x < 40; x++) {
          const covering = os.filter((_, i) => covers(i, x)).length;
          expect(overlaps.some((o) => cells(o).includes(x))).toBe(covering >= 2);
        }
        for (const o of overlaps) for (const x of cells(o)) expect(covers(o.first, x) && covers(o.second, x)).toBe(true);
      }),
      { seed: 11 },
    );
  });

  it('in a cycle, gaps in the middle keep their neighbours; only the ends are joined', () => {
    const pieces = [{ from: 10, to: 30, owner: 'a' }, { from: 50, to: 90, owner: 'b' }];
    expect(coverage(pieces, domain, order, { cyclic: true }).gaps).toEqual([
      { from: 30, to: 50, before: 'a', after: 'b' },
      { from: 90, to: 10, before: 'b', after: 'a' },
    ]);
    // A gap at the end only: its neighbour across the seam is the first piece.
    expect(coverage([{ from: 0, to: 30, owner: 'a' }, { from: 50, to: 90, owner: 'b' }], domain, order, { cyclic: true }).gaps).toEqual([
      { from: 30, to: 50, before: 'a', after: 'b' },
      { from: 90, to: 100, before: 'b', after: 'a' },
    ]);
    // A gap at the start only: its neighbour across the seam is the piece reaching the end.
    expect(coverage([{ from: 10, to: 30, owner: 'a' }, { from: 50, to: 100, owner: 'b' }], domain, order, { cyclic: true }).gaps).toEqual([
      { from: 0, to: 10, before: 'b', after: 'a' },
      { from: 30, to: 50, before: 'a', after: 'b' },
    ]);
  });
});

/** A contract whose credit table has one row per band, in the given order. */
function contract(rows: { bound: string; credit: number }[], target: string | null): string {
  const lines = ['contract "Generated"', 'version 1', 'effective 2026-01-01', 'time zone UTC', ''];
  if (target) lines.push('availability', `  target ${target}% per calendar month`, '');
  lines.push('credits', '  | monthly availability | credit |', ...rows.map((r) => `  | ${r.bound} | ${r.credit}% |`));
  return `${lines.join('\n')}\n`;
}

const pct = (hundredths: number): string => (hundredths / 100).toFixed(2);

/** Sorted distinct cut points strictly inside (0, top), in hundredths of a percent. */
const cuts = (top: number) => fc.uniqueArray(fc.integer({ min: 1, max: top - 1 }), { minLength: 1, maxLength: 6 }).map((xs) => [...xs].sort((a, b) => a - b));

/** Bands [0, c1), [c1, c2), ..., [ck, top) written lower-inclusive; the top band open above when top is 100%. */
function tiling(points: number[], top: number): { bound: string; credit: number; from: number; to: number }[] {
  const edges = [0, ...points, top];
  return edges.slice(0, -1).map((from, i) => {
    const to = edges[i + 1];
    const low = from === 0 ? '' : `at least ${pct(from)}%`;
    const high = to === 10000 ? '' : `below ${pct(to)}%`;
    return { bound: [low, high].filter(Boolean).join(' and '), credit: 5 * (edges.length - 1 - i), from, to };
  });
}

const creditCodes = (text: string): string[] =>
  compile(text, 'generated.sla')
    .diagnostics.map((d) => d.code)
    .filter((c) => c.startsWith('SLA30'));

describe('credit bands', () => {
  it('that tile [0, target) exactly, in any order, never warn', () => {
    fc.assert(
      fc.property(cuts(9990), fc.array(fc.nat(), { minLength: 7, maxLength: 7 }), (points, keys) => {
        const rows = tiling(points, 9990)
          .map((r, i) => ({ r, key: keys[i] }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.r);
        expect(creditCodes(contract(rows, '99.9'))).toEqual([]);
      }),
    );
  });

  it('that tile [0, 100] exactly without a target find no gap or overlap (only that no target is set)', () => {
    fc.assert(
      fc.property(cuts(10000), (points) => {
        expect(creditCodes(contract(tiling(points, 10000), null))).toEqual(['SLA3010']);
      }),
    );
  });

  it('with a planted gap always get SLA3001, and nothing else', () => {
    fc.assert(
      fc.property(cuts(9990), fc.nat(), fc.nat(), fc.boolean(), (points, at, size, pointGap) => {
        const rows = tiling(points, 9990);
        const i = 1 + (at % (rows.length - 1)); // a band that has a band below it
        const band = rows[i];
        if (pointGap) {
          // `below X` then `above X`: exactly X is uncovered.
          band.bound = band.bound.replace('at least', 'above');
        } else {
          const from = band.from + 1 + (size % (band.to - band.from - 1 || 1));
          if (from >= band.to) return;
          band.bound = band.bound.replace(`at least ${pct(band.from)}%`, `at least ${pct(from)}%`);
        }
        expect(creditCodes(contract(rows, '99.9'))).toEqual(['SLA3001']);
      }),
    );
  });

  it('with a planted overlap always get SLA3002, and nothing else', () => {
    fc.assert(
      fc.property(cuts(9990), fc.nat(), fc.nat(), fc.boolean(), (points, at, size, pointOverlap) => {
        const rows = tiling(points, 9990);
        const i = 1 + (at % (rows.length - 1));
        const below = rows[i - 1];
        if (pointOverlap) {
          // `at most X` then `at least X`: exactly X is in both (the seed's literal reading).
          below.bound = below.bound.replace(`below ${pct(below.to)}%`, `at most ${pct(below.to)}%`);
        } else {
          const band = rows[i];
          const from = band.from - 1 - (size % (band.from - below.from - 1 || 1));
          if (from <= below.from) return;
          band.bound = `at least ${pct(from)}% and below ${pct(band.to)}%`;
        }
        expect(creditCodes(contract(rows, '99.9'))).toEqual(['SLA3002']);
      }),
    );
  });
});
