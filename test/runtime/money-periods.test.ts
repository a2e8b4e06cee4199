// Credits in money for periods longer than a month: a quarter or a year is several months of
// charges and of credit history. Caps over months count every month the credited periods cover,
// a cap per calendar month allows its amount for each month of the period, the next invoice is
// the one after the period ends, a monthly report obligation judges every service's months, and
// credits for missed targets count an incident in the quarter it was opened in. Every expected
// amount is computed by hand in a comment. The contracts' zone is UTC.

import { describe, expect, it } from 'vitest';
import type { PeriodVerdict } from '../../runtime/periods';
import { evaluateText } from '../helpers/evaluate';

const HEAD = `contract "Money over periods"
version 1
effective 2025-01-01
time zone UTC
currency EUR
causes
  counted provider
`;

async function run(text: string, records: object[], asOf: string): Promise<PeriodVerdict[]> {
  const { periods, rejected } = await evaluateText(text, 'periods.sla', records, asOf);
  expect(rejected).toEqual([]);
  return periods;
}

function period(periods: PeriodVerdict[], key: string, service?: string): PeriodVerdict {
  const p = periods.find((x) => x.period === key && x.service === service);
  if (!p) throw new Error(`no period ${key} ${service ?? ''}`);
  return p;
}

/** A 5-hour outage on `day` (YYYY-MM-DD): 300 minutes, below 99.9% of any quarter (0.1% of 90 days is 129.6 minutes). */
const outage = (day: string, extra: object = {}) => ({ type: 'outage', id: `o-${day}`, start: `${day}T00:00:00Z`, end: `${day}T05:00:00Z`, cause: 'provider', ...extra });
const invoice = (period: string, amount: string, issued: string, extra: object = {}) => ({ type: 'invoice', id: `i-${period}${JSON.stringify(extra)}`, period, amount, currency: 'EUR', issued, ...extra });
/** The months from `first` to `last` (YYYY-MM), in order. */
function months(first: string, last: string): string[] {
  const out: string[] = [];
  for (let n = Number(first.slice(0, 4)) * 12 + Number(first.slice(5)) - 1; ; n++) {
    const m = `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    out.push(m);
    if (m === last) return out;
  }
}

const quarterly = (kind: string, lines: string, head = '') => `${HEAD}${head}
availability
  target 99.9% per ${kind}

credits
  | availability | credit |
  | below 99.9%  | 60%    |
${lines}
`;

describe('caps over months, for credits of a quarter', () => {
  it('a rolling 12-month cap in percent takes a share of each month once: a quarter is three months of charges', async () => {
    // Monthly invoices of 1,000.00 from April 2025; Q4 2025 and Q1 2026 each breached: 60% of 3,000.00 = 1,800.00.
    const recs = [outage('2025-11-10'), outage('2026-02-10'), ...months('2025-04', '2026-03').map((m) => invoice(m, '1000.00', `${m}-28`))];
    const ps = await run(quarterly('calendar quarter', '  at most 20% per rolling 12 months'), recs, '2026-06-01T00:00:00Z');
    // Q4 2025, counted in December: the 12 months to December hold the invoices of April to December,
    // 9 x 1,000.00 = 9,000.00; 20% = 1,800.00, exactly the credit.
    expect(period(ps, '2025-Q4').credit!.money!.caps).toEqual([
      { rule: 'at most 20% per rolling 12 months', clause: 'periods.sla:15', months: months('2025-04', '2025-12'), limit: '1800.00', before: '1800.00', after: '1800.00', binds: false },
    ]);
    // Q1 2026, counted in March: April 2025 to March 2026 are 12 x 1,000.00 = 12,000.00; 20% = 2,400.00,
    // less Q4's 1,800.00 = 600.00 left.
    const q1 = period(ps, '2026-Q1').credit!.money!;
    expect(q1.caps).toEqual([
      { rule: 'at most 20% per rolling 12 months', clause: 'periods.sla:15', months: months('2025-04', '2026-03'), limit: '600.00', before: '1800.00', after: '600.00', binds: true },
    ]);
    expect([q1.charge, q1.amount, q1.capped, q1.payable]).toEqual(['3000.00', '1800.00', '600.00', '600.00']);
  });

  it('a calendar-year cap counts a fiscal quarter in its last month, with the charges of all its months', async () => {
    // Fiscal quarters from February: FY2026-Q4 is November 2025 to January 2026, counted in 2026.
    // Invoices: 1,000.00 a month to January, 2,000.00 a month from February.
    const recs = [
      outage('2025-12-10'),
      outage('2026-03-10'),
      ...months('2025-11', '2026-01').map((m) => invoice(m, '1000.00', `${m}-28`)),
      ...months('2026-02', '2026-04').map((m) => invoice(m, '2000.00', `${m}-28`)),
    ];
    const ps = await run(quarterly('fiscal quarter', '  at most 10% per calendar year', 'fiscal year starts february\n'), recs, '2026-06-01T00:00:00Z');
    // FY2026-Q4: 60% of 3,000.00 = 1,800.00; 10% of its three months' 3,000.00 = 300.00.
    expect(period(ps, 'FY2026-Q4').credit!.money!.caps).toEqual([
      { rule: 'at most 10% per calendar year', clause: 'periods.sla:16', months: ['2025-11', '2025-12', '2026-01'], limit: '300.00', before: '1800.00', after: '300.00', binds: true },
    ]);
    // FY2027-Q1: 60% of 6,000.00 = 3,600.00. 2026 so far counts FY2026-Q4 and FY2027-Q1: the charges of
    // November to April, 9,000.00; 10% = 900.00, less FY2026-Q4's 300.00 = 600.00.
    expect(period(ps, 'FY2027-Q1').credit!.money!.caps).toEqual([
      { rule: 'at most 10% per calendar year', clause: 'periods.sla:16', months: months('2025-11', '2026-04'), limit: '600.00', before: '3600.00', after: '600.00', binds: true },
    ]);
  });

  it('a quarter invoiced as a quarter is one charge: its months are not counted again', async () => {
    // Q1 invoiced as "2026-Q1" (2,400.00) and, by mistake, January as well: the quarter's invoice is its charge.
    const recs = [outage('2026-02-10'), invoice('2025-12', '1000.00', '2025-12-28'), invoice('2026-Q1', '2400.00', '2026-01-05'), invoice('2026-01', '800.00', '2026-01-28')];
    const ps = await run(quarterly('calendar quarter', '  at most 25% per rolling 12 months'), recs, '2026-06-01T00:00:00Z');
    const m = period(ps, '2026-Q1').credit!.money!;
    // 60% of 2,400.00 = 1,440.00; 25% of December's 1,000.00 and the quarter's 2,400.00 = 850.00.
    expect([m.charge, m.invoices, m.amount]).toEqual(['2400.00', ['i-2026-Q1{}'], '1440.00']);
    expect(m.caps).toEqual([
      { rule: 'at most 25% per rolling 12 months', clause: 'periods.sla:15', months: ['2025-12', '2026-01', '2026-02', '2026-03'], limit: '850.00', before: '1440.00', after: '850.00', binds: true },
    ]);
  });
});

describe('a cap per calendar month, for credits of a quarter or a year', () => {
  const recs = [outage('2026-02-10'), ...months('2026-01', '2026-12').map((m) => invoice(m, '1000.00', `${m}-28`))];

  it('allows its amount for each month of the period: three times for a quarter', async () => {
    const ps = await run(quarterly('calendar quarter', '  at most 100.00 EUR per calendar month\n  at most 250.00 EUR'), recs, '2026-06-01T00:00:00Z');
    const m = period(ps, '2026-Q1').credit!.money!;
    // 60% of 3 x 1,000.00 = 1,800.00; 100.00 for each of January, February and March = 300.00; then
    // `at most 250.00 EUR` (per calendar month, the default) = 750.00 for the quarter, which does not bind.
    expect(m.caps).toEqual([
      { rule: 'at most 100.00 EUR per calendar month', clause: 'periods.sla:15', months: ['2026-01', '2026-02', '2026-03'], limit: '300.00', before: '1800.00', after: '300.00', binds: true },
      { rule: 'at most 250.00 EUR per calendar month', clause: 'periods.sla:16', months: ['2026-01', '2026-02', '2026-03'], limit: '750.00', before: '300.00', after: '300.00', binds: false },
    ]);
    expect([m.capped, m.payable]).toEqual(['300.00', '300.00']);
  });

  it('twelve times for a year, and a cap in percent per month is a share of the period\'s charge', async () => {
    // 600 minutes down in 2026 (525,600 minutes): 99.886%, below 99.9%.
    const ps = await run(quarterly('calendar year', '  at most 100.00 EUR per calendar month\n  at most 5%'), [...recs, outage('2026-03-10')], '2027-02-01T00:00:00Z');
    const m = period(ps, '2026').credit!.money!;
    // 60% of 12,000.00 = 7,200.00; in the order written, 12 x 100.00 = 1,200.00, then `at most 5%`
    // of the year's charge: 600.00.
    expect([m.percent, m.amount, m.capped]).toEqual(['60', '7200.00', '600.00']);
    expect(m.caps.map((c) => [c.rule, c.months.length, c.limit, c.after])).toEqual([
      ['at most 100.00 EUR per calendar month', 12, '1200.00', '1200.00'],
      ['at most 5% per calendar month', 12, '600.00', '600.00'],
    ]);
  });
});

describe('claim windows and payment, for credits of a quarter or a year', () => {
  it('count from the period\'s end: the claim window from its last day, the next invoice the one after it', async () => {
    const text = quarterly('calendar quarter', '  claim within 30 days after the quarter ends\n  paid on the next invoice');
    const recs = [outage('2026-02-10'), ...months('2026-01', '2026-05').map((m) => invoice(m, '1000.00', `${m}-28`)), { type: 'claim', id: 'c1', period: '2026-Q1', submitted: '2026-04-20' }];
    const m = period(await run(text, recs, '2026-06-01T00:00:00Z'), '2026-Q1').credit!.money!;
    // March 31 + 30 days = April 30; the next invoice is April's (issued April 28), not February's or March's.
    expect([m.amount, m.claimBy, m.claim, m.payable, m.payment, m.payBy]).toEqual(['1800.00', '2026-04-30', 'claimed on time', '1800.00', 'on the next invoice', '2026-04-28']);
  });

  it('the next invoice of a service invoiced by the quarter is the next quarter\'s', async () => {
    const text = quarterly('calendar quarter', '  claim within 15 days after invoice\n  paid on the next invoice\n  expire at termination', 'termination 2026-09-30\n');
    const recs = [outage('2026-02-10'), invoice('2026-Q1', '3000.00', '2026-03-31'), invoice('2026-Q2', '3000.00', '2026-06-30'), { type: 'claim', id: 'c1', period: '2026-Q1', submitted: '2026-04-10' }];
    const m = period(await run(text, recs, '2026-10-01T00:00:00Z'), '2026-Q1').credit!.money!;
    // The quarter's invoice of March 31 + 15 days = April 15; paid on Q2's invoice of June 30, before
    // the termination on September 30: not lost.
    expect([m.charge, m.claimBy, m.claim, m.payBy, m.payable, m.expired]).toEqual(['3000.00', '2026-04-15', 'claimed on time', '2026-06-30', '1800.00', undefined]);
  });

  it('and of a fiscal quarter invoiced by the fiscal quarter, and of a year invoiced by the year', async () => {
    const fiscal = quarterly('fiscal quarter', '  paid on the next invoice', 'fiscal year starts february\n');
    const fq = period(await run(fiscal, [outage('2026-03-10'), invoice('FY2027-Q1', '3000.00', '2026-02-01'), invoice('FY2027-Q2', '3000.00', '2026-05-01')], '2026-06-01T00:00:00Z'), 'FY2027-Q1');
    expect([fq.credit!.money!.amount, fq.credit!.money!.payBy]).toEqual(['1800.00', '2026-05-01']);
    const yearly = quarterly('calendar year', '  paid on the next invoice');
    const recs = [outage('2026-03-10'), outage('2026-04-10'), invoice('2026', '12000.00', '2026-01-02'), invoice('2027', '12000.00', '2027-01-04')];
    const y = period(await run(yearly, recs, '2027-02-01T00:00:00Z'), '2026');
    expect([y.credit!.money!.amount, y.credit!.money!.payBy]).toEqual(['7200.00', '2027-01-04']);
  });
});

describe('the monthly report obligation beside a quarterly target', () => {
  // February's report never comes: a default of each service once, on February's charge; January's
  // and March's came in time. Service m has two parts.
  const text = `${HEAD}
services
  a "Service A"
  m "Service M"
    part read "reads"
    part write "writes"

availability
  target 99.9% per calendar quarter

credits
  | availability | credit |
  | below 99.9%  | 60%    |

report monthly within 10 days after the month ends, missing counts as a default
`;
  const recs = [
    outage('2026-01-10', { services: ['a', 'm'] }),
    ...months('2026-01', '2026-03').flatMap((m) => [invoice(m, '1000.00', `${m}-28`, { service: 'a' }), invoice(m, '500.00', `${m}-28`, { service: 'm' })]),
    { type: 'report', id: 'r-01', period: '2026-01', submitted: '2026-02-05' },
    { type: 'report', id: 'r-03', period: '2026-03', submitted: '2026-04-10' },
  ];

  it('judges every month\'s report for every service, and a missing one is a default of each service once', async () => {
    const ps = await run(text, recs, '2026-06-01T00:00:00Z');
    expect(ps.map((p) => [p.period, p.service, p.part, p.report?.status ?? null])).toEqual([
      ['2026-01', 'a', undefined, 'met'],
      ['2026-01', 'm', 'read', 'met'],
      ['2026-01', 'm', 'write', 'met'],
      ['2026-02', 'a', undefined, 'breached'],
      ['2026-02', 'm', 'read', 'breached'],
      ['2026-02', 'm', 'write', 'breached'],
      ['2026-03', 'a', undefined, 'met'],
      ['2026-03', 'm', 'read', 'met'],
      ['2026-03', 'm', 'write', 'met'],
      ['2026-Q1', 'a', undefined, null],
      ['2026-Q1', 'm', 'read', null],
      ['2026-Q1', 'm', 'write', null],
    ]);
    const feb = ps.filter((p) => p.period === '2026-02');
    const missing = { due: '2026-03-10', submitted: null, status: 'breached', reason: 'no report by its deadline 2026-03-10: it counts as a default', clause: 'periods.sla:22', default: true };
    expect(feb.map((p) => p.report)).toEqual([missing, missing, { ...missing, reason: `${missing.reason}, owed once by service m, with part read's credit` }]);
    // The default is the credit at 0% availability, 60%, of February's charge: 600.00 for a; 300.00
    // for m, once, though m has two parts (each part's own credit is m's charge).
    expect(feb.map((p) => [p.service, p.part, p.credit?.default?.percent ?? null, p.credit?.money?.capped ?? null])).toEqual([
      ['a', undefined, 60, '600.00'],
      ['m', 'read', 60, '300.00'],
      ['m', 'write', null, null],
    ]);
    // The quarter owes its availability credit only: 60% of 3,000.00 and of 1,500.00 (each part of m).
    expect(ps.filter((p) => p.period === '2026-Q1').map((p) => [p.service, p.part, p.credit!.default, p.credit!.money!.capped])).toEqual([
      ['a', undefined, undefined, '1800.00'],
      ['m', 'read', undefined, '900.00'],
      ['m', 'write', undefined, '900.00'],
    ]);
  });

  it('without services, the months carry the report and the quarter does not', async () => {
    const one = text.replace(/services\n(.*\n){4}/, '');
    const ps = await run(one, recs.map(({ services, service, ...r }: Record<string, unknown>) => r).filter((r) => !(r.type === 'invoice' && String(r.id).includes('"m"'))), '2026-06-01T00:00:00Z');
    expect(ps.map((p) => [p.period, p.report?.status ?? null, p.credit?.default?.percent ?? null, p.credit?.money?.capped ?? null])).toEqual([
      ['2026-01', 'met', null, null],
      ['2026-02', 'breached', 60, '600.00'],
      ['2026-03', 'met', null, null],
      ['2026-Q1', null, null, '1800.00'],
    ]);
  });
});

