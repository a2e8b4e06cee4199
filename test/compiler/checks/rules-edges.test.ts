// The name, maintenance, cause, effective-date, support-clock, region and window-limit checks at
// their edges: the bounds of a plausible effective year, the nearest pinned year, a maintenance
// clause without notice or with an empty windows line, a regional target that never reaches a
// region, windows that fit their allowance exactly. Each is a small contract and what
// `slac check` tells the user: the code, the text under the range, the message.

import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/compile';
import { type Finding, findings, told } from '../../helpers/findings';

const only = (lines: string[], code: string): Finding[] => findings(lines).filter((f) => f.code === code);

function contract(opts: { effective?: string | null; causes?: string[] | null }, ...body: string[]): string[] {
  const effective = opts.effective === undefined ? '2026-01-01' : opts.effective;
  const causes = opts.causes === undefined ? ['counted provider'] : opts.causes;
  return [
    'contract "Rules"',
    'version 1',
    ...(effective === null ? [] : [`effective ${effective}`]),
    'time zone UTC',
    '',
    ...(causes === null ? [] : ['causes', ...causes.map((c) => `  ${c}`), '']),
    ...body,
  ];
}

describe('SLA3507: an effective year that is likely a typo', () => {
  const year = (date: string, ...body: string[]): string[] => only(contract({ effective: date }, ...body), 'SLA3507').map((f) => `${f.at}: ${f.message}`);
  const pinned = (...years: number[]): string[] => [
    'calendar office "Office"',
    '  monday to friday 09:00 to 17:00',
    '  public holidays of CO',
    ...years.map((y) => `  pinned holidays ${y}: ${y}-01-01`),
    '',
    'response 4 office hours for every incident',
  ];

  it('1990 to 2100 are plausible; a year outside is told', () => {
    expect(year('1990-01-01')).toEqual([]);
    expect(year('2100-12-31')).toEqual([]);
    expect(year('1989-12-31')).toEqual(['1989-12-31: the contract takes effect on 1989-12-31, outside 1990 to 2100: is the year right?']);
    expect(year('2101-01-01')).toEqual(['2101-01-01: the contract takes effect on 2101-01-01, outside 1990 to 2100: is the year right?']);
  });

  it('up to five years from the nearest pinned year; beyond, the pinned years are listed in order', () => {
    expect(year('2031-01-01', ...pinned(2026))).toEqual([]);
    expect(year('2032-01-01', ...pinned(2026))).toEqual(['2032-01-01: the contract takes effect on 2032-01-01, 6 years away from the holidays it pins (2026): is the year right?']);
    expect(year('2020-01-01', ...pinned(2026))).toEqual(['2020-01-01: the contract takes effect on 2020-01-01, 6 years away from the holidays it pins (2026): is the year right?']);
    // The nearest of several pinned years decides, whichever is written first.
    expect(year('2036-01-01', ...pinned(2040, 2026))).toEqual([]);
    expect(year('2035-06-01', ...pinned(2040, 2026))).toEqual([]);
    expect(year('2062-01-01', ...pinned(2027, 2026, 2027))).toEqual([
      '2062-01-01: the contract takes effect on 2062-01-01, 35 years away from the holidays it pins (2026, 2027): is the year right?',
    ]);
  });

  it('a contract without an effective date is not judged', () => {
    expect(only(contract({ effective: null }, ...pinned(2026)), 'SLA3507')).toEqual([]);
  });
});

describe('maintenance without notice or windows', () => {
  const maintenance = (...lines: string[]): string[] => contract({}, 'maintenance', ...lines.map((l) => `  ${l}`));

  it('no notice: at the clause, or at the acknowledgement that has nothing to acknowledge', () => {
    expect(only(maintenance('windows', '  sunday 02:00 to 04:00', 'not counted as downtime'), 'SLA3502')).toEqual([
      { code: 'SLA3502', at: 'maintenance', message: 'the maintenance clause gives no notice period: maintenance needs no warning', hint: 'notice at least 48 hours before the start', related: [] },
    ]);
    expect(only(maintenance('windows', '  sunday 02:00 to 04:00', 'acknowledgement required', 'not counted as downtime'), 'SLA3502').map((f) => [f.at, f.message])).toEqual([
      ['acknowledgement required', 'an acknowledgement is required, but the maintenance clause gives no notice to acknowledge'],
    ]);
    expect(only(maintenance('windows', '  sunday 02:00 to 04:00', 'notice at least 48 hours before the start', 'not counted as downtime'), 'SLA3502')).toEqual([]);
  });

  it('an empty windows line, no windows line, or windows at any time', () => {
    const hint = 'list the windows (monday to friday 21:00 to 01:00), or write `windows any time`';
    expect(only(maintenance('windows', 'notice at least 48 hours before the start', 'not counted as downtime'), 'SLA3503')).toEqual([
      { code: 'SLA3503', at: 'windows', message: 'the maintenance clause announces windows but lists none: maintenance can never happen inside one', hint, related: [] },
    ]);
    expect(only(maintenance('notice at least 48 hours before the start', 'not counted as downtime'), 'SLA3503').map((f) => [f.at, f.message])).toEqual([
      ['maintenance', 'the maintenance clause does not say when maintenance may happen'],
    ]);
    expect(only(maintenance('windows any time', 'notice at least 48 hours before the start', 'not counted as downtime'), 'SLA3503')).toEqual([]);
  });
});

