// What a credit in money says beyond its amount: the claim (its window, its status and the reason
// given), the payment rule (`paid within 1 day`, on the next invoice), withholding while invoices
// are unpaid, expiry at termination on its very day, a credit with no invoice to take it from, and
// a period whose credit is not known yet. Each assertion is on the whole `money` object or its exact
// reason text, as a reader of the report sees it. The contracts' zone is UTC.

import { describe, expect, it } from 'vitest';
import { ContractVersions } from '../../runtime/contract';
import type { MoneyCredit } from '../../runtime/money';
import type { PeriodVerdict } from '../../runtime/periods';
import { evaluateText, evaluateVersions, versionsOf } from '../helpers/evaluate';

const HEAD = `contract "Claims"
version 1
effective 2025-01-01
time zone UTC
currency EUR
causes
  counted provider
`;

/** Availability per month, 10% below 99.9%, 25% below 99%, and the given credit lines. */
const monthly = (lines: string, head = '', first = '10%') => `${HEAD}${head}
availability
  target 99.9% per calendar month

credits
  | monthly availability             | credit |
  | at least 99.00% and below 99.90% | ${first} |
  | below 99.00%                     | 25%    |
${lines}
`;

/** A 5-hour outage on the 10th of `m`: 99.25% to 99.33%, the first band. */
const outage = (m: string) => ({ type: 'outage', id: `o-${m}`, start: `${m}-10T00:00:00Z`, end: `${m}-10T05:00:00Z`, cause: 'provider' });
const invoice = (id: string, period: string, amount: string, issued: string, extra: object = {}) => ({ type: 'invoice', id, period, amount, currency: 'EUR', issued, ...extra });
const claim = (period: string, submitted: string) => ({ type: 'claim', id: `c-${period}-${submitted}`, period, submitted });
const MARCH = [outage('2026-03'), invoice('i-mar', '2026-03', '1000.00', '2026-04-02', { paid: '2026-04-03' })];

async function moneyOf(text: string, records: object[], asOf: string, key = '2026-03'): Promise<MoneyCredit> {
  const { periods, rejected } = await evaluateText(text, 'claims.sla', records, asOf);
  expect(rejected).toEqual([]);
  const p = periods.find((x: PeriodVerdict) => x.period === key);
  if (!p?.credit?.money) throw new Error(`no money for ${key}`);
  return p.credit.money;
}

