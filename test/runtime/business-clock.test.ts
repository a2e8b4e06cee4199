// Business clock: hand-computed cases (Colombia, DST zones) and fast-check properties against a
// brute-force, minute-by-minute oracle built on luxon alone.

import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Calendar, WeekSpan, Weekday, WeeklyRange } from '../../compiler/ir';
import { mergeIntervals, PausedClock } from '../../runtime/paused-clock';
import { calendarOf } from '../helpers/ir';
import {
  createBusinessClock,
  DUE_HORIZON_YEARS,
  dayLengthMs,
  wallClock,
  wallDue,
  wallElapsed,
} from '../../runtime/business-clock';

const S = { start: 0, end: 0 };
const MIN = 60_000;
const HOUR = 3_600_000;

function range(day: Weekday, from: string, to: string): WeeklyRange {
  const m = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  const f = m(from);
  const t = m(to);
  return { day, from: f, to: t, crossesMidnight: t <= f, span: S };
}

function calendar(weekly: WeeklyRange[], over: Partial<Calendar> = {}): Calendar {
  return calendarOf({ weekly, ...over });
}

const weekdays = (days: Weekday[], from: string, to: string): WeeklyRange[] =>
  days.map((d) => range(d, from, to));
const MON_FRI: Weekday[] = [1, 2, 3, 4, 5];
const EVERY_DAY: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Instant of a local wall time ('2026-03-27T17:00') in a zone. */
const at = (iso: string, zone: string): number => DateTime.fromISO(iso, { zone }).toMillis();
const utc = (iso: string): number => DateTime.fromISO(iso, { zone: 'UTC' }).toMillis();

// ---------------------------------------------------------------- Colombia (no DST, UTC-5)

describe('Colombian office: Mon-Fri 08:00-18:00, America/Bogota, CO holidays', () => {
  const Z = 'America/Bogota';
  const co = calendar(weekdays(MON_FRI, '08:00', '18:00'), { holidayCountry: 'CO' });
  const clock = createBusinessClock(co, Z);
  const bog = (iso: string): number => at(iso, Z);

  it('Friday 17:00 + 2 business hours is Monday 09:00', () => {
    expect(clock.due(bog('2026-03-27T17:00'), 2 * HOUR)).toBe(bog('2026-03-30T09:00'));
    expect(clock.elapsed(bog('2026-03-27T17:00'), bog('2026-03-30T09:00'))).toBe(2 * HOUR);
  });

  it('a ticket opened on Saturday starts counting on Monday 08:00', () => {
    const sat = bog('2026-03-28T10:00');
    expect(clock.isBusinessInstant(sat)).toBe(false);
    expect(clock.nextBusinessInstant(sat)).toBe(bog('2026-03-30T08:00'));
    expect(clock.due(sat, 0)).toBe(bog('2026-03-30T08:00'));
    expect(clock.due(sat, 1 * HOUR)).toBe(bog('2026-03-30T09:00'));
    expect(clock.elapsed(sat, bog('2026-03-30T08:00'))).toBe(0);
  });

  it('skips Holy Thursday and Good Friday 2026', () => {
    // Wednesday 2026-04-01 17:00: one hour left, then Thu 2 and Fri 3 are holidays, then the weekend.
    expect(clock.due(bog('2026-04-01T17:00'), 2 * HOUR)).toBe(bog('2026-04-06T09:00'));
    expect(clock.isBusinessInstant(bog('2026-04-02T10:00'))).toBe(false);
    expect(clock.isBusinessInstant(bog('2026-04-03T10:00'))).toBe(false);
    expect(clock.elapsed(bog('2026-04-01T08:00'), bog('2026-04-06T18:00'))).toBe(20 * HOUR);
  });

  it('handles 18:00 exactly: closing time is not business time, but a target can end there', () => {
    expect(clock.isBusinessInstant(bog('2026-03-26T18:00'))).toBe(false);
    expect(clock.isBusinessInstant(bog('2026-03-26T18:00') - 1)).toBe(true);
    expect(clock.isBusinessInstant(bog('2026-03-26T08:00'))).toBe(true);
    // Exhausted exactly at closing time: due at 18:00 the same day, not 08:00 the next day.
    expect(clock.due(bog('2026-03-26T08:00'), 10 * HOUR)).toBe(bog('2026-03-26T18:00'));
    expect(clock.due(bog('2026-03-26T16:00'), 2 * HOUR)).toBe(bog('2026-03-26T18:00'));
    // Opened at 18:00 on Friday: nothing counts until Monday 08:00.
    expect(clock.due(bog('2026-03-27T18:00'), 2 * HOUR)).toBe(bog('2026-03-30T10:00'));
    expect(clock.due(bog('2026-03-27T18:00'), 0)).toBe(bog('2026-03-30T08:00'));
  });

  it('adds a 20 business-hour target', () => {
    // Fri 1h + Mon 10h + Tue 9h.
    expect(clock.due(bog('2026-03-27T17:00'), 20 * HOUR)).toBe(bog('2026-03-31T17:00'));
    // Fri 8h, Mon 2026-03-23 (San José) is a holiday, Tue 10h, Wed 2h.
    expect(clock.due(bog('2026-03-20T10:00'), 20 * HOUR)).toBe(bog('2026-03-25T10:00'));
    // Across the new year: Thu 2026-12-31 1h, Fri 2027-01-01 holiday, Mon 10h, Tue 9h.
    expect(clock.due(bog('2026-12-31T17:00'), 20 * HOUR)).toBe(bog('2027-01-05T17:00'));
  });

  it('answers in any year, in both directions', () => {
    // Fridays without a CO holiday in the following days: Mon and Tue have 10 hours each.
    expect(clock.due(bog('2199-09-06T18:00'), 20 * HOUR)).toBe(bog('2199-09-10T18:00'));
    expect(clock.due(bog('1970-09-04T18:00'), 20 * HOUR)).toBe(bog('1970-09-08T18:00'));
    expect(clock.elapsed(bog('1970-09-04T18:00'), bog('1970-09-08T18:00'))).toBe(20 * HOUR);
    expect(clock.due(bog('2026-03-27T17:00'), 2 * HOUR)).toBe(bog('2026-03-30T09:00'));
  });

  it('measures business days', () => {
    expect(dayLengthMs(co)).toBe(10 * HOUR);
    expect(clock.due(bog('2026-03-26T10:00'), 3 * (dayLengthMs(co) ?? 0))).toBe(bog('2026-03-31T10:00'));
  });
});