describe('channels and causes', () => {
  const channels = (...lines: string[]): string[] => contract({}, 'reporting channels', ...lines.map((l) => `  ${l}`));

  it('other channels excluded with no official one; an official one, or no exclusion, is fine', () => {
    expect(only(channels('other channels excluded'), 'SLA3504').map((f) => [f.at, f.message])).toEqual([
      ['reporting channels', 'other channels are excluded but no official channel is declared: every report is excluded'],
    ]);
    expect(only(channels('official email "Email"', 'other channels excluded'), 'SLA3504')).toEqual([]);
    expect(only(channels('other channels counted'), 'SLA3504')).toEqual([]);
    expect(only(channels('official email "Email"', 'other channels counted'), 'SLA3504')).toEqual([]);
  });

  it('every cause excluded: told at the causes clause', () => {
    expect(only(contract({ causes: ['excluded customer', 'excluded weather'] }), 'SLA3505').map((f) => [f.at, f.message, f.hint])).toEqual([
      ['causes', 'every declared cause is excluded: no incident or outage ever counts against the provider', 'counted provider "attributable to the provider"'],
    ]);
    expect(only(contract({ causes: ['excluded customer', 'counted provider'] }), 'SLA3505')).toEqual([]);
  });

  it('no causes at all: told at the contract line when something is judged, not for an empty contract', () => {
    const none = (...body: string[]) => only(contract({ causes: null }, ...body), 'SLA3506').map((f) => [f.at, f.message]);
    const message = 'the contract declares no causes, so every incident and outage record will be rejected (its cause is unknown)';
    expect(none('severities', '  high', 'response 4 hours for every incident')).toEqual([['contract "Rules"', message]]);
    expect(none('categories', '  | category | description | response |', '  | web | "Web" | 1 hour |')).toEqual([['contract "Rules"', message]]);
    expect(none('severities', '  high')).toEqual([]);
    expect(none('availability', '  target 99.9% per calendar month')).toEqual([['contract "Rules"', message]]);
    expect(none('reliability at most 4 counted incidents per calendar month')).toEqual([['contract "Rules"', message]]);
    expect(none()).toEqual([]);
  });
});

describe('SLA3501: a calendar is used by more than durations', () => {
  const cal = (id: string): string[] => [`calendar ${id} "${id}"`, '  monday to friday 09:00 to 17:00', ''];

  it('by a region, by the report deadline, by the hours availability is counted during', () => {
    const unused = (...body: string[]) => only(contract({}, ...cal('office'), ...body), 'SLA3501').map((f) => f.at);
    expect(unused()).toEqual(['office']);
    expect(unused('regions', '  emea "EMEA" calendar office', '')).toEqual([]);
    expect(unused('report monthly within 10 office days after the month ends')).toEqual([]);
    expect(unused('availability', '  target 99.9% per calendar month', '  counted during office hours')).toEqual([]);
    expect(unused('services', '  compute "Compute"', '', 'availability for service compute', '  target 99.9% per calendar month', '  counted during office hours')).toEqual([]);
  });
});

