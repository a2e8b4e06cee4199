// Money records (invoice, claim, report, termination) read in-process: dates that must exist
// (leap years included), the service or group an invoice or claim names, the currency and its minor
// unit; each rejection with its exact message and line, each accepted record exactly as read.

import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/compile';
import type { Contract } from '../../../compiler/ir';
import { type InputRecord, type Rejected, validateLine } from '../../../runtime/records';
import { badDate } from '../../../runtime/records/money';

function contract(text: string): Contract {
  const c = compile(text, 'money.sla', { checks: false });
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => d.message).join('; '));
  return c.contract;
}

const HEAD = 'contract "Money records"\nversion 1\neffective 2026-01-01\ntime zone UTC\n';
const CAUSES = 'causes\n  counted provider\n';

/** No services block: one implicit service, `default`. */
const SINGLE = contract(`${HEAD}currency EUR\n${CAUSES}`);
/** No services and no currency clause: any ISO 4217 currency is read. */
const ANY_CURRENCY = contract(`${HEAD}${CAUSES}`);
/** Several services; dns, first, is in no group; mdb has parts; no credit for missed targets. */
const CLOUD = contract(`${HEAD}currency EUR
services
  dns     "Cloud DNS"
  compute "Compute Cloud"     group infrastructure
  mdb     "Managed Databases" group databases
    part read  "DB cluster, read"
  storage "Object Storage"    group databases
${CAUSES}`);
/** Several services, none in a group. */
const UNGROUPED = contract(`${HEAD}currency EUR
services
  dns     "Cloud DNS"
  compute "Compute Cloud"
${CAUSES}`);
/** Several services and a credit for missed targets, which counts every service's incidents. */
const MISSED = contract(`${HEAD}currency EUR
services
  dns     "Cloud DNS"
  compute "Compute Cloud"
severities
  urgent "Urgent"
response targets
  | severity | target |
  | urgent   | 1 hour |
${CAUSES}
credits
  20% when more than 4 incidents of severity urgent miss their response target per calendar month
`);

function read(c: Contract, raw: Record<string, unknown>, line = 3): InputRecord | Rejected {
  return validateLine({ line, text: JSON.stringify(raw) }, c);
}

const invoice = (over: Record<string, unknown> = {}) => ({ type: 'invoice', id: 'i1', period: '2026-03', amount: '100.00', currency: 'EUR', issued: '2026-03-31', ...over });
const claim = (over: Record<string, unknown> = {}) => ({ type: 'claim', id: 'c1', period: '2026-03', submitted: '2026-04-02', ...over });

describe('badDate: a date must exist', () => {
  it('February has 29 days in a year divisible by 4, except centuries not divisible by 400', () => {
    expect(badDate('issued', '2024-02-29')).toBeNull();
    expect(badDate('issued', '2000-02-29')).toBeNull();
    expect(badDate('issued', '2023-02-29')).toBe('field "issued": 2023-02-29 is not a date that exists');
    expect(badDate('issued', '1900-02-29')).toBe('field "issued": 1900-02-29 is not a date that exists');
    expect(badDate('issued', '2100-02-29')).toBe('field "issued": 2100-02-29 is not a date that exists');
    expect(badDate('issued', '2023-02-28')).toBeNull();
  });

  it('each month ends on its own last day', () => {
    expect(badDate('date', '2026-04-30')).toBeNull();
    expect(badDate('date', '2026-04-31')).toBe('field "date": 2026-04-31 is not a date that exists');
    expect(badDate('date', '2026-12-31')).toBeNull();
    expect(badDate('date', '2026-01-31')).toBeNull();
  });

  it('day 00, month 00 and month 13 do not exist', () => {
    expect(badDate('paid', '2026-03-00')).toBe('field "paid": 2026-03-00 is not a date that exists');
    expect(badDate('paid', '2026-00-10')).toBe('field "paid": 2026-00-10 is not a date that exists');
    expect(badDate('paid', '2026-13-10')).toBe('field "paid": 2026-13-10 is not a date that exists');
    expect(badDate('paid', '2026-03-01')).toBeNull();
  });
});

