// The build-time snapshot is what answers the public holidays of a country and whether a country
// is known, without loading date-holidays (~90 ms at every start of `slac`), and it answers exactly
// as the library does. date-holidays is replaced in Node's module cache by a class that fails when
// constructed, and compiler/holidays.ts is imported afresh, so any answer from the library fails.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Source = typeof import('../../compiler/holidays');
type HolidaysClass = new (country?: string | { country: string }) => { getHolidays(year: number): { date: string; type: string }[]; getCountries(): Record<string, string> };

const requireHere = createRequire(import.meta.url);
const entry = requireHere.resolve('date-holidays');
const snapshotFile = new URL('../../dist/holiday-snapshot.json', import.meta.url);

class NotToBeLoaded {
  constructor() {
    throw new Error('date-holidays was asked although the snapshot holds the answer');
  }
}

describe('holidays from the snapshot', () => {
  let source: Source;
  let saved: NodeJS.Module | undefined;

  beforeAll(async () => {
    saved = requireHere.cache[entry];
    requireHere.cache[entry] = { id: entry, filename: entry, loaded: true, exports: NotToBeLoaded } as unknown as NodeJS.Module;
    vi.resetModules();
    source = await import('../../compiler/holidays');
  });

  afterAll(() => {
    if (saved) requireHere.cache[entry] = saved;
    else delete requireHere.cache[entry];
  });

  it('is there after the build, written from the installed library', () => {
    expect(existsSync(snapshotFile), 'dist/holiday-snapshot.json: run `npm run build`').toBe(true);
    const snap = JSON.parse(readFileSync(snapshotFile, 'utf8')) as { library: string };
    expect(snap.library).toBe(`date-holidays@${source.libraryVersion()} date-holidays-parser@${(createRequire(entry)('date-holidays-parser/package.json') as { version: string }).version}`);
  });

  it('answers countries and their public holidays in any case, without the library', () => {
    expect(source.isKnownCountry('CO')).toBe(true);
    expect(source.isKnownCountry(' co ')).toBe(true);
    expect(source.isKnownCountry('XX')).toBe(false);
    expect(source.libraryHolidays('CO', 2026)).toHaveLength(20);
    expect(source.libraryHolidays(' co ', 2027)).toContain('2027-07-20');
    expect(source.libraryHolidays('de', 2030)).toContain('2030-10-03');
  });

  it('answers as date-holidays does, for every country, in the first, a middle and the last year it holds', () => {
    const snap = JSON.parse(readFileSync(snapshotFile, 'utf8')) as { firstYear: number; countries: Record<string, string[]> };
    const years = Object.values(snap.countries)[0].length;
    const asked = Object.keys(snap.countries).map((c) => [c, [snap.firstYear, snap.firstYear + Math.floor(years / 2), snap.firstYear + years - 1].map((y) => source.libraryHolidays(c, y))] as const);
    // Only now the real library, as the reference.
    if (saved) requireHere.cache[entry] = saved;
    else delete requireHere.cache[entry];
    const Holidays = requireHere('date-holidays') as HolidaysClass;
    expect(Object.keys(snap.countries).sort()).toEqual(Object.keys(new Holidays().getCountries()).sort());
    for (const [country, answers] of asked) {
      const h = new Holidays(country);
      answers.forEach((dates, i) => {
        const year = [snap.firstYear, snap.firstYear + Math.floor(years / 2), snap.firstYear + years - 1][i];
        const expected = [...new Set(h.getHolidays(year).filter((x) => x.type === 'public').map((x) => x.date.slice(0, 10)))].sort();
        expect(dates, `${country} ${year}`).toEqual(expected);
      });
    }
  });
});