describe('a missing report of a service with parts, judged per month', () => {
  const text = (stacking: string) => `${HEAD}
services
  m "Service M"
    part read "reads"
    part write "writes"

availability
  target 99.99% per calendar month

credits
  | availability                      | credit |
  | at least 99.90% and below 99.99% | 10%    |
  | below 99.90%                      | 60%    |
${stacking}
report monthly within 10 days after the month ends, missing counts as a default
`;
  // 5 hours down for reads in March (99.33%: 60%), 10 minutes for writes (99.977%: 10%); no report.
  const recs = [outage('2026-03-10', { services: ['m/read'] }), { type: 'outage', id: 'w', services: ['m/write'], start: '2026-03-11T00:00:00Z', end: '2026-03-11T00:10:00Z', cause: 'provider' }, invoice('2026-03', '1000.00', '2026-03-28', { service: 'm' })];

  it('credits that add up: each part is paid its own credit, and the default once', async () => {
    const ps = await run(text(''), recs, '2026-05-01T00:00:00Z');
    // read: 60% + the default's 60% = 1,200.00; write: its own 10% = 100.00.
    expect(ps.map((p) => [p.part, p.credit!.default?.percent ?? null, p.credit!.money!.capped])).toEqual([
      ['read', 60, '1200.00'],
      ['write', null, '100.00'],
    ]);
  });

  it('no stacking: every part owes the default, and only the highest part is paid', async () => {
    const ps = await run(text('  no stacking'), recs, '2026-05-01T00:00:00Z');
    // Each part: the higher of its credit and the default's 60% = 600.00; only read is paid.
    expect(ps.map((p) => [p.part, p.credit!.default?.percent ?? null, p.credit!.money!.capped])).toEqual([
      ['read', 60, '600.00'],
      ['write', 60, '0.00'],
    ]);
  });
});