describe('dates of each money record', () => {
  it('an invoice is checked on "issued" and on "paid"', () => {
    expect(read(SINGLE, invoice({ issued: '2026-02-29' }))).toEqual({ line: 3, id: 'i1', message: 'field "issued": 2026-02-29 is not a date that exists' });
    expect(read(SINGLE, invoice({ paid: '2026-04-31' }))).toEqual({ line: 3, id: 'i1', message: 'field "paid": 2026-04-31 is not a date that exists' });
  });

  it('a claim and a report are checked on "submitted"', () => {
    expect(read(SINGLE, claim({ submitted: '2026-02-30' }), 5)).toEqual({ line: 5, id: 'c1', message: 'field "submitted": 2026-02-30 is not a date that exists' });
    expect(read(SINGLE, { type: 'report', id: 'r1', period: '2026-03', submitted: '2026-02-30' }, 6)).toEqual({ line: 6, id: 'r1', message: 'field "submitted": 2026-02-30 is not a date that exists' });
  });

  it('a termination is checked on "date"', () => {
    expect(read(SINGLE, { type: 'termination', id: 't1', date: '2026-06-31' }, 7)).toEqual({ line: 7, id: 't1', message: 'field "date": 2026-06-31 is not a date that exists' });
  });

  it('records with dates that exist are read as given', () => {
    expect(read(SINGLE, { type: 'report', id: 'r1', period: '2026-03', submitted: '2026-04-05' })).toStrictEqual({ type: 'report', id: 'r1', period: '2026-03', submitted: '2026-04-05', line: 3 });
    expect(read(SINGLE, { type: 'termination', id: 't1', date: '2024-02-29' })).toStrictEqual({ type: 'termination', id: 't1', date: '2024-02-29', line: 3 });
    expect(read(SINGLE, claim())).toStrictEqual({ type: 'claim', id: 'c1', period: '2026-03', service: null, submitted: '2026-04-02', line: 3 });
    expect(read(SINGLE, invoice({ paid: '2026-04-10' }))).toStrictEqual({
      type: 'invoice', id: 'i1', period: '2026-03', service: null, group: null, amount: '100.00', currency: 'EUR', issued: '2026-03-31', paid: '2026-04-10', line: 3,
    });
  });
});

describe('the service an invoice or claim names', () => {
  it('without a services block, "service" may be omitted, null, or the implicit "default": all read as null', () => {
    const none = { type: 'invoice', id: 'i1', period: '2026-03', service: null, group: null, amount: '100.00', currency: 'EUR', issued: '2026-03-31', paid: null, line: 3 };
    expect(read(SINGLE, invoice())).toStrictEqual(none);
    expect(read(SINGLE, invoice({ service: null }))).toStrictEqual(none);
    expect(read(SINGLE, invoice({ service: 'default' }))).toStrictEqual(none);
    expect(read(SINGLE, claim({ service: 'Default' }))).toStrictEqual({ type: 'claim', id: 'c1', period: '2026-03', service: null, submitted: '2026-04-02', line: 3 });
  });

  it('a declared service is read with its declared spelling', () => {
    expect(read(CLOUD, invoice({ service: 'Compute' }))).toMatchObject({ type: 'invoice', service: 'compute', group: null });
    expect(read(CLOUD, claim({ service: 'DNS' }))).toStrictEqual({ type: 'claim', id: 'c1', period: '2026-03', service: 'dns', submitted: '2026-04-02', line: 3 });
  });

  it('with several services, an invoice or claim without one is rejected, listing them', () => {
    const message = 'missing field "service" (the contract declares several services: dns, compute, mdb (parts: mdb/read), storage)';
    expect(read(CLOUD, invoice())).toEqual({ line: 3, id: 'i1', message });
    expect(read(CLOUD, claim({ service: null }), 4)).toEqual({ line: 4, id: 'c1', message });
  });

  it('with several services and a credit for missed targets, one without a service is of the contract as a whole', () => {
    expect(read(MISSED, invoice())).toMatchObject({ type: 'invoice', service: null, group: null });
    expect(read(MISSED, claim())).toStrictEqual({ type: 'claim', id: 'c1', period: '2026-03', service: null, submitted: '2026-04-02', line: 3 });
    // A named service is still checked there.
    expect(read(MISSED, claim({ service: 'storage' }))).toEqual({ line: 3, id: 'c1', message: 'unknown service "storage" (declared: dns, compute)' });
  });

  it('an undeclared service is rejected with the declared ones', () => {
    expect(read(CLOUD, invoice({ service: 'queue' }))).toEqual({ line: 3, id: 'i1', message: 'unknown service "queue" (declared: dns, compute, mdb (parts: mdb/read), storage)' });
    expect(read(SINGLE, invoice({ service: 'compute' }))).toEqual({ line: 3, id: 'i1', message: 'unknown service "compute" (the contract declares no services: omit "service")' });
  });

  it('a part is not a service an invoice or claim can name', () => {
    expect(read(CLOUD, claim({ service: 'mdb/read' }))).toEqual({
      line: 3, id: 'c1', message: 'unknown service "mdb/read" (declared: dns, compute, mdb (parts: mdb/read), storage); an invoice or claim names a service, not a part',
    });
  });
});