describe('the claim and its reason', () => {
  const text = monthly('  claim within 30 days after invoice');

  it('not claimed yet: payable once claimed, by the deadline 30 days after the invoice date', async () => {
    // Invoice issued 2026-04-02: claim by 2026-05-02.
    expect(await moneyOf(text, MARCH, '2026-04-20T00:00:00Z')).toEqual({
      currency: 'EUR',
      charge: '1000.00',
      invoices: ['i-mar'],
      issued: '2026-04-02',
      percent: '10',
      amount: '100.00',
      caps: [],
      capped: '100.00',
      claimBy: '2026-05-02',
      claim: 'not claimed',
      claimed: null,
      payable: '0.00',
      reason: 'payable once claimed, by 2026-05-02',
    });
  });

  it('not claimed by the deadline: forfeited, and the deadline day itself is still in time', async () => {
    expect(await moneyOf(text, MARCH, '2026-05-03T00:00:00Z')).toMatchObject({ claim: 'forfeited', payable: '0.00', reason: 'not claimed by 2026-05-02: forfeited' });
    expect(await moneyOf(text, MARCH, '2026-05-02T23:59:00Z')).toMatchObject({ claim: 'not claimed', reason: 'payable once claimed, by 2026-05-02' });
  });

  it('claimed on time: payable, with no reason', async () => {
    const m = await moneyOf(text, [...MARCH, claim('2026-03', '2026-04-10')], '2026-05-03T00:00:00Z');
    expect([m.claim, m.claimed, m.payable, m.reason]).toEqual(['claimed on time', '2026-04-10', '100.00', undefined]);
  });

  it('a credit of nothing has nothing to claim, whatever the window', async () => {
    // A first band of 0%: 99.33% earns nothing.
    const m = await moneyOf(monthly('  claim within 30 days after invoice', '', '0%'), MARCH, '2026-06-01T00:00:00Z');
    expect([m.percent, m.amount, m.claim, m.claimBy, m.payable, m.reason]).toEqual(['0', '0.00', 'nothing to claim', null, '0.00', undefined]);
  });

  it('a window from the invoice with no invoice has not started: a claim made counts, none is not forfeited', async () => {
    // A fixed amount needs no charge, but the window runs from an invoice that is not there.
    const fixed = monthly('  claim within 30 days after invoice', '', '50.00 EUR');
    const none = await moneyOf(fixed, [outage('2026-03')], '2026-09-01T00:00:00Z');
    expect([none.fixed, none.amount, none.claim, none.claimBy, none.payable, none.reason]).toEqual([
      '50.00',
      '50.00',
      'not claimed',
      null,
      '0.00',
      'no invoice for 2026-03: the claim window, which runs from the invoice date, has not started',
    ]);
    const claimed = await moneyOf(fixed, [outage('2026-03'), claim('2026-03', '2026-04-01')], '2026-09-01T00:00:00Z');
    expect([claimed.claim, claimed.payable]).toEqual(['claimed on time', '50.00']);
  });

  it('a window that cannot be counted takes a claim as on time, and says why', async () => {
    const far = monthly('  claim within 20000 business days after the month ends', 'calendar business "Office hours"\n  monday to friday 09:00 to 17:00\n');
    const none = await moneyOf(far, MARCH, '2026-09-01T00:00:00Z');
    expect([none.claim, none.claimBy, none.payable, none.reason]).toEqual([
      'not claimed',
      null,
      '0.00',
      'the claim window cannot be counted (more than 10000 business days are not counted): the claim is taken as on time',
    ]);
    const claimed = await moneyOf(far, [...MARCH, claim('2026-03', '2030-01-01')], '2030-02-01T00:00:00Z');
    expect([claimed.claim, claimed.payable]).toEqual(['claimed on time', '100.00']);
  });
});

describe('paying', () => {
  it('within 1 day (singular) of the invoice when there is no claim window; nothing owed, no date', async () => {
    const m = await moneyOf(monthly('  paid within 1 day'), MARCH, '2026-05-01T00:00:00Z');
    expect([m.payment, m.payBy, m.payable]).toEqual(['within 1 day', '2026-04-03', '100.00']);
    const zero = await moneyOf(monthly('  paid within 1 day', '', '0%'), MARCH, '2026-05-01T00:00:00Z');
    expect([zero.payment, zero.payBy, zero.payable]).toEqual(['within 1 day', null, '0.00']);
    const days = await moneyOf(monthly('  paid within 2 days'), MARCH, '2026-05-01T00:00:00Z');
    expect([days.payment, days.payBy]).toEqual(['within 2 days', '2026-04-04']);
  });

  it('on the next invoice: the first issued of the next month\'s and the next quarter\'s', async () => {
    const text = monthly('  paid on the next invoice');
    const quarterFirst = [...MARCH, invoice('i-q2', '2026-Q2', '3000.00', '2026-04-01'), invoice('i-apr', '2026-04', '1000.00', '2026-04-28')];
    expect((await moneyOf(text, quarterFirst, '2026-06-01T00:00:00Z')).payBy).toBe('2026-04-01');
    const monthFirst = [...MARCH, invoice('i-q2', '2026-Q2', '3000.00', '2026-05-01'), invoice('i-apr', '2026-04', '1000.00', '2026-04-28')];
    expect((await moneyOf(text, monthFirst, '2026-06-01T00:00:00Z')).payBy).toBe('2026-04-28');
    // No next invoice yet: no date.
    expect((await moneyOf(text, MARCH, '2026-06-01T00:00:00Z')).payBy).toBeNull();
  });

  it('withheld while two invoices are unpaid: both named, no pay-by date, nothing payable until they are paid', async () => {
    const unpaid = [invoice('i-jan', '2026-01', '1000.00', '2026-02-02'), invoice('i-feb', '2026-02', '1000.00', '2026-03-02')];
    const m = await moneyOf(monthly('  paid within 10 days\n  withheld while invoices are unpaid'), [...MARCH, ...unpaid], '2026-05-01T00:00:00Z');
    expect([m.payable, m.withheld, m.payBy, m.reason]).toEqual(['0.00', ['i-jan', 'i-feb'], null, 'withheld while invoices i-jan, i-feb are unpaid: 100.00 payable once paid']);
    // Without a payment rule there is no pay-by date to clear: the field stays absent.
    const plain = await moneyOf(monthly('  withheld while invoices are unpaid'), [...MARCH, ...unpaid], '2026-05-01T00:00:00Z');
    expect([plain.payable, 'payBy' in plain, plain.payment]).toEqual(['0.00', false, undefined]);
  });
});

