// Deadlines that are dates (runtime/deadlines.ts): the last day of a claim window or of a report's
// deadline, N days or N business days after a date. Business days are dates with business time on
// the named calendar, counted in that calendar's zone; wall durations count whole days of 24 hours.

import { describe, expect, it } from 'vitest';
import type { Duration } from '../../compiler/ir';
import { wallClock } from '../../runtime/business-clock';
import type { CompiledContract } from '../../runtime/contract';
import { dateAfter } from '../../runtime/deadlines';
import { versionsOf } from '../helpers/evaluate';

// Two calendars, Monday to Friday: `office` in the contract's zone (UTC), `tokyo` in Asia/Tokyo
// (UTC+9), listed second so that finding the first calendar instead of the named one shows.
const contract = versionsOf(
  `contract "Deadlines"
version 1
effective 2025-01-01
time zone UTC

calendar office
  monday to friday 09:00 to 17:00

calendar tokyo in Asia/Tokyo
  monday to friday 09:00 to 17:00

availability
  target 99.9% per calendar month
`,
  'deadlines.sla',
).latest;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function duration(amount: string, unit: Duration['unit'], calendar: string | null, ms: number | null): Duration {
  return { amount, unit, calendar, ms, span: { start: 0, end: 0 } };
}

describe('wall-clock durations', () => {
  it('N days after a date is the date N days later, across a month end', () => {
    expect(dateAfter('2026-03-31', duration('2', 'day', null, 2 * DAY), contract)).toEqual({ date: '2026-04-02' });
    expect(dateAfter('2026-02-27', duration('30', 'day', null, 30 * DAY), contract)).toEqual({ date: '2026-03-29' });
  });

  it('hours count whole days only: 36 hours after a date is the next date, 47 hours too, 48 the one after', () => {
    expect(dateAfter('2026-03-31', duration('36', 'hour', null, 36 * HOUR), contract)).toEqual({ date: '2026-04-01' });
    expect(dateAfter('2026-03-31', duration('47', 'hour', null, 47 * HOUR), contract)).toEqual({ date: '2026-04-01' });
    expect(dateAfter('2026-03-31', duration('48', 'hour', null, 48 * HOUR), contract)).toEqual({ date: '2026-04-02' });
  });

  it('a duration of unknown length is not counted, and says which', () => {
    expect(dateAfter('2026-03-31', duration('3', 'day', null, null), contract)).toEqual({ reason: '3 days cannot be counted' });
  });
});

describe('business days', () => {
  it('the Nth date with business time after the date: Tuesday 2026-03-31 + 5 business days is Tuesday 2026-04-07', () => {
    expect(dateAfter('2026-03-31', duration('5', 'day', 'office', null), contract)).toEqual({ date: '2026-04-07' });
    // From a Friday, one business day is the Monday.
    expect(dateAfter('2026-04-03', duration('1', 'day', 'office', null), contract)).toEqual({ date: '2026-04-06' });
  });

  it("are counted in the calendar's own zone: one Tokyo business day after 2026-03-31 is 2026-04-01 in Tokyo", () => {
    // Counted in UTC, the Tokyo business day's midnight (2026-03-31 15:00 UTC) would print as 2026-03-31.
    expect(dateAfter('2026-03-31', duration('1', 'day', 'tokyo', null), contract)).toEqual({ date: '2026-04-01' });
    expect(dateAfter('2026-03-31', duration('1', 'day', 'office', null), contract)).toEqual({ date: '2026-04-01' });
    expect(dateAfter('2026-04-03', duration('1', 'day', 'tokyo', null), contract)).toEqual({ date: '2026-04-06' });
  });

  it('only whole business days: hours or a fraction of a day on a calendar are refused with the reason', () => {
    expect(dateAfter('2026-03-31', duration('4', 'hour', 'office', 4 * HOUR), contract)).toEqual({
      reason: 'a deadline on calendar office is counted in whole business days, not 4 business hours',
    });
    expect(dateAfter('2026-03-31', duration('1.5', 'day', 'office', null), contract)).toEqual({
      reason: 'a deadline on calendar office is counted in whole business days, not 1.5 business days',
    });
  });

  it('10,000 business days are counted (2,000 weeks: Tuesday to Tuesday), 10,001 are not searched', () => {
    expect(dateAfter('2026-03-31', duration('10000', 'day', 'office', null), contract)).toEqual({ date: '2064-07-29' });
    expect(dateAfter('2026-03-31', duration('10001', 'day', 'office', null), contract)).toEqual({
      reason: 'more than 10000 business days are not counted',
    });
  });

  it('a calendar that never has business time again says so', () => {
    const never = {
      ...contract,
      clock: () => ({ ...wallClock, nextBusinessDay: () => null }),
    } as unknown as CompiledContract;
    expect(dateAfter('2026-03-31', duration('2', 'day', 'office', null), never)).toEqual({
      reason: 'calendar office has no 2 business days after 2026-03-31',
    });
  });

  it('a clock without business days (every day counts) adds N calendar days', () => {
    const allDays = { ...contract, clock: () => wallClock } as unknown as CompiledContract;
    expect(dateAfter('2026-03-31', duration('3', 'day', 'office', null), allDays)).toEqual({ date: '2026-04-03' });
  });
});
