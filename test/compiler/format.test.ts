// The formatter: one canonical layout, comments kept, idempotent, and the IR never changes.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { format } from '../../compiler/format';
import { parse } from '../../language/index';
import { readRepoFile, withoutSpans } from '../helpers/ir';

function fmt(text: string): string {
  const p = parse(text);
  expect(p.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return format(p.ast, text);
}

const irOf = (text: string) => withoutSpans(compile(text, 'x.sla', { checks: false }).contract);

describe('fmt', () => {
  it('leaves every bundled contract, and the fixtures written formatted, unchanged', () => {
    const files = [
      'contracts/gc-forms/2025-11.sla',
      'contracts/nebius/il-2023.sla',
      'contracts/github-premium-support/v2021-11.sla',
      ...['availability-business-hours', 'calendars', 'credits-bands', 'credits-bands-upper-inclusive', 'credits-money-bands', 'services', 'structure', 'support', 'targets-scoped', 'units', 'windows', 'windows-dst', 'windows-suppressed'].map((f) => `test/fixtures/good/${f}.sla`),
    ];
    for (const f of files) {
      const text = readRepoFile(f);
      expect(fmt(text), f).toBe(text);
    }
  });

  it('lays out the clauses no bundled contract has: holiday types, holidays without a reason, a window count, a clock that continues, a formula pro rata', () => {
    const canonical = [
      'contract "Every clause"',
      'version 1',
      'effective 2026-01-01',
      'time zone UTC',
      '',
      'calendar se "Sweden"',
      '  monday to friday 09:00 to 17:00',
      '  holidays of SE: public, bank',
      '  holiday 2026-12-23',
      '  not a holiday 2026-01-06',
      '',
      'severities',
      '  urgent "Urgent"',
      '',
      'pause reasons',
      '  waiting "Waiting on the customer"',
      '',
      'clocks',
      '  resolution pauses while waiting, reopened continues the clock',
      '',
      'response 4 hours for every incident',
      '',
      'maintenance',
      '  windows',
      '    sunday 02:00 to 04:00',
      '  at most 2 windows per calendar month',
      '  notice at least 48 hours before the start',
      '  not counted as downtime',
      '',
      'availability',
      '  target 99.9% per calendar month',
      '',
      'credits',
      '  5% for each full 1% below target',
      '  at most 50%',
      '',
      'causes',
      '  counted provider',
      '',
    ].join('\n');
    expect(fmt(canonical)).toBe(canonical);
    const proRata = canonical.replace('5% for each full 1% below target', '5% for each 1% below target, pro rata');
    expect(fmt(proRata)).toBe(proRata);
    const messy = canonical
      .replace('holidays of SE: public, bank', 'holidays   of SE:  Public,BANK')
      .replace('at most 2 windows per calendar month', 'at most   2 windows per calendar month')
      .replace('reopened continues the clock', 'reopened   continues the clock');
    expect(fmt(messy)).toBe(canonical);
  });

  it('canonical case, spacing and alignment: plans, aliases, services and their parts, setups, causes, currency, a formula, comments', () => {
    const messy = [
      'contract "Messy"   # the name   ',
      'version 1',
      'effective 2026-01-01',
      'time zone UTC',
      'fiscal year starts April',
      '',
      'plans   basic<plus  < gold',
      'severities',
      '  urgent "Urgent"   alias   p1, critical',
      '  normal "Normal"  alias p2',
      '  low',
      'services',
      '  compute "Compute" group infra',
      '  mdb "Databases"',
      '    part read "Read"',
      '    part readwrite',
      '  dns',
      'setups',
      '  ha "High availability"',
      '  plain',
      'causes',
      '  counted provider   # counts',
      '  excluded   customer "The customer\'s doing"',
      'currency eur',
      'availability',
      '  target 99.9% per calendar month',
      'credits',
      '  | monthly availability | credit |',
      '  | below 99.9% | 10% |',
      '  at most 100.00 EUR per calendar year',
      '  5% FOR EACH STARTED 1% below target',
      '# a comment at the end   ',
      '',
    ].join('\n');
    const canonical = [
      'contract "Messy"  # the name',
      'version 1',
      'effective 2026-01-01',
      'time zone UTC',
      'fiscal year starts april',
      '',
      'plans basic < plus < gold',
      'severities',
      '  urgent "Urgent" aliases p1, critical',
      '  normal "Normal" alias p2',
      '  low',
      'services',
      '  compute "Compute"   group infra',
      '  mdb     "Databases"',
      '    part read      "Read"',
      '    part readwrite',
      '  dns',
      'setups',
      '  ha    "High availability"',
      '  plain',
      'causes',
      '  counted  provider  # counts',
      '  excluded customer "The customer\'s doing"',
      'currency EUR',
      'availability',
      '  target 99.9% per calendar month',
      'credits',
      '  | monthly availability | credit |',
      '  | below 99.9%          | 10%    |',
      '  at most 100.00 EUR per calendar year',
      '  5% for each started 1% below target',
      '# a comment at the end',
      '',
    ].join('\n');
    expect(fmt(messy)).toBe(canonical);
    expect(fmt(canonical)).toBe(canonical);
  });

  it('comments keep their place, trimmed: above a line, inside a block, after a line, between clauses; blank lines fold to one', () => {
    const messy = '# top   \ncontract "C"\nversion 1   # v   \neffective 2026-01-01\ntime zone UTC\nseverities\n  # above urgent   \n  urgent "Urgent"\n  low    # the least   \n# between   \n\n\ncauses\n  counted provider\n';
    const canonical = '# top\ncontract "C"\nversion 1  # v\neffective 2026-01-01\ntime zone UTC\nseverities\n  # above urgent\n  urgent "Urgent"\n  low  # the least\n# between\n\ncauses\n  counted provider\n';
    expect(fmt(messy)).toBe(canonical);
    expect(fmt(canonical)).toBe(canonical);
    expect(fmt(`\n\n${canonical}\n\n`)).toBe(canonical);
  });

  it('leaves the seed contracts unchanged (they are committed formatted)', () => {
    for (const f of ['contracts/sagicc/v04.sla', 'contracts/clever-ideas/v1.sla']) {
      const text = readRepoFile(f);
      expect(fmt(text)).toBe(text);
    }
  });

  it('lays out a messy contract canonically, keeping comments where they were', () => {
    const messy = [
      '# header comment',
      'CONTRACT   "X"   # trailing',
      'version 2',
      '',
      '',
      '',
      'time zone America/Bogota',
      'calendar business',
      'Monday to Friday 8:00 to 18:00',
      '    public holidays of CO',
      'severities',
      ' p1 "One"   alias 1',
      '     p2',
      'resolution targets',
      '|severity|target|',
      '# between rows',
      '|p1|10 minute|',
      '| p2 | 1 business hours by email |',
      'credits',
      '  | monthly availability | credit |',
      '  |below 99.9 %|5%|',
      'note "n" """',
      '      indented text',
      '        more',
      '   """',
      '# last words',
    ].join('\n');
    expect(fmt(messy)).toBe(
      [
        '# header comment',
        'contract "X"  # trailing',
        'version 2',
        '',
        'time zone America/Bogota',
        'calendar business',
        '  monday to friday 08:00 to 18:00',
        '  public holidays of CO',
        'severities',
        '  p1 "One" alias 1',
        '  p2',
        'resolution targets',
        '  | severity | target                   |',
        '  # between rows',
        '  | p1       | 10 minutes               |',
        '  | p2       | 1 business hour by email |',
        'credits',
        '  | monthly availability | credit |',
        '  | below 99.9%          | 5%     |',
        'note "n" """',
        '  indented text',
        '    more',
        '  """',
        '# last words',
        '',
      ].join('\n'),
    );
  });

  it('lays out the money clauses canonically: amounts and days in cells, the basis, stacking, expiry, the report, termination', () => {
    const messy = [
      'contract "M"',
      'time zone UTC',
      'currency eur,   rounded HALF-EVEN to the minor unit',
      'termination   2026-12-31',
      'calendar biz',
      '  monday to friday 09:00 to 17:00',
      'credits',
      'basis   Monthly Charge of the Service',
      '|monthly availability|credit|',
      '| below 99.9% | 2.00 eur |',
      '| below 99% |1 days of service|',
      '| below 95% |3 day of service|',
      '  No   Stacking',
      '  expire  at termination',
      '  claim within 10 biz days after the incident',
      'report Monthly within 10 biz days after the month ends,missing counts as a default',
    ].join('\n');
    const out = fmt(messy);
    expect(out).toBe(
      [
        'contract "M"',
        'time zone UTC',
        'currency EUR, rounded half-even to the minor unit',
        'termination 2026-12-31',
        'calendar biz',
        '  monday to friday 09:00 to 17:00',
        'credits',
        '  basis monthly charge of the service',
        '  | monthly availability | credit            |',
        '  | below 99.9%          | 2.00 EUR          |',
        '  | below 99%            | 1 day of service  |',
        '  | below 95%            | 3 days of service |',
        '  no stacking',
        '  expire at termination',
        '  claim within 10 biz days after the incident',
        'report monthly within 10 biz days after the month ends, missing counts as a default',
        '',
      ].join('\n'),
    );
    expect(irOf(out)).toEqual(irOf(messy));
  });

  it('lays out the rarer shape of each line: escapes, singular amounts, anchored and scoped targets, bounds and empty cells, lines between windows, a wrapped pinned list', () => {
    const dates = Array.from({ length: 16 }, (_, i) => `2026-${String(Math.floor(i / 2) + 1).padStart(2, '0')}-${i % 2 ? '15' : '01'}`);
    const messy = [
      'contract "Odd \\"shapes\\" \\\\ of text"',
      'version 1# right after the line',
      'effective 2026-01-01',
      'time zone Europe/Madrid',
      'fiscal year starts April 6',
      '',
      'calendar es "Madrid"',
      '  monday to friday 08:00 to 12:00,  13:00 to 17:00',
      '  holiday 2026-12-24 "Christmas\\tEve"',
      '  not a holiday 2026-01-06   "Open\\nall day"',
      `  pinned holidays 2026: ${dates.join(', ')}`,
      '',
      'severities',
      '  urgent "Urgent"',
      '  normal "Normal"',
      '',
      'plans basic, plus, pro',
      '',
      'categories',
      '  billing   "Billing questions"',
      '  access',
      '',
      'services',
      '  compute "Compute"',
      '    part read',
      '',
      'pause reasons',
      '  waiting "Waiting on the customer"',
      '  vendor',
      '',
      'clocks',
      '  resolution pauses while waiting  or   vendor',
      '',
      'update every 1.00 hour until resolved for severity urgent,normal',
      'update every 4 hours until responded',
      '',
      'response targets for service compute part read',
      '  | severity | target |',
      '  | urgent | 11 hours |',
      '  | normal | end of next es day |',
      '',
      'restoration 1.00 hour for every incident',
      'resolution 5 es days',
      '',
      'reporting channels',
      '  official portal',
      '  official phone "Phone"',
      '  other channels counted',
      '',
      'maintenance for service compute part read',
      '  saturday 05:00 to 06:00',
      '  windows',
      '    sunday 02:00 to 04:00',
      '  notice at least 48 hours before the start',
      '  saturday 02:00 to 03:00',
      '  acknowledgement required',
      '  friday 02:00 to 03:00',
      '  counted as downtime',
      '  thursday 02:00 to 03:00',
      '  kinds planned,   emergency',
      '  wednesday 02:00 to 03:00',
      '  notice for emergency as much as possible',
      '  notice for planned at least 5 days before the start,  by email',
      '  notice for other at least 5 days before the start',
      '  tuesday 02:00 to 03:00',
      '  allowance 4 hours per calendar month',
      '  monday 02:00 to 03:00',
      '  at most 2 windows per calendar month',
      '  monday 05:00 to 06:00',
      '',
      'regions',
      '  eu zones Europe/Madrid',
      '',
      'availability',
      '  target 99.9% per calendar month',
      '',
      'credits',
      '  | monthly availability | credit |',
      '  | between 99% and 99.5% | 1.5 days of service |',
      '  | 98% - 99% | 11 days of service |',
      '  | below 98% | 1.00 day of service |',
      '  | below 90% | |',
      '  |',
      '  5% when more than 4 incidents miss their response target per calendar quarter',
      '  paid On The Next Invoice',
      '',
      'note "Single"   "One line"',
      '',
      'response targets',
      '',
      '',
    ].join('\n');
    const canonical = [
      'contract "Odd \\"shapes\\" \\\\ of text"',
      'version 1  # right after the line',
      'effective 2026-01-01',
      'time zone Europe/Madrid',
      'fiscal year starts april 6',
      '',
      'calendar es "Madrid"',
      '  monday to friday 08:00 to 12:00, 13:00 to 17:00',
      '  holiday 2026-12-24 "Christmas\\tEve"',
      '  not a holiday 2026-01-06 "Open\\nall day"',
      '  pinned holidays 2026: 2026-01-01, 2026-01-15, 2026-02-01, 2026-02-15, 2026-03-01, 2026-03-15,',
      '    2026-04-01, 2026-04-15, 2026-05-01, 2026-05-15, 2026-06-01, 2026-06-15, 2026-07-01, 2026-07-15,',
      '    2026-08-01, 2026-08-15',
      '',
      'severities',
      '  urgent "Urgent"',
      '  normal "Normal"',
      '',
      'plans basic, plus, pro',
      '',
      'categories',
      '  billing "Billing questions"',
      '  access',
      '',
      'services',
      '  compute "Compute"',
      '    part read',
      '',
      'pause reasons',
      '  waiting "Waiting on the customer"',
      '  vendor',
      '',
      'clocks',
      '  resolution pauses while waiting or vendor',
      '',
      'update every 1.00 hour until resolved for severity urgent, normal',
      'update every 4 hours until responded',
      '',
      'response targets for service compute part read',
      '  | severity | target             |',
      '  | urgent   | 11 hours           |',
      '  | normal   | end of next es day |',
      '',
      'restoration 1.00 hour for every incident',
      'resolution 5 es days',
      '',
      'reporting channels',
      '  official portal',
      '  official phone "Phone"',
      '  other channels counted',
      '',
      'maintenance for service compute part read',
      '  saturday 05:00 to 06:00',
      '  windows',
      '    sunday 02:00 to 04:00',
      '  notice at least 48 hours before the start',
      '  saturday 02:00 to 03:00',
      '  acknowledgement required',
      '  friday 02:00 to 03:00',
      '  counted as downtime',
      '  thursday 02:00 to 03:00',
      '  kinds planned, emergency',
      '  wednesday 02:00 to 03:00',
      '  notice for emergency as much as possible',
      '  notice for planned at least 5 days before the start, by email',
      '  notice for other at least 5 days before the start',
      '  tuesday 02:00 to 03:00',
      '  allowance 4 hours per calendar month',
      '  monday 02:00 to 03:00',
      '  at most 2 windows per calendar month',
      '  monday 05:00 to 06:00',
      '',
      'regions',
      '  eu zones Europe/Madrid',
      '',
      'availability',
      '  target 99.9% per calendar month',
      '',
      'credits',
      '  | monthly availability  | credit              |',
      '  | between 99% and 99.5% | 1.5 days of service |',
      '  | 98% - 99%             | 11 days of service  |',
      '  | below 98%             | 1.00 day of service |',
      '  | below 90%             |                     |',
      '  |',
      '  5% when more than 4 incidents miss their response target per calendar quarter',
      '  paid on the next invoice',
      '',
      'note "Single" "One line"',
      '',
      'response targets',
      '',
    ].join('\n');
    expect(fmt(messy)).toBe(canonical);
    expect(fmt(canonical)).toBe(canonical);
    expect(irOf(canonical)).toEqual(irOf(messy));
    expect(format(parse('').ast, '')).toBe('');
  });

  it('normalises NA to none and keeps the IR', () => {
    const text = 'contract "X"\ntime zone UTC\nseverities\n  s1\nrestoration targets\n  | severity | target |\n  | s1 | NA |\n';
    const out = fmt(text);
    expect(out).toContain('| s1       | none   |');
    expect(irOf(out)).toEqual(irOf(text));
  });
});

// ---- property: random contracts in random layouts -------------------------------------------
const RESERVED = new Set(['contract', 'version', 'effective', 'provider', 'customer', 'time', 'calendar', 'severities', 'plans', 'categories', 'response', 'restoration', 'resolution', 'causes', 'reporting', 'maintenance', 'availability', 'reliability', 'credits', 'note', 'clause', 'regions', 'pause', 'clocks', 'update', 'services', 'setups', 'report', 'termination']);
const STRICT = new Set(['none', 'na', 'at', 'above', 'below', 'between', 'minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'day', 'days', 'target', 'plan', 'severity']);
const word = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?$/).filter((w) => !RESERVED.has(w) && !STRICT.has(w));
const sp = fc.constantFrom(' ', '  ', '\t', '   ');
const text = fc.string({ maxLength: 20 }).map((s) => s.replace(/[\r\n"\\]/g, ''));
const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 59)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const amount = fc.constantFrom('1', '2', '3', '10', '1.5', '04', '90');
const unit = fc.constantFrom('minutes', 'hours', 'days', 'hour', 'min', 'hrs');
const pctText = fc.constantFrom('99', '99.9', '99.90', '98.5', '50', '5', '0.5');
const comment = fc.option(text.map((t) => `# ${t}`), { nil: undefined });

const contractArb = fc
  .record({
    sevs: fc.uniqueArray(word, { minLength: 1, maxLength: 4 }),
    plans: fc.uniqueArray(word, { minLength: 0, maxLength: 3 }),
    ordered: fc.boolean(),
    hours: fc.array(fc.tuple(fc.constantFrom('monday', 'tuesday to friday', 'saturday, sunday', 'every day'), time, time), { maxLength: 3 }),
    targets: fc.array(fc.tuple(amount, fc.boolean(), unit, fc.boolean()), { minLength: 4, maxLength: 16 }),
    pct: pctText,
    bands: fc.array(fc.tuple(pctText, pctText, pctText), { maxLength: 3 }),
    pad: sp,
    comments: fc.array(comment, { minLength: 14, maxLength: 14 }),
    blank: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
    title: text,
    note: fc.array(text, { maxLength: 4 }),
    // Support SLAs: a calendar in its own zone, a cross-zone week, regions, pauses, clocks, updates,
    // and the target forms that name a calendar or a day.
    zone: fc.option(fc.constantFrom('Europe/London', 'Asia/Tokyo', 'America/Argentina/Buenos_Aires'), { nil: undefined }),
    span: fc.option(fc.tuple(fc.constantFrom('monday', 'sunday'), time, fc.constantFrom('', ' in Australia/Sydney'), fc.constantFrom('friday', 'monday'), time), { nil: undefined }),
    support: fc.boolean(),
    forms: fc.array(fc.constantFrom('1 regional business day', '2 days on calendar biz', 'end of next biz day', 'next biz day by 12:00', 'within 2 biz hours', 'end of next biz day by email'), { minLength: 4, maxLength: 4 }),
    clockParts: fc.subarray(['starts at prioritized', 'pauses while waiting', 'reopened starts a new cycle', 'pauses on business time only'], { minLength: 1 }),
    // Cloud SLAs: services with groups and parts, scoped rules, downtime definitions.
    services: fc.uniqueArray(word, { maxLength: 3 }),
    parts: fc.uniqueArray(word, { maxLength: 2 }),
    measured: fc.constantFrom('as exact time', 'in slots of 5 minutes', 'in full minutes', 'in started minutes', ''),
    during: fc.boolean(),
    minimum: fc.option(fc.constantFrom('5 minutes', '1 min', '2 hours'), { nil: undefined }),
    boundForms: fc.array(fc.constantFrom(0, 1, 2, 3, 4), { minLength: 3, maxLength: 3 }),
    // Money: the currency, the basis, credits as amounts and days of service, caps over months and
    // in money, claims (business days, from the incident), payment, stacking, expiry, reports, termination.
    currency: fc.option(fc.constantFrom('currency EUR', 'currency eur, rounded half-even to the minor unit', 'currency EUR, rounded half-up', 'currency EUR rounded half-even'), { nil: undefined }),
    basis: fc.constantFrom('', 'basis "the fee"', 'basis monthly charge of the service', 'basis Monthly Charge of the group'),
    moneyCells: fc.array(fc.option(fc.constantFrom('2.00 EUR', '3 days of service', '1 day of service', '10 eur', '0.5 days of service'), { nil: undefined }), { minLength: 3, maxLength: 3 }),
    moneyLines: fc.subarray([
      'at most 150.00 EUR per calendar month',
      'at most 1000 EUR per calendar year',
      'at most 50% per rolling 12 months',
      'at most 40% per Calendar Year',
      'claim within 30 days after invoice',
      'claim within 10 biz days after the month ends',
      'claim within 30 days after the incident',
      'paid on the next invoice',
      'paid within 30 days',
      'withheld while invoices are unpaid',
      'no stacking',
      'several credits add up',
      'expire at termination',
    ]),
    report: fc.option(
      fc.constantFrom(
        'report monthly within 10 biz days after the month ends, missing counts as a default',
        'report Monthly within 5 days after the end of the month',
        'report monthly within 3 days on calendar biz after the month ends,missing counts as a default',
      ),
      { nil: undefined },
    ),
    termination: fc.option(fc.constantFrom('2026-12-31', '2030-01-15'), { nil: undefined }),
    // Tables for some incidents: an environment, a channel, a region (with zones), a service.
    scoped: fc.subarray(['environment', 'channel', 'region', 'service'] as const),
    // Periods other than the calendar month: more target lines, a fiscal year start, a zone for periods.
    moreTargets: fc.subarray(['calendar quarter', 'fiscal quarter', 'calendar year', 'fiscal year'] as const),
    ownHours: fc.boolean(),
    fiscal: fc.option(fc.constantFrom('February', 'october 1', 'JULY'), { nil: undefined }),
    periodsIn: fc.option(fc.constantFrom('UTC+02:00', 'UTC-09:30', 'Asia/Jerusalem'), { nil: undefined }),
    reliability: fc.option(fc.constantFrom('calendar month', 'calendar quarter', 'fiscal year'), { nil: undefined }),
    errorRate: fc.option(fc.tuple(pctText, fc.constantFrom('a minute', '5 minutes', '1 minute'), fc.option(fc.constantFrom('10', '100'), { nil: undefined }), fc.boolean()), { nil: undefined }),
  })
  .map((r) => {
    const c = (i: number) => (r.comments[i] ? `${r.pad}${r.comments[i]}` : '');
    const b = (i: number) => (r.blank[i] ? '\n' : '');
    const lines: string[] = [];
    lines.push(`contract${r.pad}"${r.title}"${c(0)}`, `version 1${c(1)}`, `time zone UTC${b(0)}`);
    if (r.currency) lines.push(`${r.currency}${c(12)}`);
    if (r.termination) lines.push(`termination${r.pad}${r.termination}`);
    if (r.fiscal) lines.push(`fiscal${r.pad}year starts ${r.fiscal}`);
    if (r.periodsIn) lines.push(`periods in${r.pad}${r.periodsIn}`);
    lines.push(`calendar biz${r.zone ? ` in ${r.zone}` : ''} "${r.title}"${c(2)}`);
    for (const [d, f, t] of r.hours) lines.push(`${r.pad}${d} ${f} to ${t}`);
    if (r.span) lines.push(`${r.pad}${r.span[0]} ${r.span[1]}${r.span[2]} to ${r.span[3]} ${r.span[4]}`);
    if (r.support) {
      lines.push(`regions${c(11)}`, `${r.pad}emea "${r.title}" calendar biz${r.scoped.includes('region') ? `${r.pad}zones Europe/London,${r.pad}Europe/Paris` : ''}`, `${r.pad}apac`);
      lines.push('pause reasons', `${r.pad}waiting "${r.title}"`);
      lines.push('clocks', `${r.pad}resolution ${r.clockParts.join(`,${r.pad}`)}`, `${r.pad}response   never pauses`);
      lines.push(`update every 8 hours until restored for severity ${r.sevs[0]}`);
    }
    lines.push(`${b(1)}severities${c(3)}`);
    r.sevs.forEach((s, i) => lines.push(`${r.pad}${s}${i === 0 ? ` "${r.title}" alias ${i + 1}` : ''}${c(4)}`));
    if (r.plans.length) lines.push(`plans ${r.plans.join(r.ordered ? ' < ' : ', ')}${c(5)}`);
    lines.push(`${b(2)}response targets${c(6)}`, `| severity |${r.pad}target |`);
    r.sevs.forEach((s, i) => {
      const [a, biz, u, via] = r.targets[i % r.targets.length];
      lines.push(`|${r.pad}${s} | ${a}${biz ? ' biz' : ''} ${u}${via ? ' by email then phone' : ''} |${c(7)}`);
    });
    if (r.support) {
      lines.push('resolution targets', '| severity | target |');
      r.sevs.forEach((sv, i) => lines.push(`| ${sv} |${r.pad}${r.forms[i % r.forms.length]} |`));
    }
    if (r.services.length) {
      lines.push('services');
      r.services.forEach((sv, i) => {
        lines.push(`${r.pad}${sv}${i % 2 ? '' : ` "${r.title}"`}${i === 1 ? ' group grp' : ''}`);
        if (i === 0) for (const p of r.parts) lines.push(`${r.pad}${r.pad}part ${p}${r.pad}"${r.title}"`);
      });
    }
    if (r.scoped.includes('environment')) lines.push('environments', `${r.pad}production "${r.title}"`, `${r.pad}staging`);
    if (r.scoped.includes('channel')) lines.push('reporting channels', `${r.pad}official phone "${r.title}"`);
    for (const kind of r.scoped) {
      const name = { environment: 'staging', channel: 'phone', region: 'emea', service: r.services[0] }[kind];
      if (!name || (kind === 'region' && !r.support)) continue;
      lines.push(`response targets${r.pad}for ${kind} ${name}`, `| severity |${r.pad}target |`, `| ${r.sevs[0]} | ${r.targets[0][0]} hours |`);
    }
    lines.push(`${b(3)}availability`, `${r.pad}target ${r.pct}% per calendar month${c(8)}`);
    for (const k of r.moreTargets) {
      if (k.startsWith('fiscal') && !r.fiscal) continue;
      lines.push(`${r.pad}target 99.0% per${r.pad}${k}${r.ownHours && k.endsWith('year') ? `,${r.pad}counted during biz hours` : ''}`);
    }
    if (r.measured) lines.push(`${r.pad}measured ${r.measured}`);
    if (r.minimum) lines.push(`${r.pad}minimum   downtime period ${r.minimum}`);
    if (r.during) lines.push(`${r.pad}counted${r.pad}during biz hours`);
    if (r.errorRate) {
      const [p, window, least, comma] = r.errorRate;
      lines.push(`${r.pad}downtime when more than ${p}% of requests fail in ${window}${least ? `${comma ? ',' : ''} with at least ${least} requests` : ''}`);
    }
    if (r.services.length) {
      lines.push(`availability for service ${r.services[0]}${r.parts.length ? ` part ${r.parts[0]}` : ''}`, `${r.pad}target 99.5% per calendar month`);
      if (r.services.length > 1) lines.push(`maintenance  for group grp`, `${r.pad}windows any time`);
    }
    if (r.bands.length) {
      lines.push('credits', ...(r.basis ? [`${r.pad}${r.basis}`] : []), '| monthly availability | credit |');
      r.bands.forEach(([lo, hi, cr], i) => {
        // The bound forms SLAs print: words, `X% to < Y%`, `< Y% - X%`, `>= X% and < Y%`, `X - Y %`.
        const bound = [`at least ${lo}% and below ${hi}%`, `${lo}% to < ${hi}%`, `< ${hi}%-${lo}%`, `>= ${lo}% and < ${hi}%`, `${lo} - ${hi} %`][r.boundForms[i]];
        lines.push(`| ${bound} |${r.pad}${r.moneyCells[i] ?? `${cr}%`} |${c(9)}`);
      });
      lines.push(`${r.pad}5% for each started 1% below target`, 'at most 50%');
      if (r.fiscal && r.ownHours) lines.push(`${r.pad}20% when more than${r.pad}4 incidents of severity ${r.sevs.slice(0, 2).join(`,${r.pad}`)} miss their response target per fiscal quarter`);
      for (const l of r.moneyLines) lines.push(`${r.pad}${l.replace(/ /g, () => r.pad)}`);
    }
    if (r.reliability && (!r.reliability.startsWith('fiscal') || r.fiscal)) lines.push(`reliability at most 4 counted incidents per ${r.reliability}`);
    if (r.report) lines.push(`${r.report}${c(13)}`);
    if (r.note.length) lines.push(`${b(4)}note "${r.title}" """`, ...r.note.map((t) => `${r.pad}${t}`), '"""');
    lines.push(`${c(10).trim()}`);
    return lines.join('\n');
  });

describe('fmt properties', () => {
  it('is idempotent, keeps every comment, and parse(fmt(x)) has the IR of parse(x)', () => {
    fc.assert(
      fc.property(contractArb, (src) => {
        const once = fmt(src);
        expect(fmt(once)).toBe(once);
        expect(irOf(once)).toEqual(irOf(src));
        const comments = (s: string) => parse(s).ast.comments.map((x) => x.text.trimEnd()).sort();
        expect(comments(once)).toEqual(comments(src));
      }),
      { numRuns: 200 },
    );
  });
});
