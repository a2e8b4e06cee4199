// The clock with pauses (runtime/paused-clock.ts) over a base clock that is not a business clock:
// the general path, which walks the pauses itself (a business clock skips them in its own arrays,
// and business-clock.test.ts checks that path against its minute oracle). The base here counts
// the first 10 ms of every 20 (times are small integers of milliseconds), so pauses meet counted
// and uncounted time alike; a brute-force oracle steps one millisecond at a time.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Clock, wallClock } from '../../runtime/business-clock';
import { mergeIntervals, PausedClock } from '../../runtime/paused-clock';

/** Counted ms in [0, x): the first 10 of every 20. */
const countedBefore = (x: number) => Math.floor(x / 20) * 10 + Math.min(x % 20, 10);
const counted = (t: number) => t % 20 < 10;

/** The base clock, without `dueSkipping`: PausedClock must walk the pauses itself. */
const halfClock: Clock = {
  elapsed: (a, b) => (b > a ? countedBefore(b) - countedBefore(a) : 0),
  due(start, target, horizon = Number.POSITIVE_INFINITY) {
    if (target === 0) return this.nextBusinessInstant(start);
    const goal = countedBefore(start) + target;
    let t = start;
    while (countedBefore(t) < goal) t++;
    return t > horizon ? Number.POSITIVE_INFINITY : t;
  },
  nextBusinessInstant: (t) => (counted(t) ? t : Math.ceil(t / 20) * 20),
  isBusinessInstant: counted,
};

const LIMIT = 5000;

/** Brute force over integer milliseconds: counted by the base and in no pause. */
class Oracle {
  constructor(
    private readonly base: (t: number) => boolean,
    private readonly pauses: readonly (readonly [number, number])[],
  ) {}

  counts(t: number): boolean {
    return this.base(t) && !this.pauses.some(([a, b]) => a <= t && t < b);
  }

  elapsed(a: number, b: number): number {
    let n = 0;
    for (let t = a; t < b; t++) if (this.counts(t)) n++;
    return n;
  }

  /** The first t with `target` counted ms in [start, t) (for 0: the first counted instant); null past LIMIT. */
  due(start: number, target: number): number | null {
    let n = 0;
    for (let t = start; t < LIMIT; t++) {
      if (target === 0 && this.counts(t)) return t;
      if (this.counts(t) && ++n === target) return t + 1;
    }
    return null;
  }
}

const pausesArb = fc.array(fc.tuple(fc.nat({ max: 400 }), fc.nat({ max: 80 })), { maxLength: 5 }).map((l) => l.map(([a, len]) => [a, a + len] as [number, number]));

describe('mergeIntervals', () => {
  it('sorts, merges overlapping and touching intervals, and drops empty ones', () => {
    expect(
      mergeIntervals([
        [50, 60],
        [10, 20],
        [20, 25],
        [5, 5],
        [30, 29],
        [12, 15],
        [55, 70],
      ]),
    ).toEqual([
      [10, 25],
      [50, 70],
    ]);
  });

  it('keeps intervals a millisecond apart separate, and an interval inside another adds nothing', () => {
    expect(
      mergeIntervals([
        [0, 10],
        [11, 12],
        [2, 3],
      ]),
    ).toEqual([
      [0, 10],
      [11, 12],
    ]);
  });

  it('does not change the list it is given', () => {
    const list: [number, number][] = [
      [5, 6],
      [1, 2],
    ];
    mergeIntervals(list);
    expect(list).toEqual([
      [5, 6],
      [1, 2],
    ]);
  });
});

