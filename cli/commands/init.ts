// `slac init [file]`: writes a commented starter contract that checks clean and evaluates the
// usual records (incidents, outages, maintenance). Asks for what the flags leave open only on a
// terminal; the year of its holidays comes from --year or this machine's clock, here in the CLI.

import { existsSync, linkSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { IANAZone } from 'luxon';
import { format, formatPinnedHolidays, quote } from '../../compiler/format';
import { isKnownCountry, libraryHolidays } from '../../compiler/holidays';
import { parse } from '../../language/index';
import { formatInstant, localMidnight, localYearMonth } from '../../runtime/time';
import { fsReason, type Io, UsageError } from '../io';
import { INIT_HOURS } from '../options';

type Hours = (typeof INIT_HOURS)[number];

export interface InitOptions {
  zone?: string;
  country?: string;
  hours?: string;
  name?: string;
  year?: string;
  force?: boolean;
}

export interface Starter {
  name: string;
  zone: string;
  /** ISO code for public holidays, or null for none. */
  country: string | null;
  hours: Hours;
  year: number;
}

const DEFAULT_NAME = 'Service Level Agreement';

/**
 * This machine's zone, when it is an IANA name: a guess for the person writing the contract. TZ
 * first, as written: Intl gives ICU's older names for some zones (Asia/Calcutta for Asia/Kolkata).
 */
function machineZone(env: Io['env']): string {
  for (const zone of [env.TZ, Intl.DateTimeFormat().resolvedOptions().timeZone]) if (zone && IANAZone.isValidZone(zone)) return zone;
  return 'UTC';
}

// Each check names the value as the user gave it: `--zone X` from a flag, `"X"` from an answer.
function checkZone(zone: string, given = `--zone ${zone}`): string {
  if (!IANAZone.isValidZone(zone)) throw new UsageError(`${given} is not an IANA time zone name (America/Bogota, Europe/Madrid, UTC)`);
  return zone;
}

function checkCountry(country: string, given = `--country ${country}`): string {
  const code = country.trim().toUpperCase();
  if (!isKnownCountry(code)) throw new UsageError(`${given} is not a country date-holidays knows; \`slac holidays --list\` lists the codes`);
  return code;
}

function checkHours(hours: string, given = `--hours ${hours}`): Hours {
  if (!(INIT_HOURS as readonly string[]).includes(hours)) throw new UsageError(`${given}: the hours are business or 24x7`);
  return hours as Hours;
}

/** The starter contract's text: a function of the choices (and the installed date-holidays), tested as data. */
export function starterContract(s: Starter): string {
  const business = s.hours === 'business';
  // Business time on the calendar, or the wall clock for a 24x7 contract.
  const biz = (n: number, unit: string) => `${n} ${business ? 'business ' : ''}${unit}${n === 1 ? '' : 's'}`;
  const holidays = s.country ? libraryHolidays(s.country, s.year) : [];
  // An instant of the example record: hours after local midnight of March 2, with the zone's offset.
  const at = (hours: number) => formatInstant(localMidnight(s.year, 3, 2, s.zone) + hours * 3_600_000, s.zone);
  const calendar = business
    ? [
        '# Business hours: a target in `business hours` or `business days` counts only this time.',
        'calendar business "Business hours"',
        `  # Holidays: \`public holidays of CO\` takes a country's public holidays from date-holidays;`,
        `  # \`holiday ${s.year}-12-24 "agreed day off"\` adds a date, \`not a holiday ${s.year}-05-18 "worked"\` removes one.`,
        '  monday to friday 08:00 to 18:00  # several ranges: 08:00 to 12:00, 14:00 to 18:00',
        ...(s.country ? [`  public holidays of ${s.country}`] : []),
        ...(holidays.length
          ? [
              `  # The ${s.year} dates, pinned so that a library upgrade never changes a past verdict;`,
              `  # \`slac holidays ${s.country} ${s.year + 1}\` prints the next year's line.`,
              ...formatPinnedHolidays(String(s.year), holidays),
            ]
          : []),
        '',
      ]
    : [];
  const lines = [
    '# A starter contract written by `slac init`. One clause per line; `#` starts a comment.',
    '# Check it: slac check FILE   Lay it out: slac fmt FILE   Judge a log: slac evaluate FILE records.ndjson',
    '# A record it judges, one JSON object a line:',
    `# {"type":"incident","id":"T-1","severity":"high","opened":"${at(9)}","responded":"${at(10.5)}","cause":"provider"}`,
    '',
    `contract ${quote(s.name)}`,
    'version 1',
    `effective ${s.year}-01-01  # the date this version takes effect, at local midnight`,
    'provider "The Provider"',
    'customer "The Customer"',
    `time zone ${s.zone}  # IANA name: calendars, windows and months are read in it`,
    '',
    ...calendar,
    '# Most severe first. An incident record names one: "severity": "critical" (or an alias: 1).',
    'severities',
    '  critical "Critical" alias 1 "the service is down for every user"',
    '  high     "High"     alias 2 "a part of the service is down, or it is down for some users"',
    '  low      "Low"      alias 3 "a question, or a defect with a workaround"',
    '',
    `# Response: opened -> responded. ${business ? 'Plain hours run on the wall clock (24x7); business hours on the calendar.' : 'Every target runs on the wall clock (24x7).'}`,
    'response targets',
    '  | severity | target |',
    `  | critical | 30 minutes |`,
    `  | high | ${biz(4, 'hour')} |`,
    `  | low | ${biz(2, 'day')} |`,
    '',
    '# Restoration: opened -> restored. none: not applicable.',
    'restoration targets',
    '  | severity | target |',
    '  | critical | 4 hours |',
    `  | high | ${biz(2, 'day')} |`,
    '  | low | none |',
    '',
    '# An incident or outage names its cause; excluded causes do not count.',
    'causes',
    '  counted provider "attributable to the provider"',
    '  excluded third-party "services of third parties"',
    '',
    'maintenance',
    '  windows',
    '    sunday 04:00 to 08:00',
    '  notice at least 48 hours before the start',
    '  acknowledgement not required',
    '  not counted as downtime  # maintenance that keeps these rules',
    '',
    '# Availability = (month - downtime) / month, per calendar month in the contract\'s zone.',
    'availability',
    '  target 99.9% per calendar month',
    '  measured as exact time  # or: measured in slots of 5 minutes',
    '',
    'reliability at most 5 counted incidents per calendar month',
    '',
    '# The credit owed for a month below target: the band that holds its availability. Or a formula',
    '# instead of the table: 5% for each started 0.1% below target (started, full or pro rata).',
    'credits',
    '  basis "monthly fee"',
    '  | monthly availability | credit |',
    '  | at least 99.50% and below 99.90% | 5% |',
    '  | at least 99.00% and below 99.50% | 10% |',
    '  | below 99.00% | 25% |',
    '  claim within 30 days after invoice',
  ];
  // Written loosely above, laid out by the formatter: the starter passes `slac fmt --check`.
  const text = `${lines.join('\n')}\n`;
  return format(parse(text).ast, text);
}

/** Asks for what the flags left open, on a terminal; each answer may be empty for the default. */
async function ask(io: Io, s: Starter, given: InitOptions): Promise<Starter> {
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      io.stderr(chunk.toString('utf8'));
      done();
    },
  });
  const rl = createInterface({ input: io.stdinStream(), output, terminal: true });
  const question = async (text: string, fallback: string, check: (answer: string, given: string) => string): Promise<string> => {
    for (;;) {
      const answer = (await rl.question(`${text} [${fallback || 'none'}]: `)).trim();
      if (answer === '') return fallback;
      try {
        return check(answer, `"${answer}"`);
      } catch (e) {
        io.stderr(`slac: ${(e as Error).message}\n`);
      }
    }
  };
  try {
    const name = given.name ?? (await question('Contract name', s.name, (a) => a));
    const zone = given.zone ?? (await question('Time zone (IANA name)', s.zone, checkZone));
    const hours = given.hours ?? (await question('Hours: business or 24x7', s.hours, checkHours));
    const country =
      given.country ?? (hours === 'business' ? await question('Country of the public holidays (ISO code, e.g. CO)', '', checkCountry) : '');
    return { ...s, name, zone, hours: hours as Hours, country: country || null };
  } finally {
    rl.close();
  }
}

