// The log of excluded outages and uncounted maintenance behind the breakdowns: what it keeps does
// not depend on the order records arrive in (worker threads deliver batches out of order), it keeps
// the earliest `cap` entries of a day, and `more` counts the others by the day they start on.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Uncounted } from '../../runtime/downtime';
import { UncountedLog } from '../../runtime/uncounted-log';

const DAY = 86_400_000;
const H = 3_600_000;

describe('UncountedLog', () => {
  it('gives the entries meeting a range, clipped to it, in order, with those for every unit', () => {
    const log = new UncountedLog(10);
    log.add('dns', 10 * H, 12 * H, 'cause customer is excluded');
    log.add('*', 1 * H, 2 * H, 'inside the maintenance windows');
    log.add('compute', 3 * H, 4 * H, 'not dns');
    log.add('dns', 5 * H, 5 * H, 'empty: not kept');
    expect(log.within('dns', 0, 11 * H)).toEqual({
      list: [
        { start: 1 * H, end: 2 * H, reason: 'inside the maintenance windows' },
        { start: 10 * H, end: 11 * H, reason: 'cause customer is excluded' },
      ],
      more: 0,
    });
    expect(log.within('*', 0, DAY).list.map((u) => u.reason)).toEqual(['inside the maintenance windows']);
    expect(log.within('storage', 2 * H, 3 * H)).toEqual({ list: [], more: 0 });
  });

  it('an entry over several days is found from each of them, once', () => {
    const log = new UncountedLog(10);
    log.add('dns', DAY - H, 2 * DAY + H, 'long');
    expect(log.within('dns', DAY, 2 * DAY)).toEqual({ list: [{ start: DAY, end: 2 * DAY, reason: 'long' }], more: 0 });
    expect(log.within('dns', 0, 3 * DAY)).toEqual({ list: [{ start: DAY - H, end: 2 * DAY + H, reason: 'long' }], more: 0 });
  });

  it('keeps the earliest entries of a day; the rest are counted on the day they start', () => {
    const log = new UncountedLog(2);
    // Added latest first: still 01:00 and 02:00 are kept, 03:00 and 04:00 counted.
    for (const h of [4, 3, 2, 1]) log.add('dns', h * H, h * H + 60_000, `at ${h}`);
    expect(log.within('dns', 0, DAY)).toEqual({
      list: [
        { start: 1 * H, end: 1 * H + 60_000, reason: 'at 1' },
        { start: 2 * H, end: 2 * H + 60_000, reason: 'at 2' },
      ],
      more: 2,
    });
    // A range that cuts the day does not count its overflow (a period in another zone).
    expect(log.within('dns', H, DAY).more).toBe(0);
    expect(log.within('dns', 0, DAY - H).more).toBe(0);
    expect(log.within('dns', 0, 2 * DAY).more).toBe(2);
  });

  it('property: the same entries in any order give the same breakdown', () => {
    const entry = fc.record({ unit: fc.constantFrom('a', 'b', '*'), start: fc.integer({ min: 0, max: 3 * 48 }), len: fc.integer({ min: 0, max: 60 }), reason: fc.constantFrom('x', 'y') });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 ** 31 }), (entries, cap, seed) => {
        const shuffled = [...entries];
        let s = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) % 2 ** 31;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        const fill = (list: typeof entries): UncountedLog => {
          const log = new UncountedLog(cap);
          // Half-hours: three days of them.
          for (const e of list) log.add(e.unit, e.start * 1_800_000, (e.start + e.len) * 1_800_000, e.reason);
          return log;
        };
        const one = fill(entries);
        const two = fill(shuffled);
        for (const unit of ['a', 'b', '*']) {
          for (const [from, to] of [[0, 3 * DAY], [0, DAY], [DAY, 2 * DAY], [DAY + H, 2 * DAY]]) {
            const r = one.within(unit, from, to);
            expect(two.within(unit, from, to)).toEqual(r);
            // Never more than `cap` a day: at most cap x days listed, each clipped inside the range.
            for (const u of r.list) expect(u.start >= from && u.end <= to && u.end > u.start).toBe(true);
            const sorted = [...r.list].sort((x: Uncounted, y: Uncounted) => x.start - y.start || x.end - y.end);
            expect(r.list.map((u) => [u.start, u.end])).toEqual(sorted.map((u) => [u.start, u.end]));
          }
        }
      }),
    );
  });

  it('an entry dropped from its first day but kept on the next is listed, not also counted', () => {
    const log = new UncountedLog(1);
    log.add('a', 1 * H, 2 * H, 'first');
    log.add('a', 2 * H, DAY + 2 * H, 'spans two days');
    // Day 0 keeps `first`; day 1 keeps `spans two days`: both listed over the two days.
    expect(log.within('a', 0, 2 * DAY)).toEqual({
      list: [
        { start: 1 * H, end: 2 * H, reason: 'first' },
        { start: 2 * H, end: DAY + 2 * H, reason: 'spans two days' },
      ],
      more: 0,
    });
  });

  it('property: with room for all, every entry meeting the range is listed and nothing is counted as more', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 50 })), { maxLength: 20 }), (spans) => {
        const log = new UncountedLog(1000);
        spans.forEach(([s, l], i) => log.add('a', s * H, (s + l) * H, `r${i}`));
        const from = 24 * H;
        const to = 72 * H;
        const expected = spans
          .map(([s, l], i) => ({ start: Math.max(from, s * H), end: Math.min(to, (s + l) * H), reason: `r${i}` }))
          .filter((u) => u.end > u.start)
          .sort((x, y) => x.start - y.start || x.end - y.end || (x.reason < y.reason ? -1 : x.reason > y.reason ? 1 : 0));
        expect(log.within('a', from, to)).toEqual({ list: expected, more: 0 });
      }),
    );
  });

  it('property: what it keeps and counts is, per unit and UTC day, the earliest `cap` entries by start, end and reason', () => {
    // The model sorts every day's entries outright; the log keeps them by insertion as they come.
    type E = { unit: string; start: number; end: number; reason: string };
    const key = (u: { start: number; end: number; reason: string }) => `${String(u.start).padStart(12, '0')} ${String(u.end).padStart(12, '0')} ${u.reason}`;
    const byKey = (x: E, y: E) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0);
    function model(entries: E[], cap: number, unit: string, a: number, b: number) {
      const kept = (u: string, k: number) =>
        entries.filter((e) => e.unit === u && e.start < (k + 1) * DAY && e.end > k * DAY).sort(byKey).slice(0, cap);
      const seen = new Set<E>();
      const list: Uncounted[] = [];
      let more = 0;
      for (const u of unit === '*' ? ['*'] : [unit, '*']) {
        for (let k = Math.floor(a / DAY); k * DAY < b; k++) {
          const whole = k * DAY >= a && (k + 1) * DAY <= b;
          if (whole) more += entries.filter((e) => e.unit === u && Math.floor(e.start / DAY) === k).length;
          for (const e of kept(u, k)) {
            if (seen.has(e) || e.end <= a || e.start >= b) continue;
            seen.add(e);
            const day = Math.floor(e.start / DAY);
            if (day * DAY >= a && (day + 1) * DAY <= b) more--;
            list.push({ start: Math.max(a, e.start), end: Math.min(b, e.end), reason: e.reason });
          }
        }
      }
      return { list: list.sort((x, y) => byKey(x as E, y as E)), more };
    }
    const HALF = 1_800_000;
    const entry = fc.record({
      unit: fc.constantFrom('a', 'b', '*'),
      start: fc.integer({ min: 0, max: 3 * 48 }),
      len: fc.integer({ min: 1, max: 60 }),
      reason: fc.constantFrom('x', 'y', 'z'),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 25 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom('a', 'b', '*'),
        fc.integer({ min: 0, max: 4 * 48 }),
        fc.integer({ min: 0, max: 4 * 48 }),
        (raw, cap, unit, x, y) => {
          const entries: E[] = raw.map((e) => ({ unit: e.unit, start: e.start * HALF, end: (e.start + e.len) * HALF, reason: e.reason }));
          const log = new UncountedLog(cap);
          for (const e of entries) log.add(e.unit, e.start, e.end, e.reason);
          const [a, b] = [Math.min(x, y) * HALF, Math.max(x, y) * HALF];
          expect(log.within(unit, a, b)).toEqual(model(entries, cap, unit, a, b));
        },
      ),
      { numRuns: 500 },
    );
  });
});
