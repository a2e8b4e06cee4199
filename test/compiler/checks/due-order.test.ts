// The due-order index that keeps the consistency checks near-linear, against the plain reading of
// compareDue: for a target d and a range of a column, the first target always due before (or
// after) d and how many there are, found by comparing d with every target in turn. Targets mix
// wall-clock time, business time of two calendars (one of them 24x7, which counts as wall time),
// `none` and business days of unknown length, with many equal lengths so that ties are common.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDue, DueIndex, firstPositions, wallLikeCalendars } from '../../../compiler/checks/due-order';
import { compile } from '../../../compiler/compile';
import type { Duration } from '../../../compiler/ir';

const HOUR = 3_600_000;

function duration(hours: number | null, calendar: string | null): Duration {
  return { amount: String(hours ?? 1), unit: 'hour', calendar, ms: hours === null ? null : hours * HOUR, span: { start: 0, end: 0 } };
}

const wall = (h: number | null): Duration => duration(h, null);
const office = (h: number | null): Duration => duration(h, 'office');
const always = (h: number): Duration => duration(h, 'always');
const wallLike = (id: string): boolean => id === 'always';

describe('compareDue: when one target is always due before another', () => {
  it('on one clock compares lengths, equal lengths are the same due time', () => {
    expect(compareDue(wall(2), wall(3))).toBe('earlier');
    expect(compareDue(wall(3), wall(2))).toBe('later');
    expect(compareDue(wall(2), wall(2))).toBe('same');
    expect(compareDue(office(4), office(4))).toBe('same');
    expect(compareDue(office(5), office(4))).toBe('later');
  });

  it('business time never runs faster than wall time: longer or equal business is later, shorter or equal wall is earlier', () => {
    expect(compareDue(office(4), wall(4))).toBe('later');
    expect(compareDue(office(5), wall(4))).toBe('later');
    expect(compareDue(office(3), wall(4))).toBeNull();
    expect(compareDue(wall(4), office(4))).toBe('earlier');
    expect(compareDue(wall(3), office(4))).toBe('earlier');
    expect(compareDue(wall(5), office(4))).toBeNull();
  });

  it('two business calendars, or a length that is not known, decide nothing', () => {
    expect(compareDue(office(1), duration(8, 'support'))).toBeNull();
    expect(compareDue(office(null), wall(1))).toBeNull();
    expect(compareDue(wall(1), office(null))).toBeNull();
  });

  it('a 24x7 calendar without holidays counts as the wall clock', () => {
    expect(compareDue(always(4), wall(4), wallLike)).toBe('same');
    expect(compareDue(always(4), wall(4))).toBe('later');
    expect(compareDue(always(3), office(4), wallLike)).toBe('earlier');
  });
});

describe('wallLikeCalendars: 24x7 calendars with no holidays of any kind', () => {
  const text = (extra: string): string =>
    [
      'contract "Clocks"',
      'version 1',
      'effective 2026-01-01',
      'time zone UTC',
      'calendar always "Always"',
      '  monday to sunday 00:00 to 24:00',
      ...(extra ? [extra] : []),
      'calendar office "Office"',
      '  monday to friday 08:00 to 18:00',
      'causes',
      '  counted provider',
      '',
    ].join('\n');

  it('is wall time only when nothing is taken out of it', () => {
    const plain = wallLikeCalendars(compile(text(''), 'c.sla').contract!);
    expect([plain('always'), plain('office'), plain('nothing')]).toEqual([true, false, false]);
    for (const extra of ['  public holidays of CO', '  holiday 2026-05-01 "Labour day"', '  public holidays of CO\n  pinned holidays 2026: 2026-01-01', '  pinned holidays 2026: 2026-01-01']) {
      const c = compile(text(extra), 'c.sla');
      const cal = c.contract!.calendars.find((k) => k.id === 'always')!;
      // The line is read as holidays of some kind, and then the calendar is no longer wall time.
      expect(cal.holidayCountry !== null || cal.added.length + cal.pinned.length > 0, extra).toBe(true);
      expect(wallLikeCalendars(c.contract!)('always'), extra).toBe(false);
    }
  });
});

