// Lowering the money clauses as an author meets them: the currency and its rounding, caps and
// their periods, the basis, the claim window, payment and withholding, the monthly report, and
// the error (code, text under the range, message) of each line that says something else.

import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { bandCreditText, capPeriodText, minorUnitOf, moneyText } from '../../compiler/lower-money';
import { told } from '../helpers/findings';

function lowered(head: string[], credits: string[], tail: string[] = [], first = '10%') {
  const text = [
    'contract "Money"',
    'version 1',
    'effective 2026-01-01',
    'time zone Europe/Madrid',
    ...head,
    '',
    'causes',
    '  counted provider',
    '',
    'availability',
    '  target 99.9% per calendar month',
    '',
    'credits',
    '  | monthly availability             | credit |',
    `  | at least 99.00% and below 99.90% | ${first} |`,
    '  | below 99.00%                     | 25%    |',
    ...credits.map((l) => `  ${l}`),
    '',
    ...tail,
    '',
  ].join('\n');
  const c = compile(text, 'money.sla');
  return { contract: c.contract, errors: told(text, c.diagnostics.filter((d) => d.severity === 'error')) };
}

describe('currency', () => {
  it('a code in any case, its minor unit, rounding half-up unless stated', () => {
    const plain = lowered(['currency eur'], []);
    expect(plain.errors).toEqual([]);
    expect(plain.contract.currency).toMatchObject({ code: 'EUR', minorUnit: 2, rounding: 'half-up', roundingStated: false });
    expect(lowered(['currency JPY, rounded half-even'], []).contract.currency).toMatchObject({ code: 'JPY', minorUnit: 0, rounding: 'half-even', roundingStated: true });
    expect(lowered(['currency KWD, rounded half-up to the minor unit'], []).contract.currency).toMatchObject({ code: 'KWD', minorUnit: 3, rounding: 'half-up', roundingStated: true });
  });

  it('a code that is not ISO 4217, another rounding, or a second currency line', () => {
    expect(lowered(['currency EUX'], []).errors.map((e) => [e.code, e.at, e.message, e.hint])).toEqual([['SLA2070', 'EUX', 'EUX is not an ISO 4217 currency code', 'currency EUR']]);
    expect(lowered(['currency eur, rounded down'], []).errors.map((e) => [e.code, e.at, e.message, e.hint])).toEqual([
      ['SLA2071', 'down', 'amounts round half-up or half-even to the minor unit, not "down"', 'currency EUR, rounded half-even to the minor unit'],
    ]);
    expect(lowered(['currency EUR, rounded half-up to the cent'], []).errors.map((e) => [e.at, e.message])).toEqual([
      ['half-up to the cent', 'amounts round half-up or half-even to the minor unit, not "half-up to the cent"'],
    ]);
    const twice = lowered(['currency EUR', 'currency USD'], []);
    expect(twice.errors).toEqual([{ code: 'SLA2003', at: 'currency USD', message: 'the currency is given twice', hint: undefined, related: ['currency EUR: first given here'] }]);
    expect(twice.contract.currency!.code).toBe('EUR');
  });

  it('an amount is not reported without currency when the currency line is the one that could not be read', () => {
    expect(lowered([], [], [], '2.00 EUR').errors.map((e) => [e.code, e.at, e.message])).toEqual([['SLA2072', 'EUR', 'an amount in EUR, but the contract states no currency']]);
    expect(lowered(['currency EUR, rounded half-up to the'], [], [], '2.00 EUR').errors.map((e) => [e.code, e.at])).toEqual([['SLA2071', 'half-up to the']]);
  });
});

