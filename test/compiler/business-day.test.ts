// What lowering makes of a calendar's week and of a duration's amount: the length of one business
// day (`N business days` is N of them), whether the hours cover the whole week (a calendar open
// around the clock), and a duration in milliseconds, rounded to the nearest.

import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import type { WeeklyRange } from '../../compiler/ir';
import { businessDayMs } from '../../compiler/lower';

const HOUR = 3_600_000;
const range = (day: number, from: string, to: string): WeeklyRange => {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return { day: day as WeeklyRange['day'], from: m(from), to: m(to), crossesMidnight: m(to) < m(from), span: { start: 0, end: 0 } };
};

describe('the length of a business day', () => {
  it('is the hours of each working weekday when they agree; a calendar open all week has days of 24 hours', () => {
    expect(businessDayMs([1, 2, 3, 4, 5].map((d) => range(d, '09:00', '17:00')), false)).toBe(8 * HOUR);
    expect(businessDayMs([], true)).toBe(24 * HOUR);
    expect(businessDayMs([], false)).toBeNull();
    expect(businessDayMs([range(1, '09:00', '17:00'), range(2, '09:00', '16:00')], false)).toBeNull();
  });

  it('counts overlapping ranges of a day once, in any order, and a gap between ranges not at all', () => {
    expect(businessDayMs([range(1, '13:00', '17:00'), range(1, '09:00', '12:00'), range(1, '11:00', '14:00')], false)).toBe(8 * HOUR);
    expect(businessDayMs([range(1, '09:00', '12:00'), range(1, '13:00', '17:00'), range(2, '08:00', '15:00')], false)).toBe(7 * HOUR);
  });

  it('counts a range over midnight towards the day it starts, and an empty range not at all', () => {
    expect(businessDayMs([range(1, '22:00', '02:00')], false)).toBe(4 * HOUR);
    expect(businessDayMs([range(1, '22:00', '02:00'), range(2, '20:00', '24:00')], false)).toBe(4 * HOUR);
    expect(businessDayMs([range(1, '09:00', '17:00'), range(2, '09:00', '17:00'), range(3, '09:00', '09:00')], false)).toBe(8 * HOUR);
  });
});

const lowered = (...lines: string[]) => compile(['contract "Units"', 'version 1', 'effective 2026-01-01', 'time zone UTC', ...lines, 'causes', '  counted provider', ''].join('\n'), 'units.sla', { checks: false }).contract;
const allDay = (...hours: string[]) => lowered('calendar c "C"', ...hours.map((h) => `  ${h}`)).calendars[0].allDay;

describe('a calendar open around the clock', () => {
  it('is one whose ranges cover every minute of the week, in any order, over midnight and the seam of the week', () => {
    expect(allDay('monday to sunday 00:00 to 24:00')).toBe(true);
    expect(allDay('monday to sunday 12:00 to 24:00', 'monday to sunday 00:00 to 12:00')).toBe(true);
    expect(allDay('monday to sunday 06:00 to 18:00', 'monday to sunday 18:00 to 06:00')).toBe(true);
  });

  it('is not one that leaves an hour at the end of the week, or the start of Monday', () => {
    expect(allDay('monday to saturday 00:00 to 24:00', 'sunday 00:00 to 23:00')).toBe(false);
    expect(allDay('monday 01:00 to 24:00', 'tuesday to sunday 00:00 to 24:00')).toBe(false);
    expect(allDay('monday, tuesday, thursday to sunday 00:00 to 24:00', 'wednesday 01:00 to 24:00')).toBe(false);
    expect(allDay('monday to sunday 06:00 to 18:00', 'monday to saturday 18:00 to 06:00')).toBe(false);
  });
});

describe('a duration in milliseconds', () => {
  const ms = (target: string) => lowered('severities', '  urgent', `response ${target} for every incident`).targets[0].duration?.ms;

  it('is exact for a fraction of an hour or a day, and rounded to the nearest millisecond below one', () => {
    expect(ms('1.5 hours')).toBe(5_400_000);
    expect(ms('0.25 days')).toBe(6 * HOUR);
    expect(ms('0.00001 minutes')).toBe(1); // 0.6 ms
    expect(ms('0.000025 minutes')).toBe(2); // 1.5 ms, a half rounds up
    expect(ms('0.000001 minutes')).toBe(0); // 0.06 ms
  });

  it('of business days, is as many business days as the calendar has hours in one', () => {
    const c = lowered('calendar office "Office"', '  monday to friday 09:00 to 17:00', 'severities', '  urgent', 'response 1.5 office days for every incident');
    expect(c.targets[0].duration?.ms).toBe(12 * HOUR);
  });
});