describe('expiry at termination', () => {
  const text = (termination: string, lines = '  paid within 10 days\n  expire at termination') => monthly(lines, termination ? `termination ${termination}\n` : '');

  it('expires on the termination day itself, when it was due to be paid after it', async () => {
    // Paid within 10 days of the invoice (2026-04-02): 2026-04-12, after a termination on 2026-04-11.
    const m = await moneyOf(text('2026-04-11'), MARCH, '2026-04-11T00:00:00Z');
    expect([m.expired, m.payable, m.payBy, m.reason]).toEqual(['2026-04-11', '0.00', null, 'expired at termination on 2026-04-11: due to be paid on 2026-04-12, after it']);
    // The day before the termination, nothing has expired yet.
    expect((await moneyOf(text('2026-04-11'), MARCH, '2026-04-10T23:59:00Z')).expired).toBeUndefined();
  });

  it('a credit due to be paid on the termination day is kept', async () => {
    const m = await moneyOf(text('2026-04-12'), MARCH, '2026-05-01T00:00:00Z');
    expect([m.expired, m.payable, m.payBy]).toEqual([undefined, '100.00', '2026-04-12']);
  });

  it('a withheld credit is not paid by then: it expires', async () => {
    const unpaid = invoice('i-feb', '2026-02', '1000.00', '2026-03-02');
    const m = await moneyOf(text('2026-04-30', '  withheld while invoices are unpaid\n  expire at termination'), [...MARCH, unpaid], '2026-05-01T00:00:00Z');
    expect([m.expired, m.payable, m.reason]).toEqual(['2026-04-30', '0.00', 'withheld while invoice i-feb is unpaid: 100.00 payable once paid; expired at termination on 2026-04-30: not paid by then']);
  });

  it('the earlier of the contract\'s termination date and a termination record counts', async () => {
    const record = (date: string) => ({ type: 'termination', id: `end-${date}`, date });
    // Due 2026-04-12: a record of 2026-04-11 ends it before the contract's 2026-06-30.
    expect((await moneyOf(text('2026-06-30'), [...MARCH, record('2026-04-11')], '2026-07-01T00:00:00Z')).expired).toBe('2026-04-11');
    // The contract's 2026-04-11 before a record of 2026-06-30.
    expect((await moneyOf(text('2026-04-11'), [...MARCH, record('2026-06-30')], '2026-07-01T00:00:00Z')).expired).toBe('2026-04-11');
    expect((await moneyOf(text('2026-06-30'), [...MARCH, record('2026-07-01')], '2026-07-02T00:00:00Z')).expired).toBeUndefined();
  });
});

