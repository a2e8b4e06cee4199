// The holiday source of the checks answers exactly as date-holidays does (public type only, by
// local date, de-duplicated), whether from the build-time snapshot or from the library itself.

import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isKnownCountry, libraryHolidays } from '../../compiler/holidays';

type HolidaysClass = new (country?: string) => { getHolidays(year: number): { date: string; type: string }[] };
const Holidays = createRequire(import.meta.url)('date-holidays') as HolidaysClass;

function direct(country: string, year: number): string[] {
  const days = new Set(new Holidays(country).getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
  return [...days].sort();
}

describe('holiday source', () => {
  it('gives the public holidays of date-holidays, by local date', () => {
    for (const country of ['CO', 'US', 'DE', 'JP'])
      for (const year of [2026, 2030, 2040]) expect(libraryHolidays(country, year), `${country} ${year}`).toEqual(direct(country, year));
  });

  it('includes Colombia 2026 as pinned by the SAGICC seed, with the holiday of the 2026 law', () => {
    expect(libraryHolidays('CO', 2026)).toContain('2026-07-13');
    expect(libraryHolidays('CO', 2026)).toHaveLength(20);
  });

  it('knows countries, states and regions, and nothing else', () => {
    expect(isKnownCountry('CO')).toBe(true);
    expect(isKnownCountry('co')).toBe(true);
    expect(isKnownCountry('US-NY')).toBe(true);
    expect(isKnownCountry('XX')).toBe(false);
    expect(isKnownCountry('US-ZZ')).toBe(false);
  });
});
