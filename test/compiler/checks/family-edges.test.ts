// The availability, calendar, target-coverage, maintenance-notice and service checks at their
// edges: the cases mutation testing found no test deciding (a quarter that loses its DST hour, a
// slot exactly the allowance, a holiday pinned for another year, more missing cells than a
// message lists, a notice in the second of two calendars, a service's parts). Each is a small
// contract and what `slac check` tells the user: the code, the text under the range, the message.

import { describe, expect, it } from 'vitest';
import { type Finding, findings } from '../../helpers/findings';
import { libraryHolidays } from '../../../compiler/holidays';

const only = (lines: string[], code: string): Finding[] => findings(lines).filter((f) => f.code === code);
const codes = (lines: string[]): string[] => findings(lines).map((f) => f.code);

function contract(opts: { zone?: string; effective?: string | null; header?: string[] }, ...body: string[]): string[] {
  const effective = opts.effective === undefined ? '2026-01-01' : opts.effective;
  return [
    'contract "Edges"',
    'version 1',
    ...(effective === null ? [] : [`effective ${effective}`]),
    `time zone ${opts.zone ?? 'UTC'}`,
    ...(opts.header ?? []),
    '',
    'causes',
    '  counted provider',
    '',
    ...body,
  ];
}

const slotted = (target: string, slot: string): string[] => ['availability', `  target ${target}`, `  measured in slots of ${slot}`];

describe('SLA3603: a slot against the allowance of the shortest period, in the zone periods begin in', () => {
  const quarter = slotted('99.99% per calendar quarter', '15 minutes');

  it('a calendar quarter in Berlin loses the hour of the March change: 12.954 minutes, not 12.96', () => {
    expect(only(contract({ zone: 'Europe/Berlin' }, ...quarter), 'SLA3603').map((f) => f.message)).toEqual([
      'a slot of 15 minutes is more than the 12.954 minutes of downtime that 99.99% allows in an 89.958333333333…-day quarter: one marked slot, even for a second of downtime, breaches the target',
    ]);
  });

  it('in UTC the same quarter is 90 days, and a UTC contract checked first does not change the Berlin one', () => {
    const utc = only(contract({}, ...quarter), 'SLA3603')[0]!.message;
    expect(utc).toContain('the 12.96 minutes of downtime that 99.99% allows in a 90-day quarter');
    expect(only(contract({ zone: 'Europe/Berlin' }, ...quarter), 'SLA3603')[0]!.message).toContain('12.954 minutes');
    // `periods in` decides, not the contract's zone: Berlin periods in a UTC contract, UTC periods in a Berlin one.
    expect(only(contract({ header: ['periods in Europe/Berlin'] }, ...quarter), 'SLA3603')[0]!.message).toContain('12.954 minutes');
    expect(only(contract({ zone: 'Europe/Berlin', header: ['periods in UTC'] }, ...quarter), 'SLA3603')[0]!.message).toContain('12.96 minutes');
  });

  it('a fiscal year start moves fiscal quarters only: a calendar quarter stays 90 days, a fiscal one from February is 89', () => {
    const fiscal = { header: ['fiscal year starts february'] };
    expect(only(contract(fiscal, ...quarter), 'SLA3603')[0]!.message).toContain('12.96 minutes of downtime that 99.99% allows in a 90-day quarter');
    expect(only(contract(fiscal, ...slotted('99.99% per fiscal quarter', '15 minutes')), 'SLA3603')[0]!.message).toContain(
      'the 12.816 minutes of downtime that 99.99% allows in an 89-day fiscal quarter',
    );
  });

  it('a slot of exactly the allowance is not reported; a minute more is', () => {
    // 97.5% of a 28-day February allows 2.5% of 40,320 minutes: 1,008.
    expect(only(contract({}, ...slotted('97.5% per calendar month', '1008 minutes')), 'SLA3603')).toEqual([]);
    expect(only(contract({}, ...slotted('97.5% per calendar month', '1009 minutes')), 'SLA3603')).toEqual([
      {
        code: 'SLA3603',
        at: '1009 minutes',
        message: 'a slot of 1009 minutes is more than the 1008 minutes of downtime that 97.5% allows in a 28-day month: one marked slot, even for a second of downtime, breaches the target',
        hint: 'use a shorter slot, or measure exact time',
        related: ['97.5%: the availability target'],
      },
    ]);
  });

  it('a 100% target is SLA3601 alone, even with slots', () => {
    expect(codes(contract({}, ...slotted('100% per calendar month', '1 minute')))).toEqual(['SLA3601']);
  });

  it('each service block is judged with its own slot, reported at its own `measured` line', () => {
    const found = only(
      contract(
        {},
        'services',
        '  compute "Compute"',
        '  dns     "DNS"',
        '',
        'availability for service compute',
        '  target 99.9% per calendar month',
        '  measured in slots of 2 hours',
        '',
        ...slotted('99.95% per calendar month', '1 hour'),
      ),
      'SLA3603',
    );
    expect(found.map((f) => [f.at, f.related])).toEqual([
      ['2 hours', ['99.9%: the availability target']],
      ['1 hour', ['99.95%: the availability target']],
    ]);
  });
});

