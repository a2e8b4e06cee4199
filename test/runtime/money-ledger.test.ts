// The money records of a log as the credit pass reads them (runtime/money.ts, MoneyLedger): the
// invoices of a service and month summed, with the latest issue date; the earliest claim and
// report of a month and the earliest termination whatever order they come in; the charge a basis
// takes (the service's, the group's with its members, or either); and the invoices unpaid on a day.

import { describe, expect, it } from 'vitest';
import { daysIn, MoneyLedger } from '../../runtime/money';
import type { ClaimRecord, InvoiceRecord, ReportRecord, TerminationRecord } from '../../runtime/records';

let line = 0;
const invoice = (id: string, period: string, amount: string, issued: string, more: Partial<InvoiceRecord> = {}): InvoiceRecord => ({
  type: 'invoice',
  id,
  period,
  service: null,
  group: null,
  amount,
  currency: 'EUR',
  issued,
  paid: null,
  line: ++line,
  ...more,
});
const claim = (period: string, submitted: string, service: string | null = null): ClaimRecord => ({ type: 'claim', id: `c${++line}`, period, service, submitted, line });
const report = (period: string, submitted: string): ReportRecord => ({ type: 'report', id: `r${++line}`, period, submitted, line });
const termination = (date: string): TerminationRecord => ({ type: 'termination', id: `t${++line}`, date, line });

const shown = (c: { amount: { toFixed(n: number): string }; ids: string[]; issued: string } | null) => (c === null ? null : { amount: c.amount.toFixed(2), ids: c.ids, issued: c.issued });

describe('the days of a month', () => {
  it('28 to 31, December into the next year, February by leap years', () => {
    expect(['2026-01', '2026-02', '2026-04', '2026-12', '2028-02', '2100-02', '2000-02'].map(daysIn)).toEqual([31, 28, 30, 31, 29, 28, 29]);
  });
});