describe('support clocks and regions', () => {
  it('a clock paused for reasons while none are declared: all its reasons, the hint with the first', () => {
    expect(only(contract({}, 'clocks', '  resolution pauses while waiting or vendor', '  response pauses while waiting'), 'SLA3801').map((f) => [f.at, f.message, f.hint])).toEqual([
      ['resolution pauses while waiting or vendor', 'the resolution clock pauses while waiting or vendor, but the contract declares no pause reasons', 'pause reasons\n  waiting "..."'],
      ['response pauses while waiting', 'the response clock pauses while waiting, but the contract declares no pause reasons', 'pause reasons\n  waiting "..."'],
    ]);
    expect(only(contract({}, 'clocks', '  resolution never pauses'), 'SLA3801')).toEqual([]);
  });

  const head = ['calendar tokyo in Asia/Tokyo', '  monday to friday 09:00 to 17:00', '', 'severities', '  high "High"', '  low "Low"', ''];

  it('a regional target without regions: each one told, at its duration', () => {
    const found = only(contract({}, ...head, 'response targets', '  | severity | target |', '  | high | 4 regional business hours |', '  | low | 2 regional business days |'), 'SLA3802');
    expect(found.map((f) => [f.at, f.message, f.hint])).toEqual([
      ['4 regional business hours', 'the response target counts regional business time, but the contract declares no regions', 'regions\n  americas "Americas" calendar english-support'],
      ['2 regional business days', 'the response target counts regional business time, but the contract declares no regions', 'regions\n  americas "Americas" calendar english-support'],
    ]);
  });

  it('a region without a calendar is told only when a regional target can reach it', () => {
    const regions = ['regions', '  japan "Japan" calendar tokyo', '  other "Elsewhere"', ''];
    const japanOnly = ['response targets for region japan', '  | severity | target |', '  | high | 4 regional business hours |', ''];
    expect(only(contract({}, ...head, ...regions, 'response 8 hours for every incident', '', ...japanOnly), 'SLA3802')).toEqual([]);
    const everyone = ['response targets', '  | severity | target |', '  | high | 4 regional business hours |', '  | low | 8 hours |', ''];
    expect(only(contract({}, ...head, ...regions, ...everyone), 'SLA3802')).toEqual([
      {
        code: 'SLA3802',
        at: 'other "Elsewhere"',
        message: 'region other names no calendar, but the response target counts regional business time',
        hint: 'other "..." calendar <calendar>',
        related: ['4 regional business hours: regional target'],
      },
    ]);
    const otherTable = ['response targets for region other', '  | severity | target |', '  | high | 4 regional business hours |', ''];
    expect(only(contract({}, ...head, ...regions, 'response 8 hours for every incident', '', ...otherTable), 'SLA3802').map((f) => [f.at, f.message])).toEqual([
      ['other "Elsewhere"', 'region other names no calendar, but the response target for region other counts regional business time'],
    ]);
  });

  it('a range across zones that is empty in some weeks: counted in the effective year, or 2026 without one', () => {
    // Monday 09:00 in Tokyo to 10:30 in Sydney: in the southern summer Sydney is two hours ahead of
    // Tokyo, and 10:30 there comes before 09:00 in Tokyo.
    const span = ['calendar overlap in Asia/Tokyo "Tokyo and Sydney"', '  monday 09:00 to monday 10:30 in Australia/Sydney', ''];
    const found = (effective: string | null) => only(contract({ effective }, ...span), 'SLA3803').map((f) => f.message);
    const in2026 = found('2026-01-01');
    expect(in2026).toHaveLength(1);
    expect(in2026[0]).toMatch(/^this range closes before it opens in \d+ of the 52 weeks of 2026 \(the weeks starting 2026-\d\d-\d\d to 2026-\d\d-\d\d\): daylight-saving time moves the two zones apart$/);
    expect(found(null)).toEqual(in2026);
    expect(found('2027-03-01')[0]).toContain('of 2027');
    // Both ends in one zone: never empty in part of the year.
    expect(only(contract({}, 'calendar same in Asia/Tokyo "Same"', '  monday 09:00 to monday 10:30 in Asia/Tokyo', ''), 'SLA3803')).toEqual([]);
    // Empty in every week is another finding (no business time), not this one.
    expect(only(contract({}, 'calendar never in Asia/Tokyo "Never"', '  monday 09:00 to monday 07:30 in Australia/Sydney', ''), 'SLA3803')).toEqual([]);
  });
});

describe('durations and their units', () => {
  const zero = (...body: string[]) => only(contract({}, 'severities', '  high "High"', '  low "Low"', '', ...body), 'SLA3303').map((f) => `${f.at}: ${f.message}`);

  it('a zero duration is named by what it is, wherever it is written, and a cell for every incident once', () => {
    expect(zero('response 0 hours for every incident')).toEqual(['0 hours: the response target is zero: it is due the instant its clock starts']);
    expect(zero('response 0.0 minutes for every incident')).toEqual(['0.0 minutes: the response target is zero: it is due the instant its clock starts']);
    expect(zero('response 0.5 hours for every incident')).toEqual([]);
    expect(
      zero(
        'response 1 hour for every incident',
        'categories',
        '  | category | description | response |',
        '  | web | "Web" | 0 minutes |',
        '',
        'reporting channels',
        '  official phone "Phone"',
        '',
        'response targets for channel phone',
        '  | severity | target |',
        '  | high | 0 minutes |',
        '',
        'update every 0 hours until restored',
        '',
        'maintenance',
        '  windows any time',
        '  notice at least 0 hours before the start',
        '  not counted as downtime',
        '',
        'availability',
        '  target 99.9% per calendar month',
        '',
        'credits',
        '  | monthly availability | credit |',
        '  | below 99.9% | 10% |',
        '  claim within 0 days after invoice',
      ),
    ).toEqual([
      '0 minutes: the response target of category web is zero: it is due the instant its clock starts',
      '0 minutes: the response target for channel phone is zero: it is due the instant its clock starts',
      '0 hours: the update interval is zero: it is due the instant its clock starts',
      '0 hours: the maintenance notice is zero: it is due the instant its clock starts',
      '0 days: the claim window is zero: it is due the instant its clock starts',
    ]);
  });

  it('rules for one service have their durations too', () => {
    const services = ['services', '  compute "Compute"', '', 'availability', '  target 99.9% per calendar month', ''];
    const found = zero(
      ...services,
      'maintenance for service compute',
      '  windows any time',
      '  notice at least 0 hours before the start',
      '  not counted as downtime',
      '',
      'credits for service compute',
      '  | monthly availability | credit |',
      '  | below 99.9% | 10% |',
      '  claim within 0 days after invoice',
    );
    expect(found).toEqual(['0 hours: the maintenance notice is zero: it is due the instant its clock starts', '0 days: the claim window is zero: it is due the instant its clock starts']);
  });

  const calendars = (...lines: string[]) => contract({}, ...lines, '', 'severities', '  high "High"', '  low "Low"', '');

  it('business days on uneven days: each day length once, overlapping ranges as their union, in weekday order', () => {
    const found = only(
      calendars('calendar office "Office"', '  friday 09:00 to 13:00', '  monday to thursday 08:00 to 18:00', '  wednesday 12:00 to 20:00', '  saturday 09:00 to 10:00', '', 'response 2 office days for every incident'),
      'SLA3301',
    );
    expect(found.map((f) => [f.at, f.message, f.hint, f.related])).toEqual([
      [
        '2 office days',
        'the response target counts office days, but the working days of calendar office differ in length (10 hours on monday, tuesday, thursday; 12 hours on wednesday; 4 hours on friday; 1 hour on saturday)',
        'count office hours instead',
        ['calendar office "Office": calendar office'],
      ],
    ]);
    // `end of next business day` is due on a date, not after a length: not reported.
    expect(only(calendars('calendar office "Office"', '  friday 09:00 to 13:00', '  monday to thursday 08:00 to 18:00', '', 'response end of next office day for every incident'), 'SLA3301')).toEqual([]);
  });

  it('business time on a calendar open around the clock: once per calendar, unless it has holidays; the hint in wall time', () => {
    const always = ['calendar always "Always"', '  monday to sunday 00:00 to 24:00'];
    const table = ['', 'response targets', '  | severity | target |', '  | high | 1 always hour |', '  | low | 4 always hours |'];
    const found = only(calendars(...always, ...table), 'SLA3302');
    expect(found.map((f) => [f.at, f.message, f.hint])).toEqual([
      ['1 always hour', 'the response target counts always time, but calendar always is open around the clock without holidays: it is plain wall-clock time', 'write 1 hour'],
    ]);
    const plural = only(calendars(...always, '', 'response 4 always hours for every incident'), 'SLA3302');
    expect(plural.map((f) => f.hint)).toEqual(['write 4 hours']);
    expect(only(calendars(...always, '  holiday 2026-12-25 "Christmas"', ...table), 'SLA3302')).toEqual([]);
    expect(only(calendars(...always, '  public holidays of CO', '  pinned holidays 2026: 2026-01-01', ...table), 'SLA3302')).toEqual([]);
  });

  it('business time on a calendar without hours: once per calendar, at its header, naming the first duration', () => {
    const found = only(
      calendars('calendar closed "Closed"', '  monday 09:00 to 09:00', '', 'response targets', '  | severity | target |', '  | high | 1 closed hour |', '  | low | 4 closed hours |'),
      'SLA3304',
    );
    expect(found.map((f) => [f.at, f.message, f.related])).toEqual([
      ['calendar closed "Closed"', 'calendar closed declares no business hours, so the response target (1 closed hour) is never due', ['1 closed hour: counted on this calendar']],
    ]);
  });
});