describe('pauses over a base clock without its own pause skipping', () => {
  it('due agrees with the millisecond oracle', () => {
    fc.assert(
      fc.property(pausesArb, fc.nat({ max: 300 }), fc.nat({ max: 200 }), (pauses, start, target) => {
        const merged = mergeIntervals(pauses);
        expect(new PausedClock(halfClock, merged).due(start, target)).toBe(new Oracle(counted, merged).due(start, target));
      }),
      { numRuns: 400 },
    );
  });

  it('elapsed, isBusinessInstant and nextBusinessInstant agree with the oracle', () => {
    fc.assert(
      fc.property(pausesArb, fc.nat({ max: 500 }), fc.nat({ max: 500 }), (pauses, a, b) => {
        const merged = mergeIntervals(pauses);
        const clock = new PausedClock(halfClock, merged);
        const oracle = new Oracle(counted, merged);
        expect(clock.elapsed(a, b)).toBe(oracle.elapsed(a, b));
        expect(clock.isBusinessInstant(a)).toBe(oracle.counts(a));
        expect(clock.nextBusinessInstant(a)).toBe(oracle.due(a, 0));
      }),
      { numRuns: 400 },
    );
  });

  it('over the wall clock too, where every instant outside a pause counts', () => {
    fc.assert(
      fc.property(pausesArb, fc.nat({ max: 300 }), fc.nat({ max: 300 }), (pauses, start, target) => {
        const merged = mergeIntervals(pauses);
        const clock = new PausedClock(wallClock, merged);
        const oracle = new Oracle(() => true, merged);
        expect(clock.due(start, target)).toBe(oracle.due(start, target));
        expect(clock.elapsed(start, start + target)).toBe(oracle.elapsed(start, start + target));
      }),
      { numRuns: 300 },
    );
  });

  it('a due that falls exactly where a pause begins is that instant, not the pause end', () => {
    const clock = new PausedClock(wallClock, [[100, 150]]);
    expect(clock.due(40, 60)).toBe(100);
    expect(clock.due(40, 61)).toBe(151);
    // On the half clock: from 0, 10 counted ms end at 10; a pause [10, 30) starts right there.
    expect(new PausedClock(halfClock, [[10, 30]]).due(0, 10)).toBe(10);
    expect(new PausedClock(halfClock, [[10, 30]]).due(0, 11)).toBe(41);
  });

  it('an instant at a pause start is paused, one at its end counts again', () => {
    const clock = new PausedClock(wallClock, [
      [100, 150],
      [200, 210],
    ]);
    expect([clock.isBusinessInstant(99), clock.isBusinessInstant(100), clock.isBusinessInstant(149), clock.isBusinessInstant(150)]).toEqual([true, false, false, true]);
    expect([clock.nextBusinessInstant(100), clock.nextBusinessInstant(205), clock.nextBusinessInstant(210)]).toEqual([150, 210, 210]);
    expect(clock.pausedElapsed(0, 1000)).toBe(60);
    expect(clock.pausedElapsed(120, 205)).toBe(35);
    expect([clock.elapsed(120, 205), clock.elapsed(205, 120), clock.elapsed(150, 150)]).toEqual([50, 0, 0]);
  });

  it('an open pause (waiting with no end): due and the next counted instant never come', () => {
    const clock = new PausedClock(wallClock, [[100, Number.POSITIVE_INFINITY]]);
    expect(clock.due(40, 100)).toBe(Number.POSITIVE_INFINITY);
    expect(clock.due(40, 60)).toBe(100);
    expect(clock.due(120, 0)).toBeNull();
    expect(clock.nextBusinessInstant(100)).toBeNull();
    expect(clock.isBusinessInstant(5000)).toBe(false);
    expect(new PausedClock(halfClock, [[100, Number.POSITIVE_INFINITY]]).due(0, 60)).toBe(Number.POSITIVE_INFINITY);
  });

  it('past the horizon the due is Infinity: after a pause that ends beyond it, or on the base clock', () => {
    const clock = new PausedClock(wallClock, [[100, 1000]]);
    expect(clock.due(0, 200, 999)).toBe(Number.POSITIVE_INFINITY);
    expect(clock.due(0, 200, 1000)).toBe(Number.POSITIVE_INFINITY); // 1100 > 1000
    expect(clock.due(0, 200, 1100)).toBe(1100);
    expect(clock.due(0, 50, 60)).toBe(50);
    // A target of zero inside a pause: the pause end, unless that is past the horizon.
    expect(clock.due(500, 0, 1000)).toBe(1000);
    expect(clock.due(500, 0, 999)).toBe(Number.POSITIVE_INFINITY);
    // On the half clock: 50 ms counted before the pause, 50 after it (1000 to 1090).
    expect(new PausedClock(halfClock, [[100, 1000]]).due(0, 100, 1500)).toBe(1090);
    expect(new PausedClock(halfClock, [[100, 1000]]).due(0, 100, 1050)).toBe(Number.POSITIVE_INFINITY);
  });

  it('a target that is negative or not finite is refused', () => {
    const clock = new PausedClock(wallClock, []);
    expect(() => clock.due(0, -1)).toThrow('invalid target -1');
    expect(() => clock.due(0, Number.NaN)).toThrow('invalid target NaN');
    expect(() => clock.due(0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
