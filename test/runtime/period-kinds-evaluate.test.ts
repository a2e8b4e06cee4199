// Targets judged over periods other than the calendar month: a quarter beside a year counted in
// business hours (the shape of GC Forms' uptime guarantee), reliability per quarter, fiscal
// quarters, periods in a fixed offset, `--period` naming a quarter, and credits over a quarter in
// money (the charge of its months together).

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { format } from '../../compiler/format';
import { parse } from '../../language/index';
import { compileContract, ContractVersions } from '../../runtime/contract';
import type { PeriodVerdict } from '../../runtime/periods';
import { parseTimestamp } from '../../runtime/records';
import { evaluateRecords, periodKeyProblem, selectedPeriod } from '../../runtime/session';

function load(text: string) {
  const c = compile(text, 'kinds.sla', { checks: false });
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => `${c.lines.position(d.span.start).line}: ${d.message}`).join('; '));
  return compileContract(c.contract, (span) => `kinds.sla:${c.lines.position(span.start).line}`);
}

async function periods(text: string, records: object[], asOf: string, period?: string): Promise<PeriodVerdict[]> {
  const rejected: unknown[] = [];
  const body = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const res = await evaluateRecords(new ContractVersions([load(text)]), Readable.from([body]), { asOf: parseTimestamp(asOf)!, period }, { incident: () => {}, downtime: () => {}, rejected: (r) => rejected.push(r) });
  expect(rejected).toEqual([]);
  return res.periods;
}

let seq = 0;
const outage = (start: string, end: string): object => ({ type: 'outage', id: `O${++seq}`, start, end, cause: 'provider' });
const incident = (opened: string): object => ({ type: 'incident', id: `I${++seq}`, severity: 'p1', opened, cause: 'provider' });

const HEAD = `contract "Periods"
version 1
effective 2026-01-01
time zone America/Toronto

calendar business in America/Toronto "9am to 5pm Eastern Time"
  monday to friday 09:00 to 17:00

causes
  counted provider
`;

const QUARTER_AND_YEAR = `${HEAD}
availability
  target 99.0% per calendar quarter
  target 99.0% per calendar year, counted during business hours
`;

describe('a quarter beside a year counted in business hours', () => {
  it('judges each target over its own periods, with their kinds and bounds', async () => {
    // Q1 2026 in Toronto: 90 days less the hour DST takes on March 8 = 2,159 h = 129,540 min;
    // 1% = 1,295.4 min. 1,300 minutes down on Saturday 2026-02-07 (no business hours) breach the
    // quarter (98.996...%) and count nothing against the year's business hours.
    const ps = await periods(QUARTER_AND_YEAR, [outage('2026-02-07T00:00:00-05:00', '2026-02-07T21:40:00-05:00')], '2027-01-01T00:00:00-05:00');
    expect(ps.map((p) => [p.period, p.periodKind, p.start, p.end, p.final])).toEqual([
      ['2026-Q1', 'calendar-quarter', '2026-01-01T00:00:00-05:00', '2026-04-01T00:00:00-04:00', true],
      ['2026', 'calendar-year', '2026-01-01T00:00:00-05:00', '2027-01-01T00:00:00-05:00', true],
    ]);
    const [q, y] = ps;
    expect(q.availability).toMatchObject({ status: 'breached', downtimeMinutes: 1300, periodMinutes: 129_540, target: 99, exact: '98.9964489732', measurement: 'exact time', clause: 'kinds.sla:12' });
    // 2026 has 261 weekdays x 8 h = 2,088 business hours; the Saturday is none of them.
    expect(y.availability).toMatchObject({ status: 'met', downtimeMinutes: 0, periodMinutes: 2088 * 60, exact: '100', measurement: 'exact time, during business hours', clause: 'kinds.sla:14' });
    expect(y.availability!.breakdown!.uncounted).toEqual([
      { start: '2026-02-07T00:00:00-05:00', end: '2026-02-07T21:40:00-05:00', minutes: 1300, reason: 'outside the hours of calendar business (counted during business hours, kinds.sla:14)' },
    ]);
  });

  it('meets the quarter at exactly 1% and breaches it one minute above; the year at 1% of its business hours', async () => {
    // 1% of Q1 is 1,295.4 minutes: 1,295 meet 99% (99.0003...%), 1,296 do not (98.9995...%).
    const at = (min: number) => periods(QUARTER_AND_YEAR, [outage('2026-02-07T00:00:00-05:00', new Date(Date.parse('2026-02-07T05:00:00Z') + min * 60_000).toISOString())], '2027-01-01T00:00:00-05:00');
    expect((await at(1295))[0].availability).toMatchObject({ status: 'met', exact: '99.0003087849' });
    expect((await at(1296))[0].availability).toMatchObject({ status: 'breached', exact: '98.9995368226' });
    const y = (await periods(QUARTER_AND_YEAR, [outage('2026-06-01T09:00:00-04:00', '2026-06-23T17:00:00-04:00')], '2027-01-01T00:00:00-05:00')).find((p) => p.period === '2026')!;
    // June 1-23, 2026: 17 weekdays x 8 h = 136 h = 8,160 min of business time down; 1 - 8160 / 125,280 = 93.4865...%.
    expect(y.availability).toMatchObject({ status: 'breached', downtimeMinutes: 8160, exact: '93.4865900383' });
  });

  it('says a quarter or a year is not over at as-of, and judges what has happened', async () => {
    const ps = await periods(QUARTER_AND_YEAR, [outage('2026-05-04T10:00:00-04:00', '2026-05-04T11:00:00-04:00')], '2026-06-01T00:00:00-04:00');
    expect(ps.map((p) => [p.period, p.final, p.availability!.status])).toEqual([
      ['2026-Q2', false, 'pending'],
      ['2026', false, 'pending'],
    ]);
    // The year's business hours are all of 2026's, not those up to as-of: 60 of 125,280 minutes.
    expect(ps[1].availability).toMatchObject({ downtimeMinutes: 60, periodMinutes: 125_280 });
  });

  it('lists each quarter a log touches, and the year once', async () => {
    const ps = await periods(QUARTER_AND_YEAR, [outage('2026-03-31T23:00:00-04:00', '2026-04-01T01:00:00-04:00'), outage('2026-11-02T10:00:00-05:00', '2026-11-02T10:05:00-05:00')], '2027-01-01T00:00:00-05:00');
    // The first outage crosses from Q1 into Q2: one hour in each.
    expect(ps.map((p) => [p.period, p.availability!.downtimeMinutes])).toEqual([
      ['2026-Q1', 60],
      ['2026-Q2', 60],
      ['2026-Q4', 5],
      ['2026', 5],
    ]);
  });

  it('writes the target lines back as they were, and refuses a second target of one kind', () => {
    expect(format(parse(QUARTER_AND_YEAR).ast, QUARTER_AND_YEAR)).toBe(QUARTER_AND_YEAR);
    const twice = compile(`${QUARTER_AND_YEAR}  target 99.5% per calendar quarter\n`, 'twice.sla');
    const d = twice.diagnostics.find((x) => x.code === 'SLA2003');
    expect(d?.message).toBe('the availability target per calendar quarter is given twice');
    expect(twice.lines.position(d!.span.start)).toMatchObject({ line: 15, column: 3 });
  });
});