describe('credits in money', () => {
  const credits = (head: string[], rows: string[], ...lines: string[]) =>
    contract(
      {},
      ...head,
      'availability',
      '  target 99.9% per calendar month',
      '',
      'credits',
      '  | monthly availability | credit |',
      ...rows.map((r) => `  | ${r} |`),
      ...lines.map((l) => `  ${l}`),
    );
  const two = (first: string, second: string) => [`at least 99.00% and below 99.90% | ${first}`, `below 99.00% | ${second}`];

  it('an amount finer than the currency: in a band or a cap, told with the amount it can be paid as', () => {
    const found = only(credits(['currency EUR', ''], two('2.005 EUR', '2.50 EUR'), 'at most 100.0001 EUR per calendar year'), 'SLA3902');
    expect(found.map((f) => [f.at, f.message, f.hint])).toEqual([
      ['2.005 EUR', '2.005 EUR has 3 decimals; EUR has 2', '2.00 EUR'],
      ['at most 100.0001 EUR per calendar year', '100.0001 EUR has 4 decimals; EUR has 2', 'at most 100.00 EUR'],
    ]);
    const yen = only(credits(['currency JPY', ''], two('100.5 JPY', '200 JPY'), 'at most 1000.5 JPY per calendar year'), 'SLA3902');
    expect(yen.map((f) => [f.message, f.hint])).toEqual([
      ['100.5 JPY has 1 decimals; JPY has no minor unit', '100 JPY'],
      ['1000.5 JPY has 1 decimals; JPY has no minor unit', 'at most 1000 JPY'],
    ]);
    expect(only(credits(['currency KWD', ''], two('2.005 KWD', '3 KWD'), 'at most 10.125 KWD per calendar year'), 'SLA3902')).toEqual([]);
  });

  it('more days of service than February has: 28 is fine, 29 is not; the hint depends on a cap', () => {
    expect(only(credits([], two('1 day of service', '28 days of service')), 'SLA3905')).toEqual([]);
    const found = only(credits([], two('1 day of service', '29 days of service')), 'SLA3905');
    expect(found.map((f) => [f.at, f.message, f.hint])).toEqual([
      ['29 days of service', "29 days of service is more than February's 28 days: in February the credit is more than the month's charge", 'at most 100%'],
    ]);
    expect(only(credits([], two('1 day of service', '29 days of service'), 'at most 100%'), 'SLA3905').map((f) => f.hint)).toEqual(['credit at most 28 days of service']);
  });

  it('a cap over a year or 12 months at or above the largest monthly credit never binds', () => {
    const cap = (rows: string[], ...lines: string[]) => only(credits([], rows, ...lines), 'SLA3901').map((f) => `${f.at}: ${f.message}`);
    expect(cap(two('10%', '25%'), 'at most 25% per calendar year')).toEqual([
      'at most 25% per calendar year: no month credits more than 25% of its own charge, so the months of a calendar year never credit more than 25% of theirs: this cap never binds',
    ]);
    expect(cap(two('10%', '25%'), 'at most 24.99% per calendar year')).toEqual([]);
    expect(cap(two('10%', '25%'), 'at most 100%', 'at most 30% per rolling 12 months')).toEqual([
      'at most 30% per rolling 12 months: no month credits more than 25% of its own charge, so the months of any 12 months never credit more than 30% of theirs: this cap never binds',
    ]);
    // A monthly cap below the bands is the most a month can credit.
    expect(cap(two('10%', '25%'), 'at most 15%', 'at most 15% per calendar year')[0]).toContain('no month credits more than 15% of its own charge');
    expect(cap(two('10%', '25%'), 'at most 15%', 'at most 14% per calendar year')).toEqual([]);
    // A formula is bounded by its monthly cap only; an amount is no share of the charge.
    const linear = ['5% for each started 1% below target'];
    expect(only(contract({}, 'availability', '  target 99.9% per calendar month', '', 'credits', ...linear.map((l) => `  ${l}`), '  at most 50% per calendar year'), 'SLA3901')).toEqual([]);
    expect(only(contract({}, 'availability', '  target 99.9% per calendar month', '', 'credits', ...linear.map((l) => `  ${l}`), '  at most 30%', '  at most 30% per calendar year'), 'SLA3901')).toHaveLength(1);
    expect(only(credits(['currency EUR', ''], two('10%', '2.00 EUR'), 'at most 100% per calendar year'), 'SLA3901')).toEqual([]);
  });

  it('the charge of the group for services in no group: named, one or several, or no services at all', () => {
    const group = (services: string[]) => only(credits([...(services.length ? ['services', ...services.map((s) => `  ${s}`), ''] : [])], two('10%', '25%'), 'basis monthly charge of the group'), 'SLA3906');
    expect(group(['compute "Compute"', 'dns "DNS" group network']).map((f) => [f.at, f.message, f.hint])).toEqual([
      ['basis monthly charge of the group', 'compute belongs to no group: the charge of the group cannot be found', 'basis monthly charge of the service'],
    ]);
    expect(group(['compute "Compute"', 'dns "DNS"']).map((f) => f.message)).toEqual(['compute, dns belong to no group: the charge of the group cannot be found']);
    expect(group(['compute "Compute" group infra', 'dns "DNS" group network'])).toEqual([]);
    expect(group([]).map((f) => f.message)).toEqual(['the contract declares no services, so there is no group whose charge could be the basis']);
  });

  it('termination before the contract takes effect, or with no credit that expires at it', () => {
    const ends = (date: string, ...lines: string[]) => findings(credits([`termination ${date}`, ''], two('10%', '25%'), ...lines)).filter((f) => f.code === 'SLA3907' || f.code === 'SLA3908');
    expect(ends('2025-12-31', 'expire at termination').map((f) => [f.code, f.at, f.message, f.hint])).toEqual([
      ['SLA3907', 'termination 2025-12-31', 'the agreement ends on 2025-12-31, before it takes effect on 2026-01-01', 'termination 2026-12-31'],
    ]);
    expect(ends('2026-01-01', 'expire at termination')).toEqual([]);
    expect(ends('2026-12-31').map((f) => [f.code, f.message])).toEqual([['SLA3908', 'no credits expire at termination, so the termination on 2026-12-31 changes no credit']]);
  });

  it('a credit for missed targets of severities or categories with no target: never owed', () => {
    const owed = (targets: string[], rule: string, extra: string[] = []) =>
      only(contract({}, 'severities', '  urgent', '  low', '', ...targets, '', ...extra, 'credits', `  ${rule}`), 'SLA3909').map((f) => f.message);
    const table = (urgent: string, low: string) => ['response targets', '  | severity | target |', `  | urgent | ${urgent} |`, `  | low | ${low} |`];
    expect(owed(table('30 minutes', 'none'), '20% when more than 4 incidents of severity low miss their response target per calendar month')).toEqual([
      'no incident of severity low has a response target, so none can miss it and the credit is never owed',
    ]);
    expect(owed(table('30 minutes', 'none'), '20% when more than 4 incidents of severity urgent, low miss their response target per calendar month')).toEqual([]);
    expect(owed(table('30 minutes', 'none'), '20% when more than 4 incidents miss their response target per calendar month')).toEqual([]);
    expect(owed(table('none', 'none'), '20% when more than 4 incidents miss their response target per calendar month')).toEqual([
      'no incident has a response target, so none can miss it and the credit is never owed',
    ]);
    expect(owed(table('30 minutes', '1 hour'), '20% when more than 4 incidents miss their resolution target per calendar month')).toEqual([
      'no incident has a resolution target, so none can miss it and the credit is never owed',
    ]);
    // A category's own target decides for its incidents; without one they take their severity's.
    const categories = (cell: string) => ['categories', '  | category | description | response |', `  | hw | "Hardware" | ${cell} |`, ''];
    const byCategory = '5% when more than 0 incidents of category hw miss their response target per calendar month';
    expect(owed(table('none', 'none'), byCategory, categories('4 hours'))).toEqual([]);
    expect(owed(table('none', 'none'), byCategory, categories('none'))).toEqual(['no incident of category hw has a response target, so none can miss it and the credit is never owed']);
    expect(owed(table('1 hour', 'none'), byCategory, categories('none'))).toEqual(['no incident of category hw has a response target, so none can miss it and the credit is never owed']);
    // Only categories give targets: an incident of any severity may be of one.
    expect(owed(table('none', 'none'), '20% when more than 4 incidents miss their response target per calendar month', categories('4 hours'))).toEqual([]);
  });
});