/**
 * Writes `text` to `file` (`name` as the user wrote it) whole or not at all: a temporary file
 * beside it, then a link (or with --force a rename) into place.
 */
function writeAtomically(file: string, name: string, text: string, force: boolean): void {
  const tmp = join(dirname(file), `.${process.pid}.${Date.now()}.slac-init.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    // link() fails on an existing file, so a file created meanwhile is never replaced without --force.
    if (force) renameSync(tmp, file);
    else {
      linkSync(tmp, file);
      unlinkSync(tmp);
    }
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    if ((e as NodeJS.ErrnoException).code === 'EEXIST' && !force) throw new UsageError(`${name}: it already exists; slac init --force replaces it`);
    throw new UsageError(`${name}: cannot write: ${fsReason(e)}`);
  }
}

export async function initCommand(file: string | undefined, opts: InitOptions, io: Io): Promise<number> {
  const target = file ?? 'contract.sla';
  const path = resolve(io.cwd, target);
  if (target !== '-' && existsSync(path) && !opts.force) throw new UsageError(`${target}: it already exists; slac init --force replaces it`);
  if (opts.year !== undefined && !/^\d{4}$/.test(opts.year)) throw new UsageError(`--year is written with four digits (2026), not "${opts.year}"`);
  const zone = checkZone(opts.zone ?? machineZone(io.env));
  let starter: Starter = {
    name: opts.name ?? DEFAULT_NAME,
    zone,
    country: opts.country !== undefined ? checkCountry(opts.country) : null,
    hours: opts.hours !== undefined ? checkHours(opts.hours) : 'business',
    year: 0,
  };
  if (io.stdinIsTTY && io.stderrIsTTY) starter = await ask(io, starter, opts);
  if (starter.hours === '24x7' && starter.country) {
    io.stderr(`slac: --country ${starter.country} is left out: a 24x7 contract has no business calendar for holidays to close\n`);
    starter.country = null;
  }
  // The year is the local year in the contract's zone now, unless --year says otherwise.
  starter.year = opts.year !== undefined ? Number(opts.year) : localYearMonth(Date.now(), starter.zone)[0];
  const text = starterContract(starter);
  if (target === '-') {
    io.stdout(text);
    return 0;
  }
  writeAtomically(path, target, text, !!opts.force);
  io.stderr(`slac: wrote ${target}; next: slac check ${target}\n`);
  return 0;
}
