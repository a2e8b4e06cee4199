// The boundaries of periods of every kind (runtime/period-kinds.ts): keys, starts and ends in a
// zone with DST and in a fixed offset, fiscal years named by the year they end in, and, on random
// instants, that each instant lies in its period and that periods tile the time line.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysOf, lastDayOf, monthNumber, PERIOD_KINDS, periodAt, periodByKey, periodOfMonth, type PeriodCalendar } from '../../runtime/period-kinds';
import { formatInstant } from '../../runtime/time';

const TORONTO: PeriodCalendar = { zone: 'America/Toronto', fiscalYearStart: 1 };
/** GitHub's fiscal year: quarters end January 31, April 30, July 31 and October 31. */
const FEBRUARY: PeriodCalendar = { zone: 'UTC', fiscalYearStart: 2 };
const GMT2: PeriodCalendar = { zone: 'UTC+02:00', fiscalYearStart: 1 };

const at = (iso: string): number => Date.parse(iso);
const shown = (p: { key: string; start: number; end: number }, zone: string) => [p.key, formatInstant(p.start, zone), formatInstant(p.end, zone)];

describe('periods of each kind', () => {
  it('gives the month, the calendar quarter and the calendar year of an instant, in the zone', () => {
    // 2026-04-01T03:30Z is 23:30 on March 31 in Toronto (EDT, -04:00): March, Q1, 2026.
    const t = at('2026-04-01T03:30:00Z');
    expect(shown(periodAt(t, 'calendar-month', TORONTO), TORONTO.zone)).toEqual(['2026-03', '2026-03-01T00:00:00-05:00', '2026-04-01T00:00:00-04:00']);
    expect(shown(periodAt(t, 'calendar-quarter', TORONTO), TORONTO.zone)).toEqual(['2026-Q1', '2026-01-01T00:00:00-05:00', '2026-04-01T00:00:00-04:00']);
    expect(shown(periodAt(t, 'calendar-year', TORONTO), TORONTO.zone)).toEqual(['2026', '2026-01-01T00:00:00-05:00', '2027-01-01T00:00:00-05:00']);
    // Four hours later it is April 1 there: Q2.
    expect(periodAt(t + 4 * 3_600_000, 'calendar-quarter', TORONTO).key).toBe('2026-Q2');
  });

  it('names a fiscal year by the calendar year it ends in, and counts its quarters from its first month', () => {
    // A fiscal year starting in February: FY2027 = 2026-02-01 to 2027-01-31; Q1 is February to April.
    expect(shown(periodAt(at('2026-02-01T00:00:00Z'), 'fiscal-year', FEBRUARY), 'UTC')).toEqual(['FY2027', '2026-02-01T00:00:00Z', '2027-02-01T00:00:00Z']);
    expect(shown(periodAt(at('2026-01-31T23:59:59Z'), 'fiscal-year', FEBRUARY), 'UTC')).toEqual(['FY2026', '2025-02-01T00:00:00Z', '2026-02-01T00:00:00Z']);
    expect(shown(periodAt(at('2026-04-30T12:00:00Z'), 'fiscal-quarter', FEBRUARY), 'UTC')).toEqual(['FY2027-Q1', '2026-02-01T00:00:00Z', '2026-05-01T00:00:00Z']);
    expect(shown(periodAt(at('2026-05-01T00:00:00Z'), 'fiscal-quarter', FEBRUARY), 'UTC')).toEqual(['FY2027-Q2', '2026-05-01T00:00:00Z', '2026-08-01T00:00:00Z']);
    // November to January is the last quarter: it ends on January 31 of the year the FY is named by.
    expect(shown(periodAt(at('2027-01-15T00:00:00Z'), 'fiscal-quarter', FEBRUARY), 'UTC')).toEqual(['FY2027-Q4', '2026-11-01T00:00:00Z', '2027-02-01T00:00:00Z']);
    // A fiscal year that starts in January is the calendar year, with its number.
    expect(periodAt(at('2026-06-01T00:00:00Z'), 'fiscal-year', { zone: 'UTC', fiscalYearStart: 1 }).key).toBe('FY2026');
    // Starting in October (the US federal year): FY2026 = 2025-10-01 to 2026-09-30.
    expect(shown(periodAt(at('2025-10-01T00:00:00Z'), 'fiscal-year', { zone: 'UTC', fiscalYearStart: 10 }), 'UTC')).toEqual(['FY2026', '2025-10-01T00:00:00Z', '2026-10-01T00:00:00Z']);
  });

  it('begins periods at midnight of a fixed offset (`periods in UTC+02:00`)', () => {
    // 22:30 UTC on March 31 is 00:30 on April 1 at +02:00.
    expect(shown(periodAt(at('2026-03-31T22:30:00Z'), 'calendar-month', GMT2), GMT2.zone)).toEqual(['2026-04', '2026-04-01T00:00:00+02:00', '2026-05-01T00:00:00+02:00']);
    expect(periodAt(at('2026-03-31T21:59:59Z'), 'calendar-month', GMT2).key).toBe('2026-03');
    expect(periodByKey('2026-04', GMT2)!.start).toBe(at('2026-03-31T22:00:00Z'));
  });

  it('reads every key form back, and no other', () => {
    expect(periodByKey('2026-03', TORONTO)).toMatchObject({ kind: 'calendar-month', months: 1 });
    expect(periodByKey('2026-Q4', TORONTO)).toMatchObject({ kind: 'calendar-quarter', key: '2026-Q4', months: 3 });
    expect(periodByKey('2026', TORONTO)).toMatchObject({ kind: 'calendar-year', months: 12 });
    expect(periodByKey('FY2027-Q1', FEBRUARY)).toMatchObject({ kind: 'fiscal-quarter', key: 'FY2027-Q1', start: at('2026-02-01T00:00:00Z') });
    expect(periodByKey('FY2027', FEBRUARY)).toMatchObject({ kind: 'fiscal-year', start: at('2026-02-01T00:00:00Z'), end: at('2027-02-01T00:00:00Z') });
    for (const bad of ['2026-13', '2026-Q5', '2026-Q0', 'FY26', '26', '2026-3', 'fy2027', '2026-03-01', '']) expect(periodByKey(bad, TORONTO), bad).toBeNull();
    // A key is the whole argument: nothing before or after it.
    for (const bad of ['x2026-03', '2026-03x', 'x2026-Q1', '2026-Q1x', '12026', '20261', 'xFY2027', 'FY2027x', 'xFY2027-Q1', 'FY2027-Q1x']) {
      expect(periodByKey(bad, FEBRUARY), bad).toBeNull();
    }
  });

  it("lists the kinds shortest first, the order reports give a period's several kinds in", () => {
    expect(PERIOD_KINDS).toEqual(['calendar-month', 'calendar-quarter', 'fiscal-quarter', 'calendar-year', 'fiscal-year']);
    expect(PERIOD_KINDS.map((k) => periodOfMonth(monthNumber(2026, 2), k, FEBRUARY).months)).toEqual([1, 3, 3, 12, 12]);
  });

  it('counts the days and the last day of a period', () => {
    expect(daysOf(periodByKey('2028-02', TORONTO)!)).toBe(29);
    expect(daysOf(periodByKey('2026-Q1', TORONTO)!)).toBe(31 + 28 + 31);
    expect(daysOf(periodByKey('2028', TORONTO)!)).toBe(366);
    expect(lastDayOf(periodByKey('2026-Q1', TORONTO)!)).toBe('2026-03-31');
    expect(lastDayOf(periodByKey('FY2027-Q4', FEBRUARY)!)).toBe('2027-01-31');
  });

  it('puts every instant in its period, and makes the periods of a kind tile the time line', () => {
    const zones = ['America/Toronto', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC+02:00', 'UTC-09:30', 'Pacific/Kiritimati'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(9998, 0, 1) }),
        fc.constantFrom(...zones),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(...PERIOD_KINDS),
        (t, zone, fiscalYearStart, kind) => {
          const cal = { zone, fiscalYearStart };
          const p = periodAt(t, kind, cal);
          expect(p.start <= t && t < p.end).toBe(true);
          // The next period starts where this one ends, and its key reads back to it.
          const next = periodAt(p.end, kind, cal);
          expect(next.start).toBe(p.end);
          expect(next.first).toBe(p.first + p.months);
          expect(periodByKey(p.key, cal)).toEqual(p);
          // It starts at local midnight on the 1st of a month.
          expect(formatInstant(p.start, zone).slice(8, 19)).toBe('01T00:00:00');
          expect(periodOfMonth(p.first + p.months - 1, kind, cal)).toEqual(p);
        },
      ),
      { numRuns: 400 },
    );
  });
});
