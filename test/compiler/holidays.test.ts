// The holiday source of the checks answers exactly as date-holidays does (public type only, by
// local date, de-duplicated), whether from the build-time snapshot or from the library itself.

import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { holidayPlaces, isKnownCountry, libraryHolidays, namedHolidays } from '../../compiler/holidays';

type HolidaysClass = new (country?: string | { country: string; state?: string; region?: string }) => { getHolidays(year: number): { date: string; type: string }[] };
const Holidays = createRequire(import.meta.url)('date-holidays') as HolidaysClass;

function direct(country: string, year: number, types = ['public']): string[] {
  const [c, state, region] = country.split('-');
  const opts = { country: c, ...(state ? { state } : {}), ...(region ? { region } : {}) };
  const days = new Set(new Holidays(opts).getHolidays(year).filter((h) => types.includes(h.type)).map((h) => h.date.slice(0, 10)));
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

describe('holiday source beyond the public holidays of a country', () => {
  it('a state or region has its own holidays, as date-holidays gives them', () => {
    expect(libraryHolidays('US-NY', 2026)).toEqual(direct('US-NY', 2026));
    expect(libraryHolidays('DE-BY', 2026)).toEqual(direct('DE-BY', 2026));
    expect(libraryHolidays('DE-BY', 2026)).not.toEqual(libraryHolidays('DE', 2026));
    expect(libraryHolidays('DE-BY-A', 2026)).toEqual(direct('DE-BY-A', 2026));
    expect(libraryHolidays('DE-BY-A', 2026)).toContain('2026-08-08'); // Augsburger Friedensfest
  });

  it('other types than public come from the library, each list its own', () => {
    const bank = libraryHolidays('SE', 2026, ['public', 'bank']);
    expect(bank).toEqual(direct('SE', 2026, ['public', 'bank']));
    expect(bank.length).toBeGreaterThan(libraryHolidays('SE', 2026).length);
    expect(libraryHolidays('SE', 2026, ['bank'])).toEqual(direct('SE', 2026, ['bank']));
    expect(libraryHolidays('SE', 2026, ['public'])).toEqual(direct('SE', 2026));
  });

  it('years outside the snapshot, and codes in any case or with spaces, answer the same', () => {
    for (const year of [1990, 2150]) expect(libraryHolidays('CO', year), String(year)).toEqual(direct('CO', year));
    expect(libraryHolidays(' co ', 2026)).toEqual(direct('CO', 2026));
    expect(libraryHolidays('us-ny', 2026)).toEqual(direct('US-NY', 2026));
  });

  it('each answer is the caller\'s own copy', () => {
    const first = libraryHolidays('CO', 2027);
    first.length = 0;
    expect(libraryHolidays('CO', 2027)).toEqual(direct('CO', 2027));
    const typed = libraryHolidays('SE', 2027, ['bank']);
    typed.push('x');
    expect(libraryHolidays('SE', 2027, ['bank'])).toEqual(direct('SE', 2027, ['bank']));
  });

  it('knows states and regions case-blind, and no region of another state', () => {
    expect(isKnownCountry('de-by-a')).toBe(true);
    expect(isKnownCountry('DE-BY-ZZ')).toBe(false);
    expect(isKnownCountry('DE-BE-A')).toBe(false);
    expect(isKnownCountry('')).toBe(false);
    expect(isKnownCountry(' ')).toBe(false);
  });
});

describe('holidays by name and the places that have them (`slac holidays`)', () => {
  it('each date of the types asked once, in date order, with what the library calls it', () => {
    const optional = namedHolidays('SE', 2026, ['optional']);
    expect(optional).toEqual([
      { date: '2026-01-05', names: ['Twelfth Night'], types: ['optional'] },
      { date: '2026-04-30', names: ['Walpurgis Night'], types: ['optional'] },
      ...optional.slice(2),
    ]);
    expect(optional.map((h) => h.date)).toEqual(libraryHolidays('SE', 2026, ['optional']));
    const two = namedHolidays('se', 2026, ['public', 'observance']);
    expect(two.map((h) => h.date)).toEqual(libraryHolidays('SE', 2026, ['public', 'observance']));
    expect(two.slice(0, 3)).toEqual([
      { date: '2026-01-01', names: ["New Year's Day"], types: ['public'] },
      { date: '2026-01-06', names: ['Epiphany'], types: ['public'] },
      { date: '2026-01-13', names: ["Saint Knut's Day"], types: ['observance'] },
    ]);
    expect(namedHolidays('SE', 2026, ['school'])).toEqual([]);
  });

  it('countries by code, the states of a country and the regions of a state, in English and any case; none of an unknown one', () => {
    expect(holidayPlaces().CO).toBe('Colombia');
    expect(holidayPlaces('us').NY).toBe('New York');
    expect(holidayPlaces('de', 'by')).toEqual({ A: 'Stadt Augsburg', KATH: 'Predominantly catholic communities', EVANG: 'Predominantly protestant communities' });
    expect(holidayPlaces('XX')).toEqual({});
    expect(holidayPlaces('DE', 'XX')).toEqual({});
  });
});
