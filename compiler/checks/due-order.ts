// How the due times of two targets compare when that can be decided statically, and an index that
// answers "which of these targets is always due before (or after) this one" in logarithmic time,
// so that comparing every target with every other one of a table stays near-linear.

import type { Contract, Duration } from '../ir';

export type DueOrder = 'earlier' | 'same' | 'later';

/** Calendars whose business time is wall time (24x7 with no holidays): they count as the wall clock. */
export type WallLike = (calendar: string) => boolean;

/**
 * How the due time of target `a` compares with that of `b` for every incident, when that can be
 * decided statically. Same clock (both wall time, or both business time of one calendar): compare
 * their lengths. Business time never runs faster than wall time, so a business target longer than
 * a wall-clock one is always due later (and a shorter wall-clock one always earlier). Anything else
 * depends on when the incident opens: null.
 */
// Stryker disable next-line ArrowFunction: undefined is as false as false
export function compareDue(a: Duration, b: Duration, wallLike: WallLike = () => false): DueOrder | null {
  if (a.ms === null || b.ms === null) return null;
  const ca = clockOf(a, wallLike);
  const cb = clockOf(b, wallLike);
  if (ca === cb) return a.ms < b.ms ? 'earlier' : a.ms > b.ms ? 'later' : 'same';
  // Business time pauses (nights, weekends, holidays): the same amount of it ends later.
  // The clocks differ here, so one of each pair of tests implies the other.
  // Stryker disable next-line ConditionalExpression: see above
  if (ca !== null && cb === null && a.ms >= b.ms) return 'later';
  // Stryker disable next-line ConditionalExpression: see above
  if (ca === null && cb !== null && a.ms <= b.ms) return 'earlier';
  return null;
}

/** The clock a duration counts on: its calendar, or null for the wall clock. */
function clockOf(d: Duration, wallLike: WallLike): string | null {
  // Stryker disable next-line ConditionalExpression: no calendar has the id null, so null stays null
  return d.calendar !== null && !wallLike(d.calendar) ? d.calendar : null;
}

/** Calendars of the contract whose business time is wall time: 24x7 with no holidays. */
export function wallLikeCalendars(c: Contract): WallLike {
  const ids = new Set(c.calendars.filter((k) => k.allDay && k.holidayCountry === null && k.added.length === 0 && k.pinned.length === 0).map((k) => k.id));
  return (id) => ids.has(id);
}

/**
 * Minimum and maximum of every aligned block of a sequence (a segment tree), to find the first
 * position of a range whose value lies below or above a bound without visiting the others.
 */
class Extremes {
  private readonly size: number;
  private readonly lows: Float64Array;
  private readonly highs: Float64Array;

  constructor(values: readonly number[]) {
    let size = 1;
    // Stryker disable next-line EqualityOperator: a tree twice as large answers alike
    while (size < values.length) size *= 2;
    this.size = size;
    this.lows = new Float64Array(2 * size).fill(Infinity);
    // Stryker disable next-line UnaryOperator: padding lies past every range asked about; only the search is longer
    this.highs = new Float64Array(2 * size).fill(-Infinity);
    values.forEach((v, i) => {
      this.lows[size + i] = v;
      this.highs[size + i] = v;
    });
    for (let i = size - 1; i >= 1; i--) {
      this.lows[i] = Math.min(this.lows[2 * i], this.lows[2 * i + 1]);
      this.highs[i] = Math.max(this.highs[2 * i], this.highs[2 * i + 1]);
    }
  }

  /** The first position in [lo, hi) whose value is below `x` (`side` -1) or above it (+1), or at it when `inclusive`; -1 if none. */
  first(lo: number, hi: number, x: number, side: -1 | 1, inclusive: boolean): number {
    const fits = (node: number): boolean => {
      // `side` is -1 or +1, never 0.
      // Stryker disable next-line EqualityOperator: see above
      const v = side < 0 ? this.lows[node] : this.highs[node];
      // Stryker disable next-line EqualityOperator: see above
      return side < 0 ? v < x || (inclusive && v === x) : v > x || (inclusive && v === x);
    };
    const search = (node: number, from: number, to: number): number => {
      if (to <= lo || from >= hi || !fits(node)) return -1;
      if (to - from === 1) return from;
      const mid = (from + to) >> 1;
      const left = search(2 * node, from, mid);
      return left >= 0 ? left : search(2 * node + 1, mid, to);
    };
    return search(1, 0, this.size);
  }
}