describe('a credit not known yet, or with no invoice to take it from', () => {
  const over = (kind: string) => `${HEAD}
availability
  target 99.9% per ${kind}

credits
  | availability | credit |
  | below 99.9%  | 60%    |
  at most 100%
`;

  it('a month, a quarter or a year not over at as-of, its target not yet missed: no credit yet, nothing to claim', async () => {
    const pending = (m: MoneyCredit) => [m.percent, m.amount, m.claim, m.payable, m.reason];
    // Ten minutes down: under 0.1% of any month so far, so the period may still meet its target.
    const short = [{ ...outage('2026-03'), end: '2026-03-10T00:10:00Z' }, MARCH[1]];
    expect(pending(await moneyOf(monthly('  at most 100%'), short, '2026-03-20T00:00:00Z'))).toEqual([null, null, 'nothing to claim', null, 'the month is not over: no credit yet']);
    expect(pending(await moneyOf(over('calendar quarter'), short, '2026-03-20T00:00:00Z', '2026-Q1'))).toEqual([null, null, 'nothing to claim', null, 'the quarter is not over: no credit yet']);
    expect(pending(await moneyOf(over('calendar year'), short, '2026-03-20T00:00:00Z', '2026'))).toEqual([null, null, 'nothing to claim', null, 'the year is not over: no credit yet']);
  });

  it('no invoice for the month: the percentage stays, the amount cannot be computed, and a share of 0% has nothing to claim', async () => {
    const none = await moneyOf(monthly('  at most 100%'), [outage('2026-03')], '2026-06-01T00:00:00Z');
    expect([none.charge, none.percent, none.amount, none.claim, none.reason]).toEqual([null, '10', null, 'not claimed', 'no invoice for the service in 2026-03: the credit of 10% cannot be put in money']);
    const zero = await moneyOf(monthly('  at most 100%', '', '0%'), [outage('2026-03')], '2026-06-01T00:00:00Z');
    expect([zero.claim, zero.reason]).toEqual(['nothing to claim', 'no invoice for the service in 2026-03: the credit of 0% cannot be put in money']);
  });

  it('of the group: names the group and its services, or says the service belongs to none', async () => {
    const text = `${HEAD}
services
  compute "Compute Cloud"  group infra
  dns     "Cloud DNS"

availability
  target 99.9% per calendar month

credits for service compute
  basis monthly charge of the group
  | monthly availability | credit |
  | below 99.90%         | 10%    |
credits for service dns
  basis monthly charge of the group
  | monthly availability | credit |
  | below 99.90%         | 10%    |
`;
    const { periods } = await evaluateText(text, 'claims.sla', [{ ...outage('2026-03'), services: ['compute', 'dns'] }], '2026-06-01T00:00:00Z');
    const reason = (service: string) => periods.find((p) => p.period === '2026-03' && p.service === service)!.credit!.money!.reason;
    expect(reason('compute')).toBe('no invoice for group infra or its services in 2026-03: the credit of 10% cannot be put in money');
    expect(reason('dns')).toBe('no invoice for the group of dns, which belongs to none, in 2026-03: the credit of 10% cannot be put in money');
  });
});

describe('several credits in one month, all percentages', () => {
  const reporting = (stacking: string) =>
    monthly(`  at most 100%\n${stacking}`, 'calendar office "Office"\n  monday to friday 09:00 to 17:00\n').replace(
      '\ncredits\n',
      '\nreport monthly within 10 office days after the month ends, missing counts as a default\n\ncredits\n',
    );

  it('their percentage is the sum when they add up, the highest with no stacking', async () => {
    // Availability 10% and the missing report's default (0% availability: 25%).
    const sum = await moneyOf(reporting(''), MARCH, '2026-05-01T00:00:00Z');
    expect([sum.percent, sum.amount]).toEqual(['35', '350.00']);
    const highest = await moneyOf(reporting('  no stacking'), MARCH, '2026-05-01T00:00:00Z');
    expect([highest.percent, highest.amount]).toEqual(['25', '250.00']);
  });
});

describe('several credits in one month, beyond percentages', () => {
  const withReport = (lines: string, first = '10%') =>
    monthly(`  at most 100%\n${lines}`, 'calendar office "Office"\n  monday to friday 09:00 to 17:00\n', first).replace(
      '\ncredits\n',
      '\nreport monthly within 10 office days after the month ends, missing counts as a default\n\ncredits\n',
    );

  it('a fixed amount beside a percentage has no one percentage: the amounts add up', async () => {
    // 50.00 EUR for availability, and the missing report's 25% of 1000.00 = 250.00.
    const m = await moneyOf(withReport('', '50.00 EUR'), MARCH, '2026-05-01T00:00:00Z');
    expect([m.percent, m.fixed, m.amount]).toEqual([null, undefined, '300.00']);
    expect(m.stacking).toEqual({
      rule: 'several credits add up',
      clause: null,
      credits: [
        { credit: 'availability', amount: '50.00', paid: true },
        { credit: 'the missing report', amount: '250.00', paid: true },
      ],
      reason: 'several credits add up: availability 50.00 + the missing report 250.00 (the contract does not say `no stacking`)',
    });
  });

  it('stated in the contract, `several credits add up` is cited and not said to be assumed', async () => {
    const m = await moneyOf(withReport('  several credits add up'), MARCH, '2026-05-01T00:00:00Z');
    expect([m.stacking!.rule, m.stacking!.clause, m.stacking!.reason]).toEqual([
      'several credits add up',
      'claims.sla:21', // the `several credits add up` line
      'several credits add up: availability 100.00 + the missing report 250.00',
    ]);
  });

  it('with no invoice, names every credit it cannot put in money; one of 0% beside another is still to claim', async () => {
    const m = await moneyOf(withReport('', '0%'), [outage('2026-03')], '2026-05-01T00:00:00Z');
    expect([m.claim, m.reason]).toEqual(['not claimed', 'no invoice for the service in 2026-03: the credit of 0% and 25% cannot be put in money']);
  });
});

