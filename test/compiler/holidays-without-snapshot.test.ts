// Without the build-time snapshot (a source checkout before `npm run build`, or a snapshot of
// another date-holidays version), the library itself answers, the same way.

import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { isKnownCountry, libraryHolidays } from '../../compiler/holidays';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, existsSync: (p: string) => !String(p).endsWith('holiday-snapshot.json') && fs.existsSync(p) };
});

type HolidaysClass = new (country?: string) => { getHolidays(year: number): { date: string; type: string }[] };
const Holidays = createRequire(import.meta.url)('date-holidays') as HolidaysClass;

describe('holidays from the library', () => {
  it('knows countries, and no unknown one, with or without a state', () => {
    expect(isKnownCountry('CO')).toBe(true);
    expect(isKnownCountry(' co ')).toBe(true);
    expect(isKnownCountry('XX')).toBe(false);
    expect(isKnownCountry('XX-NY')).toBe(false);
    expect(isKnownCountry('US-NY')).toBe(true);
  });

  it('gives the public holidays of the library', () => {
    const direct = [...new Set(new Holidays('CO').getHolidays(2026).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)))].sort();
    expect(libraryHolidays('CO', 2026)).toEqual(direct);
    expect(libraryHolidays('CO', 2026)).toHaveLength(20);
  });
});
