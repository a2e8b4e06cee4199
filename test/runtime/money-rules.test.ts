// Credits in money, the rules beyond a percentage of the charge: fixed amounts and days of service
// per band, the basis that decides which invoices are the charge, several credits in one month
// (no stacking, or credits that add up), the report obligation, expiry at termination, and claim
// windows in business days or from the incident. Every expected amount is computed by hand in a
// comment. The contracts' zone is UTC unless they say otherwise.

import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import type { PeriodVerdict } from '../../runtime/periods';
import { evaluateText } from '../helpers/evaluate';
import { runSlac } from '../helpers/io';
import { outputSchemaErrors } from '../helpers/output-schema';

const HEAD = `contract "Money rules"
version 1
effective 2025-01-01
time zone UTC
currency EUR
causes
  counted provider
`;

async function run(text: string, records: object[], asOf = '2027-01-01T00:00:00Z') {
  return evaluateText(text, 'rules.sla', records, asOf);
}

function period(periods: PeriodVerdict[], m: string, service?: string, part?: string): PeriodVerdict {
  const p = periods.find((x) => x.period === m && (service === undefined || x.service === service) && (part === undefined || x.part === part));
  if (!p) throw new Error(`no period ${m} ${service ?? ''} ${part ?? ''}`);
  return p;
}

/** An outage of `hours` hours from the 10th of `m` (YYYY-MM), 00:00 UTC. */
const outage = (m: string, hours: number, extra: object = {}) => ({
  type: 'outage',
  id: `o-${m}-${hours}-${JSON.stringify(extra)}`,
  start: `${m}-10T00:00:00Z`,
  end: new Date(Date.parse(`${m}-10T00:00:00Z`) + hours * 3_600_000).toISOString(),
  cause: 'provider',
  ...extra,
});
const invoice = (m: string, amount: string, extra: object = {}) => ({ type: 'invoice', id: `i-${m}-${JSON.stringify(extra)}`, period: m, amount, currency: 'EUR', issued: `${m}-28`, ...extra });

// A 5-hour outage leaves 99.25% (28 days) to 99.33% (31 days): the first band. A 30-hour outage
// leaves 95.54% (28 days: 1,800 / 40,320 min down) to 95.97% (31 days): the second band.
const bands = (first: string, second: string, extra = '  at most 100%') => `${HEAD}
availability
  target 99.9% per calendar month

credits
  | monthly availability             | credit |
  | at least 99.00% and below 99.90% | ${first} |
  | below 99.00%                     | ${second} |
${extra}
`;

