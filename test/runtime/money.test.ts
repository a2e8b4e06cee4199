// Credits in money: the month's charge from invoice records, the credit percentage applied to it and
// rounded to the currency's minor unit, caps per month / calendar year / rolling 12 months, claim
// deadlines and the amount payable. Every expected amount is computed by hand in a comment.
//
// The contract's zone is UTC. A 5-hour outage in any month of 28 to 31 days leaves availability
// between 99.25% (28 days: 300 / 40,320 min = 0.744% down) and 99.33% (31 days): the 10% band.

import { Readable } from 'node:stream';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { rat } from '../../compiler/decimal';
import { compileContract, ContractVersions } from '../../runtime/contract';
import { applyMoney, EXACT_CREDIT, MoneyLedger, type MoneyPeriod } from '../../runtime/money';
import type { PeriodVerdict } from '../../runtime/periods';
import type { Rejected } from '../../runtime/records';
import { evaluateRecords } from '../../runtime/session';
import { runSlac } from '../helpers/io';
import { outputSchemaErrors } from '../helpers/output-schema';

function contract(opts: { currency?: string; credits?: string; effective?: string } = {}): string {
  return `contract "Money"
version 1
effective ${opts.effective ?? '2025-01-01'}
time zone UTC
${opts.currency ?? 'currency EUR'}
causes
  counted provider

availability
  target 99.9% per calendar month
  measured as exact time

credits
  | monthly availability             | credit |
  | at least 99.00% and below 99.90% | 10%    |
  | below 99.00%                     | 25%    |
${opts.credits ?? '  at most 100%'}
`;
}