/** The targets of one clock: their positions in the sequence, their lengths, and the lengths sorted. */
interface ClockGroup {
  positions: number[];
  extremes: Extremes;
  sorted: number[];
}

/** How many of the sorted values lie below `x` (or at it, when `inclusive`). */
function countBelow(sorted: readonly number[], x: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x || (inclusive && sorted[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index of `positions` (sorted) at or after `p`. */
function lowerBound(positions: readonly number[], p: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid] < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A sequence of targets (a table column in rank order, the cells of an objective...) that answers,
 * for a duration d, which positions hold a target always due before d or always due after it, in
 * the sense of compareDue. Positions without a duration of known length never match.
 */
export class DueIndex {
  private readonly groups = new Map<string | null, ClockGroup>();

  constructor(durations: readonly (Duration | null | undefined)[], private readonly wallLike: WallLike) {
    const lists = new Map<string | null, { positions: number[]; values: number[] }>();
    durations.forEach((d, i) => {
      if (!d || d.ms === null) return;
      const key = clockOf(d, wallLike);
      let list = lists.get(key);
      if (!list) lists.set(key, (list = { positions: [], values: [] }));
      list.positions.push(i);
      list.values.push(d.ms);
    });
    for (const [key, { positions, values }] of lists) {
      this.groups.set(key, { positions, extremes: new Extremes(values), sorted: [...values].sort((a, b) => a - b) });
    }
  }

  /** The first position in [lo, hi) whose target is always due before `d` (compareDue(d, it) is 'later'); -1 if none. */
  firstEarlier(d: Duration, lo: number, hi: number): number {
    // Stryker disable next-line ConditionalExpression: with no length the search finds nothing either way (nothing is below or equal to null)
    if (d.ms === null) return -1;
    const key = clockOf(d, this.wallLike);
    const found = [this.first(key, lo, hi, d.ms, -1, false)];
    if (key !== null) found.push(this.first(null, lo, hi, d.ms, -1, true));
    return earliest(found);
  }

  /** The first position in [lo, hi) whose target is always due after `d` (compareDue(d, it) is 'earlier'); -1 if none. */
  firstLater(d: Duration, lo: number, hi: number): number {
    if (d.ms === null) return -1;
    const key = clockOf(d, this.wallLike);
    const found = [this.first(key, lo, hi, d.ms, 1, false)];
    if (key === null) for (const k of this.groups.keys()) if (k !== null) found.push(this.first(k, lo, hi, d.ms, 1, true));
    return earliest(found);
  }

  /** How many targets are always due before `d`. */
  countEarlier(d: Duration): number {
    // Stryker disable next-line ConditionalExpression: with no length the search finds nothing either way (nothing is below or equal to null)
    if (d.ms === null) return 0;
    const key = clockOf(d, this.wallLike);
    const same = this.groups.get(key);
    let n = same ? countBelow(same.sorted, d.ms, false) : 0;
    const wall = key !== null ? this.groups.get(null) : undefined;
    if (wall) n += countBelow(wall.sorted, d.ms, true);
    return n;
  }

  /** How many targets are always due after `d`. */
  countLater(d: Duration): number {
    if (d.ms === null) return 0;
    const key = clockOf(d, this.wallLike);
    const same = this.groups.get(key);
    let n = same ? same.sorted.length - countBelow(same.sorted, d.ms, true) : 0;
    if (key === null) for (const [k, g] of this.groups) if (k !== null) n += g.sorted.length - countBelow(g.sorted, d.ms, false);
    return n;
  }

  private first(key: string | null, lo: number, hi: number, x: number, side: -1 | 1, inclusive: boolean): number {
    const g = this.groups.get(key);
    if (!g) return -1;
    const i = g.extremes.first(lowerBound(g.positions, lo), lowerBound(g.positions, hi), x, side, inclusive);
    // Stryker disable next-line ConditionalExpression: positions[-1] is undefined, which `earliest` drops as it drops -1
    return i < 0 ? -1 : g.positions[i];
  }
}

function earliest(positions: number[]): number {
  const found = positions.filter((p) => p >= 0);
  return found.length ? Math.min(...found) : -1;
}

/** The first `limit` positions that `next(from)` finds, from position 0 on, one query each. */
export function firstPositions(next: (from: number) => number, limit: number): number[] {
  const out: number[] = [];
  for (let from = 0; out.length < limit; ) {
    const p = next(from);
    if (p < 0) break;
    out.push(p);
    from = p + 1;
  }
  return out;
}
