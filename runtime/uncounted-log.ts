// What a period's breakdown lists as not counted besides what its availability rule dropped:
// outages whose cause the contract excludes, and maintenance its rule does not count. Kept per
// unit and month of 31 days (UTC), at most `cap` entries each plus a count of the rest, so memory
// stays flat in the number of records: a breakdown lists at most that many intervals anyway.

import type { Uncounted } from './downtime';

const BUCKET_MS = 86_400_000;

interface Bucket {
  /** The earliest entries meeting this day, by start, end and reason: at most `cap`. */
  list: Uncounted[];
  /** How many entries start on this day, kept or not. */
  starting: number;
}

/** Order of entries, by start, end and reason: whichever order records arrive in (worker threads), the same ones are kept. */
function order(x: Uncounted, y: Uncounted): number {
  // Stryker disable next-line EqualityOperator,ConditionalExpression: entries alike in start, end and reason are the same entry; the buckets' lists are kept in order by `before`, and the sort of their union only asks which of two sorted entries comes first
  return x.start - y.start || x.end - y.end || (x.reason < y.reason ? -1 : x.reason > y.reason ? 1 : 0);
}

function before(x: Uncounted, y: Uncounted): boolean {
  // Stryker disable next-line EqualityOperator: an entry alike in start, end and reason is the same entry, before or after
  return order(x, y) < 0;
}

export class UncountedLog {
  private readonly byUnit = new Map<string, Map<number, Bucket>>();

  constructor(private readonly cap: number) {}

  /** [start, end) of `unit` ('*': every unit) did not count, for `reason`. */
  add(unit: string, start: number, end: number, reason: string): void {
    if (!(end > start)) return;
    let buckets = this.byUnit.get(unit);
    if (!buckets) this.byUnit.set(unit, (buckets = new Map()));
    // An interval is kept in every bucket it meets, so that a period finds it from its own buckets.
    const entry: Uncounted = { start, end, reason };
    const first = Math.floor(start / BUCKET_MS);
    for (let k = first; k * BUCKET_MS < end; k++) {
      let b = buckets.get(k);
      if (!b) buckets.set(k, (b = { list: [], starting: 0 }));
      if (k === first) b.starting++;
      const list = b.list;
      // Stryker disable next-line ConditionalExpression: only saves the insertion of an entry the cap then pops
      if (list.length === this.cap && !before(entry, list[list.length - 1])) continue;
      let i = list.length;
      while (i > 0 && before(entry, list[i - 1])) i--;
      list.splice(i, 0, entry);
      if (list.length > this.cap) list.pop();
    }
  }

  /**
   * The kept entries of `unit` and of every unit ('*') that meet [a, b), clipped to it and in
   * order, and how many entries starting on the UTC days wholly inside it were not kept.
   */
  within(unit: string, a: number, b: number): { list: Uncounted[]; more: number } {
    const seen = new Set<Uncounted>();
    const list: Uncounted[] = [];
    let more = 0;
    for (const key of unit === '*' ? ['*'] : [unit, '*']) {
      const buckets = this.byUnit.get(key);
      if (!buckets) continue;
      // Stryker disable next-line EqualityOperator: the bucket starting at b holds nothing that meets [a, b) and no whole day of it
      for (let k = Math.floor(a / BUCKET_MS); k * BUCKET_MS < b; k++) {
        const bucket = buckets.get(k);
        if (!bucket) continue;
        // Entries starting on a day wholly inside the range count once there: listed, or in `more`
        // (a day the range cuts, as a period in another zone does, adds nothing to `more`).
        const whole = k * BUCKET_MS >= a && (k + 1) * BUCKET_MS <= b;
        if (whole) more += bucket.starting;
        for (const u of bucket.list) {
          if (seen.has(u) || u.end <= a || u.start >= b) continue;
          seen.add(u);
          const day = Math.floor(u.start / BUCKET_MS);
          if (day * BUCKET_MS >= a && (day + 1) * BUCKET_MS <= b) more--;
          list.push({ start: Math.max(a, u.start), end: Math.min(b, u.end), reason: u.reason });
        }
      }
    }
    return { list: list.sort(order), more };
  }
}