describe('invoices', () => {
  it('of one service and month add up, in exact decimals, and the charge is issued on the latest date', () => {
    const l = new MoneyLedger();
    expect(l.add(invoice('a', '2026-03', '0.10', '2026-04-02'))).toBeNull();
    expect(l.add(invoice('b', '2026-03', '0.20', '2026-04-09'))).toBeNull();
    expect(l.add(invoice('c', '2026-03', '100.00', '2026-04-05'))).toBeNull();
    expect(shown(l.chargeOf('default', null, '2026-03'))).toEqual({ amount: '100.30', ids: ['a', 'b', 'c'], issued: '2026-04-09' });
    // An earlier date after a later one keeps the later; the same date keeps it too.
    l.add(invoice('d', '2026-03', '1.00', '2026-04-09'));
    expect(shown(l.chargeOf('default', null, '2026-03'))!.issued).toBe('2026-04-09');
    expect(l.chargeOf('default', null, '2026-04')).toBeNull();
    expect([l.currency, l.size]).toEqual(['EUR', 4]);
  });

  it('in a second currency are refused with the first one named, and not counted', () => {
    const l = new MoneyLedger();
    l.add(invoice('a', '2026-03', '10.00', '2026-04-02'));
    expect(l.add(invoice('b', '2026-03', '10.00', '2026-04-02', { currency: 'USD' }))).toBe(
      'the invoice is in USD, earlier invoices are in EUR: one contract\'s invoices are in one currency (slac converts no currencies; state it with `currency EUR`)',
    );
    expect([shown(l.chargeOf('default', null, '2026-03'))!.amount, l.size, l.currency]).toEqual(['10.00', 1, 'EUR']);
  });

  it('a basis takes the service\'s own invoices, the group\'s with its members\', or the service\'s else its group\'s', () => {
    const l = new MoneyLedger();
    l.add(invoice('own', '2026-03', '100.00', '2026-04-06', { service: 'compute' }));
    l.add(invoice('member', '2026-03', '50.00', '2026-04-03', { service: 'storage' }));
    l.add(invoice('group', '2026-03', '25.00', '2026-04-01', { group: 'cloud' }));
    l.add(invoice('group-only', '2026-04', '25.00', '2026-05-04', { group: 'cloud' }));
    expect(shown(l.chargeOf('compute', 'cloud', '2026-03', 'service'))).toEqual({ amount: '100.00', ids: ['own'], issued: '2026-04-06' });
    expect(l.chargeOf('compute', 'cloud', '2026-04', 'service')).toBeNull();
    // The group's invoices and those of every member: the latest date of them all (the second here).
    expect(shown(l.chargeOf('compute', 'cloud', '2026-03', 'group', ['compute', 'storage']))).toEqual({ amount: '175.00', ids: ['group', 'own', 'member'], issued: '2026-04-06' });
    expect(shown(l.chargeOf('compute', 'cloud', '2026-03', 'group'))).toEqual({ amount: '25.00', ids: ['group'], issued: '2026-04-01' });
    expect(l.chargeOf('compute', null, '2026-03', 'group', ['compute'])).toBeNull(); // no group: no group charge
    expect(l.chargeOf('compute', 'cloud', '2026-05', 'group', ['compute'])).toBeNull();
    // A basis in free text: the service's own, else the group's.
    expect(shown(l.chargeOf('compute', 'cloud', '2026-03'))!.ids).toEqual(['own']);
    expect(shown(l.chargeOf('compute', 'cloud', '2026-04'))!.ids).toEqual(['group-only']);
    expect(l.chargeOf('compute', null, '2026-04')).toBeNull();
  });

  it('unpaid on a day: issued by then and paid after it or not at all, the service\'s and its group\'s', () => {
    const l = new MoneyLedger();
    l.add(invoice('paid-before', '2026-01', '1.00', '2026-02-01', { service: 'compute', paid: '2026-02-10' }));
    l.add(invoice('paid-that-day', '2026-02', '1.00', '2026-03-01', { service: 'compute', paid: '2026-03-15' }));
    l.add(invoice('paid-after', '2026-03', '1.00', '2026-03-15', { service: 'compute', paid: '2026-03-16' }));
    l.add(invoice('never-paid', '2026-03', '1.00', '2026-03-02', { group: 'cloud' }));
    l.add(invoice('not-yet-issued', '2026-04', '1.00', '2026-03-16', { service: 'compute' }));
    l.add(invoice('other-service', '2026-03', '1.00', '2026-03-01', { service: 'storage' }));
    expect(l.unpaid('compute', 'cloud', '2026-03-15')).toEqual(['paid-after', 'never-paid']);
    expect(l.unpaid('compute', null, '2026-03-15')).toEqual(['paid-after']);
    expect(l.unpaid('compute', 'cloud', '2026-03-16')).toEqual(['not-yet-issued', 'never-paid']); // the service's first, then its group's
    expect(l.unpaid('nothing', null, '2026-03-16')).toEqual([]);
  });
});

describe('claims, reports and terminations', () => {
  it('the earliest claim of a service and month counts, in whatever order the records come', () => {
    const l = new MoneyLedger();
    l.add(claim('2026-03', '2026-04-10'));
    l.add(claim('2026-03', '2026-04-05'));
    l.add(claim('2026-03', '2026-04-07'));
    l.add(claim('2026-03', '2026-04-20', 'compute'));
    expect([l.claimOf('default', '2026-03'), l.claimOf('compute', '2026-03'), l.claimOf('default', '2026-04')]).toEqual(['2026-04-05', '2026-04-20', null]);
    expect(l.size).toBe(4);
  });

  it('the earliest report of a month', () => {
    const l = new MoneyLedger();
    l.add(report('2026-03', '2026-04-09'));
    l.add(report('2026-03', '2026-04-03'));
    l.add(report('2026-03', '2026-04-06'));
    l.add(report('2026-04', '2026-05-01'));
    expect([...l.reports]).toEqual([
      ['2026-03', '2026-04-03'],
      ['2026-04', '2026-05-01'],
    ]);
  });

  it('the earliest termination date', () => {
    const l = new MoneyLedger();
    expect(l.terminated).toBeNull();
    l.add(termination('2026-06-30'));
    l.add(termination('2026-05-31'));
    l.add(termination('2026-06-15'));
    expect(l.terminated).toBe('2026-05-31');
  });
});