describe('reliability per calendar quarter', () => {
  const text = `${HEAD}
severities
  p1

response targets
  | severity | target  |
  | p1       | 4 hours |

reliability at most 2 counted incidents per calendar quarter
`;

  it('counts the incidents of the whole quarter against the limit', async () => {
    // One incident in each month of Q1: 3 > 2, breached; Q2's single incident: met.
    const ps = await periods(text, [incident('2026-01-10T10:00:00-05:00'), incident('2026-02-10T10:00:00-05:00'), incident('2026-03-10T10:00:00-04:00'), incident('2026-04-10T10:00:00-04:00')], '2026-07-01T00:00:00-04:00');
    expect(ps.map((p) => [p.period, p.periodKind, p.reliability!.count, p.reliability!.status])).toEqual([
      ['2026-Q1', 'calendar-quarter', 3, 'breached'],
      ['2026-Q2', 'calendar-quarter', 1, 'met'],
    ]);
  });

  it('with --period 2026-02, lists the quarter that holds February', async () => {
    const ps = await periods(text, [incident('2026-01-10T10:00:00-05:00'), incident('2026-02-10T10:00:00-05:00'), incident('2026-03-10T10:00:00-04:00')], '2026-07-01T00:00:00-04:00', '2026-02');
    expect(ps.map((p) => [p.period, p.reliability!.count])).toEqual([['2026-Q1', 3]]);
  });

  it('names what --period takes when the key is none of them, and refuses a fiscal key without a fiscal year', () => {
    const versions = new ContractVersions([load(text)]);
    expect(periodKeyProblem('2026-13', versions)).toBe(
      '--period 2026-13 is not a period: YYYY-MM (a month), YYYY-Qn (a calendar quarter), YYYY (a calendar year), FYYYYY-Qn or FYYYYY (a fiscal quarter or year)',
    );
    expect(periodKeyProblem('FY2026', versions, 'kinds.sla')).toBe(
      '--period FY2026 is a fiscal period, but kinds.sla has no `fiscal year starts` line: its periods are YYYY-MM (a month), YYYY-Qn (a calendar quarter) or YYYY (a calendar year)',
    );
    expect(periodKeyProblem('2026-Q1', versions)).toBeNull();
    expect(() => selectedPeriod(versions, { asOf: 0, period: 'FY2026-Q1' })).toThrow(/is a fiscal period, but the contract has no/);
    expect(selectedPeriod(versions, { asOf: 0, period: '2026' })).toMatchObject({ kind: 'calendar-year', key: '2026' });
    expect(selectedPeriod(versions, { asOf: 0 })).toBeNull();
  });
});