describe('checks of a contract with several of a thing', () => {
  const base = (...body: string[]): string[] => contract({}, ...body);
  const codes = (lines: string[], ...wanted: string[]): string[] => findings(lines).filter((f) => wanted.includes(f.code)).map((f) => `${f.code} ${f.at}: ${f.message}`);

  it('maintenance without notice or windows is told at the unscoped clause, after a clause for one service', () => {
    const lines = base(
      'services',
      '  compute "Compute"',
      '',
      'maintenance for service compute',
      '  windows any time',
      '  notice at least 1 hour before the start',
      '  not counted as downtime',
      '',
      'maintenance',
      '  not counted as downtime',
    );
    const text = `${lines.join('\n')}\n`;
    const compiled = compile(text, 'edges.sla').diagnostics.filter((d) => d.code === 'SLA3502' || d.code === 'SLA3503');
    expect(told(text, compiled).map((f) => [f.code, f.at, f.message])).toEqual([
      ['SLA3502', 'maintenance', 'the maintenance clause gives no notice period: maintenance needs no warning'],
      ['SLA3503', 'maintenance', 'the maintenance clause does not say when maintenance may happen'],
    ]);
    // Both at the second clause's header, not the first's.
    const unscoped = text.lastIndexOf('maintenance\n');
    expect(compiled.map((d) => d.span.start)).toEqual([unscoped, unscoped]);
    // A clause for one service without a notice is no finding of these checks, and no failure.
    expect(codes(base('services', '  compute "Compute"', '', 'maintenance for service compute', '  windows any time', '  not counted as downtime'), 'SLA3502', 'SLA3503', 'SLA3303')).toEqual([]);
  });

  it('an acknowledgement that is not required leaves the finding at the clause', () => {
    expect(codes(base('maintenance', '  windows any time', '  acknowledgement not required', '  not counted as downtime'), 'SLA3502')).toEqual([
      'SLA3502 maintenance: the maintenance clause gives no notice period: maintenance needs no warning',
    ]);
  });

  it('no causes: told at the contract line wherever it is, or at the first line without one', () => {
    const message = 'the contract declares no causes, so every incident and outage record will be rejected (its cause is unknown)';
    const noCauses = (text: string) => told(text, compile(text, 'edges.sla').diagnostics).filter((f) => f.code === 'SLA3506').map((f) => `${f.at}: ${f.message}`);
    expect(noCauses('version 1\ncontract "Late"\nseverities\n  high\nresponse 4 hours for every incident\n')).toEqual([`contract "Late": ${message}`]);
    expect(noCauses('version 1\nseverities\n  high\nresponse 4 hours for every incident\n')).toEqual([`version 1: ${message}`]);
  });

  it('a regional target in a table for a channel reaches every region', () => {
    const lines = base(
      'severities',
      '  high "High"',
      '',
      'calendar tokyo in Asia/Tokyo',
      '  monday to friday 09:00 to 17:00',
      '',
      'regions',
      '  japan "Japan" calendar tokyo',
      '  other "Elsewhere"',
      '',
      'reporting channels',
      '  official phone "Phone"',
      '',
      'response 8 hours for every incident',
      '',
      'response targets for channel phone',
      '  | severity | target |',
      '  | high | 4 regional business hours |',
    );
    expect(codes(lines, 'SLA3802')).toEqual(['SLA3802 other "Elsewhere": region other names no calendar, but the response target for channel phone counts regional business time']);
  });

  it('uneven days: sunday counts, the calendar named is the one counted, business hours are no finding', () => {
    const sev = ['severities', '  high', ''];
    expect(codes(base(...sev, 'calendar office "O"', '  monday to saturday 09:00 to 17:00', '  sunday 10:00 to 12:00', '', 'response 2 office days for every incident'), 'SLA3301')).toEqual([
      'SLA3301 2 office days: the response target counts office days, but the working days of calendar office differ in length (8 hours on monday, tuesday, wednesday, thursday, friday, saturday; 2 hours on sunday)',
    ]);
    const two = findings(
      base(...sev, 'calendar even "E"', '  monday to friday 09:00 to 17:00', '', 'calendar odd "O"', '  monday 09:00 to 17:00', '  tuesday 09:00 to 12:00', '', 'response 2 odd days for every incident', 'resolution 2 even days for every incident'),
    ).filter((f) => f.code === 'SLA3301');
    expect(two.map((f) => [f.at, f.related])).toEqual([['2 odd days', ['calendar odd "O": calendar odd']]]);
    expect(codes(base(...sev, 'calendar odd "O"', '  monday 09:00 to 17:00', '  tuesday 09:00 to 12:00', '', 'response 2 odd hours for every incident'), 'SLA3301')).toEqual([]);
  });

  it('a calendar open around the clock with public holidays, or pinned ones only, is business time', () => {
    const always = (holidays: string) => base('severities', '  high', '', 'calendar always "A"', '  monday to sunday 00:00 to 24:00', `  ${holidays}`, '', 'response 2 always hours for every incident');
    expect(codes(always('public holidays of CO'), 'SLA3302')).toEqual([]);
    expect(codes(always('pinned holidays 2026: 2026-01-01'), 'SLA3302')).toEqual([]);
  });

  it('zero however written: 00, 0 business hours, 0.00 business hours', () => {
    const sev = ['severities', '  high', '', 'calendar business "B"', '  monday to friday 09:00 to 17:00', ''];
    expect(codes(base(...sev, 'response 00 hours for every incident', 'resolution 0 business hours for every incident'), 'SLA3303')).toEqual([
      'SLA3303 00 hours: the response target is zero: it is due the instant its clock starts',
      'SLA3303 0 business hours: the resolution target is zero: it is due the instant its clock starts',
    ]);
    expect(codes(base(...sev, 'resolution 0.00 business hours for every incident'), 'SLA3303')).toEqual(['SLA3303 0.00 business hours: the resolution target is zero: it is due the instant its clock starts']);
    // Days of uneven length have no length in milliseconds; a wall time shorter than one rounds to none.
    const uneven = ['calendar odd "Odd"', '  monday 09:00 to 17:00', '  tuesday 09:00 to 12:00', ''];
    expect(codes(base(...sev, ...uneven, 'resolution 0 odd days for every incident'), 'SLA3303')).toEqual(['SLA3303 0 odd days: the resolution target is zero: it is due the instant its clock starts']);
    expect(codes(base(...sev, 'resolution 0.000001 minutes for every incident'), 'SLA3303')).toEqual(['SLA3303 0.000001 minutes: the resolution target is zero: it is due the instant its clock starts']);
    expect(codes(base(...sev, 'resolution 0.0001 minutes for every incident'), 'SLA3303')).toEqual([]);
  });

  it('a calendar without hours names the duration written first, wherever its clause is', () => {
    const lines = base('calendar closed "C"', '  monday 09:00 to 09:00', '', 'maintenance', '  windows any time', '  notice at least 2 closed hours before the start', '  not counted as downtime', '', 'severities', '  high', '', 'response 4 closed hours for every incident');
    expect(codes(lines, 'SLA3304')).toEqual(['SLA3304 calendar closed "C": calendar closed declares no business hours, so the maintenance notice (2 closed hours) is never due']);
  });
});

