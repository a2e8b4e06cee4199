// What date-holidays says about a country: public holidays by local date, de-duplicated. Used by
// the holiday checks and by the runtime's calendars. Loading date-holidays costs ~90 ms, so a
// snapshot written at build time answers first while it matches the installed library.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type Holidays from 'date-holidays';

type HolidaysClass = typeof Holidays;
type HolidaysInstance = InstanceType<HolidaysClass>;

/**
 * The public holidays of every country for a range of years, computed by scripts/build.mjs from the
 * installed date-holidays and valid only for the versions in `library`: one string per year from `firstYear`,
 * dates joined by commas, "MMDD" for a date of that year and "YYYY-MM-DD" otherwise.
 */
interface Snapshot {
  library: string;
  firstYear: number;
  countries: Record<string, string[]>;
}

export const SNAPSHOT_FILE = 'holiday-snapshot.json';

const requireHere = createRequire(import.meta.url);
let snapshot: Snapshot | null | undefined;
let holidaysClass: HolidaysClass | undefined;
let countryList: HolidaysInstance | undefined;
const instances = new Map<string, HolidaysInstance>();
const cache = new Map<string, string[]>();
const PUBLIC_ONLY: readonly string[] = ['public'];

/** The installed date-holidays version (its package.json only: cheap). */
export function libraryVersion(): string {
  return (requireHere('date-holidays/package.json') as { version: string }).version;
}

/** The data (date-holidays) and the rules engine (date-holidays-parser) both decide the dates. */
function librarySignature(): string {
  const parser = createRequire(requireHere.resolve('date-holidays'))('date-holidays-parser/package.json') as { version: string };
  return `date-holidays@${libraryVersion()} date-holidays-parser@${parser.version}`;
}

/** The snapshot in `file` when it was written from the library of `signature`; null when it was not, or is damaged. */
export function readSnapshot(file: string, signature: string): Snapshot | null {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
    return s.library === signature ? s : null;
  } catch {
    // A damaged snapshot is ignored: the library answers instead.
    return null;
  }
}

/** The snapshot beside the bundle (dist/) or in dist/ of a source checkout, when it matches the library. */
function loadSnapshot(): Snapshot | null {
  // Stryker disable next-line ConditionalExpression: reading the snapshot again gives the same one
  if (snapshot !== undefined) return snapshot;
  snapshot = null;
  for (const rel of [`./${SNAPSHOT_FILE}`, `../${SNAPSHOT_FILE}`, `../dist/${SNAPSHOT_FILE}`]) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (!existsSync(file)) continue;
    snapshot = readSnapshot(file, librarySignature());
    break;
  }
  return snapshot;
}

/** The date-holidays class (its CommonJS entry exports it), loaded on first use. */
function library(): HolidaysClass {
  // Stryker disable next-line ConditionalExpression: loading the module again gives the same class
  if (!holidaysClass) holidaysClass = requireHere('date-holidays') as HolidaysClass;
  return holidaysClass;
}

/** "MMDD" of the row's year or a whole "YYYY-MM-DD", joined by commas: the row of a snapshot, as dates. */
export function snapshotDates(row: string, year: number): string[] {
  return row === '' ? [] : row.split(',').map((d) => (d.length === 4 ? `${year}-${d.slice(0, 2)}-${d.slice(2)}` : d));
}

function parseCode(code: string): { country: string; state?: string; region?: string } {
  const [country, state, region] = code.trim().toUpperCase().split('-');
  return { country, ...(state ? { state } : {}), ...(region ? { region } : {}) };
}

/** True when date-holidays knows the country (and the state and region, when given: "US-NY"). */
export function isKnownCountry(code: string): boolean {
  const { country, state, region } = parseCode(code);
  const snap = loadSnapshot();
  if (snap && state === undefined) return Object.hasOwn(snap.countries, country);
  countryList ??= new (library())();
  // An unknown country has no states: asked for one, the library answers none.
  if (state === undefined) return Object.hasOwn(countryList.getCountries(), country);
  const states = countryList.getStates(country) ?? {};
  if (!Object.keys(states).some((s) => s.toUpperCase() === state)) return false;
  if (region === undefined) return true;
  const regions = countryList.getRegions(country, state) ?? {};
  return Object.keys(regions).some((r) => r.toUpperCase() === region);
}

