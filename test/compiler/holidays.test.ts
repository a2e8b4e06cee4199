// The holiday source of the checks answers exactly as date-holidays does (public type only, by
// local date, de-duplicated), whether from the build-time snapshot or from the library itself.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holidayPlaces, isKnownCountry, libraryHolidays, namedHolidays, readSnapshot, snapshotDates } from '../../compiler/holidays';

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

  it('an unknown code has no holidays', () => {
    expect(libraryHolidays('XX', 2026)).toEqual([]);
    expect(libraryHolidays('XX-YY', 2026)).toEqual([]);
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
    expect(isKnownCountry(' co ')).toBe(true);
    expect(isKnownCountry(' us-ny ')).toBe(true);
    expect(isKnownCountry('de-by-a')).toBe(true);
    expect(isKnownCountry('DE-BY-ZZ')).toBe(false);
    expect(isKnownCountry('DE-BE-A')).toBe(false);
    expect(isKnownCountry('')).toBe(false);
    expect(isKnownCountry(' ')).toBe(false);
  });
});

describe('the build-time snapshot', () => {
  it('a row is the dates of its year as MMDD, or whole dates of another year; an empty row has none', () => {
    expect(snapshotDates('0101,0713,1225', 2026)).toEqual(['2026-01-01', '2026-07-13', '2026-12-25']);
    expect(snapshotDates('2025-12-31,0101', 2026)).toEqual(['2025-12-31', '2026-01-01']);
    expect(snapshotDates('', 2026)).toEqual([]);
  });

  it('is read only when it was written from the installed library, and not when damaged or missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-snapshot-'));
    try {
      const snap = { library: 'date-holidays@1 date-holidays-parser@2', firstYear: 2026, countries: { CO: ['0101'] } };
      writeFileSync(join(dir, 'good.json'), JSON.stringify(snap));
      writeFileSync(join(dir, 'damaged.json'), '{"library": "date-holidays@1 date-');
      expect(readSnapshot(join(dir, 'good.json'), snap.library)).toEqual(snap);
      expect(readSnapshot(join(dir, 'good.json'), 'date-holidays@1 date-holidays-parser@3')).toBeNull();
      expect(readSnapshot(join(dir, 'damaged.json'), snap.library)).toBeNull();
      expect(readSnapshot(join(dir, 'missing.json'), snap.library)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('holidays by name and the places that have them (`slac holidays`)', () => {
  it('a date with two names of one type has the type once; one name of two types, the name once', () => {
    expect(namedHolidays('AL', 2026, ['public']).filter((h) => h.date === '2026-11-30')).toEqual([
      { date: '2026-11-30', names: ['Independence Day (substitute day)', 'Liberation Day (substitute day)'], types: ['public'] },
    ]);
    expect(namedHolidays('AS', 2026, ['bank', 'optional', 'observance']).slice(-2)).toEqual([
      { date: '2026-12-24', names: ['Christmas Eve'], types: ['optional', 'bank'] },
      { date: '2026-12-31', names: ["New Year's Eve"], types: ['observance', 'bank'] },
    ]);
  });


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
    expect(holidayPlaces().DE).toBe('Germany');
    expect(holidayPlaces('at')['9']).toBe('Vienna');
    expect(holidayPlaces('us').NY).toBe('New York');
    expect(holidayPlaces('de', 'by')).toEqual({ A: 'Stadt Augsburg', KATH: 'Predominantly catholic communities', EVANG: 'Predominantly protestant communities' });
    expect(holidayPlaces('XX')).toEqual({});
    expect(holidayPlaces('DE', 'XX')).toEqual({});
  });
});
