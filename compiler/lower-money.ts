// Money clauses, AST -> IR: the contract's currency and rounding (`currency EUR, rounded half-even
// to the minor unit`), and the credit caps beyond the monthly percentage (`at most 10000.00 EUR per
// calendar year`, `at most 50% per rolling 12 months`).

import type * as A from '../language/ast';
import { DIAGNOSTICS, type Reporter } from '../language/diagnostics';
import type { Span } from '../language/span';
import { normalizeDecimal } from './decimal';
import type * as I from './ir';
import { mayBeUnread } from './unread';

interface MoneyContext {
  report: Reporter;
  contract: I.Contract;
}

/** The digits of a currency's minor unit (2 for EUR, 0 for JPY), or null when Intl knows no such ISO 4217 code. */
export function minorUnitOf(code: string): number | null {
  const upper = code.toUpperCase();
  if (!Intl.supportedValuesOf('currency').includes(upper)) return null;
  return new Intl.NumberFormat('en', { style: 'currency', currency: upper }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** `currency EUR` and its rounding; reported and left out when the code or the rounding is not understood. */
export function lowerCurrency(s: Extract<A.Statement, { kind: 'currency' }>, ctx: MoneyContext, unread: (span: Span) => void): void {
  if (ctx.contract.currency) {
    ctx.report.report(DIAGNOSTICS.duplicateStatement, s.span, 'the currency is given twice', { related: [{ span: ctx.contract.currency.span, message: 'first given here' }] });
    return;
  }
  const minor = minorUnitOf(s.code.name);
  if (minor === null) {
    ctx.report.report(DIAGNOSTICS.unknownCurrency, s.code.span, `${s.code.name} is not an ISO 4217 currency code`, { hint: 'currency EUR' });
    unread(s.span);
    return;
  }
  let rounding: I.MoneyRounding = 'half-up';
  const words = s.rounding.map((w) => w.name.toLowerCase());
  if (words.length) {
    const mode = words[0];
    const rest = words.slice(1).join(' ');
    if ((mode !== 'half-up' && mode !== 'half-even') || (rest !== '' && rest !== 'to the minor unit')) {
      const span = { start: s.rounding[0].span.start, end: s.rounding[s.rounding.length - 1].span.end };
      ctx.report.report(DIAGNOSTICS.unknownRounding, span, `amounts round half-up or half-even to the minor unit, not "${words.join(' ')}"`, {
        hint: `currency ${s.code.name.toUpperCase()}, rounded half-even to the minor unit`,
      });
      unread(s.span);
      return;
    }
    rounding = mode;
  }
  ctx.contract.currency = { code: s.code.name.toUpperCase(), minorUnit: minor, rounding, roundingStated: words.length > 0, span: s.span };
}

const PERIODS: Record<string, I.CreditCap['per']> = {
  'calendar month': 'calendar-month',
  month: 'calendar-month',
  'calendar year': 'calendar-year',
  year: 'calendar-year',
  'rolling 12 months': 'rolling-12-months',
};

/** How a cap's period reads in reports and in `slac fmt`. */
export function capPeriodText(per: I.CreditCap['per']): string {
  return per === 'calendar-month' ? 'per calendar month' : per === 'calendar-year' ? 'per calendar year' : 'per rolling 12 months';
}

/**
 * A cap line: the monthly percentage goes to `percent` (returned, for the caller's `cap`); every
 * other cap is added to `caps`. Null when the line is reported and left out.
 */
export function lowerCap(l: A.CapLine, ctx: MoneyContext, unread: (span: Span) => void, percent: (p: A.NumberText) => string): { monthlyPercent: string } | { cap: I.CreditCap } | null {
  let per: I.CreditCap['per'] = 'calendar-month';
  if (l.per) {
    const words = l.per.map((w) => w.name.toLowerCase()).join(' ');
    const found = PERIODS[words];
    if (!found) {
      const span = l.per.length ? { start: l.per[0].span.start, end: l.per[l.per.length - 1].span.end } : l.span;
      ctx.report.report(DIAGNOSTICS.unknownCapPeriod, span, `a credit cap applies per calendar month, per calendar year or per rolling 12 months, not "per ${words}"`, {
        hint: 'at most 50% per rolling 12 months',
      });
      unread(l.span);
      return null;
    }
    per = found;
  }
  if (l.percent) {
    const value = percent(l.percent);
    return per === 'calendar-month' ? { monthlyPercent: value } : { cap: { kind: 'percent', value, per, span: l.span } };
  }
  const money = l.money!;
  if (inContractCurrency(money, ctx, 'the cap', (code) => `at most ${money.amount.text} ${code}`) === null) {
    unread(l.span);
    return null;
  }
  return { cap: { kind: 'money', value: normalizeDecimal(money.amount.text), per, span: l.span } };
}

/** An amount must be in the contract's currency (which it must state): reported and null otherwise. */
function inContractCurrency(money: { amount: A.NumberText; currency: A.Ident }, ctx: MoneyContext, what: string, hint: (code: string) => string): string | null {
  const currency = ctx.contract.currency;
  const code = money.currency.name.toUpperCase();
  if (!currency || currency.code !== code) {
    // The currency line may be the one that could not be read: its error is the finding.
    if (!currency && mayBeUnread(ctx.contract, 'currency')) return null;
    ctx.report.report(
      DIAGNOSTICS.moneyWithoutCurrency,
      money.currency.span,
      currency ? `${what} is in ${code}, the contract's currency is ${currency.code}` : `an amount in ${code}, but the contract states no currency`,
      { hint: currency ? hint(currency.code) : `currency ${code}` },
    );
    return null;
  }
  return code;
}

/**
 * The credit cell of a band: a percentage (`5%`), an amount (`2.00 EUR`, in the contract's
 * currency) or days of service (`3 days of service`). Null when the cell is reported and left out.
 */
export function lowerBandCredit(
  cell: A.CellValue,
  ctx: MoneyContext,
  unread: (span: Span) => void,
  percent: (p: A.NumberText) => string,
): Pick<I.CreditBand, 'credit' | 'unit'> | null {
  if (cell.kind === 'percent') return { credit: percent(cell.value) };
  if (cell.kind === 'money') {
    if (inContractCurrency(cell, ctx, 'the credit', (code) => `${cell.amount.text} ${code}`) === null) {
      unread(cell.span);
      return null;
    }
    return { credit: normalizeDecimal(cell.amount.text), unit: 'amount' };
  }
  if (cell.kind === 'serviceDays') {
    const days = normalizeDecimal(cell.days.text);
    if (days === '0') {
      ctx.report.report(DIAGNOSTICS.invalidValue, cell.span, 'a credit of 0 days of service is no credit', { hint: '1 day of service' });
      unread(cell.span);
      return null;
    }
    return { credit: days, unit: 'service-days' };
  }
  ctx.report.report(DIAGNOSTICS.invalidCell, cell.span, 'expected the credit as a percentage (5%), an amount in the contract\'s currency (2.00 EUR) or days of service (3 days of service)', {
    hint: '| at least 99.00% and below 99.90% | 10% |',
  });
  unread(cell.span);
  return null;
}

/** How a band's credit reads: `10%`, `2.00 EUR`, `3 days of service`. */
export function bandCreditText(b: Pick<I.CreditBand, 'credit' | 'unit'>, currency: I.CurrencyRule | null | undefined): string {
  if (b.unit === 'amount') return currency ? `${moneyText(b.credit, currency.minorUnit)} ${currency.code}` : b.credit;
  if (b.unit === 'service-days') return `${b.credit} ${b.credit === '1' ? 'day' : 'days'} of service`;
  return `${b.credit}%`;
}

/** Decimal text with exactly `minor` digits after the point ("2" -> "2.00"); never rounds: callers pass amounts already in the minor unit or finer (SLA3902). */
export function moneyText(value: string, minor: number): string {
  const [whole, frac = ''] = value.split('.');
  // Stryker disable next-line EqualityOperator: with as many digits as the minor unit, both branches give the value itself
  if (frac.length > minor) return value;
  return minor === 0 ? whole : `${whole}.${frac.padEnd(minor, '0')}`;
}

const BASES: Record<string, NonNullable<I.Credits['chargeOf']>> = {
  'monthly charge of the service': 'service',
  'monthly charge of the affected service': 'service',
  'monthly charge of the group': 'group',
};

/** `basis "free text"`, or `basis monthly charge of the service` / `of the group`: which invoices are the charge. */
export function lowerBasis(l: Extract<A.CreditLine, { kind: 'basis' }>, cr: I.Credits, ctx: MoneyContext, unread: (span: Span) => void): void {
  if (cr.basisSpan) {
    ctx.report.report(DIAGNOSTICS.duplicateStatement, l.span, 'the basis is given twice', { related: [{ span: cr.basisSpan, message: 'first given here' }] });
    return;
  }
  if (l.text) {
    cr.basis = l.text.value;
    cr.basisSpan = l.span;
    return;
  }
  const words = l.words!.map((w) => w.name.toLowerCase()).join(' ');
  const chargeOf = BASES[words];
  if (!chargeOf) {
    const span = { start: l.words![0].span.start, end: l.words![l.words!.length - 1].span.end };
    ctx.report.report(DIAGNOSTICS.unknownBasis, span, `the basis is the monthly charge of the service or of the group (or free text in quotes), not "${words}"`, {
      hint: 'basis monthly charge of the service   or   basis monthly charge of the group   or   basis "invoiced value of the affected service"',
    });
    unread(l.span);
    return;
  }
  cr.basis = words;
  cr.chargeOf = chargeOf;
  cr.basisSpan = l.span;
}

/** `claim within 30 days after invoice` (or `after the month ends`, `after the incident`): where the window starts. */
export function lowerClaimWindow(
  l: Extract<A.CreditLine, { kind: 'claim' }>,
  cr: I.Credits,
  ctx: MoneyContext,
  unread: (span: Span) => void,
  duration: (d: A.DurationNode) => I.Duration,
): void {
  const after = l.after.map((w) => w.name).join(' ');
  const words = after.toLowerCase();
  // `after the month ends`, `after the quarter ends`: from the last day of the period the credit is for.
  const from = /invoice/.test(words) ? 'invoice' : /incident/.test(words) ? 'incident' : /month|quarter|year|period/.test(words) ? 'month-end' : null;
  if (from === null) {
    ctx.report.report(DIAGNOSTICS.unknownClaimStart, { start: l.after[0].span.start, end: l.after[l.after.length - 1].span.end }, `a claim window runs from the invoice, the period's end or the incident, not "after ${after}"`, {
      hint: 'claim within 30 days after invoice   or   after the month ends (the quarter ends)   or   after the incident',
    });
    unread(l.span);
    return;
  }
  cr.claimWindow = { duration: duration(l.duration), after, from };
}

const REPORT_ANCHORS = new Set(['the month ends', 'the end of the month', 'month end', 'the month']);
const REPORT_DEFAULTS = new Set(['missing counts as a default', 'a missing report counts as a default', 'missing or late counts as a default']);

/** `report monthly within 10 business days after the month ends, missing counts as a default`. */
export function lowerReport(
  s: Extract<A.Statement, { kind: 'report' }>,
  ctx: MoneyContext,
  unread: (span: Span) => void,
  duration: (d: A.DurationNode) => I.Duration,
): void {
  const words = (xs: A.Ident[]): string => xs.map((w) => w.name.toLowerCase()).join(' ');
  const spanOf = (xs: A.Ident[]): Span => ({ start: xs[0].span.start, end: xs[xs.length - 1].span.end });
  const hint = 'report monthly within 10 business days after the month ends, missing counts as a default';
  const bad = (span: Span, message: string): void => {
    ctx.report.report(DIAGNOSTICS.unknownReportRule, span, message, { hint });
    unread(s.span);
  };
  if (s.every.name.toLowerCase() !== 'monthly') return bad(s.every.span, `a report is due monthly, not "${s.every.name}"`);
  if (s.within.unit !== 'day') return bad(s.within.span, `the report's deadline is counted in days or business days, not in ${s.within.unit}s`);
  if (!/^\d+$/.test(s.within.amount.text)) return bad(s.within.span, 'the report\'s deadline is a whole number of days');
  if (!REPORT_ANCHORS.has(words(s.after))) return bad(spanOf(s.after), `the report's deadline runs from the month's end ("after the month ends"), not "after ${words(s.after)}"`);
  if (s.then.length && !REPORT_DEFAULTS.has(words(s.then))) return bad(spanOf(s.then), `after the comma, "missing counts as a default", not "${words(s.then)}"`);
  ctx.contract.report = { every: 'calendar-month', within: duration(s.within), missingIsDefault: s.then.length > 0, span: s.span };
}

/** `paid on the next invoice`, `paid within 30 days`, `withheld while invoices are unpaid`. */
export function lowerPaymentLine(
  l: Extract<A.CreditLine, { kind: 'payment' | 'withheld' }>,
  cr: I.Credits,
  ctx: MoneyContext,
  unread: (span: Span) => void,
  duration: (d: A.DurationNode) => I.Duration,
): void {
  const words = l.words.map((w) => w.name.toLowerCase()).join(' ');
  const given = l.kind === 'payment' ? cr.payment : cr.withheldWhileUnpaid;
  if (given) {
    ctx.report.report(DIAGNOSTICS.duplicateStatement, l.span, l.kind === 'payment' ? 'the payment rule is given twice' : 'the withholding rule is given twice', {
      related: [{ span: given.span, message: 'first given here' }],
    });
    return;
  }
  if (l.kind === 'withheld') {
    if (words === 'while invoices are unpaid' || words === 'while an invoice is unpaid') cr.withheldWhileUnpaid = { span: l.span };
    else {
      ctx.report.report(DIAGNOSTICS.unknownPaymentRule, l.span, `a credit may be withheld while invoices are unpaid, not "${words}"`, { hint: 'withheld while invoices are unpaid' });
      unread(l.span);
    }
    return;
  }
  if (l.within) {
    cr.payment = { kind: 'within', duration: duration(l.within), span: l.span };
    return;
  }
  if (words === 'on the next invoice' || words === 'on next invoice' || words === 'in the next billing cycle') {
    cr.payment = { kind: 'next-invoice', span: l.span };
    return;
  }
  ctx.report.report(DIAGNOSTICS.unknownPaymentRule, l.span, `a credit is paid on the next invoice or within N days, not "${words}"`, { hint: 'paid on the next invoice' });
  unread(l.span);
}