describe('the group an invoice names', () => {
  it('a declared group is read with its declared spelling, and no service', () => {
    expect(read(CLOUD, invoice({ group: 'Databases' }))).toStrictEqual({
      type: 'invoice', id: 'i1', period: '2026-03', service: null, group: 'databases', amount: '100.00', currency: 'EUR', issued: '2026-03-31', paid: null, line: 3,
    });
    expect(read(CLOUD, invoice({ group: 'infrastructure', service: null }))).toMatchObject({ service: null, group: 'infrastructure' });
  });

  it('an invoice naming both a service and a group is rejected', () => {
    expect(read(CLOUD, invoice({ group: 'databases', service: 'mdb' }))).toEqual({ line: 3, id: 'i1', message: 'give "service" or "group", not both' });
  });

  it('an undeclared group is rejected with the declared groups, or with none declared', () => {
    expect(read(CLOUD, invoice({ group: 'network' }))).toEqual({ line: 3, id: 'i1', message: 'unknown group "network" (declared: infrastructure, databases)' });
    expect(read(UNGROUPED, invoice({ group: 'network' }))).toEqual({ line: 3, id: 'i1', message: 'unknown group "network" (the contract declares no groups)' });
    expect(read(SINGLE, invoice({ group: 'network' }))).toEqual({ line: 3, id: 'i1', message: 'unknown group "network" (the contract declares no groups)' });
  });

  it('a contract without a services list at all (as the IR may be built by hand) declares no groups', () => {
    const { services: _, ...bare } = SINGLE;
    expect(read(bare, invoice({ group: 'network' }))).toEqual({ line: 3, id: 'i1', message: 'unknown group "network" (the contract declares no groups)' });
  });
});

describe('the group of a claim', () => {
  it('is an unknown field, ignored: the claim is read by its service alone', () => {
    // A claim names a service; `group` is warned about and has no effect.
    expect(read(CLOUD, claim({ group: 'nosuch', service: 'dns' }))).toStrictEqual({ type: 'claim', id: 'c1', period: '2026-03', service: 'dns', submitted: '2026-04-02', line: 3 });
    expect(read(CLOUD, claim({ group: 'infrastructure', service: 'dns' }))).toMatchObject({ service: 'dns' });
    expect(read(CLOUD, claim({ group: 'infrastructure' }))).toEqual({
      line: 3,
      id: 'c1',
      message: 'missing field "service" (the contract declares several services: dns, compute, mdb (parts: mdb/read), storage)',
    });
  });
});

describe('currency and amount', () => {
  it('a code that is not ISO 4217 is rejected as written', () => {
    expect(read(ANY_CURRENCY, invoice({ currency: 'eur' }))).toMatchObject({ type: 'invoice', currency: 'EUR' });
    expect(read(ANY_CURRENCY, invoice({ currency: 'xyz' }))).toEqual({ line: 3, id: 'i1', message: 'field "currency": "xyz" is not an ISO 4217 currency code' });
  });

  it('an amount with more decimals than the currency\'s minor unit is rejected', () => {
    expect(read(ANY_CURRENCY, invoice({ currency: 'JPY', amount: '1500.5' }))).toEqual({ line: 3, id: 'i1', message: 'field "amount": 1500.5 has 1 decimals, JPY has no minor unit' });
    expect(read(ANY_CURRENCY, invoice({ currency: 'JPY', amount: '1500' }))).toMatchObject({ type: 'invoice', amount: '1500', currency: 'JPY' });
    expect(read(SINGLE, invoice({ amount: '10.005' }))).toEqual({ line: 3, id: 'i1', message: 'field "amount": 10.005 has 3 decimals, EUR has 2' });
    expect(read(SINGLE, invoice({ amount: '10.5' }))).toMatchObject({ type: 'invoice', amount: '10.5' });
  });
});