describe('caps, basis, claims, payment', () => {
  it('a cap per month is the monthly percentage; per year, per rolling 12 months or in money is a cap of its own', () => {
    const { contract, errors } = lowered(['currency EUR'], ['at most 50%', 'at most 80% per calendar year', 'at most 90% per Rolling 12 Months', 'at most 500.00 EUR per year', 'at most 100.5 eur per month']);
    expect(errors).toEqual([]);
    expect(contract.credits!.cap).toBe('50');
    expect(contract.credits!.caps!.map((c) => [c.kind, c.value, c.per])).toEqual([
      ['percent', '80', 'calendar-year'],
      ['percent', '90', 'rolling-12-months'],
      ['money', '500', 'calendar-year'],
      ['money', '100.5', 'calendar-month'],
    ]);
  });

  it('a cap per another period, or in another currency', () => {
    expect(lowered(['currency EUR'], ['at most 50% per fiscal quarter']).errors.map((e) => [e.code, e.at, e.message, e.hint])).toEqual([
      ['SLA2073', 'fiscal quarter', 'a credit cap applies per calendar month, per calendar year or per rolling 12 months, not "per fiscal quarter"', 'at most 50% per rolling 12 months'],
    ]);
    const other = lowered(['currency EUR'], ['at most 500.00 USD per year']);
    expect(other.errors.map((e) => [e.code, e.at])).toEqual([['SLA2072', 'USD']]);
    expect(other.contract.credits!.caps ?? []).toEqual([]);
  });

  it('the basis: free text, the charge of the service or of the group; anything else, or twice', () => {
    expect(lowered([], ['basis "the monthly fee"']).contract.credits).toMatchObject({ basis: 'the monthly fee' });
    expect(lowered([], ['basis monthly charge of the service']).contract.credits).toMatchObject({ basis: 'monthly charge of the service', chargeOf: 'service' });
    expect(lowered([], ['basis Monthly Charge of the affected service']).contract.credits).toMatchObject({ chargeOf: 'service' });
    expect(lowered([], ['basis monthly charge of the group']).contract.credits).toMatchObject({ chargeOf: 'group' });
    expect(lowered([], ['basis yearly charge of the service']).errors.map((e) => [e.code, e.at, e.message])).toEqual([
      ['SLA2075', 'yearly charge of the service', 'the basis is the monthly charge of the service or of the group (or free text in quotes), not "yearly charge of the service"'],
    ]);
    const twice = lowered([], ['basis "the monthly fee"', 'basis monthly charge of the group']);
    expect(twice.errors).toEqual([{ code: 'SLA2003', at: 'basis monthly charge of the group', message: 'the basis is given twice', hint: undefined, related: ['basis "the monthly fee": first given here'] }]);
    expect(twice.contract.credits!.basis).toBe('the monthly fee');
    expect(twice.contract.credits!.chargeOf).toBeUndefined();
  });

  it('the claim window runs from the invoice, the period end or the incident, as written', () => {
    const from = (after: string) => lowered([], [`claim within 30 days after ${after}`]).contract.credits!.claimWindow;
    expect(from('invoice issuance date')).toMatchObject({ after: 'invoice issuance date', from: 'invoice' });
    expect(from('the Incident')).toMatchObject({ from: 'incident' });
    expect(from('the month ends')).toMatchObject({ from: 'month-end' });
    expect(from('the quarter ends')).toMatchObject({ from: 'month-end' });
    expect(from('the end of the billing period')).toMatchObject({ from: 'month-end' });
    expect(from('the year ends')!.duration.ms).toBe(30 * 86_400_000);
    expect(lowered([], ['claim within 30 days after approval']).errors.map((e) => [e.code, e.at, e.message])).toEqual([
      ['SLA2077', 'approval', 'a claim window runs from the invoice, the period\'s end or the incident, not "after approval"'],
    ]);
  });

  it('paid on the next invoice or within N days, withheld while invoices are unpaid; each once', () => {
    expect(lowered([], ['paid on the next invoice']).contract.credits!.payment).toMatchObject({ kind: 'next-invoice' });
    expect(lowered([], ['paid in the next billing cycle']).contract.credits!.payment).toMatchObject({ kind: 'next-invoice' });
    expect(lowered([], ['paid within 30 days']).contract.credits!.payment).toMatchObject({ kind: 'within', duration: { ms: 30 * 86_400_000 } });
    expect(lowered([], ['withheld while an invoice is unpaid']).contract.credits!.withheldWhileUnpaid).toBeDefined();
    expect(lowered([], ['paid by cheque']).errors.map((e) => [e.code, e.at, e.message])).toEqual([['SLA2074', 'paid by cheque', 'a credit is paid on the next invoice or within N days, not "by cheque"']]);
    expect(lowered([], ['withheld while disputed']).errors.map((e) => [e.code, e.at, e.message, e.hint])).toEqual([
      ['SLA2074', 'withheld while disputed', 'a credit may be withheld while invoices are unpaid, not "while disputed"', 'withheld while invoices are unpaid'],
    ]);
    const twice = lowered([], ['paid on the next invoice', 'paid within 30 days', 'withheld while invoices are unpaid', 'withheld while invoices are unpaid']);
    expect(twice.errors.map((e) => [e.code, e.at, e.message, e.related])).toEqual([
      ['SLA2003', 'paid within 30 days', 'the payment rule is given twice', ['paid on the next invoice: first given here']],
      ['SLA2003', 'withheld while invoices are unpaid', 'the withholding rule is given twice', ['withheld while invoices are unpaid: first given here']],
    ]);
    expect(twice.contract.credits!.payment).toMatchObject({ kind: 'next-invoice' });
  });

  it('a credit in days of service must be at least one day; a cell of another kind names the three', () => {
    expect(lowered([], [], [], '2 days of service').errors).toEqual([]);
    expect(lowered([], [], [], '0 days of service').errors.map((e) => [e.code, e.at, e.message, e.hint])).toEqual([
      ['SLA2011', '0 days of service', 'a credit of 0 days of service is no credit', '1 day of service'],
    ]);
    expect(lowered(['currency EUR'], [], [], '2.00 EUR').errors).toEqual([]);
    expect(lowered(['currency EUR'], [], [], '2.00 USD').errors.map((e) => [e.code, e.at, e.message, e.hint])).toEqual([['SLA2072', 'USD', "the credit is in USD, the contract's currency is EUR", '2.00 EUR']]);
    expect(lowered(['currency EUR'], [], [], '2.00 USD').contract.credits!.bands.map((b) => b.credit)).toEqual(['25']);
    expect(lowered([], ['paid on next invoice']).contract.credits!.payment).toMatchObject({ kind: 'next-invoice' });
  });
});