// ---------------------------------------------------------------- DST zones

describe('America/New_York Mon-Fri 09:00-17:00 across the 2026 DST changes', () => {
  const Z = 'America/New_York';
  const clock = createBusinessClock(calendar(weekdays(MON_FRI, '09:00', '17:00')), Z);

  it('spring forward (Sunday 2026-03-08)', () => {
    // Fri 16:00 EST = 21:00Z; Mon 10:00 EDT = 14:00Z: 65 wall hours, 2 business hours.
    expect(clock.due(utc('2026-03-06T21:00'), 2 * HOUR)).toBe(utc('2026-03-09T14:00'));
    expect(clock.due(at('2026-03-06T16:00', Z), 2 * HOUR)).toBe(at('2026-03-09T10:00', Z));
    expect(clock.elapsed(utc('2026-03-06T14:00'), utc('2026-03-09T21:00'))).toBe(16 * HOUR);
    expect(clock.isBusinessInstant(utc('2026-03-09T13:00'))).toBe(true); // 09:00 EDT
    expect(clock.isBusinessInstant(utc('2026-03-09T13:00') - 1)).toBe(false);
  });

  it('fall back (Sunday 2026-11-01)', () => {
    // Fri 16:00 EDT = 20:00Z; Mon 10:00 EST = 15:00Z.
    expect(clock.due(utc('2026-10-30T20:00'), 2 * HOUR)).toBe(utc('2026-11-02T15:00'));
    expect(clock.elapsed(utc('2026-10-30T13:00'), utc('2026-11-02T22:00'))).toBe(16 * HOUR);
    expect(clock.nextBusinessInstant(utc('2026-10-31T12:00'))).toBe(utc('2026-11-02T14:00'));
  });
});

describe('Europe/Madrid every day 00:00-24:00 across the 2026 DST changes', () => {
  const Z = 'Europe/Madrid';
  const clock = createBusinessClock(calendar(weekdays(EVERY_DAY, '00:00', '24:00')), Z);
  const allDay = createBusinessClock(calendar([], { allDay: true }), Z);

  it('the spring day (2026-03-29) has 23 hours, the autumn day (2026-10-25) 25', () => {
    for (const c of [clock, allDay]) {
      expect(c.elapsed(at('2026-03-29T00:00', Z), at('2026-03-30T00:00', Z))).toBe(23 * HOUR);
      expect(c.elapsed(at('2026-10-25T00:00', Z), at('2026-10-26T00:00', Z))).toBe(25 * HOUR);
      // Business time is wall time: 24 business hours are 24 real hours.
      expect(c.due(utc('2026-03-28T11:00'), 24 * HOUR)).toBe(utc('2026-03-29T11:00')); // 13:00 CEST
      expect(c.due(utc('2026-10-24T10:00'), 24 * HOUR)).toBe(utc('2026-10-25T10:00')); // 11:00 CET
      expect(c.elapsed(utc('2026-01-01T00:00'), utc('2027-01-01T00:00'))).toBe(365 * 24 * HOUR);
    }
  });

  it('holidays still remove whole local days from a 24x7 calendar', () => {
    const c = createBusinessClock(calendar([], { allDay: true }), Z, {
      holidaysFor: (y) => (y === 2026 ? ['2026-03-29'] : []),
    });
    expect(c.elapsed(at('2026-03-28T00:00', Z), at('2026-03-31T00:00', Z))).toBe(48 * HOUR);
    expect(c.due(at('2026-03-28T23:00', Z), 2 * HOUR)).toBe(at('2026-03-30T01:00', Z));
  });
});