describe('caps in money over months', () => {
  it('a cap per calendar month looks at its own month only: last month\'s credit does not use it', async () => {
    const text = monthly('  at most 150.00 EUR per calendar month');
    const recs = [outage('2026-02'), invoice('i-feb', '2026-02', '1000.00', '2026-03-02'), ...MARCH];
    const m = await moneyOf(text, recs, '2026-05-01T00:00:00Z');
    expect(m.caps).toEqual([
      { rule: 'at most 150.00 EUR per calendar month', clause: 'claims.sla:16', months: ['2026-03'], limit: '150.00', before: '100.00', after: '100.00', binds: false },
    ]);
    expect([m.capped, m.reason]).toEqual(['100.00', undefined]);
  });

  it('an amount per calendar year caps a quarter once, not once per month', async () => {
    const text = `${HEAD}
availability
  target 99.9% per calendar quarter

credits
  | availability | credit |
  | below 99.9%  | 60%    |
  at most 100.00 EUR per calendar year
`;
    const recs = [outage('2026-02'), ...['2026-01', '2026-02', '2026-03'].map((m) => invoice(`i-${m}`, m, '1000.00', `${m}-28`))];
    const m = await moneyOf(text, recs, '2026-05-01T00:00:00Z', '2026-Q1');
    // 60% of 3 x 1000.00 = 1800.00, at most 100.00 for the whole year.
    expect([m.amount, m.caps[0].limit, m.capped]).toEqual(['1800.00', '100.00', '100.00']);
  });
});

describe('the next invoice and termination, for what is not owed', () => {
  it('the next invoice of January is February\'s, not that of the quarter January is in', async () => {
    const recs = [outage('2026-01'), invoice('i-jan', '2026-01', '1000.00', '2026-01-30'), invoice('i-q1', '2026-Q1', '50.00', '2026-01-05'), invoice('i-feb', '2026-02', '1000.00', '2026-02-27')];
    expect((await moneyOf(monthly('  paid on the next invoice'), recs, '2026-04-01T00:00:00Z', '2026-01')).payBy).toBe('2026-02-27');
  });

  it('a credit of nothing has no date to be paid on the next invoice, and does not expire', async () => {
    const recs = [...MARCH, invoice('i-apr', '2026-04', '1000.00', '2026-04-28')];
    const m = await moneyOf(monthly('  paid on the next invoice\n  expire at termination', 'termination 2026-04-11\n', '0%'), recs, '2026-05-01T00:00:00Z');
    expect([m.payable, m.payBy, m.expired, m.reason]).toEqual(['0.00', null, undefined, undefined]);
  });

  it('without a payment rule, an expired credit has no pay-by date to clear', async () => {
    // Payable as owed at the month's end (2026-03-31), after a termination on 2026-03-30.
    const m = await moneyOf(monthly('  expire at termination', 'termination 2026-03-30\n'), MARCH, '2026-05-01T00:00:00Z');
    expect([m.expired, m.payable, 'payBy' in m, m.reason]).toEqual(['2026-03-30', '0.00', false, 'expired at termination on 2026-03-30: due to be paid on 2026-03-31, after it']);
  });
});