describe('fiscal quarters and periods in a fixed offset', () => {
  const fiscal = `${HEAD}fiscal year starts february
periods in UTC+02:00

availability
  target 99.9% per fiscal quarter
`;

  it('judges fiscal quarters, beginning at midnight at +02:00', async () => {
    // 2026-01-31T23:30-05:00 is 2026-02-01T06:30+02:00: the first fiscal quarter of FY2027.
    const ps = await periods(fiscal, [outage('2026-01-31T23:30:00-05:00', '2026-01-31T23:40:00-05:00'), outage('2026-01-31T16:00:00-05:00', '2026-01-31T16:10:00-05:00')], '2026-12-01T00:00:00-05:00');
    expect(ps.map((p) => [p.period, p.periodKind, p.start, p.end, p.availability!.downtimeMinutes])).toEqual([
      // 16:00-16:10 in Toronto is 23:00-23:10 at +02:00 on January 31: the last quarter of FY2026.
      ['FY2026-Q4', 'fiscal-quarter', '2025-11-01T00:00:00+02:00', '2026-02-01T00:00:00+02:00', 10],
      ['FY2027-Q1', 'fiscal-quarter', '2026-02-01T00:00:00+02:00', '2026-05-01T00:00:00+02:00', 10],
    ]);
    // Feb-Apr 2026 = 89 days = 128,160 min; 10 down: 99.9921...%, met.
    expect(ps[1].availability).toMatchObject({ status: 'met', periodMinutes: 128_160, exact: '99.9921972534' });
  });

  it('asks for the start of the fiscal year, and a zone it knows', () => {
    const without = compile(`${HEAD}\navailability\n  target 99.9% per fiscal quarter\n`, 'f.sla');
    expect(without.diagnostics.map((d) => d.code)).toContain('SLA2035');
    const zone = compile(`${HEAD}periods in Mars/Olympus\n\navailability\n  target 99.9% per calendar month\n`, 'z.sla');
    expect(zone.diagnostics.find((d) => d.code === 'SLA2005')?.message).toBe('"Mars/Olympus" is neither an IANA time zone nor a UTC offset');
    expect(compile(`${HEAD}periods in UTC+15:00\n\navailability\n  target 99.9% per calendar month\n`, 'z.sla').diagnostics.map((d) => d.code)).toContain('SLA2005');
    expect(compile(`${HEAD}fiscal year starts february 2\n`, 'd.sla').diagnostics.find((d) => d.code === 'SLA2035')?.message).toBe('a fiscal year starts on the 1st of a month');
    expect(compile(`${HEAD}fiscal year starts febuary\n`, 'd.sla').diagnostics.find((d) => d.code === 'SLA2035')?.message).toBe('"febuary" is not a month: did you mean february?');
  });

  it('writes both lines back as they were', () => {
    expect(format(parse(fiscal).ast, fiscal)).toBe(fiscal);
  });
});

describe('credits over a quarter in money', () => {
  const text = `${HEAD}currency CAD

availability
  target 99.0% per calendar quarter

credits
  basis monthly charge of the service
  | quarterly availability | credit |
  | below 99%              | 10%    |
`;
  const invoice = (period: string, amount: string) => ({ type: 'invoice', id: `INV-${period}`, period, amount, currency: 'CAD', issued: '2026-04-05' });

  it('takes the charge of the quarter from its months, and credits the share once', async () => {
    // Q1 breached (1,300 of 129,600 min); 3 x 1,000.00 CAD = 3,000.00 x 10% = 300.00 CAD.
    const ps = await periods(text, [outage('2026-02-07T00:00:00-05:00', '2026-02-07T21:40:00-05:00'), invoice('2026-01', '1000.00'), invoice('2026-02', '1000.00'), invoice('2026-03', '1000.00')], '2026-06-01T00:00:00-04:00');
    expect(ps).toHaveLength(1);
    expect(ps[0].credit).toMatchObject({ percent: 10 });
    expect(ps[0].credit!.money).toMatchObject({ charge: '3000.00', invoices: ['INV-2026-01', 'INV-2026-02', 'INV-2026-03'], amount: '300.00', payable: '300.00' });
  });

  it('takes an invoice for the quarter itself when there is one', async () => {
    const ps = await periods(text, [outage('2026-02-07T00:00:00-05:00', '2026-02-07T21:40:00-05:00'), invoice('2026-Q1', '2400.00'), invoice('2026-01', '1000.00')], '2026-06-01T00:00:00-04:00');
    expect(ps[0].credit!.money).toMatchObject({ charge: '2400.00', invoices: ['INV-2026-Q1'], amount: '240.00' });
  });
});
