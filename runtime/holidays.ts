// Resolves the holiday dates of a calendar for a year: pinned dates, else the public holidays of
// date-holidays for its country, then the contract's own `add`/`remove` edits.

import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import type { Calendar } from '../compiler/ir';

type HolidaysClass = typeof Holidays;
type HolidaysInstance = InstanceType<HolidaysClass>;

// date-holidays ships every country's rules in one module: requiring it costs ~90 ms, so it is
// loaded on first use only (contracts without a holiday country, and every pinned year, never
// pay for it). Synchronous require keeps the whole runtime synchronous.
let holidaysClass: HolidaysClass | null = null;

function loadHolidaysClass(): HolidaysClass {
  if (holidaysClass === null) {
    const required = createRequire(import.meta.url)('date-holidays') as
      | HolidaysClass
      | { default: HolidaysClass };
    holidaysClass = typeof required === 'function' ? required : required.default;
  }
  return holidaysClass;
}

/** One library instance per country code ("CO", "US-NY"): init parses the country's rules. */
const instances = new Map<string, HolidaysInstance>();
/** Library answers per `${code}|${year}`. */
const libraryCache = new Map<string, readonly string[]>();
let countryList: HolidaysInstance | null = null;

interface CountryCode {
  country: string;
  state?: string;
  region?: string;
}

function parseCode(code: string): CountryCode {
  const [country, state, region] = code.trim().toUpperCase().split('-');
  return { country, ...(state ? { state } : {}), ...(region ? { region } : {}) };
}

function normalise(code: string): string {
  return code.trim().toUpperCase();
}

/** True when date-holidays knows the country (and the state/region, when one is given). */
export function isKnownCountry(code: string): boolean {
  const { country, state, region } = parseCode(code);
  if (!country) return false;
  if (countryList === null) countryList = new (loadHolidaysClass())();
  if (!Object.hasOwn(countryList.getCountries(), country)) return false;
  if (state === undefined) return true;
  const states = countryList.getStates(country) ?? {};
  if (!Object.keys(states).some((s) => s.toUpperCase() === state)) return false;
  if (region === undefined) return true;
  const regions = countryList.getRegions(country, state) ?? {};
  return Object.keys(regions).some((r) => r.toUpperCase() === region);
}

function instanceFor(code: string): HolidaysInstance {
  const key = normalise(code);
  let instance = instances.get(key);
  if (instance === undefined) {
    // An unknown code would make the library silently answer "no holidays": refuse instead, so a
    // typo can never quietly turn holidays into business days.
    if (!isKnownCountry(key)) throw new Error(`unknown holiday country '${code}'`);
    instance = new (loadHolidaysClass())(parseCode(key));
    instances.set(key, instance);
  }
  return instance;
}

/**
 * The library's public holidays of `country` in `year`, as sorted unique local dates 'YYYY-MM-DD'.
 * Only `type === 'public'` counts (bank, school, optional and observance days are working days);
 * the `date` field is local wall time 'YYYY-MM-DD hh:mm:ss', so its first 10 characters are the
 * local date. Several holidays can share a date, hence dedupe by date, never by name.
 */
export function libraryHolidays(country: string, year: number): string[] {
  const key = `${normalise(country)}|${year}`;
  let dates = libraryCache.get(key);
  if (dates === undefined) {
    const set = new Set<string>();
    for (const h of instanceFor(country).getHolidays(year)) {
      if (h.type === 'public') set.add(h.date.slice(0, 10));
    }
    dates = Object.freeze([...set].sort());
    libraryCache.set(key, dates);
  }
  return [...dates];
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

  const prefix = `${String(year).padStart(4, '0')}-`;
  const pinned = calendar.pinned.find((p) => p.year === year);
  const dates = new Set<string>(
    pinned
      ? pinned.dates
      : calendar.holidayCountry !== null
        ? libraryHolidays(calendar.holidayCountry, year)
        : [],
  );
  for (const edit of calendar.added) if (edit.date.startsWith(prefix)) dates.add(edit.date);
  for (const edit of calendar.removed) if (edit.date.startsWith(prefix)) dates.delete(edit.date);

  const result = Object.freeze([...dates].sort());
  perYear.set(year, result);
  return result;
}