describe('calendar checks', () => {
  const CO_2026 = libraryHolidays('CO', 2026, undefined);
  const pin = (year: number, dates: string[]): string => `  pinned holidays ${year}: ${dates.join(', ')}`;
  const office = (...lines: string[]): string[] => contract({ zone: 'America/Bogota' }, 'calendar office "Office"', '  monday to friday 08:00 to 18:00', ...lines);

  it('a pin listing more dates of other years than a message shows: six, then "and N more"', () => {
    const strays = ['2025-01-01', '2025-01-06', '2025-03-24', '2025-04-17', '2025-04-18', '2025-05-01', '2025-06-02'];
    expect(only(office(pin(2026, [...CO_2026, ...strays.slice(0, 6)])), 'SLA3406').map((f) => f.message)).toEqual([
      'pinned holidays 2026 lists 2025-01-01, 2025-01-06, 2025-03-24, 2025-04-17, 2025-04-18, 2025-05-01, outside 2026: never used',
    ]);
    expect(only(office(pin(2026, [...CO_2026, ...strays])), 'SLA3406').map((f) => f.message)).toEqual([
      'pinned holidays 2026 lists 2025-01-01, 2025-01-06, 2025-03-24, 2025-04-17, 2025-04-18, 2025-05-01 and 1 more, outside 2026: never used',
    ]);
  });

  it('drift is told from each side alone, and a pinned date of another year is not drift', () => {
    const withCountry = (p: string): string[] => office('  public holidays of CO', p);
    const version = (m: string): string => m.replace(/date-holidays [0-9.]+ for/, 'date-holidays <v> for');
    expect(only(withCountry(pin(2026, CO_2026.filter((d) => d !== '2026-12-25'))), 'SLA3405').map((f) => version(f.message))).toEqual([
      'the holidays pinned for 2026 differ from date-holidays <v> for CO: date-holidays has 2026-12-25, not pinned',
    ]);
    expect(only(withCountry(pin(2026, [...CO_2026, '2026-12-31'])), 'SLA3405').map((f) => version(f.message))).toEqual([
      'the holidays pinned for 2026 differ from date-holidays <v> for CO: the pin has 2026-12-31, which date-holidays does not',
    ]);
    expect(codes(withCountry(pin(2026, [...CO_2026, '2025-12-31'])))).toEqual(['SLA3501', 'SLA3406']);
  });

  it('a holiday added again: told where the date already is, the pin of its year or the library', () => {
    const added = '  holiday 2026-12-25 "Christmas"';
    // Pinned for 2025 only: 2026 comes from date-holidays.
    const library = only(office('  public holidays of CO', pin(2025, libraryHolidays('CO', 2025, undefined)), added), 'SLA3402');
    expect(library.map((f) => [f.message, f.related])).toEqual([['2026-12-25 is already a public holiday of calendar office (date-holidays, CO)', []]]);
    const pinned = only(office('  public holidays of CO', pin(2025, libraryHolidays('CO', 2025, undefined)), pin(2026, CO_2026), added), 'SLA3402');
    expect(pinned.map((f) => [f.message, f.related])).toEqual([['2026-12-25 is already a public holiday of calendar office (pinned)', [`${pin(2026, CO_2026).trim()}: pinned here`]]]);
  });

  it('a pin replaces the library for its year: removing a library date the pin lacks changes nothing', () => {
    const removed = '  not a holiday 2026-12-25';
    const found = only(office('  public holidays of CO', pin(2026, CO_2026.filter((d) => d !== '2026-12-25')), removed), 'SLA3403');
    expect(found.map((f) => f.message)).toEqual(['2026-12-25 is not a holiday of calendar office, so removing it changes nothing']);
    expect(only(office('  public holidays of CO', pin(2026, CO_2026), removed), 'SLA3403')).toEqual([]);
  });

  it('a calendar without a country is neither unknown nor unpinned; an unknown country is not called unpinned', () => {
    // SLA3501: the calendar is used by nothing, which these contracts do not need.
    expect(codes(office('  holiday 2026-12-24'))).toEqual(['SLA3501']);
    expect(codes(office('  public holidays of XX'))).toEqual(['SLA3501', 'SLA3401']);
  });

  it('without an effective date the unpinned hint names no year', () => {
    const found = only(contract({ zone: 'America/Bogota', effective: null }, 'calendar office "Office"', '  monday to friday 08:00 to 18:00', '  public holidays of CO'), 'SLA3407');
    expect(found.map((f) => f.hint)).toEqual(['`slac holidays CO <year>` prints a ready `pinned holidays` line for each year in use']);
  });

  it('a holiday on the effective date is used; the day before is not', () => {
    expect(only(office('  holiday 2026-01-01'), 'SLA3408')).toEqual([]);
    expect(only(office('  holiday 2025-12-31'), 'SLA3408').map((f) => f.at)).toEqual(['2025-12-31']);
  });

  it('a holiday on a closed day names the day, for every day of the week', () => {
    const cal = (id: string, hours: string, dates: string[]): string[] => [`calendar ${id} "${id}"`, `  ${hours}`, ...dates.map((d) => `  holiday ${d}`), ''];
    // 2026-01-05 is a Monday.
    const found = only(
      contract({}, ...cal('weekdays', 'monday to friday 08:00 to 18:00', ['2026-01-10', '2026-01-11']), ...cal('weekend', 'saturday to sunday 08:00 to 18:00', ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09'])),
      'SLA3409',
    );
    expect(found.map((f) => f.message.replace(/, when calendar .*/, ''))).toEqual([
      '2026-01-10 is a saturday',
      '2026-01-11 is a sunday',
      '2026-01-05 is a monday',
      '2026-01-06 is a tuesday',
      '2026-01-07 is a wednesday',
      '2026-01-08 is a thursday',
      '2026-01-09 is a friday',
    ]);
  });

  it('a range running past midnight opens the next day; one ending at midnight or empty does not', () => {
    const monday = '  holiday 2026-01-05';
    const cal = (...hours: string[]): string[] => contract({}, 'calendar night "Night"', ...hours.map((h) => `  ${h}`), monday);
    expect(only(cal('sunday 22:00 to 02:00'), 'SLA3409')).toEqual([]);
    expect(only(cal('sunday 22:00 to 24:00'), 'SLA3409').map((f) => f.at)).toEqual(['2026-01-05']);
    expect(only(cal('sunday 22:00 to 00:00'), 'SLA3409').map((f) => f.at)).toEqual(['2026-01-05']);
    expect(only(cal('monday 09:00 to 09:00', 'tuesday 09:00 to 17:00'), 'SLA3409').map((f) => f.at)).toEqual(['2026-01-05']);
    // No business time at all: the holiday is not the finding (SLA3105 and the calendar's own are).
    expect(only(cal('monday 09:00 to 09:00'), 'SLA3409')).toEqual([]);
  });

  it('open every hour of the week, or by a range over several days', () => {
    expect(only(contract({}, 'calendar always "Always"', '  monday to sunday 00:00 to 24:00', '  holiday 2026-01-11'), 'SLA3409')).toEqual([]);
    const span = (date: string): string[] => contract({}, 'calendar span "Span"', '  monday 08:00 to tuesday 18:00', `  holiday ${date}`);
    expect(only(span('2026-01-06'), 'SLA3409')).toEqual([]);
    expect(only(span('2026-01-09'), 'SLA3409').map((f) => f.message)).toEqual(['2026-01-09 is a friday, when calendar span has no business hours: this holiday removes nothing']);
  });

  it('a range over several days with an end in another zone is open from the day before it to the day after', () => {
    // Monday 09:00 in Tokyo is Monday 00:00 UTC; the range may touch Sunday to Thursday in the
    // calendar's zone, so only a Friday or Saturday holiday removes nothing. 2026-01-04 is a Sunday.
    const days = ['2026-01-04', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-10'];
    const found = only(contract({}, 'calendar follow "Follow"', '  monday 09:00 in Asia/Tokyo to wednesday 17:00', ...days.map((d) => `  holiday ${d}`)), 'SLA3409');
    expect(found.map((f) => f.message.replace(/, when calendar .*/, ''))).toEqual(['2026-01-09 is a friday', '2026-01-10 is a saturday']);
  });

  it('a range past midnight opens the day after it only, not every day', () => {
    const night = (date: string): string[] => contract({}, 'calendar night "Night"', '  sunday 22:00 to 02:00', `  holiday ${date}`);
    expect(only(night('2026-01-05'), 'SLA3409')).toEqual([]);
    expect(only(night('2026-01-07'), 'SLA3409').map((f) => f.message.replace(/, when calendar .*/, ''))).toEqual(['2026-01-07 is a wednesday']);
  });
});

describe('SLA3201: the target matrix', () => {
  const severities = (n: number): string[] => ['severities', ...Array.from({ length: n }, (_, i) => `  s${i + 1} "S${i + 1}"`), ''];

  it('lists the first eight missing cells, then how many more', () => {
    const missing = (n: number): string[] =>
      only(contract({}, ...severities(n), 'response targets', '  | severity | target |', '  | s1 | 1 hour |', ''), 'SLA3201').map((f) => `${f.at}: ${f.message}`);
    expect(missing(9)).toEqual(['response targets: no response target for s2, s3, s4, s5, s6, s7, s8, s9: write a duration or none']);
    expect(missing(10)).toEqual(['response targets: no response target for s2, s3, s4, s5, s6, s7, s8, s9 and 1 more: write a duration or none']);
    expect(missing(12)).toEqual(['response targets: no response target for s2, s3, s4, s5, s6, s7, s8, s9 and 3 more: write a duration or none']);
  });

  it('names only the absent cells of a plan, and reports each objective at its own table', () => {
    const body = [
      ...severities(3),
      'plans basic < gold',
      '',
      'response targets',
      '  | plan  | s1     | s2     | s3     |',
      '  | basic | 1 hour | 2 hours | 4 hours |',
      '  | gold  | 1 hour | 2 hours | 4 hours |',
      '',
      'resolution targets',
      '  | plan  | s1      | s2   |',
      '  | basic | 8 hours | none |',
      '  | gold  | 4 hours | none |',
      '',
    ];
    expect(only(contract({}, ...body), 'SLA3201').map((f) => [f.at, f.message, f.hint])).toEqual([
      ['resolution targets', 'no resolution target for basic/s3, gold/s3: write a duration or none', 'every plan and severity needs a resolution target or none'],
    ]);
  });

  it('an objective given only by category: reported at its first category target', () => {
    const body = [
      ...severities(2),
      'categories',
      '  | category | description | response | resolution |',
      '  | web-down | "Web down"  | 10 minutes | 2 hours  |',
      '',
    ];
    expect(only(contract({}, ...body), 'SLA3201').map((f) => [f.at, f.message, f.hint])).toEqual([
      ['10 minutes', 'the response targets are given only by category: an incident outside those categories has no response target (s1, s2)', 'every severity needs a response target or none'],
      ['2 hours', 'the resolution targets are given only by category: an incident outside those categories has no resolution target (s1, s2)', 'every severity needs a resolution target or none'],
    ]);
  });
});

describe('SLA3109: the maintenance notice against a week', () => {
  const maintenance = (notice: string | null, windows = true): string[] => [
    'maintenance',
    ...(windows ? ['  windows', '    sunday 02:00 to 06:00'] : []),
    ...(notice === null ? [] : [`  notice at least ${notice} before the start`]),
    '  not counted as downtime',
    '',
  ];
  const calendars = ['calendar office "Office"', '  monday to friday 08:00 to 18:00', '', 'calendar tiny "Tiny"', '  monday 09:00 to 10:00', '', 'calendar always "Always"', '  monday to sunday 00:00 to 24:00', ''];

  it('on the wall clock: up to a week is fine, beyond it is not', () => {
    expect(only(contract({}, ...maintenance('48 hours')), 'SLA3109')).toEqual([]);
    expect(only(contract({}, ...maintenance('168 hours')), 'SLA3109')).toEqual([]);
    expect(only(contract({}, ...maintenance('169 hours')), 'SLA3109').map((f) => [f.at, f.message])).toEqual([
      ['169 hours', 'a notice of 169 hours is longer than the week in which the windows repeat: maintenance can never be announced in time for a window of the coming week'],
    ]);
  });

  it('no windows, no notice, or a calendar the contract lacks: nothing to compare', () => {
    expect(only(contract({}, ...maintenance('200 hours', false)), 'SLA3109')).toEqual([]);
    expect(only(contract({}, ...maintenance(null)), 'SLA3109')).toEqual([]);
    expect(codes(contract({}, ...maintenance('200 nowhere hours')))).toContain('SLA2007');
    expect(only(contract({}, ...maintenance('200 nowhere hours')), 'SLA3109')).toEqual([]);
  });

  it('on a calendar: the business time of its week, the calendar named and not the first one', () => {
    expect(only(contract({}, ...calendars, ...maintenance('2 tiny hours')), 'SLA3109').map((f) => f.message)).toEqual([
      'a notice of 2 tiny hours (2 hours) is more than the 1 hour of business time in a week of calendar tiny: maintenance can never be announced in time for a window of the coming week',
    ]);
    expect(only(contract({}, ...calendars, ...maintenance('1 tiny hour')), 'SLA3109')).toEqual([]);
    expect(only(contract({}, ...calendars, ...maintenance('1 tiny day')), 'SLA3109')).toEqual([]);
    expect(only(contract({}, ...calendars, ...maintenance('169 always hours')), 'SLA3109').map((f) => f.message)).toEqual([
      'a notice of 169 always hours (169 hours) is more than the 168 hours of business time in a week of calendar always: maintenance can never be announced in time for a window of the coming week',
    ]);
  });

  it('a calendar without business time is SLA3304, not SLA3109', () => {
    const empty = ['calendar closed "Closed"', '  monday 09:00 to 09:00', ''];
    expect(only(contract({}, ...empty, ...maintenance('3 closed hours')), 'SLA3109')).toEqual([]);
  });
});

describe('SLA3701: services that no availability rule reaches', () => {
  const services = ['services', '  compute "Compute"', '  mdb     "Databases"', '    part read  "Read"', '    part write "Write"', '  dns     "DNS"', ''];
  const block = (scope: string, target = '99.9%'): string[] => [`availability${scope ? ` for ${scope}` : ''}`, `  target ${target} per calendar month`, ''];

  it('names the parts left out, one or several, and a whole service without parts', () => {
    const found = only(contract({}, ...services, ...block('service compute'), ...block('service mdb part read')), 'SLA3701');
    expect(found.map((f) => [f.at, f.message])).toEqual([
      ['mdb     "Databases"', 'no availability rule applies to part write of service mdb: its downtime is judged by nothing'],
      ['dns     "DNS"', 'no availability rule applies to service dns: its downtime is judged by nothing'],
    ]);
    const both = only(contract({}, ...services, ...block('service compute'), ...block('service dns')), 'SLA3701');
    expect(both.map((f) => f.message)).toEqual(['no availability rule applies to parts read, write of service mdb: their downtime is judged by nothing']);
  });

  it('an unscoped block covers every service; a contract judging no availability is not reported', () => {
    expect(only(contract({}, ...services, ...block('service compute'), ...block('')), 'SLA3701')).toEqual([]);
    expect(only(contract({}, ...services, 'severities', '  high "High"', '', 'response 4 hours for every incident', ''), 'SLA3701')).toEqual([]);
  });
});