describe('the monthly report', () => {
  const report = (line: string) => lowered([], [], [line]);

  it('due monthly within whole days or business days after the month ends, and whether a missing one is a default', () => {
    expect(report('report monthly within 10 days after the month ends').contract.report).toMatchObject({ every: 'calendar-month', within: { ms: 10 * 86_400_000 }, missingIsDefault: false });
    expect(report('report monthly within 010 days after month end, missing counts as a default').contract.report).toMatchObject({ missingIsDefault: true });
    expect(report('report monthly within 5 days after the end of the month, missing or late counts as a default').errors).toEqual([]);
  });

  it('every other rule is told what is expected', () => {
    const hint = 'report monthly within 10 business days after the month ends, missing counts as a default';
    const bad = (line: string) => report(line).errors.map((e) => [e.code, e.at, e.message, e.hint === hint]);
    expect(bad('report weekly within 10 days after the month ends')).toEqual([['SLA2076', 'weekly', 'a report is due monthly, not "weekly"', true]]);
    expect(bad('report monthly within 10 hours after the month ends')).toEqual([['SLA2076', '10 hours', "the report's deadline is counted in days or business days, not in hours", true]]);
    expect(bad('report monthly within 1.5 days after the month ends')).toEqual([['SLA2076', '1.5 days', "the report's deadline is a whole number of days", true]]);
    expect(bad('report monthly within 10 days after the quarter ends')).toEqual([['SLA2076', 'the quarter ends', 'the report\'s deadline runs from the month\'s end ("after the month ends"), not "after the quarter ends"', true]]);
    expect(bad('report monthly within 10 days after the month ends, missing is fine')).toEqual([['SLA2076', 'missing is fine', 'after the comma, "missing counts as a default", not "missing is fine"', true]]);
  });
});

describe('how money reads back', () => {
  it('a currency code is three letters Intl knows, in any case; its minor unit', () => {
    expect(['EUR', 'eur', 'JPY', 'KWD'].map(minorUnitOf)).toEqual([2, 2, 0, 3]);
    expect(['EURO', 'XEUR', 'EU', 'E1R', ''].map(minorUnitOf)).toEqual([null, null, null, null, null]);
  });

  it('an amount with exactly the minor unit\'s digits, never rounded', () => {
    expect(moneyText('2', 2)).toBe('2.00');
    expect(moneyText('2.5', 2)).toBe('2.50');
    expect(moneyText('2.50', 2)).toBe('2.50');
    expect(moneyText('2.005', 2)).toBe('2.005');
    expect(moneyText('100', 0)).toBe('100');
    expect(moneyText('100.5', 0)).toBe('100.5');
    expect(moneyText('10.125', 3)).toBe('10.125');
  });

  it("a band's credit and a cap's period as the contract writes them", () => {
    const eur = { code: 'EUR', minorUnit: 2, rounding: 'half-up' as const, roundingStated: false, span: { start: 0, end: 0 } };
    expect(bandCreditText({ credit: '10' }, eur)).toBe('10%');
    expect(bandCreditText({ credit: '2', unit: 'amount' }, eur)).toBe('2.00 EUR');
    expect(bandCreditText({ credit: '2', unit: 'amount' }, null)).toBe('2');
    expect(bandCreditText({ credit: '1', unit: 'service-days' }, null)).toBe('1 day of service');
    expect(bandCreditText({ credit: '3', unit: 'service-days' }, null)).toBe('3 days of service');
    expect(['calendar-month', 'calendar-year', 'rolling-12-months'].map((p) => capPeriodText(p as Parameters<typeof capPeriodText>[0]))).toEqual(['per calendar month', 'per calendar year', 'per rolling 12 months']);
  });
});
