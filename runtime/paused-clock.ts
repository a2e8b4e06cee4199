// A clock with pauses: the time of a base clock (business or wall time) minus the intervals in
// which a ticket waits for a reason that stops the clock (waiting on the customer). Pauses are
// merged once; each query walks only the pauses it meets, so a ticket with k pauses costs
// O(k log n) over the base clock's O(log n).

import type { Clock } from './business-clock';
import { DUE_HORIZON_MS } from './business-clock';

/** Sorts and merges [from, to) intervals (overlapping or touching ones become one); drops empty ones. */
export function mergeIntervals(list: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = list.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

type IntervalDue = (start: number, targetMs: number, pStarts: readonly number[], pEnds: readonly number[], first: number, horizon: number) => number | null;

export class PausedClock implements Clock {
  // Plain arrays: a typed array costs more to allocate than a ticket's few pauses are worth.
  private readonly starts: number[];
  private readonly ends: number[];

  /** `pauses`: merged, sorted, disjoint [from, to) intervals (mergeIntervals); an open pause ends at Infinity. */
  constructor(
    readonly base: Clock,
    pauses: readonly [number, number][],
  ) {
    const n = pauses.length;
    // Stryker disable next-line ArrayDeclaration: every slot is assigned below; the length only presizes
    this.starts = new Array<number>(n);
    // Stryker disable next-line ArrayDeclaration: every slot is assigned below; the length only presizes
    this.ends = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      this.starts[i] = pauses[i][0];
      this.ends[i] = pauses[i][1];
    }
  }

  /** Index of the first pause that ends after t. */
  private firstEndingAfter(t: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Base time in [a, b) that falls inside pauses: what the pauses stopped. */
  pausedElapsed(a: number, b: number): number {
    let sum = 0;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: starts[length] is undefined (the comparison is false), and a pause from b on adds elapsed(b, b) = 0
    for (let i = this.firstEndingAfter(a); i < this.starts.length && this.starts[i] < b; i++) {
      sum += this.base.elapsed(Math.max(a, this.starts[i]), Math.min(b, this.ends[i]));
    }
    return sum;
  }

  elapsed(a: number, b: number): number {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: for b <= a the base clock gives 0 and so does every pause
    if (!(b > a)) return 0;
    return this.base.elapsed(a, b) - this.pausedElapsed(a, b);
  }

  due(start: number, targetMs: number, horizon = start + DUE_HORIZON_MS): number | null {
    if (targetMs === 0) {
      const t = this.nextBusinessInstant(start);
      // Stryker disable next-line ConditionalExpression: null > horizon is false
      return t !== null && t > horizon ? Number.POSITIVE_INFINITY : t;
    }
    // Stryker disable next-line EqualityOperator: a target of 0 returned above
    if (!Number.isFinite(targetMs) || targetMs < 0) throw new RangeError(`invalid target ${targetMs}`);
    // A business clock skips the pauses in its own arrays: a few binary searches.
    const fast = (this.base as { dueSkipping?: IntervalDue }).dueSkipping;
    // Stryker disable next-line ConditionalExpression: the walk below gives the same due times, only slower
    if (fast) return fast.call(this.base, start, targetMs, this.starts, this.ends, this.firstEndingAfter(start), horizon);
    let cursor = start;
    let left = targetMs;
    for (let i = this.firstEndingAfter(start); i < this.starts.length; i++) {
      const ps = this.starts[i];
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a pause that began at or before the cursor leaves a due after the cursor and takes elapsed(cursor, ps) = 0
      if (ps > cursor) {
        // The target may be used up before this pause begins: then the base clock's due stands.
        const d = this.base.due(cursor, left, horizon);
        // Stryker disable next-line ConditionalExpression: null <= ps is true, so null is returned either way
        if (d === null || d <= ps) return d;
        left -= this.base.elapsed(cursor, ps);
      }
      cursor = Math.max(cursor, this.ends[i]);
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: the base clock's due from a cursor past the horizon (or at Infinity) is Infinity too; this only stops the walk early
      if (cursor === Number.POSITIVE_INFINITY || cursor > horizon) return Number.POSITIVE_INFINITY;
    }
    return this.base.due(cursor, left, horizon);
  }

  nextBusinessInstant(t: number): number | null {
    let cur: number | null = t;
    for (;;) {
      cur = this.base.nextBusinessInstant(cur);
      // Stryker disable next-line ConditionalExpression: null compares as 0 below and the loop returns null the next time round
      if (cur === null) return null;
      const i = this.firstEndingAfter(cur);
      if (i >= this.starts.length || this.starts[i] > cur) return cur;
      if (this.ends[i] === Number.POSITIVE_INFINITY) return null;
      cur = this.ends[i];
    }
  }

  isBusinessInstant(t: number): boolean {
    if (!this.base.isBusinessInstant(t)) return false;
    const i = this.firstEndingAfter(t);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: starts[length] is undefined and the comparison false
    return !(i < this.starts.length && this.starts[i] <= t);
  }
}
