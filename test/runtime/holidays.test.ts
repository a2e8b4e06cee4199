// Holiday resolution: date-holidays' public days for a country, pinned years, and contract edits.

import { describe, expect, it } from 'vitest';
import type { Calendar, HolidayEdit } from '../../compiler/ir';
import { isKnownCountry, libraryHolidays, resolveHolidays } from '../../runtime/holidays';
import { calendarOf } from '../helpers/ir';

const S = { start: 0, end: 0 };

function calendar(over: Partial<Calendar> = {}): Calendar {
  return calendarOf({ holidayCountry: 'CO', ...over });
}

const edit = (date: string): HolidayEdit => ({ date, reason: null, span: S });

describe('libraryHolidays', () => {
  it('gives the public holidays of Colombia in 2026, deduplicated by date and sorted', () => {
    const co = libraryHolidays('CO', 2026);
    // date-holidays 3.37 lists 20 public dates for CO 2026, among them Easter Sunday (2026-04-05,
    // marked public: kept, it falls on a Sunday anyway) and 2026-07-13 (Virgen de Chiquinquirá).
    // A library upgrade that changes this count must be noticed: pinned years exist for that.
    expect(co).toHaveLength(20);
    for (const d of ['2026-01-01', '2026-01-12', '2026-04-02', '2026-04-03', '2026-07-20', '2026-12-25']) {
      expect(co).toContain(d);
    }
    expect(co).toContain('2026-04-05');
    // Palm Sunday is an observance in the library, not a public holiday.
    expect(co).not.toContain('2026-03-29');
    expect([...co].sort()).toEqual(co);
    expect(new Set(co).size).toBe(co.length);
  });

  it('keeps public days only (a US-NY observance is not a holiday) and understands states', () => {
    const ny = libraryHolidays('US-NY', 2026);
    expect(ny).toContain('2026-07-03'); // substitute day for Independence Day (a Saturday)
    expect(ny).toContain('2026-02-12'); // Lincoln's Birthday: NY only
    expect(libraryHolidays('US', 2026)).not.toContain('2026-02-12');
    expect(ny).not.toContain('2026-02-14'); // Valentine's Day, an observance
    expect(ny).not.toContain('2026-12-24'); // Christmas Eve, optional
  });

  it('refuses an unknown country instead of answering "no holidays"', () => {
    expect(() => libraryHolidays('XX', 2026)).toThrow(/unknown holiday country/);
  });
});

describe('isKnownCountry', () => {
  it('knows countries and states', () => {
    expect(isKnownCountry('CO')).toBe(true);
    expect(isKnownCountry('co')).toBe(true);
    expect(isKnownCountry('US-NY')).toBe(true);
    expect(isKnownCountry('XX')).toBe(false);
    expect(isKnownCountry('US-XX')).toBe(false);
    expect(isKnownCountry('')).toBe(false);
  });
});

describe('resolveHolidays', () => {
  it('uses the library for an unpinned year', () => {
    expect(resolveHolidays(calendar(), 2026)).toEqual(libraryHolidays('CO', 2026));
  });

  it('uses exactly the pinned dates of a pinned year, without consulting the library', () => {
    // An unknown country would throw if the library were consulted for 2026.
    const cal = calendar({
      holidayCountry: 'XX',
      pinned: [{ year: 2026, dates: ['2026-01-01', '2026-05-01'], span: S }],
    });
    expect(resolveHolidays(cal, 2026)).toEqual(['2026-01-01', '2026-05-01']);
    expect(() => resolveHolidays(cal, 2027)).toThrow(/unknown holiday country/);

    const co = calendar({ pinned: [{ year: 2026, dates: ['2026-01-01'], span: S }] });
    expect(resolveHolidays(co, 2026)).toEqual(['2026-01-01']);
    expect(resolveHolidays(co, 2027)).toEqual(libraryHolidays('CO', 2027));
  });

  it('applies added and removed dates of the year only', () => {
    const cal = calendar({
      added: [edit('2026-12-24'), edit('2027-12-24'), edit('2026-01-01')],
      removed: [edit('2026-07-13'), edit('2027-01-01')],
    });
    const got = resolveHolidays(cal, 2026);
    expect(got).toContain('2026-12-24');
    expect(got).not.toContain('2026-07-13');
    expect(got).not.toContain('2027-12-24');
    expect(got).toHaveLength(20); // +1 added, -1 removed, 2026-01-01 already there
    expect([...got].sort()).toEqual(got);
    expect(resolveHolidays(cal, 2027)).not.toContain('2027-01-01');
    expect(resolveHolidays(cal, 2027)).toContain('2027-12-24');
  });

  it('applies edits to a pinned year too, and works without a country', () => {
    const pinned = calendar({
      pinned: [{ year: 2026, dates: ['2026-01-01', '2026-05-01'], span: S }],
      added: [edit('2026-06-01')],
      removed: [edit('2026-05-01')],
    });
    expect(resolveHolidays(pinned, 2026)).toEqual(['2026-01-01', '2026-06-01']);
    const none = calendar({ holidayCountry: null, added: [edit('2026-03-02')] });
    expect(resolveHolidays(none, 2026)).toEqual(['2026-03-02']);
    expect(resolveHolidays(none, 2025)).toEqual([]);
  });

  it('caches per calendar and year', () => {
    const cal = calendar();
    const first = resolveHolidays(cal, 2026);
    expect(resolveHolidays(cal, 2026)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    // Another calendar object with the same content resolves on its own.
    expect(resolveHolidays(calendar(), 2026)).not.toBe(first);
  });
});