function versions(text: string): ContractVersions {
  const c = compile(text, 'money.sla');
  expect(c.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return new ContractVersions([compileContract(c.contract, (s) => `money.sla:${c.lines.position(s.start).line}`)]);
}

async function run(text: string, records: object[], asOf = '2027-01-01T00:00:00Z') {
  const rejected: Rejected[] = [];
  const body = `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
  const res = await evaluateRecords(versions(text), Readable.from([body]), { asOf: Date.parse(asOf) }, { incident: () => {}, rejected: (r) => rejected.push(r) });
  return { periods: res.periods, rejected, counts: res.counts };
}

function month(periods: PeriodVerdict[], m: string): PeriodVerdict {
  const p = periods.find((x) => x.period === m);
  if (!p) throw new Error(`no period ${m}`);
  return p;
}

/** A 5-hour outage on the 10th of `m` (YYYY-MM): the 10% band. */
const outage5h = (m: string) => ({ type: 'outage', id: `o-${m}`, start: `${m}-10T00:00:00Z`, end: `${m}-10T05:00:00Z`, cause: 'provider' });
const invoice = (m: string, amount: string, issued = `${m}-28`, extra: object = {}) => ({ type: 'invoice', id: `i-${m}`, period: m, amount, currency: 'EUR', issued, ...extra });

describe('amounts', () => {
  it('at the band edges: exactly 99.00% earns 10%, one second less earns 25%', async () => {
    // March 2026: 44,640 minutes. 1% of it is 446.4 min = 7 h 26 min 24 s of downtime: exactly 99.00%.
    const edge = await run(contract(), [
      { type: 'outage', id: 'o1', start: '2026-03-10T00:00:00Z', end: '2026-03-10T07:26:24Z', cause: 'provider' },
      invoice('2026-03', '1000.00'),
    ]);
    const m = month(edge.periods, '2026-03').credit!.money!;
    expect(m.percent).toBe('10');
    expect(m.amount).toBe('100.00'); // 1000.00 x 10% = 100.00
    expect(m.payable).toBe('100.00'); // no claim window: payable as owed
    const below = await run(contract(), [
      { type: 'outage', id: 'o1', start: '2026-03-10T00:00:00Z', end: '2026-03-10T07:26:25Z', cause: 'provider' },
      invoice('2026-03', '1000.00'),
    ]);
    expect(month(below.periods, '2026-03').credit!.money!.amount).toBe('250.00'); // 1000.00 x 25% = 250.00
  });

  it('rounds half a cent up with half-up, to the even cent with half-even', async () => {
    const recs = (amount: string) => [outage5h('2026-03'), invoice('2026-03', amount)];
    const up = await run(contract({ currency: 'currency EUR, rounded half-up to the minor unit' }), recs('0.05'));
    expect(month(up.periods, '2026-03').credit!.money!.amount).toBe('0.01'); // 0.05 x 10% = 0.005 -> 0.01
    const even = await run(contract({ currency: 'currency EUR, rounded half-even to the minor unit' }), recs('0.05'));
    expect(month(even.periods, '2026-03').credit!.money!.amount).toBe('0.00'); // 0.005 -> 0.00 (0 is even)
    const even2 = await run(contract({ currency: 'currency EUR, rounded half-even' }), recs('0.15'));
    expect(month(even2.periods, '2026-03').credit!.money!.amount).toBe('0.02'); // 0.015 -> 0.02 (2 is even)
    const dflt = await run(contract(), recs('0.05'));
    expect(month(dflt.periods, '2026-03').credit!.money!.amount).toBe('0.01'); // the default is half-up
  });

  it('a currency without a minor unit rounds to whole units', async () => {
    const r = await run(contract({ currency: 'currency JPY' }), [outage5h('2026-03'), { ...invoice('2026-03', '1005'), currency: 'JPY' }]);
    expect(month(r.periods, '2026-03').credit!.money!.amount).toBe('101'); // 1005 x 10% = 100.5 -> 101 (half-up)
  });

  it('no invoice: the percentage stays, the amount is unknown and says why', async () => {
    const r = await run(contract(), [outage5h('2026-03')]);
    const m = month(r.periods, '2026-03').credit!.money!;
    expect(m.charge).toBeNull();
    expect(m.amount).toBeNull();
    expect(m.reason).toMatch(/no invoice .* in 2026-03/);
  });
});

describe('caps', () => {
  it('a monthly cap in money', async () => {
    const r = await run(contract({ credits: '  at most 100%\n  at most 150.00 EUR per calendar month' }), [
      { type: 'outage', id: 'o1', start: '2026-03-10T00:00:00Z', end: '2026-03-11T00:00:00Z', cause: 'provider' },
      invoice('2026-03', '1000.00'),
    ]);
    const m = month(r.periods, '2026-03').credit!.money!;
    // 24 h down of 744 h: 96.77%, the 25% band: 1000.00 x 25% = 250.00, capped at 150.00.
    expect(m.amount).toBe('250.00');
    expect(m.caps.map((c) => [c.rule, c.before, c.after, c.binds])).toEqual([
      ['at most 100% per calendar month', '250.00', '250.00', false],
      ['at most 150.00 EUR per calendar month', '250.00', '150.00', true],
    ]);
    expect(m.caps[1].clause).toBe('money.sla:18'); // the line of `at most 150.00 EUR per calendar month`
    expect(m.payable).toBe('150.00');
  });

  it('a rolling 12-month cap binds in month 12 and not in month 13 (the credit of month 1 leaves the window)', async () => {
    const months = ['2025-01', '2025-12', '2026-01'];
    const r = await run(contract({ credits: '  at most 150.00 EUR per rolling 12 months' }), months.flatMap((m) => [outage5h(m), invoice(m, '1000.00')]));
    // Each month earns 10% of 1000.00 = 100.00.
    // 2025-01: nothing before it: 100.00.
    // 2025-12 (month 12): window 2025-01..2025-12, 100.00 used: up to 50.00 -> 50.00 (binds).
    // 2026-01 (month 13): window 2025-02..2026-01, only 2025-12's 50.00 used: up to 100.00 -> 100.00.
    const caps = months.map((m) => month(r.periods, m).credit!.money!.caps[0]);
    expect(caps.map((c) => [c.limit, c.after, c.binds])).toEqual([
      ['150.00', '100.00', false],
      ['50.00', '50.00', true],
      ['100.00', '100.00', false],
    ]);
    expect(caps[1].months).toEqual(['2025-01', '2025-12']);
    expect(caps[2].months).toEqual(['2025-12', '2026-01']);
  });

  it('a rolling 12-month cap binds in month 13 and not in month 12', async () => {
    const months = ['2025-12', '2026-01'];
    const r = await run(contract({ credits: '  at most 150.00 EUR per rolling 12 months' }), months.flatMap((m) => [outage5h(m), invoice(m, '1000.00')]));
    // 2025-12: nothing before it in 2025-01..2025-12: 100.00 (does not bind).
    // 2026-01: 2025-12's 100.00 used of 150.00: up to 50.00 -> 50.00 (binds).
    expect(months.map((m) => month(r.periods, m).credit!.money!.capped)).toEqual(['100.00', '50.00']);
  });

  it('a rolling cap in percent is a share of the charges of the months it looks at', async () => {
    // Charges 1000.00 (2026-01, no outage: not judged, but invoiced) and 200.00 (2026-02, 10%: 20.00).
    // Cap 1% of the 12 months' charges: 1% x 1200.00 = 12.00 -> 20.00 capped to 12.00.
    const r = await run(contract({ credits: '  at most 1% per rolling 12 months' }), [invoice('2026-01', '1000.00'), outage5h('2026-02'), invoice('2026-02', '200.00')]);
    const cap = month(r.periods, '2026-02').credit!.money!.caps[0];
    expect([cap.months, cap.limit, cap.after]).toEqual([['2026-01', '2026-02'], '12.00', '12.00']);
  });

  it('an annual cap starts again in January', async () => {
    const months = ['2025-01', '2025-12', '2026-01'];
    const r = await run(contract({ credits: '  at most 150.00 EUR per calendar year' }), months.flatMap((m) => [outage5h(m), invoice(m, '1000.00')]));
    // 2025-01: 100.00; 2025-12: 150.00 - 100.00 = 50.00 left -> 50.00; 2026-01: a new year -> 100.00.
    expect(months.map((m) => month(r.periods, m).credit!.money!.capped)).toEqual(['100.00', '50.00', '100.00']);
  });
});

describe('claims', () => {
  const text = contract({ credits: '  at most 100%\n  claim within 30 days after invoice' });
  const recs = (claim?: string) => [
    outage5h('2026-03'),
    invoice('2026-03', '1000.00', '2026-04-02'),
    ...(claim ? [{ type: 'claim', id: 'c1', period: '2026-03', submitted: claim }] : []),
  ];

  it('a claim exactly on the deadline is on time', async () => {
    // Issued 2026-04-02 + 30 days = 2026-05-02, inclusive.
    const m = month((await run(text, recs('2026-05-02'))).periods, '2026-03').credit!.money!;
    expect([m.claimBy, m.claim, m.payable]).toEqual(['2026-05-02', 'claimed on time', '100.00']);
  });

  it('a claim one day late is forfeited: nothing payable', async () => {
    const m = month((await run(text, recs('2026-05-03'))).periods, '2026-03').credit!.money!;
    expect([m.claim, m.capped, m.payable]).toEqual(['late', '100.00', '0.00']);
    expect(m.reason).toMatch(/after the deadline 2026-05-02/);
  });

  it('a window from the month\'s end counts from its last day', async () => {
    const monthEnd = contract({ credits: '  at most 100%\n  claim within 15 days after the end of the month' });
    // March 2026 ends on the 31st: 2026-03-31 + 15 days = 2026-04-15, whatever the invoice date.
    const m = month((await run(monthEnd, recs('2026-04-16'))).periods, '2026-03').credit!.money!;
    expect([m.claimBy, m.claim, m.payable]).toEqual(['2026-04-15', 'late', '0.00']);
  });

  it('no claim: not claimed until the deadline passes, then forfeited', async () => {
    const before = month((await run(text, recs(), '2026-05-02T12:00:00Z')).periods, '2026-03').credit!.money!;
    expect([before.claim, before.payable]).toEqual(['not claimed', '0.00']);
    const after = month((await run(text, recs(), '2026-05-03T00:00:00Z')).periods, '2026-03').credit!.money!;
    expect([after.claim, after.payable]).toEqual(['forfeited', '0.00']);
  });
});

describe('money records', () => {
  it('an invoice in another currency than the contract states is rejected, with its line', async () => {
    const r = await run(contract(), [outage5h('2026-03'), { ...invoice('2026-03', '10.00'), currency: 'USD' }]);
    expect(r.rejected).toEqual([{ line: 2, id: 'i-2026-03', message: "the invoice is in USD, the contract's currency is EUR: slac converts no currencies" }]);
  });

  it('without a currency clause, the first invoice sets it and an invoice in another is rejected', async () => {
    const r = await run(contract({ currency: '' }), [
      outage5h('2026-03'),
      invoice('2026-03', '10.00'),
      { ...invoice('2026-04', '10.00'), currency: 'USD' },
    ]);
    expect(r.rejected.map((x) => [x.line, x.message])).toEqual([[3, expect.stringMatching(/^the invoice is in USD, earlier invoices are in EUR/)]]);
    expect(r.counts).toMatchObject({ lines: 3, accepted: 2, rejected: 1 });
    expect(month(r.periods, '2026-03').credit!.money!.amount).toBe('1.00'); // 10.00 x 10%
  });

  it('bad money records are rejected with their line, the others kept', async () => {
    const r = await run(contract(), [
      { ...invoice('2026-03', '10.005') },
      { ...invoice('2026-03', '10.00', '2026-02-30'), id: 'i2' },
      { ...invoice('2026-03', '10.00'), id: 'i3', amount: 10 },
      { type: 'claim', id: 'c1', period: '2026-13', submitted: '2026-04-01' },
      outage5h('2026-03'),
      { ...invoice('2026-03', '10.00'), id: 'i4' },
    ]);
    expect(r.rejected.map((x) => [x.line, x.message])).toEqual([
      [1, 'field "amount": 10.005 has 3 decimals, EUR has 2'],
      [2, 'field "issued": 2026-02-30 is not a date that exists'],
      [3, 'field "amount" must be string, got number 10'],
      [4, expect.stringMatching(/^field "period"/)],
    ]);
    expect(month(r.periods, '2026-03').credit!.money!.charge).toBe('10.00');
  });

  it('the JSON report with money validates against its schema', async () => {
    const r = await run(contract({ credits: '  at most 100%\n  at most 50% per rolling 12 months\n  claim within 30 days after invoice' }), [
      outage5h('2026-03'),
      invoice('2026-03', '1000.00', '2026-04-02'),
      { type: 'claim', id: 'c1', period: '2026-03', submitted: '2026-04-10' },
    ]);
    expect(r.periods[0].credit!.money!.claim).toBe('claimed on time');
    const doc = { contract: { name: 'Money', version: '1' }, asOf: '2027-01-01T00:00:00Z', incidents: [], periods: r.periods, rejected: [] };
    expect(outputSchemaErrors(doc)).toBe('');
    // A broken amount (a JSON number) is refused by the schema: the test can fail.
    const broken = structuredClone(doc);
    (broken.periods[0].credit!.money as unknown as { payable: number }).payable = 100;
    expect(outputSchemaErrors(broken)).not.toBe('');
  });
});

describe('properties', () => {
  const text = contract({ credits: '  at most 100%\n  at most 40% per rolling 12 months\n  at most 300.00 EUR per calendar year\n  at most 90.00 EUR per calendar month' });
  const v = versions(text);

  it('the amount payable is never negative, never above the charge or any cap, and is the last cap\'s result', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ cents: fc.integer({ min: 0, max: 200_000 }), percent: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 30 }),
        (months) => {
          const ledger = new MoneyLedger();
          const periods: MoneyPeriod[] = months.map((m, i) => {
            const period = `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
            ledger.add({ type: 'invoice', id: `i${i}`, period, service: null, group: null, amount: new Decimal(m.cents).div(100).toFixed(2), currency: 'EUR', issued: `${period}-28`, paid: null, line: i + 1 });
            const credit = { percent: m.percent };
            EXACT_CREDIT.set(credit, { uncapped: rat(BigInt(m.percent)), capped: rat(BigInt(m.percent)) });
            return { period, version: '1', final: true, credit };
          });
          applyMoney(periods, v, ledger, Date.parse('2030-01-01T00:00:00Z'));
          const paid: Decimal[] = [];
          for (const [i, p] of periods.entries()) {
            const m = p.credit!.money!;
            const payable = new Decimal(m.payable!);
            expect(payable.gte(0)).toBe(true);
            expect(payable.lte(m.charge!)).toBe(true);
            for (const c of m.caps) {
              expect(new Decimal(c.after).lte(c.limit)).toBe(true);
              expect(new Decimal(c.after).lte(c.before)).toBe(true);
            }
            // The chain: the amount, then each cap's result, and the last one is what is payable.
            expect(m.caps[0].before).toBe(m.amount);
            for (let k = 1; k < m.caps.length; k++) expect(m.caps[k].before).toBe(m.caps[k - 1].after);
            expect(m.payable).toBe(m.caps[m.caps.length - 1].after);
            paid.push(payable);
            // The rolling 12 months never credit more than 40% of their charges.
            const from = Math.max(0, i - 11);
            const credited = paid.slice(from, i + 1).reduce((a, b) => a.plus(b), new Decimal(0));
            const charged = months.slice(from, i + 1).reduce((a, b) => a.plus(new Decimal(b.cents).div(100)), new Decimal(0));
            expect(credited.lte(charged.times(0.4).toDecimalPlaces(2, Decimal.ROUND_HALF_UP))).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the seeds with example invoices', () => {
  const json = async (contractDir: string, log: string, asOf: string) => {
    const r = await runSlac(['evaluate', contractDir, log, '--as-of', asOf, '--format', 'json']);
    return JSON.parse(r.out) as { periods: PeriodVerdict[]; incidents: unknown[] };
  };

  it('SAGICC: 5% of the invoiced value for the started point below 99.96%, capped at 50%, claimed within 30 days of the invoice', async () => {
    const plain = await json('contracts/sagicc', 'contracts/examples/sagicc-2026-03.ndjson', '2026-05-15');
    const money = await json('contracts/sagicc', 'contracts/examples/money/sagicc-2026-03-invoices.ndjson', '2026-05-15');
    const m = money.periods[0].credit!.money!;
    expect(m).toMatchObject({
      currency: 'COP', // Intl (CLDR) gives COP no minor unit: whole pesos
      charge: '4850000',
      percent: '5', // 99.5743%: 0.3856 points below 99.96%, one started point: 5%
      amount: '242500', // 4,850,000 x 5% = 242,500
      capped: '242500', // the cap, 50% of 4,850,000 = 2,425,000, does not bind
      claimBy: '2026-05-03', // issued 2026-04-03 + 30 days
      claim: 'claimed on time', // claimed 2026-04-28
      payable: '242500',
    });
    expect(m.caps.map((c) => c.clause)).toEqual(['contracts/sagicc/v04.sla:205']);
    // The invoices add money and nothing else: the verdicts are those of the log without them.
    const strip = (ps: PeriodVerdict[]) => ps.map((p) => ({ ...p, credit: p.credit && { ...p.credit, money: undefined } }));
    expect(strip(money.periods)).toEqual(strip(plain.periods));
    expect(money.incidents).toEqual(plain.incidents);
  });

  it('Clever IDEAS: 5% of the monthly fee for 99.66%, with no claim window: payable as owed', async () => {
    const money = await json('contracts/clever-ideas', 'contracts/examples/money/clever-2026-05-invoices.ndjson', '2026-06-15');
    // 1,200.00 USD x 5% (at least 99.00% and below 99.90%) = 60.00 USD
    expect(money.periods[0].credit!.money!).toMatchObject({ charge: '1200.00', amount: '60.00', claim: 'not required', payable: '60.00' });
  });

  it('the text and markdown reports end with a credit statement', async () => {
    const text = await runSlac(['evaluate', 'contracts/sagicc', 'contracts/examples/money/sagicc-2026-03-invoices.ndjson', '--as-of', '2026-05-15']);
    expect(text.out).toContain('Credit statement\n  2026-03  default  charge 4850000 COP  credit 242500 COP  claimed on time  payable 242500 COP\n');
    expect(text.out).toContain('  total 2026: credits 242500 COP, payable 242500 COP\n');
    const md = await runSlac(['evaluate', 'contracts/sagicc', 'contracts/examples/money/sagicc-2026-03-invoices.ndjson', '--as-of', '2026-05-15', '--format', 'markdown']);
    expect(md.out).toContain('## Credit statement');
    expect(md.out).toContain('| 2026 | 242500 COP | 242500 COP |');
  });
});