describe('ranges across zones, week by week', () => {
  const found = (...lines: string[]) => only(contract({}, ...lines, '', 'severities', '  high', '', 'response 4 a hours for every incident'), 'SLA3803').map((f) => `${f.at}: ${f.message}`);
  const part = (n: number, first: string, last: string) => `this range closes before it opens in ${n} of the 52 weeks of 2026 (the weeks starting ${first} to ${last}): daylight-saving time moves the two zones apart`;

  it('the zone written on the start only: Sydney 09:00 is 08:00 in Tokyo in the southern winter, 07:00 in its summer', () => {
    expect(found('calendar a in Asia/Tokyo "A"', '  monday 09:00 in Australia/Sydney to monday 07:30')).toEqual([`monday 09:00 in Australia/Sydney to monday 07:30: ${part(26, '2026-04-06', '2026-09-28')}`]);
    // Open in every week: nothing to tell.
    expect(found('calendar a in Asia/Tokyo "A"', '  monday 09:00 in Australia/Sydney to monday 20:00')).toEqual([]);
  });

  it('a range of no time in most weeks and closed before it opens in the others is empty in every week', () => {
    // London 14:00 is New York 09:00 except in the weeks the two change clocks apart (then 10:00).
    expect(found('calendar a in America/New_York "A"', '  monday 14:00 in Europe/London to monday 09:00')).toEqual([]);
  });

  it('24:00 is the next midnight; a range over two days ends on the later one', () => {
    // New York 19:00 is London midnight in most weeks (no time), London 23:00 in the others (open).
    expect(found('calendar a in America/New_York "A"', '  monday 19:00 to monday 24:00 in Europe/London')).toEqual([`monday 19:00 to monday 24:00 in Europe/London: ${part(48, '2026-01-05', '2026-12-28')}`]);
    expect(found('calendar a in America/New_York "A"', '  monday 23:00 to tuesday 04:00 in Europe/London')).toEqual([`monday 23:00 to tuesday 04:00 in Europe/London: ${part(48, '2026-01-05', '2026-12-28')}`]);
  });

  it('one zone: the night clocks skip an hour is not a range across zones', () => {
    expect(found('calendar a in America/New_York "A"', '  sunday 02:00 to sunday 03:00')).toEqual([]);
  });
});

