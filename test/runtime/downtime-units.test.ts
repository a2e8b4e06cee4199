// The pieces of runtime/downtime.ts a user sees through error-rate and minimum-period verdicts,
// at their edges: a fractional threshold compared exactly, request counts read back across UTC
// days and only for the minutes asked, windows in time order, and the reasons as printed.

import { describe, expect, it } from 'vitest';
import type { ErrorRateRule } from '../../compiler/ir';
import { applyMinimum, errorRateDowntime, RequestCounts } from '../../runtime/downtime';

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 1); // 2026-03-01T00:00Z, a UTC day boundary
const rule = (threshold: string, windowMinutes = 1, minRequests: number | null = null): ErrorRateRule => ({ threshold, windowMinutes, minRequests, span: { start: 0, end: 0 } });

describe('error-rate downtime', () => {
  it('compares a fractional threshold exactly: 25 of 1000 is not more than 2.5%, 26 is', () => {
    const counts = new RequestCounts();
    counts.add('api', T0, 1000, 25);
    counts.add('api', T0 + MIN, 1000, 26);
    // 2.5% of 1000 = 25: the first minute is at the threshold, not above it.
    expect(errorRateDowntime(counts, 'api', rule('2.5'), T0, T0 + 10 * MIN, T0).down).toEqual([[T0 + MIN, T0 + 2 * MIN]]);
    // 0.25%: 3 of 1000 is above (0.3%), 2 of 1000 is not (0.2%), 25 of 10000 is not (exactly 0.25%).
    const c2 = new RequestCounts();
    c2.add('api', T0, 1000, 3);
    c2.add('api', T0 + MIN, 1000, 2);
    c2.add('api', T0 + 2 * MIN, 10000, 25);
    expect(errorRateDowntime(c2, 'api', rule('0.25'), T0, T0 + 10 * MIN, T0).down).toEqual([[T0, T0 + MIN]]);
  });

  it('reads counts across UTC days, only in the asked range, and gives windows in time order', () => {
    const counts = new RequestCounts();
    // Added out of order, on both sides of midnight, and one minute outside the range.
    counts.add('api', T0 + 1440 * MIN + 5 * MIN, 10, 10); // next day 00:05
    counts.add('api', T0 - MIN, 10, 10); // 23:59 the day before: asked from T0, not read
    counts.add('api', T0 + 1439 * MIN, 10, 10); // 23:59
    counts.add('api', T0 + 3 * MIN, 10, 0); // no failures: never down
    counts.add('other', T0 + 10 * MIN, 10, 10); // another unit
    const { down, uncounted } = errorRateDowntime(counts, 'api', rule('5'), T0, T0 + 2 * 1440 * MIN, T0);
    expect(down).toEqual([
      [T0 + 1439 * MIN, T0 + 1440 * MIN],
      [T0 + 1445 * MIN, T0 + 1446 * MIN],
    ]);
    expect(uncounted).toEqual([]);
    // A range ending at 00:05 of the next day does not read the 00:05 minute.
    expect(errorRateDowntime(counts, 'api', rule('5'), T0, T0 + 1445 * MIN, T0).down).toEqual([[T0 + 1439 * MIN, T0 + 1440 * MIN]]);
  });

  it('a window above the threshold with too few requests is listed with why, and windows are clipped to the range', () => {
    const counts = new RequestCounts();
    counts.add('api', T0 + 2 * MIN, 40, 30);
    counts.add('api', T0 + 7 * MIN, 400, 300);
    const { down, uncounted } = errorRateDowntime(counts, 'api', rule('5', 5, 100), T0 + MIN, T0 + 9 * MIN, T0);
    // 5-minute windows aligned to T0: [0, 5) has 30 of 40 (fewer than 100 requests), [5, 10) 300 of 400, clipped to 9.
    expect(down).toEqual([[T0 + 5 * MIN, T0 + 9 * MIN]]);
    expect(uncounted).toEqual([{ start: T0 + MIN, end: T0 + 5 * MIN, reason: '30 of 40 requests failed in 5 minutes, more than 5%, but fewer than the 100 requests the error rate needs' }]);
    const one = errorRateDowntime(counts, 'api', rule('5', 1, 100), T0, T0 + 9 * MIN, T0);
    expect(one.uncounted[0].reason).toBe('30 of 40 requests failed in a minute, more than 5%, but fewer than the 100 requests the error rate needs');
  });
});

describe('minimum downtime period', () => {
  it('keeps episodes at least as long as the minimum, and says why the others do not count', () => {
    const { kept, dropped } = applyMinimum([[0, 4 * MIN], [10 * MIN, 15 * MIN]], 5 * MIN);
    expect(kept).toEqual([[10 * MIN, 15 * MIN]]);
    expect(dropped).toEqual([{ start: 0, end: 4 * MIN, reason: 'shorter than the minimum downtime period of 5 minutes' }]);
    expect(applyMinimum([[0, 30_000]], MIN).dropped[0].reason).toBe('shorter than the minimum downtime period of 1 minute');
  });
});