describe('Europe/Madrid every day 01:00-04:00, cut by the spring change', () => {
  const Z = 'Europe/Madrid';
  const clock = createBusinessClock(calendar(weekdays(EVERY_DAY, '01:00', '04:00')), Z);

  it('counts 2 hours on 2026-03-29 (02:00 -> 03:00) and 4 on 2026-10-25 (03:00 -> 02:00)', () => {
    expect(clock.elapsed(at('2026-03-29T00:00', Z), at('2026-03-30T00:00', Z))).toBe(2 * HOUR);
    expect(clock.elapsed(at('2026-10-25T00:00', Z), at('2026-10-26T00:00', Z))).toBe(4 * HOUR);
    expect(clock.elapsed(at('2026-03-28T00:00', Z), at('2026-03-29T00:00', Z))).toBe(3 * HOUR);
  });

  it('due dates across the changes', () => {
    // 01:00 CET = 00:00Z; the Sunday interval ends at 04:00 CEST = 02:00Z.
    expect(clock.due(utc('2026-03-29T00:00'), 2 * HOUR)).toBe(utc('2026-03-29T02:00'));
    // 150 minutes: the 2 hours of Sunday, then 30 minutes from Monday 01:00 CEST (23:00Z Sunday).
    expect(clock.due(at('2026-03-29T01:00', Z), 150 * MIN)).toBe(utc('2026-03-29T23:30'));
    // 03:30 CEST exists and is business time; the Saturday interval is 01:00-04:00 CET.
    expect(clock.isBusinessInstant(utc('2026-03-29T01:30'))).toBe(true);
    expect(clock.due(at('2026-03-28T03:00', Z), 2 * HOUR)).toBe(utc('2026-03-29T01:00'));
    // Autumn: 01:00 CEST = 23:00Z (Oct 24) to 04:00 CET = 03:00Z: 4 hours, the repeated hour
    // counted once per real hour.
    expect(clock.due(utc('2026-10-24T23:00'), 4 * HOUR)).toBe(utc('2026-10-25T03:00'));
    expect(clock.due(utc('2026-10-24T23:00'), 4 * HOUR + MIN)).toBe(utc('2026-10-26T00:01'));
  });

  it('maps wall times in the gap as luxon does and repeated wall times to the earlier instant', () => {
    const gap = createBusinessClock(calendar([range(7, '02:30', '05:00')]), Z);
    // 02:30 does not exist on 2026-03-29: luxon shifts it forward to 03:30 CEST.
    const shifted = DateTime.fromObject({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, { zone: Z });
    expect(shifted.toMillis()).toBe(utc('2026-03-29T01:30'));
    expect(gap.nextBusinessInstant(utc('2026-03-29T00:00'))).toBe(shifted.toMillis());
    expect(gap.elapsed(utc('2026-03-29T00:00'), utc('2026-03-30T00:00'))).toBe(90 * MIN);
    // 02:30 happens twice on 2026-10-25 (CEST 00:30Z, then CET 01:30Z): the first one counts.
    expect(gap.nextBusinessInstant(utc('2026-10-25T00:00'))).toBe(utc('2026-10-25T00:30'));
    expect(gap.elapsed(utc('2026-10-25T00:00'), utc('2026-10-26T00:00'))).toBe(3.5 * HOUR);
  });
});

// ---------------------------------------------------------------- edge cases

describe('edge cases', () => {
  const Z = 'America/Bogota';

  it('merges touching ranges: Friday 17:00-24:00 + Saturday 00:00-02:00 is one interval', () => {
    const c = createBusinessClock(calendar([range(5, '17:00', '24:00'), range(6, '00:00', '02:00')]), Z);
    expect(c.due(at('2026-03-27T23:00', Z), 2 * HOUR)).toBe(at('2026-03-28T01:00', Z));
    expect(c.due(at('2026-03-27T17:00', Z), 7 * HOUR)).toBe(at('2026-03-28T00:00', Z));
    expect(c.isBusinessInstant(at('2026-03-28T00:00', Z))).toBe(true);
    expect(c.elapsed(at('2026-03-27T00:00', Z), at('2026-03-29T00:00', Z))).toBe(9 * HOUR);
    expect(dayLengthMs(calendar([range(5, '17:00', '24:00'), range(6, '00:00', '02:00')]))).toBeNull();
  });

  it('a range crossing midnight loses only the part lying on a holiday', () => {
    const night = calendar([range(7, '22:00', '02:00')]);
    // Monday 2026-03-23 is a holiday: Sunday 22:00-24:00 stays, Monday 00:00-02:00 goes.
    const mondayOff = createBusinessClock(night, Z, { holidaysFor: () => ['2026-03-23'] });
    expect(mondayOff.elapsed(at('2026-03-22T00:00', Z), at('2026-03-24T00:00', Z))).toBe(2 * HOUR);
    expect(mondayOff.isBusinessInstant(at('2026-03-23T01:00', Z))).toBe(false);
    // Sunday 2026-03-22 is a holiday: only the part after midnight remains.
    const sundayOff = createBusinessClock(night, Z, { holidaysFor: () => ['2026-03-22'] });
    expect(sundayOff.nextBusinessInstant(at('2026-03-22T12:00', Z))).toBe(at('2026-03-23T00:00', Z));
    expect(sundayOff.elapsed(at('2026-03-22T00:00', Z), at('2026-03-24T00:00', Z))).toBe(2 * HOUR);
    expect(dayLengthMs(night)).toBe(4 * HOUR);
  });

  it('a calendar without business time answers null instead of looping', () => {
    const empty = createBusinessClock(calendar([]), Z);
    expect(empty.due(at('2026-01-01T00:00', Z), HOUR)).toBeNull();
    expect(empty.due(at('2026-01-01T00:00', Z), 0)).toBeNull();
    expect(empty.nextBusinessInstant(at('2026-01-01T00:00', Z))).toBeNull();
    expect(empty.elapsed(at('2026-01-01T00:00', Z), at('2027-01-01T00:00', Z))).toBe(0);
    expect(empty.isBusinessInstant(at('2026-01-01T10:00', Z))).toBe(false);
    expect(dayLengthMs(calendar([]))).toBeNull();
    // Every day a holiday, for ever: also null.
    const closed = createBusinessClock(calendar(weekdays(EVERY_DAY, '00:00', '24:00')), Z, {
      holidaysFor: (y) => {
        const out: string[] = [];
        for (let d = DateTime.utc(y, 1, 1); d.year === y; d = d.plus({ days: 1 })) out.push(d.toISODate() ?? '');
        return out;
      },
    });
    expect(closed.due(at('2026-01-01T00:00', Z), HOUR)).toBeNull();
  });

  it('finds far business time: one range a year would still be reached', () => {
    // Only Christmas-week Mondays are left (all other days are holidays): a target spanning years.
    const sparse = createBusinessClock(calendar([range(1, '10:00', '11:00')]), 'UTC', {
      holidaysFor: (y) => {
        const out: string[] = [];
        for (let d = DateTime.utc(y, 1, 1); d.year === y; d = d.plus({ days: 1 })) {
          if (d.month !== 12 || d.day < 22 || d.day > 28) out.push(d.toISODate() ?? '');
        }
        return out;
      },
    });
    // 2026-12-28, 2027-12-27, 2028-12-25 are those Mondays.
    expect(sparse.due(utc('2026-01-01T00:00'), 3 * HOUR)).toBe(utc('2028-12-25T11:00'));
  });

  it('rejects invalid input', () => {
    expect(() => createBusinessClock(calendar([]), 'Mars/Olympus')).toThrow(RangeError);
    const c = createBusinessClock(calendar(weekdays(MON_FRI, '08:00', '18:00')), Z);
    expect(() => c.due(0, -1)).toThrow(RangeError);
    expect(() => c.elapsed(0, Number.NaN)).not.toThrow();
    expect(c.elapsed(10, 5)).toBe(0);
  });

  it('refuses NaN and infinite instants instead of answering from a wrong year', () => {
    // The record reader rejects such timestamps first; the clock must not silently count from
    // year 1 or loop for ever if one slips through.
    const c = createBusinessClock(calendar(weekdays(MON_FRI, '08:00', '18:00')), Z);
    const t = at('2026-03-10T10:00', Z);
    const finite = /instants must be finite/;
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => c.due(bad, HOUR)).toThrow(finite);
      expect(() => c.nextBusinessInstant(bad)).toThrow(finite);
      expect(() => c.isBusinessInstant(bad)).toThrow(finite);
    }
    expect(() => c.elapsed(t, Number.POSITIVE_INFINITY)).toThrow(finite);
    expect(() => c.elapsed(Number.NEGATIVE_INFINITY, t)).toThrow(finite);
    expect(() => c.intervals(t, Number.POSITIVE_INFINITY)).toThrow(finite);
    expect(() => c.due(t, Number.NaN)).toThrow(RangeError);
    expect(() => c.due(t, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    // An empty or reversed span, NaN included, is simply empty: nothing counted, no interval.
    expect(c.elapsed(t, Number.NaN)).toBe(0);
    expect(c.intervals(t, Number.NaN)).toEqual([]);
    expect(c.intervals(t, t)).toEqual([]);
    expect(c.elapsed(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(0);
  });

  it('answers Infinity for a due time after the horizon, at once and without walking the years', () => {
    let yearsAsked = 0;
    const office = createBusinessClock(calendar(weekdays(MON_FRI, '08:00', '18:00')), Z, {
      holidaysFor: () => {
        yearsAsked++;
        return [];
      },
    });
    const start = at('2026-03-02T08:00', Z);
    // 9,999,999,999 business days of 10 hours: more than any century holds.
    expect(office.due(start, 9_999_999_999 * 10 * HOUR)).toBe(Number.POSITIVE_INFINITY);
    // 100 years of 50-hour weeks is about 260,000 business hours: 300,000 cannot fit either.
    expect(office.due(start, 300_000 * HOUR)).toBe(Number.POSITIVE_INFINITY);
    expect(yearsAsked).toBe(0);
    // Within the horizon, the due time is exact: 2 business days later, Wednesday 18:00.
    expect(office.due(start, 20 * HOUR)).toBe(at('2026-03-03T18:00', Z));
    // An explicit horizon before the due time.
    expect(office.due(start, 20 * HOUR, at('2026-03-03T17:59', Z))).toBe(Number.POSITIVE_INFINITY);
    expect(office.due(start, 20 * HOUR, at('2026-03-03T18:00', Z))).toBe(at('2026-03-03T18:00', Z));
  });

  it('finds a due time just inside the horizon, decades away', () => {
    // Every Monday 10:00-11:00 of every year: 52 or 53 hours a year.
    const hourly = createBusinessClock(calendar([range(1, '10:00', '11:00')]), 'UTC');
    const start = utc('2026-01-01T00:00');
    const mondays = (from: number, to: number): number => {
      let n = 0;
      for (let d = DateTime.fromMillis(from, { zone: 'UTC' }); d.toMillis() < to; d = d.plus({ days: 1 })) if (d.weekday === 1) n++;
      return n;
    };
    const inNinetyYears = mondays(start, utc('2116-01-01T00:00'));
    // The last Monday before 2116: 2115-12-30.
    expect(hourly.due(start, inNinetyYears * HOUR)).toBe(utc('2115-12-30T11:00'));
    expect(hourly.due(start, (mondays(start, start + DUE_HORIZON_YEARS * 366 * 24 * HOUR) + 1) * HOUR)).toBe(Number.POSITIVE_INFINITY);
  });

  it('wall clock counts everything', () => {
    expect(wallDue(1000, 500)).toBe(1500);
    expect(wallElapsed(1000, 1500)).toBe(500);
    expect(wallElapsed(1500, 1000)).toBe(0);
    expect(wallClock.due(7, 3)).toBe(10);
    expect(wallDue(0, 200 * 366 * 24 * HOUR)).toBe(Number.POSITIVE_INFINITY);
    expect(wallDue(0, 500, 499)).toBe(Number.POSITIVE_INFINITY);
    expect(wallClock.isBusinessInstant(0)).toBe(true);
    expect(dayLengthMs(calendar([], { allDay: true }))).toBe(24 * HOUR);
  });
});

// ---------------------------------------------------------------- properties vs a brute-force oracle

const ZONES = ['UTC', 'America/Bogota', 'America/New_York', 'Europe/Madrid', 'Asia/Kolkata'] as const;

/**
 * Decides minute by minute, with luxon only, whether [m, m + 1 min) is business time. It does
 * not share code with the clock: local dates and weekdays come from luxon DateTimes, and a range's
 * bounds from DateTime.fromObject, made deterministic for repeated wall times by taking the
 * earliest instant that shows the wall time (the documented rule); a wall time in a DST gap keeps
 * luxon's shifted-forward instant (also the documented rule). Bounds are compared as instants,
 * not wall readings, because that is the contract of the clock on DST days.
 */
class Oracle {
  private readonly parts = new Map<string, [number, number][]>();
  private blockStart = Number.NaN;
  private blockDate = '';
  private candidates: [number, number][] = [];

  /** Pieces of the cross-zone spans, computed over the window the oracle is asked about. */
  private spanParts: [number, number][] | null = null;

  /**
   * `pauses`: [from, to) intervals during which nothing counts (a ticket waiting on the customer).
   * Spans (`cal.spans`) are read as the language says: open at the start day and time in the
   * start's zone, closed at the end day and time in the end's zone on the date `days` later,
   * split at the calendar's local midnights with holiday dates removed.
   */
  constructor(
    private readonly cal: Calendar,
    private readonly zone: string,
    private readonly holidays: ReadonlySet<string>,
    private readonly pauses: readonly [number, number][] = [],
  ) {}

  private spansAround(m: number): [number, number][] {
    if (this.spanParts !== null) return this.spanParts;
    const out: [number, number][] = [];
    const first = DateTime.fromMillis(m, { zone: 'UTC' }).startOf('day').minus({ days: 10 });
    for (const sp of this.cal.allDay ? [] : (this.cal.spans ?? [])) {
      const fromZone = sp.fromZone ?? this.zone;
      const toZone = sp.toZone ?? this.zone;
      let days = (sp.toDay - sp.fromDay + 7) % 7;
      if (days === 0 && sp.to <= sp.from && fromZone === toZone) days = 7;
      for (let k = 0; k < 420; k++) {
        const date = first.plus({ days: k });
        if (date.weekday !== sp.fromDay) continue;
        const s = this.instant(date, sp.from, fromZone);
        const e = this.instant(date.plus({ days }), sp.to, toZone);
        // Split at the calendar's midnights; holidays are its local dates.
        for (let t = s; t < e; ) {
          const local = DateTime.fromMillis(t, { zone: this.zone });
          const midnight = local.startOf('day').plus({ days: 1 }).toMillis();
          const end = Math.min(e, midnight);
          if (!this.holidays.has(local.toISODate() ?? '')) out.push([t, end]);
          t = end;
        }
      }
    }
    this.spanParts = out;
    return out;
  }

  private instant(date: DateTime, minuteOfDay: number, zone = this.zone): number {
    const d = date.plus({ days: Math.floor(minuteOfDay / 1440) });
    const mm = minuteOfDay % 1440;
    const wall = { year: d.year, month: d.month, day: d.day, hour: Math.floor(mm / 60), minute: mm % 60 };
    const t0 = DateTime.fromObject(wall, { zone }).toMillis();
    let best = t0;
    for (const back of [30, 60, 90, 120]) {
      const l = DateTime.fromMillis(t0 - back * MIN, { zone });
      if (l.year === wall.year && l.month === wall.month && l.day === wall.day && l.hour === wall.hour && l.minute === wall.minute) {
        best = t0 - back * MIN;
      }
    }
    return best;
  }

  /** Business parts of the ranges starting on local date `iso`, holidays removed. */
  private partsOf(iso: string): [number, number][] {
    let out = this.parts.get(iso);
    if (out !== undefined) return out;
    out = [];
    const date = DateTime.fromISO(iso, { zone: 'UTC' });
    const next = date.plus({ days: 1 }).toISODate() ?? '';
    const ranges: WeeklyRange[] = this.cal.allDay ? weekdays(EVERY_DAY, '00:00', '24:00') : this.cal.weekly;
    for (const r of ranges) {
      if (r.day !== date.weekday) continue;
      const end = r.crossesMidnight ? 1440 + r.to : r.to;
      const split: [string, number, number][] =
        end > 1440 ? [[iso, r.from, 1440], [next, 1440, end]] : [[iso, r.from, end]];
      for (const [d, from, to] of split) {
        if (!this.holidays.has(d)) out.push([this.instant(date, from), this.instant(date, to)]);
      }
    }
    this.parts.set(iso, out);
    return out;
  }

  isBusinessMinute(m: number): boolean {
    for (const [s, e] of this.pauses) if (s <= m && m < e) return false;
    for (const [s, e] of this.spansAround(m)) if (s <= m && m < e) return true;
    return this.isWeeklyMinute(m);
  }

  private isWeeklyMinute(m: number): boolean {
    // Local dates change only at quarter-hour-aligned instants in these zones: ask luxon once per
    // UTC quarter hour, and gather the parts of yesterday's and today's ranges once per date.
    const block = m - (((m % (15 * MIN)) + 15 * MIN) % (15 * MIN));
    if (block !== this.blockStart) {
      this.blockStart = block;
      const today = DateTime.fromMillis(block, { zone: this.zone }).toISODate() ?? '';
      if (today !== this.blockDate) {
        this.blockDate = today;
        const yesterday = DateTime.fromISO(today, { zone: 'UTC' }).minus({ days: 1 }).toISODate() ?? '';
        this.candidates = [...this.partsOf(yesterday), ...this.partsOf(today)];
      }
    }
    for (const [s, e] of this.candidates) if (s <= m && m < e) return true;
    return false;
  }

  elapsed(a: number, b: number): number {
    let n = 0;
    for (let m = a; m < b; m += MIN) if (this.isBusinessMinute(m)) n++;
    return n * MIN;
  }

  due(start: number, targetMinutes: number): number | null {
    const limit = start + 400 * 24 * 60 * MIN;
    let m = start;
    if (targetMinutes === 0) {
      for (; m < limit; m += MIN) if (this.isBusinessMinute(m)) return m;
      return null;
    }
    let n = 0;
    for (; m < limit; m += MIN) {
      if (this.isBusinessMinute(m) && ++n === targetMinutes) return m + MIN;
    }
    return null;
  }
}

const minuteArb = fc.nat({ max: 1439 });
/** Quarter hours between 00:00 and 04:00: where the DST changes of New York and Madrid happen. */
const dstHourArb = fc.integer({ min: 0, max: 16 }).map((q) => q * 15);
const rangeArb: fc.Arbitrary<WeeklyRange> = fc
  .record({
    day: fc.integer({ min: 1, max: 7 }).map((d) => d as Weekday),
    // Quarter hours most of the time (so ranges touch and overlap), early-morning hours often (so
    // bounds fall in DST gaps and repeated hours), any minute sometimes.
    from: fc.oneof(
      { weight: 3, arbitrary: fc.nat({ max: 95 }).map((q) => q * 15) },
      { weight: 2, arbitrary: dstHourArb },
      { weight: 1, arbitrary: minuteArb },
    ),
    to: fc.oneof(
      { weight: 3, arbitrary: fc.nat({ max: 96 }).map((q) => q * 15) },
      { weight: 2, arbitrary: dstHourArb },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 1440 }) },
    ),
  })
  .filter((r) => !(r.from === 0 && r.to === 0))
  .map((r) => ({ ...r, crossesMidnight: r.to <= r.from, span: S }));