describe('fixed amounts and days of service per band', () => {
  it('a band of 2.00 EUR credits 2.00 EUR whatever the charge', async () => {
    const r = await run(bands('2.00 EUR', '25.50 EUR'), [outage('2026-03', 5), invoice('2026-03', '1000.00'), outage('2026-04', 30), invoice('2026-04', '10.00')]);
    const march = period(r.periods, '2026-03').credit!;
    expect([march.percent, march.amount, march.rule]).toEqual([null, '2.00', 'at least 99% and below 99.9%: 2.00 EUR']);
    expect(march.money).toMatchObject({ percent: null, fixed: '2.00', amount: '2.00', capped: '2.00', payable: '2.00' });
    // April: 25.50 EUR, but at most 100% of its 10.00 EUR charge.
    const april = period(r.periods, '2026-04').credit!.money!;
    expect([april.amount, april.caps[0].limit, april.capped]).toEqual(['25.50', '10.00', '10.00']);
  });

  it('a fixed amount needs no invoice, but a cap in percent then cannot apply: it says so', async () => {
    const r = await run(bands('2.00 EUR', '25.50 EUR'), [outage('2026-03', 5)]);
    const m = period(r.periods, '2026-03').credit!.money!;
    expect([m.charge, m.amount, m.caps, m.payable]).toEqual([null, '2.00', [], '2.00']);
    expect(m.reason).toBe('at most 100% per calendar month is not applied: no invoice gives a charge to take the share of');
  });

  it('days of service: the charge x days / the days of the month, rounded once', async () => {
    const r = await run(bands('1 day of service', '3 days of service'), [
      outage('2026-03', 5),
      invoice('2026-03', '100.00'),
      outage('2026-04', 30),
      invoice('2026-04', '1000.00'),
      outage('2026-02', 30),
      invoice('2026-02', '1000.00'),
    ]);
    const march = period(r.periods, '2026-03').credit!;
    expect([march.percent, march.serviceDays]).toEqual([null, '1']);
    // 100.00 x 1 / 31 = 3.2258... -> 3.23
    expect(march.money).toMatchObject({ serviceDays: { days: '1', daysInPeriod: 31 }, amount: '3.23' });
    // 1000.00 x 3 / 30 = 100.00 exactly
    expect(period(r.periods, '2026-04').credit!.money!.amount).toBe('100.00');
    // 1000.00 x 3 / 28 = 107.142857... -> 107.14
    expect(period(r.periods, '2026-02').credit!.money!.amount).toBe('107.14');
  });

  it('rounds the product once: half a cent goes by the contract\'s rounding', async () => {
    // April has 30 days: 0.15 x 1 / 30 = 0.005, half a cent.
    const even = await run(bands('1 day of service', '3 days of service').replace('currency EUR', 'currency EUR, rounded half-even to the minor unit'), [outage('2026-04', 5), invoice('2026-04', '0.15')]);
    expect(period(even.periods, '2026-04').credit!.money!.amount).toBe('0.00'); // 0.005 -> 0.00 half-even
    const up = await run(bands('1 day of service', '3 days of service'), [outage('2026-04', 5), invoice('2026-04', '0.15')]);
    expect(period(up.periods, '2026-04').credit!.money!.amount).toBe('0.01'); // 0.005 -> 0.01 half-up
  });

  it('days of service without an invoice cannot be put in money, and say why', async () => {
    const r = await run(bands('1 day of service', '3 days of service'), [outage('2026-03', 5)]);
    const m = period(r.periods, '2026-03').credit!.money!;
    expect([m.amount, m.reason]).toEqual([null, 'no invoice for the service in 2026-03: the credit of 1 days of service cannot be put in money']);
  });

  it('every format shows the amount or the days, and the JSON fits its schema', async () => {
    const dir = `${process.env.TMPDIR ?? '/tmp'}/slac-money-rules-${process.pid}`;
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/c.sla`, bands('2.00 EUR', '3 days of service'));
    writeFileSync(`${dir}/r.ndjson`, [outage('2026-03', 5), outage('2026-04', 30), invoice('2026-04', '1000.00')].map((x) => JSON.stringify(x)).join('\n'));
    const args = ['evaluate', `${dir}/c.sla`, `${dir}/r.ndjson`, '--as-of', '2026-06-01'];
    const text = (await runSlac(args)).out;
    expect(text).toContain('    credit        2.00 EUR  (at least 99% and below 99.9%: 2.00 EUR)\n                  charge -; a fixed 2.00 EUR\n');
    expect(text).toContain('    credit        3 days of service  (below 99%: 3 days of service)\n');
    expect(text).toContain('; 3 days of service of 30 = 100.00 EUR\n'); // 1000.00 x 3 / 30
    const md = (await runSlac([...args, '--format', 'markdown'])).out;
    expect(md).toContain('| 2.00 EUR |');
    expect(md).toContain(`below 99%: 3 days of service, ${dir}/c.sla:`);
    const doc = JSON.parse((await runSlac([...args, '--format', 'json'])).out);
    expect(outputSchemaErrors(doc)).toBe('');
    expect(doc.periods[1].credit).toMatchObject({ percent: null, serviceDays: '3', money: { serviceDays: { days: '3', daysInPeriod: 30 }, amount: '100.00' } });
    const nd = (await runSlac([...args, '--format', 'ndjson'])).out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(nd.find((x) => x.kind === 'period' && x.period === '2026-03').credit).toMatchObject({ amount: '2.00', money: { fixed: '2.00' } });
  });
});

describe('the basis decides which invoices are the charge', () => {
  const cloud = (computeBasis: string, storageBasis: string) => `${HEAD}
services
  compute "Compute Cloud"  group infra
  storage "Object Storage" group infra
  dns     "Cloud DNS"

availability
  target 99.9% per calendar month

credits for service compute
  ${computeBasis}
  | monthly availability | credit |
  | below 99.90%         | 10%    |
credits for service storage
  ${storageBasis}
  | monthly availability | credit |
  | below 99.90%         | 10%    |
`;
  const down = [outage('2026-03', 5, { services: ['compute', 'storage'] })];
  const invoices = [
    invoice('2026-03', '300.00', { group: 'infra' }),
    invoice('2026-03', '1000.00', { service: 'compute' }),
    invoice('2026-03', '200.00', { service: 'storage' }),
    invoice('2026-03', '50.00', { service: 'dns' }),
  ];

  it('of the service: its own invoices; of the group: the group\'s and those of every service in it', async () => {
    const r = await run(cloud('basis monthly charge of the service', 'basis monthly charge of the group'), [...down, ...invoices]);
    const compute = period(r.periods, '2026-03', 'compute').credit!;
    expect(compute.basis).toBe('monthly charge of the service');
    expect(compute.money).toMatchObject({ charge: '1000.00', amount: '100.00' }); // 1000.00 x 10%
    // 300.00 (the group's) + 1000.00 (compute) + 200.00 (storage) = 1500.00; dns is in no group. x 10% = 150.00
    expect(period(r.periods, '2026-03', 'storage').credit!.money).toMatchObject({ charge: '1500.00', amount: '150.00' });
    expect(period(r.periods, '2026-03', 'storage').credit!.money!.invoices).toHaveLength(3);
  });

  it('of the service, with only a group invoice: no charge, where a basis in free text falls back to the group\'s', async () => {
    const groupOnly = [...down, invoice('2026-03', '300.00', { group: 'infra' })];
    const strict = await run(cloud('basis monthly charge of the service', 'basis "the fee"'), groupOnly);
    expect(period(strict.periods, '2026-03', 'compute').credit!.money).toMatchObject({ charge: null, amount: null, reason: 'no invoice for compute in 2026-03: the credit of 10% cannot be put in money' });
    // The free-text basis of storage keeps the old reading: its own invoices, else its group's.
    expect(period(strict.periods, '2026-03', 'storage').credit!.money).toMatchObject({ charge: '300.00', amount: '30.00' });
  });

  it('a basis that is neither is an error with the accepted forms (SLA2075)', () => {
    const c = compile(cloud('basis monthly charge of the customer', 'basis "x"'), 'b.sla');
    const d = c.diagnostics.find((x) => x.code === 'SLA2075');
    expect(d?.message).toBe('the basis is the monthly charge of the service or of the group (or free text in quotes), not "monthly charge of the customer"');
    expect(d?.hint).toContain('basis monthly charge of the group');
  });
});

describe('several credits in one month', () => {
  // A service with two parts, each judged on its own against the service's charge.
  const parts = (stacking: string) => `${HEAD}
services
  mdb "Managed DB"
    part read  "DB cluster, read"
    part write "DB cluster, write"

availability
  target 99.9% per calendar month

credits
  | monthly availability             | credit |
  | at least 99.00% and below 99.90% | 10%    |
  | below 99.00%                     | 25%    |
  at most 100%
${stacking}
`;
  const recs = [outage('2026-03', 5, { service: 'mdb/read' }), outage('2026-03', 30, { service: 'mdb/write' }), invoice('2026-03', '1000.00', { service: 'mdb' })];

  it('no stacking picks the highest: of the parts of a service, only the highest credit is paid, and the output says which', async () => {
    const r = await run(parts('  no stacking'), recs);
    const read = period(r.periods, '2026-03', 'mdb', 'read').credit!.money!;
    const write = period(r.periods, '2026-03', 'mdb', 'write').credit!.money!;
    // read: 5 h down, 10% of 1000.00 = 100.00; write: 30 h down, 25% = 250.00: only write's is paid.
    expect([read.amount, read.capped, read.payable]).toEqual(['100.00', '0.00', '0.00']);
    expect([write.amount, write.capped, write.payable]).toEqual(['250.00', '250.00', '250.00']);
    expect(write.stacking).toEqual({
      rule: 'no stacking',
      clause: 'rules.sla:22', // the `no stacking` line
      credits: [
        { credit: 'part read', amount: '100.00', paid: false },
        { credit: 'part write', amount: '250.00', paid: true },
      ],
      reason: "no stacking between the parts of mdb: only the highest credit is paid, part write's 250.00",
    });
    expect(read.stacking).toEqual(write.stacking);
  });

  it('several credits add up, which is also the default: every part is paid, and the output says it was not stated', async () => {
    for (const [line, clause] of [['', null], ['  several credits add up', 'rules.sla:22']] as const) {
      const r = await run(parts(line), recs);
      const read = period(r.periods, '2026-03', 'mdb', 'read').credit!.money!;
      const write = period(r.periods, '2026-03', 'mdb', 'write').credit!.money!;
      expect([read.payable, write.payable]).toEqual(['100.00', '250.00']); // 100.00 + 250.00 = 350.00 of 1000.00
      expect(read.stacking).toMatchObject({ rule: 'several credits add up', clause });
      expect(read.stacking!.credits).toEqual([
        { credit: 'part read', amount: '100.00', paid: true },
        { credit: 'part write', amount: '250.00', paid: true },
      ]);
      expect(read.stacking!.reason).toBe(`several credits add up: each part of mdb is paid, part read 100.00 + part write 250.00${clause ? '' : ' (the contract does not say `no stacking`)'}`);
    }
  });

  it('a cap over months is the service\'s: it counts what its parts were paid, and a part not paid records nothing', async () => {
    // With no stacking, March paid write's 250.00 and not read's 100.00: the service mdb used 250.00
    // of its yearly cap of 300.00 EUR.
    const r = await run(parts('  no stacking\n  at most 300.00 EUR per calendar year'), [
      ...recs,
      outage('2026-04', 5, { service: 'mdb/read' }),
      invoice('2026-04', '1000.00', { service: 'mdb' }),
    ]);
    const april = period(r.periods, '2026-04', 'mdb', 'read').credit!.money!;
    // 10% of 1000.00 = 100.00; the year so far: 250.00 paid in March, so 300.00 - 250.00 = 50.00 left.
    expect([april.amount, april.caps[1].limit, april.capped]).toEqual(['100.00', '50.00', '50.00']);
  });

  it('parts whose credits add up share the service\'s caps: the later part gets what the earlier left', async () => {
    // read 100.00 + write 250.00 = 350.00, but at most 300.00 EUR a month for the service: read
    // (first) keeps 100.00, write gets 300.00 - 100.00 = 200.00.
    const r = await run(parts('  at most 300.00 EUR per calendar month'), recs);
    const read = period(r.periods, '2026-03', 'mdb', 'read').credit!.money!;
    const write = period(r.periods, '2026-03', 'mdb', 'write').credit!.money!;
    expect([read.capped, write.amount, write.capped, write.payable]).toEqual(['100.00', '250.00', '200.00', '200.00']);
    expect(write.caps.find((c) => c.rule === 'at most 300.00 EUR per calendar month')).toMatchObject({ limit: '200.00', binds: true });
    expect(write.reason).toContain('the caps are shared with the parts of mdb before it this month');
  });

  it('no stacking and several credits add up in one block contradict each other (SLA2012)', () => {
    const c = compile(parts('  no stacking\n  several credits add up'), 'x.sla');
    expect(c.diagnostics.map((d) => d.code)).toContain('SLA2012');
  });
});

/** The two bands, a calendar `business` (Monday to Friday), and `lines` in the credits block. */
const onBusiness = (lines: string, head = '', tail = '') => `${HEAD}${head}
calendar business
  monday to friday 09:00 to 17:00

availability
  target 99.9% per calendar month

credits
  | monthly availability             | credit |
  | at least 99.00% and below 99.90% | 10%    |
  | below 99.00%                     | 25%    |
  at most 100%
${lines}
${tail}`;

describe('the report obligation', () => {
  // Business days Monday to Friday: March 2026 ends on a Tuesday; the 10th business day after
  // March 31 is Tuesday April 14 (1-3, 6-10, 13, 14 April: no holidays on this calendar).
  const reporting = (credits: string, report = 'report monthly within 10 business days after the month ends, missing counts as a default') => onBusiness(credits, '', `\n${report}\n`);
  const recs = [outage('2026-03', 5), invoice('2026-03', '1000.00')];

  it('a missing report counts as a default: the month owes the credit at 0% availability, with the reason', async () => {
    const r = await run(reporting('  no stacking'), recs, '2026-04-20T00:00:00Z');
    const p = period(r.periods, '2026-03');
    expect(p.report).toEqual({
      due: '2026-04-14',
      submitted: null,
      status: 'breached',
      reason: 'no report by its deadline 2026-04-14: it counts as a default',
      clause: 'rules.sla:22',
      default: true,
    });
    expect(p.availability!.status).toBe('breached'); // as measured: 99.33%
    expect(p.credit!.default).toMatchObject({ percent: 25, rule: 'a missing report counts as a default: the credit at 0% availability (below 99%: 25%)' });
    // Availability: 10% of 1000.00 = 100.00; the default: 25% = 250.00; no stacking: 250.00 only.
    expect(p.credit!.money).toMatchObject({ percent: '25', amount: '250.00', capped: '250.00', payable: '250.00' });
    expect(p.credit!.money!.stacking).toEqual({
      rule: 'no stacking',
      clause: 'rules.sla:20', // the `no stacking` line
      credits: [
        { credit: 'availability', amount: '100.00', paid: false },
        { credit: 'the missing report', amount: '250.00', paid: true },
      ],
      reason: "no stacking: only the highest credit is paid, the missing report's 250.00",
    });
  });

  it('with credits that add up, the default comes on top of the availability credit, then the caps', async () => {
    const r = await run(reporting('  at most 300.00 EUR per calendar month'), recs, '2026-04-20T00:00:00Z');
    const m = period(r.periods, '2026-03').credit!.money!;
    // 10% + 25% = 35% of 1000.00 = 350.00, capped at 300.00.
    expect([m.percent, m.amount, m.capped]).toEqual(['35', '350.00', '300.00']);
    expect(m.stacking!.reason).toBe('several credits add up: availability 100.00 + the missing report 250.00 (the contract does not say `no stacking`)');
  });

  it('a late report counts as missing at its deadline; one on the deadline day is on time; before it, pending', async () => {
    const late = await run(reporting(''), [...recs, { type: 'report', id: 'r3', period: '2026-03', submitted: '2026-04-15' }], '2026-04-20T00:00:00Z');
    expect(period(late.periods, '2026-03').report).toMatchObject({ status: 'breached', default: true, reason: 'submitted 2026-04-15, after its deadline 2026-04-14: missing at the deadline: it counts as a default' });
    const onTime = await run(reporting(''), [...recs, { type: 'report', id: 'r3', period: '2026-03', submitted: '2026-04-14' }], '2026-04-20T00:00:00Z');
    const p = period(onTime.periods, '2026-03');
    expect(p.report).toMatchObject({ status: 'met', reason: 'submitted 2026-04-14, by its deadline 2026-04-14' });
    expect([p.credit!.default, p.credit!.money!.amount, p.credit!.money!.stacking]).toEqual([undefined, '100.00', undefined]);
    const before = await run(reporting(''), recs, '2026-04-14T12:00:00Z');
    expect(period(before.periods, '2026-03').report).toMatchObject({ status: 'pending', reason: 'due by 2026-04-14' });
  });

  it('holidays push the deadline: 10 business days skip a closed Monday', async () => {
    const text = reporting('').replace('  monday to friday 09:00 to 17:00', '  monday to friday 09:00 to 17:00\n  holiday 2026-04-06 "Easter Monday"');
    const r = await run(text, recs, '2026-05-01T00:00:00Z');
    expect(period(r.periods, '2026-03').report!.due).toBe('2026-04-15'); // one business day later than 2026-04-14
  });

  it('without `missing counts as a default` a missing report is breached and owes nothing more; in calendar days', async () => {
    const r = await run(reporting('', 'report monthly within 5 days after the month ends'), recs, '2026-04-20T00:00:00Z');
    const p = period(r.periods, '2026-03');
    expect(p.report).toMatchObject({ due: '2026-04-05', status: 'breached', reason: 'no report by its deadline 2026-04-05' }); // March 31 + 5 days
    expect(p.report!.default).toBeUndefined();
    expect(p.credit!.money!.amount).toBe('100.00');
  });

  it('a quiet month between two others is listed: no record, so only its missing report is judged, and the default is its credit', async () => {
    const r = await run(reporting(''), [...recs, outage('2026-05', 5), invoice('2026-04', '1000.00'), invoice('2026-05', '1000.00')], '2026-07-01T00:00:00Z');
    const april = period(r.periods, '2026-04');
    expect(april.availability).toMatchObject({ status: 'not-applicable', reason: 'no record falls in 2026-04: nothing to judge' });
    expect(april.report).toMatchObject({ status: 'breached', default: true });
    // The credit at 0% availability: 25% of April's 1000.00 = 250.00.
    expect(april.credit!.money).toMatchObject({ amount: '250.00', payable: '250.00' });
  });

  it('--fail-on breach fails on a missing report, and every format shows it', async () => {
    const dir = `${process.env.TMPDIR ?? '/tmp'}/slac-report-${process.pid}`;
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/c.sla`, reporting('', 'report monthly within 10 business days after the month ends, missing counts as a default'));
    writeFileSync(`${dir}/r.ndjson`, [outage('2026-03', 1 / 60), invoice('2026-03', '1000.00')].map((x) => JSON.stringify(x)).join('\n'));
    const args = ['evaluate', `${dir}/c.sla`, `${dir}/r.ndjson`, '--as-of', '2026-05-01'];
    const text = await runSlac([...args, '--fail-on', 'breach']);
    expect(text.code).toBe(1); // the availability is met (1 minute down), the report is not
    expect(text.out).toContain(`    report        breached  no report by its deadline 2026-04-14: it counts as a default  ${dir}/c.sla:22\n`);
    const md = (await runSlac([...args, '--format', 'markdown'])).out;
    expect(md).toContain(`- 2026-03: report breached, no report by its deadline 2026-04-14: it counts as a default (${dir}/c.sla:22)`);
    const doc = JSON.parse((await runSlac([...args, '--format', 'json'])).out);
    expect(outputSchemaErrors(doc)).toBe('');
    // Met availability: 0% + the default's 25% = 250.00 of 1000.00.
    expect(doc.periods[0].credit.money).toMatchObject({ amount: '250.00' });
  });
});