describe('paying', () => {
  const text = (rule: string) => contract({ credits: `  at most 100%\n  claim within 30 days after invoice\n  ${rule}` });
  const recs = (extra: object[] = []) => [
    outage5h('2026-03'),
    invoice('2026-03', '1000.00', '2026-04-02', { paid: '2026-04-20' }),
    { type: 'claim', id: 'c1', period: '2026-03', submitted: '2026-04-10' },
    ...extra,
  ];

  it('paid within N days of the claim', async () => {
    const m = month((await run(text('paid within 10 days'), recs())).periods, '2026-03').credit!.money!;
    // Claimed 2026-04-10 + 10 days = 2026-04-20.
    expect([m.payable, m.payment, m.payBy]).toEqual(['100.00', 'within 10 days', '2026-04-20']);
  });

  it('paid on the next invoice: the date of the next month\'s invoice', async () => {
    const m = month((await run(text('paid on the next invoice'), recs([invoice('2026-04', '1000.00', '2026-05-04', { paid: '2026-05-10' })]))).periods, '2026-03').credit!.money!;
    expect([m.payable, m.payment, m.payBy]).toEqual(['100.00', 'on the next invoice', '2026-05-04']);
  });

  it('withheld while an invoice is unpaid at as-of, payable once it is paid', async () => {
    const unpaid = { ...invoice('2026-02', '1000.00', '2026-03-02'), id: 'i-feb' };
    const before = month((await run(text('withheld while invoices are unpaid'), recs([unpaid]), '2026-06-01T00:00:00Z')).periods, '2026-03').credit!.money!;
    expect([before.payable, before.withheld, before.capped]).toEqual(['0.00', ['i-feb'], '100.00']);
    expect(before.reason).toBe('withheld while invoice i-feb is unpaid: 100.00 payable once paid');
    const paid = { ...unpaid, paid: '2026-05-30' };
    const after = month((await run(text('withheld while invoices are unpaid'), recs([paid]), '2026-06-01T00:00:00Z')).periods, '2026-03').credit!.money!;
    expect([after.payable, after.withheld]).toEqual(['100.00', undefined]);
  });
});