/**
 * The library's public holidays of a known country code in `year`: sorted unique 'YYYY-MM-DD'.
 * Only `type === 'public'`; the date is the first 10 characters of the local `date` field.
 */
export function libraryHolidays(code: string, year: number, types: readonly string[] = PUBLIC_ONLY): string[] {
  const typed = !(types.length === 1 && types[0] === 'public');
  // The key only decides whether the cache answers: a miss computes the same dates.
  // Stryker disable next-line all
  const key = `${code.trim().toUpperCase()}|${year}|${types.join(',')}`;
  const hit = cache.get(key);
  // Stryker disable next-line ConditionalExpression: the cache only saves time
  if (hit) return [...hit];
  let dates: string[];
  // The snapshot holds public holidays only: other types ask the library (loaded once, ~90 ms).
  const snap = typed ? null : loadSnapshot();
  const row = snap && !code.includes('-') ? snap.countries[code.trim().toUpperCase()]?.[year - snap.firstYear] : undefined;
  if (row !== undefined) {
    dates = snapshotDates(row, year);
  } else {
    let instance = instances.get(code);
    // Stryker disable next-line ConditionalExpression: the instance only saves time
    if (!instance) {
      instance = new (library())(parseCode(code));
      instances.set(code, instance);
    }
    const set = new Set<string>();
    for (const h of instance.getHolidays(year)) if (types.includes(h.type)) set.add(h.date.slice(0, 10));
    // Stryker disable next-line MethodExpression: date-holidays gives its holidays in date order; the sort keeps the promise if a version does not
    dates = [...set].sort();
  }
  cache.set(key, dates);
  return [...dates];
}

/** Holiday types date-holidays knows; the calendars use `public` only. */
export const HOLIDAY_TYPES = ['public', 'bank', 'optional', 'school', 'observance'] as const;
export type HolidayType = (typeof HOLIDAY_TYPES)[number];

export interface NamedHoliday {
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** What the library calls the day (in English where it has the name): for people, never a key. */
  names: string[];
  types: HolidayType[];
}

/**
 * The library's holidays of a known code in `year` whose type is one of `types`, by local date
 * and de-duplicated as libraryHolidays does, with the names of each date (for `slac holidays`).
 */
export function namedHolidays(code: string, year: number, types: readonly HolidayType[]): NamedHoliday[] {
  let instance = instances.get(code);
  // Stryker disable next-line ConditionalExpression: the instance only saves time
  if (!instance) {
    instance = new (library())(parseCode(code));
    instances.set(code, instance);
  }
  const byDate = new Map<string, NamedHoliday>();
  for (const h of instance.getHolidays(year, 'en')) {
    const type = h.type as HolidayType;
    if (!types.includes(type)) continue;
    const date = h.date.slice(0, 10);
    const entry = byDate.get(date) ?? { date, names: [], types: [] };
    if (!entry.names.includes(h.name)) entry.names.push(h.name);
    if (!entry.types.includes(type)) entry.types.push(type);
    byDate.set(date, entry);
  }
  // Stryker disable next-line all: date-holidays gives its holidays in date order; the sort keeps the promise if a version does not
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The countries date-holidays knows (code -> name), or the subdivisions of a country or state. */
export function holidayPlaces(country?: string, state?: string): Record<string, string> {
  countryList ??= new (library())();
  if (country === undefined) return countryList.getCountries('en');
  // The library reads codes case-blind.
  if (state === undefined) return countryList.getStates(country, 'en') ?? {};
  return countryList.getRegions(country, state, 'en') ?? {};
}