describe('claim windows in business days and from the incident; expiry at termination', () => {
  const withLines = (lines: string, head = '') => onBusiness(lines, head);
  const recs = [outage('2026-03', 5), invoice('2026-03', '1000.00')];
  const claim = (submitted: string) => ({ type: 'claim', id: `c-${submitted}`, period: '2026-03', submitted });

  it('in business days: the Nth date with business time after the anchor, counted on the named calendar', async () => {
    // March 31, 2026 is a Tuesday: April 1, 2, 3 (Wed-Fri), 6, 7 (Mon, Tue): the 5th is April 7.
    const text = withLines('  claim within 5 business days after the month ends');
    const onTime = await run(text, [...recs, claim('2026-04-07')]);
    expect(period(onTime.periods, '2026-03').credit!.money).toMatchObject({ claimBy: '2026-04-07', claim: 'claimed on time', payable: '100.00' });
    const late = await run(text, [...recs, claim('2026-04-08')]);
    expect(period(late.periods, '2026-03').credit!.money).toMatchObject({ claim: 'late', payable: '0.00' });
    // A holiday on the calendar moves it a business day later.
    const easter = text.replace('  monday to friday 09:00 to 17:00', '  monday to friday 09:00 to 17:00\n  holiday 2026-04-06 "Easter Monday"');
    expect(period((await run(easter, recs)).periods, '2026-03').credit!.money!.claimBy).toBe('2026-04-08');
  });

  it('from the incident: the day the month\'s last counted downtime ended', async () => {
    const text = withLines('  claim within 30 days after the incident');
    // Outages on March 10 (00:00-05:00) and one ending at midnight into March 21: its last moment is on March 20.
    const r = await run(text, [...recs, { type: 'outage', id: 'late', start: '2026-03-20T23:00:00Z', end: '2026-03-21T00:00:00Z', cause: 'provider' }, claim('2026-04-19')]);
    const m = period(r.periods, '2026-03').credit!.money!;
    expect([m.claimFrom, m.claimBy, m.claim]).toEqual(['2026-03-20', '2026-04-19', 'claimed on time']); // March 20 + 30 days
  });

  it('expire at termination: a credit not paid by the termination date is lost once that date has come', async () => {
    const text = withLines('  paid on the next invoice\n  expire at termination', '\ntermination 2026-04-15\n');
    const april = invoice('2026-04', '1000.00'); // issued 2026-04-28: after the termination
    const after = await run(text, [...recs, april], '2026-05-01T00:00:00Z');
    expect(period(after.periods, '2026-03').credit!.money).toMatchObject({ capped: '100.00', payable: '0.00', expired: '2026-04-15', payBy: null });
    expect(period(after.periods, '2026-03').credit!.money!.reason).toBe('expired at termination on 2026-04-15: due to be paid on 2026-04-28, after it'); // the next invoice's date
    // Before the termination date nothing has expired yet.
    const before = await run(text, [...recs, april], '2026-04-10T00:00:00Z');
    expect([period(before.periods, '2026-03').credit!.money!.payable, period(before.periods, '2026-03').credit!.money!.expired]).toEqual(['100.00', undefined]);
    // Paid on an invoice issued before the termination: kept.
    const early = await run(text, [...recs, { ...april, issued: '2026-04-05' }], '2026-05-01T00:00:00Z');
    expect(period(early.periods, '2026-03').credit!.money).toMatchObject({ payable: '100.00', payBy: '2026-04-05' });
  });

  it('a termination record ends the agreement too, the earlier date counting; without `expire at termination` nothing is lost', async () => {
    const ending = { type: 'termination', id: 'end', date: '2026-04-20' };
    const text = withLines('  paid within 30 days\n  expire at termination');
    // Paid within 30 days of the invoice (2026-03-28): 2026-04-27, after the termination on 2026-04-20.
    const r = await run(text, [...recs, ending], '2026-05-01T00:00:00Z');
    expect(r.rejected).toEqual([]);
    expect(period(r.periods, '2026-03').credit!.money).toMatchObject({ payable: '0.00', expired: '2026-04-20' });
    const keep = await run(withLines('  paid within 30 days'), [...recs, ending], '2026-05-01T00:00:00Z');
    expect(period(keep.periods, '2026-03').credit!.money).toMatchObject({ payable: '100.00', payBy: '2026-04-27' });
  });

  it('a termination record with an impossible date is rejected with its line', async () => {
    const r = await run(withLines('  expire at termination'), [...recs, { type: 'termination', id: 'end', date: '2026-02-30' }]);
    expect(r.rejected).toMatchObject([{ line: 3, message: 'field "date": 2026-02-30 is not a date that exists' }]);
  });
});
