// `slac holidays <country> <year>`: a year's holidays from date-holidays as a ready `pinned
// holidays YEAR:` line for a calendar, chosen the way the calendars choose them (public type by
// default, by local date, de-duplicated), with the names as comments above it.

import { formatPinnedHolidays } from '../../compiler/format';
import { HOLIDAY_TYPES, type HolidayType, holidayPlaces, isKnownCountry, libraryVersion, namedHolidays } from '../../compiler/holidays';
import { OutputWriter } from '../formats/writer';
import { type Io, UsageError } from '../io';
import { HOLIDAY_FORMATS } from '../options';

export interface HolidaysOptions {
  types?: string;
  region?: string;
  format: string;
  output?: string;
  list?: boolean;
}

/** Where to look codes up, said with every unknown code. */
const FIND_CODES = '`slac holidays --list` lists the countries, `slac holidays --list CO` the regions of one';

function parseTypes(text: string | undefined): HolidayType[] {
  if (text === undefined) return ['public'];
  const types = text.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
  const unknown = types.filter((t) => !(HOLIDAY_TYPES as readonly string[]).includes(t));
  if (unknown.length || types.length === 0) throw new UsageError(`--types takes a list of ${HOLIDAY_TYPES.join(', ')}, not "${text}"`);
  return [...new Set(types)] as HolidayType[];
}

/** The code the calendars take (`public holidays of DE-BY`), checked against the library. */
function placeCode(country: string, region: string | undefined): string {
  const code = [country, region].filter(Boolean).join('-').toUpperCase();
  const [c, state, sub] = code.split('-');
  if (!isKnownCountry(c)) throw new UsageError(`unknown country "${country}": date-holidays names countries by ISO 3166 code (CO, DE, US); ${FIND_CODES}`);
  if (isKnownCountry(code)) return code;
  const inState = sub !== undefined && isKnownCountry(`${c}-${state}`);
  const of = inState ? `${c}-${state}` : c;
  const places = Object.keys(inState ? holidayPlaces(c, state) : holidayPlaces(c));
  throw new UsageError(`unknown region "${inState ? sub : state}" of ${of}: ${places.length ? `its regions are ${places.join(', ')}` : `date-holidays knows no regions of ${of}`}`);
}

function listPlaces(io: Io, country: string | undefined): number {
  const [c, state] = (country ?? '').toUpperCase().split('-');
  if (country !== undefined && !isKnownCountry(c)) throw new UsageError(`unknown country "${country}": ${FIND_CODES}`);
  const places = country === undefined ? holidayPlaces() : holidayPlaces(c, state);
  const entries = Object.entries(places).sort(([a], [b]) => (a < b ? -1 : 1));
  if (entries.length === 0) io.stdout(`${country!.toUpperCase()} has no regions in date-holidays\n`);
  for (const [code, name] of entries) io.stdout(`${code}  ${name}\n`);
  return 0;
}

export async function holidaysCommand(country: string | undefined, yearText: string | undefined, opts: HolidaysOptions, io: Io): Promise<number> {
  if (opts.list) return listPlaces(io, country);
  if (!(HOLIDAY_FORMATS as readonly string[]).includes(opts.format)) throw new UsageError(`--format is ${HOLIDAY_FORMATS.join(' or ')}, not "${opts.format}"`);
  if (country === undefined || yearText === undefined) throw new UsageError('name a country and a year, e.g. `slac holidays CO 2026`');
  if (!/^\d{4}$/.test(yearText)) throw new UsageError(`the year is written with four digits (2026), not "${yearText}"`);
  const year = Number(yearText);
  const types = parseTypes(opts.types);
  const code = placeCode(country, opts.region);
  const holidays = namedHolidays(code, year, types);
  const dates = holidays.map((h) => h.date);
  const pinned = dates.length ? formatPinnedHolidays(yearText, dates) : [];
  const library = `date-holidays ${libraryVersion()}`;

  const out = OutputWriter.open(io, opts.output);
  if (opts.format === 'json') {
    out.text(`${JSON.stringify({ country: code, year, types, library, holidays, pinned: pinned.map((l) => l.trim()).join(' ') || null }, null, 2)}\n`);
  } else {
    const kinds = types.join(', ');
    // Indented as a calendar's lines, so the block pastes under `calendar` as `slac fmt` leaves it.
    if (dates.length === 0) out.raw(`  # ${library} lists no holidays of type ${kinds} for ${code} in ${year}: nothing to pin`);
    else {
      out.raw(`  # Holidays of ${code} in ${year} from ${library} (type ${kinds}):`);
      const width = Math.max(...holidays.map((h) => h.date.length));
      for (const h of holidays) out.raw(`  # ${h.date.padEnd(width)}  ${h.names.join('; ')}${types.length > 1 ? ` (${h.types.join(', ')})` : ''}`);
      for (const line of pinned) out.raw(line);
    }
  }
  await out.end();
  return 0;
}