const calendarArb: fc.Arbitrary<Calendar> = fc.oneof(
  { weight: 9, arbitrary: fc.array(rangeArb, { minLength: 1, maxLength: 6 }).map((w) => calendar(w)) },
  { weight: 1, arbitrary: fc.constant(calendar([], { allDay: true })) },
);

/** Business minutes per week, ignoring DST and holidays (used to keep oracle scans short). */
function weeklyMinutes(cal: Calendar): number {
  if (cal.allDay) return 7 * 1440;
  return cal.weekly.reduce((s, r) => s + (r.crossesMidnight ? 1440 - r.from + r.to : r.to - r.from), 0);
}

// 2025-2027 DST changes (UTC), to aim some starts right before them.
const DST_CHANGES: Record<string, number[]> = {
  'America/New_York': ['2025-03-09T07:00', '2025-11-02T06:00', '2026-03-08T07:00', '2026-11-01T06:00', '2027-03-14T07:00', '2027-11-07T06:00'].map(utc),
  'Europe/Madrid': ['2025-03-30T01:00', '2025-10-26T01:00', '2026-03-29T01:00', '2026-10-25T01:00', '2027-03-28T01:00', '2027-10-31T01:00'].map(utc),
};
const FROM = utc('2025-01-01T00:00') / MIN;
const TO = utc('2027-12-31T00:00') / MIN;
const startArb = (zone: string): fc.Arbitrary<number> => {
  const uniform = fc.integer({ min: FROM, max: TO }).map((m) => m * MIN);
  const changes = DST_CHANGES[zone];
  if (changes === undefined) return uniform;
  return fc.oneof(
    uniform,
    fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -4 * 1440, max: 1440 })).map(([t, d]) => t + d * MIN),
  );
};