describe('versions', () => {
  it('each period\'s credit follows the rules of the version in force for it', async () => {
    // Version 1 has a claim window; version 2, from April, has none.
    const v1 = monthly('  claim within 30 days after invoice');
    const v2 = monthly('').replace('version 1\neffective 2025-01-01', 'version 2\neffective 2026-04-01');
    const versions = new ContractVersions([versionsOf(v1, 'v1.sla').list[0], versionsOf(v2, 'v2.sla').list[0]]);
    const recs = [...MARCH, outage('2026-04'), invoice('i-apr', '2026-04', '1000.00', '2026-05-02')];
    const res = await evaluateVersions(versions, recs, '2026-06-15T00:00:00Z');
    expect(res.rejected).toEqual([]);
    const money = (key: string) => res.periods.find((p) => p.period === key)!.credit!.money!;
    expect([money('2026-03').claim, money('2026-03').claimBy, money('2026-03').payable]).toEqual(['forfeited', '2026-05-02', '0.00']);
    expect([money('2026-04').claim, money('2026-04').claimBy, money('2026-04').payable]).toEqual(['not required', null, '100.00']);
  });
});

describe('exact amounts', () => {
  it('an invoice of 26 digits keeps every one: 10% of it, to the cent', async () => {
    // 123,456,789,012,345,678,901,234.57 x 10% = 12,345,678,901,234,567,890,123.457: half up to .46.
    const m = await moneyOf(monthly('  at most 100%'), [outage('2026-03'), invoice('big', '2026-03', '123456789012345678901234.57', '2026-04-02')], '2026-05-01T00:00:00Z');
    expect([m.charge, m.amount, m.capped, m.payable]).toEqual(['123456789012345678901234.57', '12345678901234567890123.46', '12345678901234567890123.46', '12345678901234567890123.46']);
  });
});

describe('a credit for missed targets beside the availability credit', () => {
  const text = (stacking: string) => `${HEAD}
severities
  high

restoration targets
  | severity | target  |
  | high     | 4 hours |

availability
  target 99.9% per calendar month

credits
  | monthly availability             | credit |
  | at least 99.00% and below 99.90% | 10%    |
  | below 99.00%                     | 25%    |
  5% when more than 0 incidents miss their restoration target per calendar month
${stacking}
`;
  // 30 hours down in March (95.97%): 25%; one incident restored after 30 hours: 5%.
  const recs = [
    { type: 'outage', id: 'o', start: '2026-03-10T00:00:00Z', end: '2026-03-11T06:00:00Z', cause: 'provider' },
    { type: 'incident', id: 'I1', severity: 'high', opened: '2026-03-10T00:00:00Z', restored: '2026-03-11T06:00:00Z', cause: 'provider' },
    MARCH[1],
  ];

  it('with no stacking, the higher is paid even when it comes first', async () => {
    const m = await moneyOf(text('  no stacking'), recs, '2026-05-01T00:00:00Z');
    expect([m.percent, m.amount]).toEqual(['25', '250.00']);
    expect(m.stacking!.credits).toEqual([
      { credit: 'availability', amount: '250.00', paid: true },
      { credit: 'missed restoration targets', amount: '50.00', paid: false },
    ]);
  });

  it('adding up, both are paid', async () => {
    const m = await moneyOf(text(''), recs, '2026-05-01T00:00:00Z');
    expect([m.percent, m.amount]).toEqual(['30', '300.00']);
  });
});

describe('the minor unit', () => {
  it('without a currency line, the invoices\' currency gives it: three decimals for KWD', async () => {
    const text = monthly('  at most 100%').replace('currency EUR\n', '');
    const kwd = { ...invoice('i-mar', '2026-03', '1000.000', '2026-04-02'), currency: 'KWD' };
    const m = await moneyOf(text, [outage('2026-03'), kwd], '2026-05-01T00:00:00Z');
    expect([m.currency, m.charge, m.amount, m.payable]).toEqual(['KWD', '1000.000', '100.000', '100.000']);
  });

  it('a withheld credit in a currency without a minor unit is 0, not 0.00', async () => {
    const text = monthly('  withheld while invoices are unpaid').replace('currency EUR', 'currency JPY');
    const yen = (id: string, period: string, issued: string) => ({ ...invoice(id, period, '100000', issued), currency: 'JPY' });
    const m = await moneyOf(text, [outage('2026-03'), yen('i-mar', '2026-03', '2026-04-02'), yen('i-feb', '2026-02', '2026-03-02')], '2026-05-01T00:00:00Z');
    expect([m.amount, m.payable, m.withheld]).toEqual(['10000', '0', ['i-mar', 'i-feb']]);
  });
});
