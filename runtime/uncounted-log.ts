// What a period's breakdown lists as not counted besides what its availability rule dropped:
// outages whose cause the contract excludes, and maintenance its rule does not count. Kept per
// unit and month of 31 days (UTC), at most `cap` entries each plus a count of the rest, so memory
// stays flat in the number of records: a breakdown lists at most that many intervals anyway.

import type { Uncounted } from './downtime';

const BUCKET_MS = 86_400_000;

interface Bucket {
  list: Uncounted[];
  more: number;
}

export class UncountedLog {
  private readonly byUnit = new Map<string, Map<number, Bucket>>();

  constructor(private readonly cap: number) {}

  get size(): number {
    return this.byUnit.size;
  }

  /** [start, end) of `unit` ('*': every unit) did not count, for `reason`. */
  add(unit: string, start: number, end: number, reason: string): void {
    if (!(end > start)) return;
    let buckets = this.byUnit.get(unit);
    if (!buckets) this.byUnit.set(unit, (buckets = new Map()));
    // An interval is kept in every bucket it meets, so that a period finds it from its own buckets.
    const entry: Uncounted = { start, end, reason };
    for (let k = Math.floor(start / BUCKET_MS); k * BUCKET_MS < end; k++) {
      let b = buckets.get(k);
      if (!b) buckets.set(k, (b = { list: [], more: 0 }));
      if (b.list.length < this.cap) b.list.push(entry);
      else if (k === Math.floor(start / BUCKET_MS)) b.more++;
    }
  }

  /**
   * The entries of `unit` and of every unit ('*') that meet [a, b), clipped to it and in order,
   * and how many more were not kept.
   */
  within(unit: string, a: number, b: number): { list: Uncounted[]; more: number } {
    const seen = new Set<Uncounted>();
    const list: Uncounted[] = [];
    let more = 0;
    for (const key of unit === '*' ? ['*'] : [unit, '*']) {
      const buckets = this.byUnit.get(key);
      if (!buckets) continue;
      for (let k = Math.floor(a / BUCKET_MS); k * BUCKET_MS < b; k++) {
        const bucket = buckets.get(k);
        if (!bucket) continue;
        if (k * BUCKET_MS >= a) more += bucket.more;
        for (const u of bucket.list) {
          if (seen.has(u) || u.end <= a || u.start >= b) continue;
          seen.add(u);
          list.push({ start: Math.max(a, u.start), end: Math.min(b, u.end), reason: u.reason });
        }
      }
    }
    return { list: list.sort((x, y) => x.start - y.start), more };
  }
}