interface Scenario {
  cal: Calendar;
  zone: string;
  start: number;
  holidays: string[];
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .constantFrom(...ZONES)
  .chain((zone) =>
    fc.record({
      cal: calendarArb,
      zone: fc.constant(zone),
      start: startArb(zone),
      holidayOffsets: fc.array(fc.integer({ min: -1, max: 20 }), { maxLength: 4 }),
    }),
  )
  .map(({ cal, zone, start, holidayOffsets }) => {
    // Holidays near the start, so that they matter.
    const day = DateTime.fromMillis(start, { zone }).startOf('day');
    const holidays = holidayOffsets.map((k) => day.plus({ days: k }).toISODate() ?? '');
    return { cal, zone, start, holidays };
  });

function clockFor(s: Scenario) {
  const holidaysFor = (year: number): string[] => s.holidays.filter((d) => d.startsWith(`${year}-`));
  return createBusinessClock(s.cal, s.zone, { holidaysFor });
}

describe('searches at their limits', () => {
  const NY = 'America/New_York';
  /** Every local date of `y`, for a holidaysFor that closes whole years. */
  const everyDay = (y: number): string[] => {
    const out: string[] = [];
    for (let d = DateTime.utc(y, 1, 1); d.year === y; d = d.plus({ days: 1 })) out.push(d.toISODate() ?? '');
    return out;
  };
  const mondaysHour = calendar([range(1, '10:00', '11:00')]);

  it('the wall clock: due exactly at the horizon is due, and every instant is counted time', () => {
    expect(wallDue(0, 500, 500)).toBe(500);
    expect(wallClock.nextBusinessInstant(1234)).toBe(1234);
  });

  it('an invalid target names itself', () => {
    const c = createBusinessClock(calendar(weekdays(MON_FRI, '08:00', '18:00')), 'UTC');
    expect(() => c.due(0, -5)).toThrow('invalid target -5');
  });

  it('a 24x7 calendar: due exactly at the horizon, and a target one millisecond longer answered at once', () => {
    let yearsAsked = 0;
    const always = createBusinessClock(calendar([], { allDay: true }), 'UTC', {
      holidaysFor: () => {
        yearsAsked++;
        return [];
      },
    });
    const start = utc('2026-03-02T08:00');
    expect(always.isBusinessInstant(utc('2026-03-07T03:00'))).toBe(true);
    expect(always.elapsed(start, start + 7 * 24 * HOUR)).toBe(7 * 24 * HOUR);
    yearsAsked = 0;
    // Every instant counts: a target of the whole horizon ends exactly at the horizon.
    expect(always.due(start, 30 * 24 * HOUR, start + 30 * 24 * HOUR)).toBe(start + 30 * 24 * HOUR);
    // One millisecond more than a century holds: Infinity, without building a single year.
    const fresh = createBusinessClock(calendar([], { allDay: true }), 'UTC', {
      holidaysFor: () => {
        yearsAsked++;
        return [];
      },
    });
    yearsAsked = 0;
    expect(fresh.due(start, Math.round(DUE_HORIZON_YEARS * 365.2425) * 24 * HOUR + 1)).toBe(Number.POSITIVE_INFINITY);
    expect(yearsAsked).toBe(0);
  });

  it('a calendar with no hours at all answers null even for a target larger than any century', () => {
    expect(createBusinessClock(calendar([]), 'UTC').due(utc('2026-01-01T00:00'), 100_000 * HOUR)).toBeNull();
  });

  it('daylight saving gains count: Sunday 01:00-02:00 in New York lasts 2 hours each November', () => {
    // The fall-back Sunday repeats 01:00-02:00 (01:00 EDT to 02:00 EST), and the spring Sunday
    // loses nothing (02:00 is after the range): a century holds one hour a week plus one a year,
    // more than the weeks alone would hold. A target of all of it is due inside the horizon.
    const sunday = createBusinessClock(calendar([range(7, '01:00', '02:00')]), NY);
    const start = at('2026-01-01T00:00', NY);
    const horizon = start + Math.round(DUE_HORIZON_YEARS * 365.2425) * 24 * HOUR;
    const century = sunday.elapsed(start, horizon);
    const weeks = Math.ceil((horizon - start) / (7 * 24 * HOUR)) + 1;
    expect(century).toBeGreaterThan(weeks * HOUR);
    const due = sunday.due(start, century);
    expect(due).toBeLessThanOrEqual(horizon);
    expect(sunday.elapsed(start, due ?? 0)).toBe(century);
  });

  it('a target that uses up exactly the last business time there is: due at its end', () => {
    // Only 2026 has business time (Mondays 10:00-11:00, 52 of them); every other year is closed.
    const only2026 = createBusinessClock(mondaysHour, 'UTC', { holidaysFor: (y) => (y === 2026 ? [] : everyDay(y)) });
    expect(only2026.due(utc('2026-01-01T00:00'), 52 * HOUR)).toBe(utc('2026-12-28T11:00'));
    expect(only2026.due(utc('2026-01-01T00:00'), 52 * HOUR + 1)).toBeNull();
  });

  it('gives up after ten quiet years after the last business time found, not before', () => {
    // Business time in 2031 (5 years after the start) and again in 2046 (15 years after that).
    const open = (y: number) => y === 2031 || y === 2046;
    const sparse = createBusinessClock(mondaysHour, 'UTC', { holidaysFor: (y) => (open(y) ? [] : everyDay(y)) });
    const start = utc('2026-01-01T00:00');
    // 2031 has 52 Mondays (the first 2031-01-06): its first hour is found 5 quiet years on.
    expect(sparse.due(start, HOUR)).toBe(utc('2031-01-06T11:00'));
    expect(sparse.due(start, 53 * HOUR)).toBeNull();
    // Exactly ten quiet years (2032 -> 2041 built, nothing found) is not yet giving up: 2045 is found.
    const tenQuiet = createBusinessClock(mondaysHour, 'UTC', { holidaysFor: (y) => (y === 2032 || y === 2045 ? [] : everyDay(y)) });
    const inYear = (y: number): number => {
      let n = 0;
      for (let d = DateTime.utc(y, 1, 1); d.year === y; d = d.plus({ days: 1 })) if (d.weekday === 1) n++;
      return n;
    };
    expect(tenQuiet.due(start, (inYear(2032) + 1) * HOUR)).toBe(utc('2045-01-02T11:00'));
  });

  it('a due time past the year 9999 is after the horizon (Infinity), not "never"', () => {
    const office = createBusinessClock(calendar(weekdays(MON_FRI, '08:00', '18:00')), 'UTC');
    const start = utc('9999-06-01T00:00');
    // June to December 9999 hold about 1,500 business hours: 2,000 cannot fit before year 10000.
    expect(office.due(start, 2_000 * HOUR)).toBe(Number.POSITIVE_INFINITY);
    expect(office.due(start, 10 * HOUR)).toBe(utc('9999-06-01T18:00'));
  });

  it('stops searching once past the horizon instead of walking to the year 9999', () => {
    let yearsAsked = 0;
    const hourly = createBusinessClock(mondaysHour, 'UTC', {
      holidaysFor: () => {
        yearsAsked++;
        return [];
      },
    });
    // 20,000 Monday hours take about 385 years: past the 100-year horizon, yet under the quick
    // bound (5,220 weeks x (1 hour + 3 hours of daylight-saving slack) = 20,880 hours).
    expect(hourly.due(utc('2026-01-01T00:00'), 20_000 * HOUR)).toBe(Number.POSITIVE_INFINITY);
    expect(yearsAsked).toBeLessThan(150);
  });

  describe('queries of a clock whose first business time is 2026-01-01 08:00 (earlier years closed)', () => {
    const office = () => createBusinessClock(calendar(weekdays(MON_FRI, '08:00', '18:00')), 'UTC', { holidaysFor: (y) => (y < 2026 ? everyDay(y) : []) });

    it('isBusinessInstant inside the very first interval', () => {
      expect(office().isBusinessInstant(utc('2026-01-01T09:00'))).toBe(true);
      expect(office().isBusinessInstant(utc('2026-01-01T07:59'))).toBe(false);
    });

    it('intervals from before the first one', () => {
      // Thu 01-01 and Fri 01-02, then Mon 01-05 until 12:00.
      expect(office().intervals(utc('2025-12-31T00:00'), utc('2026-01-05T12:00'))).toEqual([
        [utc('2026-01-01T08:00'), utc('2026-01-01T18:00')],
        [utc('2026-01-02T08:00'), utc('2026-01-02T18:00')],
        [utc('2026-01-05T08:00'), utc('2026-01-05T12:00')],
      ]);
    });

    it('intervals starting at a closing time hold no empty piece', () => {
      expect(office().intervals(utc('2026-01-01T18:00'), utc('2026-01-02T09:00'))).toEqual([[utc('2026-01-02T08:00'), utc('2026-01-02T09:00')]]);
    });

    it('nextBusinessInstant: the instant itself in business time, else the next opening', () => {
      const c = office();
      expect(c.nextBusinessInstant(utc('2026-01-01T09:30'))).toBe(utc('2026-01-01T09:30'));
      expect(c.nextBusinessInstant(utc('2026-01-01T18:00'))).toBe(utc('2026-01-02T08:00'));
      expect(c.nextBusinessInstant(utc('2026-01-03T10:00'))).toBe(utc('2026-01-05T08:00'));
      expect(c.nextBusinessInstant(utc('2025-06-01T10:00'))).toBe(utc('2026-01-01T08:00'));
    });
  });

  it('a range that falls wholly in the spring gap is no business time that day', () => {
    // Sunday 02:00-03:00 in New York: on 2026-03-08 both ends map to 03:00 EDT, an empty piece.
    const gap = createBusinessClock(calendar([range(7, '02:00', '03:00')]), NY);
    expect(gap.nextBusinessInstant(at('2026-03-08T01:00', NY))).toBe(at('2026-03-15T02:00', NY));
    expect(gap.elapsed(at('2026-03-08T00:00', NY), at('2026-03-09T00:00', NY))).toBe(0);
  });
});

describe('properties (random calendars, zones, holidays)', () => {
  it('due agrees with the minute-by-minute oracle', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat({ max: 3000 }), (s, t) => {
        // Keep the oracle's scan short: at most about two weeks' worth of business time.
        const target = Math.min(t, 2 * weeklyMinutes(s.cal));
        const expected = new Oracle(s.cal, s.zone, new Set(s.holidays)).due(s.start, target);
        expect(clockFor(s).due(s.start, target * MIN)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('elapsed agrees with the minute-by-minute oracle', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat({ max: 7 * 1440 }), (s, span) => {
        const b = s.start + span * MIN;
        const expected = new Oracle(s.cal, s.zone, new Set(s.holidays)).elapsed(s.start, b);
        expect(clockFor(s).elapsed(s.start, b)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('elapsed(a, due(a, t)) === t, to the millisecond', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat({ max: 59_999 }), fc.nat({ max: 3000 * MIN }), (s, ms, t) => {
        const clock = clockFor(s);
        const a = s.start + ms;
        const d = clock.due(a, t);
        expect(d).not.toBeNull();
        expect(d as number).toBeGreaterThanOrEqual(a);
        expect(clock.elapsed(a, d as number)).toBe(t);
        // Earliest: one millisecond less is not enough.
        if (t > 0) expect(clock.elapsed(a, (d as number) - 1)).toBe(t - 1);
        else expect(clock.isBusinessInstant(d as number)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('due is monotonic in the target and in the start', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.nat({ max: 3000 }),
        fc.nat({ max: 3000 }),
        fc.nat({ max: 5 * 1440 }),
        (s, t1, t2, shift) => {
          const clock = clockFor(s);
          const [lo, hi] = t1 <= t2 ? [t1, t2] : [t2, t1];
          const dLo = clock.due(s.start, lo * MIN) as number;
          const dHi = clock.due(s.start, hi * MIN) as number;
          expect(dLo).toBeLessThanOrEqual(dHi);
          const later = clock.due(s.start + shift * MIN, lo * MIN) as number;
          expect(dLo).toBeLessThanOrEqual(later);
        },
      ),
      { numRuns: 200 },
    );
  });
});

// ------------------------------------------ pauses and several zones, against the same oracle

const SPAN_ZONES = ['America/Los_Angeles', 'Australia/Sydney', 'Asia/Tokyo', 'Europe/London', 'America/New_York'] as const;
const spanArb: fc.Arbitrary<WeekSpan> = fc.record({
  fromDay: fc.integer({ min: 1, max: 7 }).map((d) => d as Weekday),
  from: fc.nat({ max: 95 }).map((q) => q * 15),
  fromZone: fc.option(fc.constantFrom(...SPAN_ZONES), { nil: null }),
  toDay: fc.integer({ min: 1, max: 7 }).map((d) => d as Weekday),
  to: fc.nat({ max: 96 }).map((q) => q * 15),
  toZone: fc.option(fc.constantFrom(...SPAN_ZONES), { nil: null }),
  span: fc.constant(S),
});

interface PausedScenario extends Scenario {
  pauses: [number, number][];
}

/** A calendar in one of several zones, sometimes with a cross-zone span, and pauses near the start. */
const pausedScenarioArb: fc.Arbitrary<PausedScenario> = fc
  .record({
    base: scenarioArb,
    zone: fc.constantFrom(...ZONES, ...SPAN_ZONES),
    spans: fc.array(spanArb, { maxLength: 2 }),
    pauses: fc.array(fc.tuple(fc.integer({ min: -1440, max: 10 * 1440 }), fc.nat({ max: 3 * 1440 })), { maxLength: 3 }),
  })
  .map(({ base, zone, spans, pauses }) => ({
    ...base,
    zone,
    cal: base.cal.allDay ? base.cal : { ...base.cal, spans },
    pauses: pauses.map(([from, len]) => [base.start + from * MIN, base.start + (from + len) * MIN] as [number, number]),
  }));

function pausedClockFor(s: PausedScenario): PausedClock {
  return new PausedClock(clockFor(s), mergeIntervals(s.pauses));
}

function weekMinutesWithSpans(cal: Calendar): number {
  return weeklyMinutes(cal) + (cal.allDay ? 0 : (cal.spans ?? []).length * 8 * 1440);
}

describe('properties with pauses and several zones', () => {
  it('due agrees with the minute-by-minute oracle', () => {
    fc.assert(
      fc.property(pausedScenarioArb, fc.nat({ max: 3000 }), (s, t) => {
        const target = Math.min(t, 2 * weekMinutesWithSpans(s.cal));
        const expected = new Oracle(s.cal, s.zone, new Set(s.holidays), s.pauses).due(s.start, target);
        expect(pausedClockFor(s).due(s.start, target * MIN)).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('elapsed agrees with the minute-by-minute oracle', () => {
    fc.assert(
      fc.property(pausedScenarioArb, fc.nat({ max: 7 * 1440 }), (s, span) => {
        const b = s.start + span * MIN;
        const expected = new Oracle(s.cal, s.zone, new Set(s.holidays), s.pauses).elapsed(s.start, b);
        expect(pausedClockFor(s).elapsed(s.start, b)).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('elapsed(a, due(a, t)) === t with pauses, to the millisecond', () => {
    fc.assert(
      fc.property(pausedScenarioArb, fc.nat({ max: 59_999 }), fc.nat({ max: 3000 * MIN }), (s, ms, t) => {
        const clock = pausedClockFor(s);
        const a = s.start + ms;
        const d = clock.due(a, t);
        if (d === null) return; // a calendar with no business time at all (an empty span): nothing to count
        expect(d).toBeGreaterThanOrEqual(a);
        expect(clock.elapsed(a, d)).toBe(t);
        if (t > 0) expect(clock.elapsed(a, d - 1)).toBe(t - 1);
        else expect(clock.isBusinessInstant(d)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
