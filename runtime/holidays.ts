// Resolves the holiday dates of a calendar for a year: pinned dates, else the public holidays of
// date-holidays for its country, then the contract's own `add`/`remove` edits.

import { isKnownCountry, libraryHolidays as publicHolidays } from '../compiler/holidays';
import type { Calendar } from '../compiler/ir';

export { isKnownCountry };

/**
 * The library's public holidays of `country` in `year`, as sorted unique local dates 'YYYY-MM-DD'
 * (see compiler/holidays.ts). An unknown code would make the library silently answer "no
 * holidays": it throws instead, so a typo can never quietly turn holidays into business days.
 */
export function libraryHolidays(country: string, year: number, types?: readonly string[]): string[] {
  if (!isKnownCountry(country)) throw new Error(`unknown holiday country '${country}'`);
  return publicHolidays(country, year, types);
}

// Keyed by calendar identity: IR calendars are immutable once lowered, so identity is a safe key
// and a WeakMap lets the cache go away with the contract.
const resolvedCache = new WeakMap<Calendar, Map<number, readonly string[]>>();

/**
 * The holiday dates of `calendar` in local `year`, sorted and unique ('YYYY-MM-DD').
 * A pinned year is used verbatim (the library is not consulted: upgrading date-holidays must never
 * change the verdict of a past period); otherwise the library's public holidays for the calendar's
 * country, if any. Then the contract's `added` dates of that year are added and its `removed`
 * dates removed. The result is cached and frozen: callers must not mutate it.
 */
export function resolveHolidays(calendar: Calendar, year: number): readonly string[] {
  let perYear = resolvedCache.get(calendar);
  if (perYear === undefined) {
    perYear = new Map();
    resolvedCache.set(calendar, perYear);
  }
  const cached = perYear.get(year);
  if (cached !== undefined) return cached;

  // Stryker disable next-line StringLiteral: years are 1969 to 9999 here (runtime/time.ts: instants from 1970 to 9998), four digits already
  const prefix = `${String(year).padStart(4, '0')}-`;
  const pinned = calendar.pinned.find((p) => p.year === year);
  const dates = new Set<string>(
    pinned
      ? pinned.dates
      : calendar.holidayCountry !== null
        ? libraryHolidays(calendar.holidayCountry, year, calendar.holidayTypes)
        : [],
  );
  for (const edit of calendar.added) if (edit.date.startsWith(prefix)) dates.add(edit.date);
  // Stryker disable next-line ConditionalExpression: a date of another year is not in this year's set
  for (const edit of calendar.removed) if (edit.date.startsWith(prefix)) dates.delete(edit.date);

  const result = Object.freeze([...dates].sort());
  perYear.set(year, result);
  return result;
}
