// What a downtime minute is, per the contract's definitions: request counts per minute turned into
// error-rate downtime windows, a minimum downtime period that drops shorter episodes, and the
// measurement that turns downtime into minutes of a period (exact, slots, full or started minutes).
// Exact integer arithmetic on counts; instants in epoch ms.

import type { Availability, ErrorRateRule, Measurement } from '../compiler/ir';
import { IntervalUnion } from './periods-intervals';

const MINUTE = 60_000;
const DAY_MINUTES = 1440;

/**
 * Requests and failures per unit and minute, in one typed array per unit and UTC day: memory grows
 * with the time the log spans (16 bytes a minute a unit), not with the number of records.
 */
export class RequestCounts {
  private readonly days = new Map<string, Map<number, Float64Array>>();

  get empty(): boolean {
    return this.days.size === 0;
  }

  /** Counts a record in the minute its start falls in. */
  add(unit: string, start: number, total: number, failed: number): void {
    const minute = Math.floor(start / MINUTE);
    const day = Math.floor(minute / DAY_MINUTES);
    let byDay = this.days.get(unit);
    if (!byDay) this.days.set(unit, (byDay = new Map()));
    let a = byDay.get(day);
    if (!a) byDay.set(day, (a = new Float64Array(2 * DAY_MINUTES)));
    const i = 2 * (minute - day * DAY_MINUTES);
    a[i] += total;
    a[i + 1] += failed;
  }

  /** Calls `visit` with each minute in [from, to) that has requests, in order. */
  each(unit: string, from: number, to: number, visit: (minuteStart: number, total: number, failed: number) => void): void {
    const byDay = this.days.get(unit);
    if (!byDay) return;
    const first = Math.floor(from / MINUTE);
    const last = Math.ceil(to / MINUTE);
    for (let day = Math.floor(first / DAY_MINUTES); day * DAY_MINUTES < last; day++) {
      const a = byDay.get(day);
      if (!a) continue;
      const lo = Math.max(first, day * DAY_MINUTES);
      const hi = Math.min(last, (day + 1) * DAY_MINUTES);
      for (let m = lo; m < hi; m++) {
        const i = 2 * (m - day * DAY_MINUTES);
        if (a[i] > 0) visit(m * MINUTE, a[i], a[i + 1]);
      }
    }
  }
}

/** An interval that did not count, with why. */
export interface Uncounted {
  start: number;
  end: number;
  reason: string;
}

/** `failed / total > threshold%`, exactly: failed x 100 x d > n x total for threshold n/d. */
function above(failed: number, total: number, threshold: string): boolean {
  const [int, frac = ''] = threshold.split('.');
  const n = BigInt(int + frac);
  const d = 10n ** BigInt(frac.length);
  return BigInt(failed) * 100n * d > n * BigInt(total);
}

/**
 * The windows of `rule` in [from, to) (aligned to `align`, the period's start) whose failed share is
 * above the threshold: down. Windows above it with fewer requests than the rule asks for do not count.
 */
export function errorRateDowntime(counts: RequestCounts, unit: string, rule: ErrorRateRule, from: number, to: number, align: number): { down: [number, number][]; uncounted: Uncounted[] } {
  const size = rule.windowMinutes * MINUTE;
  const windows = new Map<number, [number, number]>();
  counts.each(unit, from, to, (t, total, failed) => {
    const k = Math.floor((t - align) / size);
    const w = windows.get(k);
    if (w) {
      w[0] += total;
      w[1] += failed;
    } else windows.set(k, [total, failed]);
  });
  const down: [number, number][] = [];
  const uncounted: Uncounted[] = [];
  const per = rule.windowMinutes === 1 ? 'a minute' : `${rule.windowMinutes} minutes`;
  for (const k of [...windows.keys()].sort((a, b) => a - b)) {
    const [total, failed] = windows.get(k)!;
    if (!above(failed, total, rule.threshold)) continue;
    const s = Math.max(from, align + k * size);
    const e = Math.min(to, align + (k + 1) * size);
    if (rule.minRequests !== null && total < rule.minRequests) {
      uncounted.push({ start: s, end: e, reason: `${failed} of ${total} requests failed in ${per}, more than ${rule.threshold}%, but fewer than the ${rule.minRequests} requests the error rate needs` });
    } else down.push([s, e]);
  }
  return { down, uncounted };
}

/** Drops the episodes (maximal runs of downtime) shorter than `minimum` ms. */
export function applyMinimum(pieces: [number, number][], minimum: number): { kept: [number, number][]; dropped: Uncounted[] } {
  const kept: [number, number][] = [];
  const dropped: Uncounted[] = [];
  const minutes = minimum / MINUTE;
  for (const [s, e] of pieces) {
    if (e - s >= minimum) kept.push([s, e]);
    else dropped.push({ start: s, end: e, reason: `shorter than the minimum downtime period of ${minutes} minute${minutes === 1 ? '' : 's'}` });
  }
  return { kept, dropped };
}

/** The downtime of [start, end) in ms as the measurement counts it; `pieces` are disjoint, sorted and inside it. */
export function measuredDowntime(pieces: readonly [number, number][], m: Measurement, start: number, end: number): number {
  if (m.kind === 'exact') {
    let d = 0;
    for (const [s, e] of pieces) d += e - s;
    return d;
  }
  if (m.kind === 'full-minutes') {
    // Whole minutes (aligned to the period's start) inside a piece; pieces that touch are one piece already.
    let d = 0;
    for (const [s, e] of pieces) {
      const first = Math.ceil((s - start) / MINUTE);
      const last = Math.floor((e - start) / MINUTE);
      if (last > first) d += (last - first) * MINUTE;
    }
    return d;
  }
  // Any downtime inside a slot of N minutes (aligned to the period's start) marks the whole slot.
  const slot = (m.kind === 'slots' ? m.minutes : 1) * MINUTE;
  let d = 0;
  let lastSlot = -1;
  for (const [s, e] of pieces) {
    const first = Math.max(Math.floor((s - start) / slot), lastSlot + 1);
    const last = Math.floor((e - 1 - start) / slot);
    for (let i = first; i <= last; i++) d += Math.min(slot, end - (start + i * slot));
    lastSlot = Math.max(lastSlot, last);
  }
  return d;
}

/** Whether the rule defines downtime beyond plain outages (then periods list what did and did not count). */
export function definesDowntime(a: Availability): boolean {
  return !!a.minimumMs || (a.errorRates?.length ?? 0) > 0;
}

/** The union of sorted piece lists. */
export function unionOf(...lists: (readonly [number, number][])[]): [number, number][] {
  const u = new IntervalUnion();
  for (const l of lists) for (const [s, e] of l) u.add(s, e);
  return u.clip(-Infinity, Infinity);
}
