// `slac holidays`: a year's holidays as the `pinned holidays` line a calendar takes, chosen as the
// calendars choose them (public by default, by local date, de-duplicated), laid out as fmt lays it.

import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { format } from '../../compiler/format';
import { libraryHolidays } from '../../compiler/holidays';
import { parse } from '../../language/index';
import { runSlac } from '../helpers/io';
import { readRepoFile } from '../helpers/ir';

/** A contract whose calendar holds `lines` (as printed) under `public holidays of CODE`. */
const withCalendar = (code: string, lines: string) =>
  [
    'contract "Holidays"', 'version 1', 'effective 2026-01-01', 'time zone America/Bogota', '',
    'calendar business', '  monday to friday 08:00 to 18:00', `  public holidays of ${code}`, lines.trimEnd(), '',
    'severities', '  high', '', 'response 4 business hours for every incident', '', 'causes', '  counted provider', '',
  ].join('\n');

describe('slac holidays', () => {
  it('CO 2026: the public holidays the calendars use, as the seed pins them, with names as comments', async () => {
    const r = await runSlac(['holidays', 'CO', '2026']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines).toContain('  # 2026-07-13  Virgin of Chiquinquirá');
    const pinned = lines.filter((l) => l && !l.trimStart().startsWith('#'));
    // The very lines of the SAGICC seed, which was pinned from the same library.
    const seed = readRepoFile('contracts/sagicc/v04.sla').split('\n');
    const at = seed.findIndex((l) => l.startsWith('  pinned holidays 2026:'));
    expect(pinned).toEqual(seed.slice(at, at + pinned.length));
    expect(pinned.join(' ').match(/\d{4}-\d{2}-\d{2}/g)).toEqual(libraryHolidays('CO', 2026));
  });

  it('pastes into a calendar as slac fmt leaves it, and checks clean against the library', async () => {
    for (const argv of [['CO', '2026'], ['DE', '2026', '--region', 'BY'], ['US', '2026']]) {
      const out = (await runSlac(['holidays', ...argv])).out;
      const code = argv.length > 2 ? `${argv[0]}-${argv[3]}` : argv[0];
      const text = withCalendar(code, out);
      expect(format(parse(text).ast, text), argv.join(' ')).toBe(text);
      expect(compile(text, 'h.sla').diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code), argv.join(' ')).toEqual([]);
    }
  });

  it('--types adds other kinds of days, named with their types; each date once', async () => {
    const out = (await runSlac(['holidays', 'DE', '2026', '--region', 'BY', '--types', 'public,observance'])).out;
    expect(out).toContain('# 2026-02-14  Valentine\'s Day (observance)');
    const dates = out.split('\n').filter((l) => !l.trimStart().startsWith('#')).join(' ').match(/\d{4}-\d{2}-\d{2}/g)!;
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates).toEqual([...dates].sort());
    expect(dates.length).toBeGreaterThan(libraryHolidays('DE-BY', 2026).length);
  });

  it('--format json: the dates, their names and types, and the ready line', async () => {
    const doc = JSON.parse((await runSlac(['holidays', 'CO', '2026', '--format', 'json'])).out);
    expect(doc).toMatchObject({ country: 'CO', year: 2026, types: ['public'] });
    expect(doc.holidays[0]).toEqual({ date: '2026-01-01', names: ["New Year's Day"], types: ['public'] });
    expect(doc.pinned).toMatch(/^pinned holidays 2026: 2026-01-01, 2026-01-12, /);
  });

  it('an unknown country or region says where to find the codes', async () => {
    const country = await runSlac(['holidays', 'XX', '2026']);
    expect(country.code).toBe(2);
    expect(country.err).toMatch(/^slac: unknown country "XX": .*`slac holidays --list` lists the countries/);
    const region = await runSlac(['holidays', 'DE', '2026', '--region', 'ZZ']);
    expect(region.code).toBe(2);
    expect(region.err).toMatch(/^slac: unknown region "ZZ" of DE: its regions are BB, BE, BW, BY, /);
    expect((await runSlac(['holidays', '--list'])).out).toContain('CO  Colombia\n');
    expect((await runSlac(['holidays', '--list', 'DE'])).out).toContain('BY  Bayern\n');
  });

  it('bad year or types: exit 2 with one line', async () => {
    expect((await runSlac(['holidays', 'CO', '26'])).err).toBe('slac: the year is written with four digits (2026), not "26"\n');
    expect((await runSlac(['holidays', 'CO', '2026', '--types', 'public,fun'])).err).toMatch(/^slac: --types takes a list of public, bank, optional, school, observance/);
    expect((await runSlac(['holidays'])).code).toBe(2);
  });
});