const durationArb: fc.Arbitrary<Duration | null> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 9, arbitrary: fc.integer({ min: 0, max: 6 }) }), fc.constantFrom(null, 'office', 'support', 'always'))
      .map(([h, cal]) => duration(h, cal)),
  },
);

const caseArb = fc
  .array(durationArb, { maxLength: 40 })
  .chain((column) =>
    fc.record({
      column: fc.constant(column),
      d: durationArb.filter((x): x is Duration => x !== null),
      lo: fc.integer({ min: 0, max: column.length }),
      hi: fc.integer({ min: 0, max: column.length }),
    }),
  );

describe('DueIndex: the same answers as comparing with every target', () => {
  const brute = (column: (Duration | null)[], d: Duration, order: 'earlier' | 'later'): number[] =>
    column.flatMap((t, i) => (t && compareDue(d, t, wallLike) === (order === 'earlier' ? 'later' : 'earlier') ? [i] : []));

  it('first always-earlier and always-later target in a range, and how many in all', () => {
    fc.assert(
      fc.property(caseArb, ({ column, d, lo, hi }) => {
        const index = new DueIndex(column, wallLike);
        const earlier = brute(column, d, 'earlier');
        const later = brute(column, d, 'later');
        const inRange = (ps: number[]): number => ps.find((p) => p >= lo && p < hi) ?? -1;
        expect(index.firstEarlier(d, lo, hi)).toBe(inRange(earlier));
        expect(index.firstLater(d, lo, hi)).toBe(inRange(later));
        expect(index.countEarlier(d)).toBe(earlier.length);
        expect(index.countLater(d)).toBe(later.length);
        expect(firstPositions((from) => index.firstEarlier(d, from, column.length), 3)).toEqual(earlier.slice(0, 3));
        expect(firstPositions((from) => index.firstLater(d, from, column.length), 100)).toEqual(later);
      }),
      { numRuns: 400 },
    );
  });

  it('a target of unknown length is never before or after anything', () => {
    // A wall target of no time is the one a length of 0 would find.
    const index = new DueIndex([wall(1), office(2), wall(9), wall(0)], wallLike);
    const unknown = office(null);
    expect([index.firstEarlier(unknown, 0, 4), index.firstLater(unknown, 0, 4), index.countEarlier(unknown), index.countLater(unknown)]).toEqual([-1, -1, 0, 0]);
  });

  it('ties: an equal wall target is earlier than a business one, an equal one on the same clock is neither', () => {
    // Column: wall 4, office 4, always 4 (wall time), wall 3, office 5.
    const index = new DueIndex([wall(4), office(4), always(4), wall(3), office(5)], wallLike);
    expect(index.countEarlier(office(4))).toBe(3); // wall 4, always 4, wall 3
    expect(index.firstEarlier(office(4), 0, 5)).toBe(0);
    expect(index.firstEarlier(office(4), 1, 5)).toBe(2);
    expect(index.countLater(wall(4))).toBe(2); // office 4, office 5
    expect(index.firstLater(wall(4), 0, 5)).toBe(1);
    expect(index.firstLater(wall(4), 2, 4)).toBe(-1);
    expect(index.countEarlier(wall(4))).toBe(1); // wall 3
    expect(index.countLater(office(4))).toBe(1); // office 5
  });

  it('a range that is empty, or lies past the column, finds nothing', () => {
    const index = new DueIndex([wall(1), wall(2)], wallLike);
    expect([index.firstEarlier(wall(5), 1, 1), index.firstEarlier(wall(5), 2, 9), index.firstLater(wall(0), 1, 0)]).toEqual([-1, -1, -1]);
    expect(firstPositions(() => -1, 5)).toEqual([]);
    expect(firstPositions((from) => from, 0)).toEqual([]);
  });
});