describe('window limits of a clause open all week', () => {
  it('windows around the clock every day are one window a week', () => {
    const lines = contract({}, 'maintenance', '  windows', '    monday to sunday 00:00 to 24:00', '  at most 2 windows per calendar month', '  notice at least 1 hour before the start', '  not counted as downtime');
    expect(only(lines, 'SLA3810').map((f) => `${f.at}: ${f.message}`)).toEqual([
      'at most 2 windows per calendar month: the windows open 4 times in every month (1 a week), more than the 2 allowed: maintenance in the later windows counts as downtime',
    ]);
  });
});

describe('credits in money, at their edges', () => {
  const av = ['availability', '  target 99.9% per calendar month', ''];
  const table = (head: string, ...rows: string[]) => [head, '  | monthly availability | credit |', ...rows.map((r) => `  | ${r} |`)];
  const codes = (lines: string[], code: string) => only(contract({}, ...lines), code).map((f) => `${f.at}: ${f.message}`);

  it('a cap in money, or a percentage finer than the currency, is no finding of the money checks', () => {
    const lines = ['currency EUR', '', ...av, ...table('credits', 'at least 99.00% and below 99.90% | 10%', 'below 99.00% | 25%'), '  at most 1000 EUR per calendar year', '  at most 10.125% per calendar year'];
    expect(codes(lines, 'SLA3901')).toEqual([]);
    expect(codes(lines, 'SLA3902')).toEqual([]);
    expect(codes(['currency JPY', '', ...av, ...table('credits', 'below 99.90% | 10.5%')], 'SLA3902')).toEqual([]);
  });

  it('the largest monthly credit is the largest band, wherever it is in the table', () => {
    expect(codes([...av, ...table('credits', 'at least 99.00% and below 99.90% | 25%', 'below 99.00% | 10%'), '  at most 20% per calendar year'], 'SLA3901')).toEqual([]);
  });

  it('credits for one service are checked too', () => {
    expect(codes(['services', '  compute "Compute"', '', ...av, ...table('credits for service compute', 'below 99.9% | 29 days of service')], 'SLA3905')).toEqual([
      "29 days of service: 29 days of service is more than February's 28 days: in February the credit is more than the month's charge",
    ]);
  });

  it('the charge of the group: a service with parts is named once', () => {
    const lines = ['services', '  mdb "DB"', '    part read "Read"', '    part write "Write"', '', ...av, ...table('credits', 'below 99.9% | 10%'), '  basis monthly charge of the group'];
    expect(codes(lines, 'SLA3906')).toEqual(['basis monthly charge of the group: mdb belongs to no group: the charge of the group cannot be found']);
  });

  it('termination: one block of credits expiring at it is enough', () => {
    const lines = ['termination 2026-12-31', '', 'services', '  compute "Compute"', '', ...av, ...table('credits', 'below 99.9% | 10%'), '  expire at termination', '', ...table('credits for service compute', 'below 99.9% | 10%')];
    expect(codes(lines, 'SLA3908')).toEqual([]);
  });

  describe('missed targets with no target to miss', () => {
    const owed = (...lines: string[]) => codes(['severities', '  urgent', '  low', '', ...lines], 'SLA3909').map((f) => f.slice(f.indexOf(': ') + 2));
    const severities = (urgent: string, low: string) => ['response targets', '  | severity | target |', `  | urgent | ${urgent} |`, `  | low | ${low} |`, '', 'resolution targets', '  | severity | target |', `  | urgent | ${urgent} |`, `  | low | ${low} |`, ''];
    const categories = (...rows: string[]) => ['categories', '  | category | description | response | resolution |', ...rows.map((r) => `  | ${r} |`), ''];
    const rule = (who: string, objective: string) => ['credits', `  5% when more than 0 incidents ${who}miss their ${objective} target per calendar month`];

    it("a category's target for another objective, or another category's, is not its own", () => {
      expect(owed(...severities('none', 'none'), ...categories('hw | "Hardware" | 4 hours | none'), ...rule('of category hw ', 'resolution'))).toEqual([
        'no incident of category hw has a resolution target, so none can miss it and the credit is never owed',
      ]);
      expect(owed(...severities('none', 'none'), ...categories('sw | "Software" | 4 hours | 8 hours', 'hw | "Hardware" | none | none'), ...rule('of category hw ', 'resolution'))).toEqual([
        'no incident of category hw has a resolution target, so none can miss it and the credit is never owed',
      ]);
      // One of the categories named with a target is enough.
      expect(owed(...severities('none', 'none'), ...categories('hw | "Hardware" | none | none', 'sw | "Software" | 4 hours | 8 hours'), ...rule('of category hw, sw ', 'resolution'))).toEqual([]);
    });

    it('every incident: a category target for another objective, or none, gives no target', () => {
      expect(owed(...severities('none', 'none'), ...categories('hw | "Hardware" | 4 hours | none'), ...rule('', 'resolution'))).toEqual([
        'no incident has a resolution target, so none can miss it and the credit is never owed',
      ]);
    });

    it('several severities or categories are listed in the message', () => {
      expect(owed(...severities('none', 'none'), ...rule('of severity urgent, low ', 'response'))).toEqual([
        'no incident of severity urgent, low has a response target, so none can miss it and the credit is never owed',
      ]);
      expect(owed(...severities('none', 'none'), ...categories('hw | "Hardware" | none | none', 'sw | "Software" | none | none'), ...rule('of category hw, sw ', 'response'))).toEqual([
        'no incident of category hw, sw has a response target, so none can miss it and the credit is never owed',
      ]);
    });

    it('a target in a table for some incidents is a target', () => {
      const channel = ['reporting channels', '  official phone "Phone"', '', 'response targets for channel phone', '  | severity | target |', '  | low | 1 hour |', ''];
      expect(owed(...severities('1 hour', 'none'), ...channel, ...rule('of severity low ', 'response'))).toEqual([]);
    });
  });
});
