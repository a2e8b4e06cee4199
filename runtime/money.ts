// Credits in money: the charge of a service for a month (its invoices), the credit percentage of
// the month applied to it and rounded to the currency's minor unit, the caps over a month, a
// calendar year or a rolling 12 months (in percent of the charges they look at, or in money), the
// claim deadline and the claim's status, and the amount payable. Amounts are decimal.js values,
// never floats; every amount in the output is decimal text with the minor unit's digits.

import Decimal from 'decimal.js';
import type { CreditCap, Credits, MoneyRounding } from '../compiler/ir';
import { capPeriodText, minorUnitOf } from '../compiler/lower-money';
import { add, cmp, type Rational } from '../compiler/decimal';
import type { ContractVersions } from './contract';
import type { ClaimRecord, InvoiceRecord, MoneyRecord, ReportRecord } from './records';
import { daysFromCivil, formatInstant } from './time';
import { daysOf, lastDayOf, monthKey, monthsOf, type Period, type PeriodCalendar, PERIOD_KINDS, PERIOD_OF, periodOfMonth } from './period-kinds';
import { dateAfter } from './deadlines';

/** Enough digits that a product of an amount and a percentage is exact before it is rounded. */
const Dec = Decimal.clone({ precision: 80 });
type Dec = InstanceType<typeof Dec>;

export type ClaimStatus = 'not required' | 'nothing to claim' | 'not claimed' | 'claimed on time' | 'late' | 'forfeited';

export interface CapStep {
  /** `at most 50% per rolling 12 months`. */
  rule: string;
  clause: string;
  /** The months whose charges and credits the cap looked at (YYYY-MM), this one last. */
  months: string[];
  /** What this month may still credit under the cap. */
  limit: string;
  before: string;
  after: string;
  /** True when the cap lowered the amount. */
  binds: boolean;
}

export interface MoneyCredit {
  currency: string;
  /** The month's charge for the service (its invoices summed), or null without an invoice. */
  charge: string | null;
  invoices: string[];
  /** The (latest) invoice date, YYYY-MM-DD. */
  issued: string | null;
  /** The percentage applied, before the monthly percentage cap (decimal text); null while pending, or for a credit that is no percentage. */
  percent: string | null;
  /** A band's fixed credit (`2.00 EUR`), when it is one. */
  fixed?: string;
  /** A band's credit in days of service: the days, and the days of the month they are a share of. */
  serviceDays?: { days: string; daysInPeriod: number };
  /** The credit in money before any cap; null when it cannot be computed. */
  amount: string | null;
  caps: CapStep[];
  /** After every cap. */
  capped: string | null;
  claimBy: string | null;
  claim: ClaimStatus;
  claimed: string | null;
  payable: string | null;
  /** How it is paid (`on the next invoice`, `within 30 days`), when the contract says; absent otherwise. */
  payment?: string;
  /** The date by which it is paid (the next invoice's date, or N days after the claim), when known. */
  payBy?: string | null;
  /** Several credits for the month (availability and a report default; the parts of a service): how they combine, and which are paid. */
  stacking?: {
    rule: 'no stacking' | 'several credits add up';
    /** The clause, or null when the contract does not say (several credits add up). */
    clause: string | null;
    credits: { credit: string; amount: string; paid: boolean }[];
    reason?: string;
  };
  /** The day a claim window `after the incident` runs from: the day the month's last counted downtime ended. */
  claimFrom?: string;
  /** The termination date it expired on (`expire at termination`): not paid by then, nothing is payable. */
  expired?: string;
  /** The unpaid invoices that withhold it (`withheld while invoices are unpaid`). */
  withheld?: string[];
  /** Why an amount is missing or not payable. */
  reason?: string;
}

/**
 * The exact percentages behind a period's `credit` (before and after the monthly percentage cap),
 * keyed by that credit object; for a band whose credit is an amount or days of service, its unit
 * and number instead (the percentages are then 0).
 */
export const EXACT_CREDIT = new WeakMap<object, { uncapped: Rational; capped: Rational; unit?: 'amount' | 'service-days'; value?: string }>();

function ratDec(r: Rational): Dec {
  return new Dec(r.n.toString()).div(new Dec(r.d.toString()));
}

/** Rounds to the currency's minor unit. */
export function roundMoney(x: Dec | Decimal, minor: number, mode: MoneyRounding): Dec {
  return new Dec(x).toDecimalPlaces(minor, mode === 'half-even' ? Decimal.ROUND_HALF_EVEN : Decimal.ROUND_HALF_UP);
}

/** The months of a period verdict: from its period (runtime/period-kinds.ts), else its key read as a month. */
function spanOf(p: MoneyPeriod): Pick<Period, 'first' | 'months'> {
  return PERIOD_OF.get(p) ?? { first: Number(p.period.slice(0, 4)) * 12 + Number(p.period.slice(5, 7)) - 1, months: 1 };
}

/** The month a period's credit is counted in by caps over months: its last. */
function lastMonthOf(span: Pick<Period, 'first' | 'months'>): number {
  return span.first + span.months - 1;
}

const periodOf = monthKey;

/** The days of a month (YYYY-MM): 28 to 31. */
export function daysIn(period: string): number {
  const [y, m] = [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
  // Stryker disable next-line ConditionalExpression: daysFromCivil reads month 13 as January of the next year
  return (m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1)) - daysFromCivil(y, m, 1);
}


interface Charge {
  amount: Dec;
  ids: string[];
  issued: string;
}

/** The money records of a log: invoices per service (or group) and month, the first claim per service and month, the first report per month. */
export class MoneyLedger {
  /** The currency of the invoices, when the contract states none: the first invoice's. */
  currency: string | null = null;
  private readonly charges = new Map<string, Charge>();
  private readonly claims = new Map<string, string>();
  /** Every invoice, by service (or `group:G`), with its dates: for withholding while unpaid. */
  private readonly issuedOf = new Map<string, { id: string; issued: string; paid: string | null }[]>();
  readonly reports = new Map<string, string>();
  size = 0;

  /** The earliest termination date the records give (YYYY-MM-DD), or null. */
  terminated: string | null = null;

  /** Takes a record; a message when it must be rejected after all (an invoice in another currency than the first). */
  add(rec: MoneyRecord): string | null {
    if (rec.type === 'invoice') return this.invoice(rec);
    this.size++;
    if (rec.type === 'claim') this.claim(rec);
    else if (rec.type === 'termination') {
      // Stryker disable next-line EqualityOperator: of two equal dates, either is the one kept
      if (this.terminated === null || rec.date < this.terminated) this.terminated = rec.date;
    } else this.report(rec);
    return null;
  }

  private invoice(rec: InvoiceRecord): string | null {
    if (this.currency !== null && rec.currency !== this.currency) {
      return `the invoice is in ${rec.currency}, earlier invoices are in ${this.currency}: one contract's invoices are in one currency (slac converts no currencies; state it with \`currency ${this.currency}\`)`;
    }
    this.currency = rec.currency;
    this.size++;
    const owner = rec.group !== null ? `group:${rec.group}` : (rec.service ?? 'default');
    // Stryker disable next-line ArrayDeclaration: an entry that is no invoice has no issue date and is never unpaid
    const list = this.issuedOf.get(owner) ?? [];
    list.push({ id: rec.id, issued: rec.issued, paid: rec.paid });
    this.issuedOf.set(owner, list);
    const key = `${owner}|${rec.period}`;
    const c = this.charges.get(key);
    if (c) {
      c.amount = c.amount.plus(rec.amount);
      c.ids.push(rec.id);
      // Stryker disable next-line EqualityOperator: of two equal dates, either is the one kept
      if (rec.issued > c.issued) c.issued = rec.issued;
    } else this.charges.set(key, { amount: new Dec(rec.amount), ids: [rec.id], issued: rec.issued });
    return null;
  }

  private claim(rec: ClaimRecord): void {
    const key = `${rec.service ?? 'default'}|${rec.period}`;
    const was = this.claims.get(key);
    // Stryker disable next-line EqualityOperator: of two equal dates, either is the one kept
    if (was === undefined || rec.submitted < was) this.claims.set(key, rec.submitted);
  }

  private report(rec: ReportRecord): void {
    const was = this.reports.get(rec.period);
    // Stryker disable next-line EqualityOperator: of two equal dates, either is the one kept
    if (was === undefined || rec.submitted < was) this.reports.set(rec.period, rec.submitted);
  }

  /**
   * The charge of a service for a month, as its credits' basis says: `of the service`, its own
   * invoices; `of the group`, those of its group and of every service in it (`members`); a basis in
   * free text (undefined), its own invoices, else its group's.
   */
  // Stryker disable next-line ArrayDeclaration: a member that is no service has no invoices
  chargeOf(service: string, group: string | null, period: string, basis?: Credits['chargeOf'], members: readonly string[] = []): Charge | null {
    if (basis === 'service') return this.charges.get(`${service}|${period}`) ?? null;
    if (basis === 'group') {
      if (group === null) return null;
      return sumOf([`group:${group}`, ...members].map((o) => this.charges.get(`${o}|${period}`) ?? null));
    }
    // Stryker disable next-line ConditionalExpression: no invoice is kept under `group:null`
    return this.charges.get(`${service}|${period}`) ?? (group !== null ? (this.charges.get(`group:${group}|${period}`) ?? null) : null);
  }

  /** The invoices of a service (and of its group) issued by `today` and not paid by then. */
  unpaid(service: string, group: string | null, today: string): string[] {
    // Stryker disable next-line ConditionalExpression,ArrayDeclaration: no invoice is kept under `group:null`, and an entry that is no invoice has no issue date
    const all = [...(this.issuedOf.get(service) ?? []), ...(group !== null ? (this.issuedOf.get(`group:${group}`) ?? []) : [])];
    return all.filter((i) => i.issued <= today && (i.paid === null || i.paid > today)).map((i) => i.id);
  }

  claimOf(service: string, period: string): string | null {
    return this.claims.get(`${service}|${period}`) ?? null;
  }
}

/** A period's credit in money, with what paying it needs: the charge of a later month (the next invoice). */
interface Settled {
  version: ContractVersions['list'][number];
  money: MoneyCredit;
  cr: Credits;
  service: string;
  group: string | null;
  period: string;
  span: Pick<Period, 'first' | 'months'>;
  chargeIn: (period: string) => Charge | null;
  /** Where periods begin: the keys of the periods that follow this one. */
  calendar: PeriodCalendar;
}

/** Several charges as one (the months of a quarter): null when none has an invoice. */
function sumOf(charges: (Charge | null)[]): Charge | null {
  const found = charges.filter((c): c is Charge => c !== null);
  if (found.length === 0) return null;
  return {
    amount: found.reduce((t, c) => t.plus(c.amount), new Dec(0)),
    ids: found.flatMap((c) => c.ids),
    // Stryker disable next-line EqualityOperator: of two equal dates, either is the one kept
    issued: found.reduce((d, c) => (c.issued > d ? c.issued : d), found[0].issued),
  };
}

/** What the money pass needs of a period verdict. */
export interface MoneyPeriod {
  period: string;
  service?: string;
  part?: string;
  version: string;
  final: boolean;
  credit?: { percent: number | null; money?: MoneyCredit };
}

/** What caps over months need of the credits a service was paid before: by the month each is counted in, and the periods they cover. */
interface History {
  /** The credits (after caps), by the month each is counted in: a period's last. */
  credit: Map<number, Dec>;
  /** The periods credited, by key: the months they cover, and their own invoice when their charge is one (`"period": "2026-Q1"`). */
  periods: Map<string, Covered>;
}

/** The months a credited period covers, and the invoice of the period itself when its charge is that (not its months'). */
interface Covered {
  first: number;
  months: number;
  at: number;
  invoice: { key: string; amount: Dec } | null;
}

function capRule(cap: CreditCap, currency: string, minor: number): string {
  return `at most ${cap.kind === 'percent' ? `${cap.value}%` : `${new Dec(cap.value).toFixed(minor)} ${currency}`} ${capPeriodText(cap.per)}`;
}

/** One credit that applies to a period: a share of the charge (percent), a fixed amount, or days of service. */
export interface ApplicableCredit {
  /** What it is for, as the output names it: `availability`, `the missing report`. */
  credit: string;
  unit?: 'amount' | 'service-days';
  /** Percent of the charge, exact (without a unit). */
  percent?: Rational;
  /** The amount, or the days (with a unit). */
  value?: string;
}

/** The end of the last counted downtime of a period (epoch ms), keyed by its `credit` object: where a claim window `after the incident` starts. */
export const INCIDENT_END = new WeakMap<object, number>();

/** Credits a period owes beside its availability credit (a report obligation's default), keyed by the period's `credit` object. */
export const MORE_CREDITS = new WeakMap<object, ApplicableCredit[]>();

/** A period's credit on its way to money: computed up to the caps, before several credits of a service and month are weighed. */
interface Owed {
  p: MoneyPeriod;
  money: MoneyCredit;
  cr: Credits;
  service: string;
  charge: Charge | null;
  past: History;
  /** The period as caps over months see it: its months, the month its credit is counted in, its own invoice. */
  covered: Covered;
  at: number;
  /** After the caps; null when it cannot be computed (no invoice, the month not over). */
  amount: Dec | null;
  /** False when nothing more is to be said of it (the month is not over, no invoice). */
  open: boolean;
  settled: Settled;
  version: ContractVersions['list'][number];
}

function stackingText(cr: Credits): 'no stacking' | 'several credits add up' {
  return cr.stacking?.kind === 'no-stacking' ? 'no stacking' : 'several credits add up';
}

/**
 * Adds `credit.money` to every period with a credit, month by month, so that caps over a year or
 * 12 months see the months before. In each month, the credits that apply to a period (its
 * availability credit, a report default) add up or, with `no stacking`, only the highest is paid;
 * and with `no stacking`, of the parts of one service only the part with the highest credit is
 * paid. Nothing is added when the log has no money record and no version states a currency.
 */
export function applyMoney(periods: MoneyPeriod[], versions: ContractVersions, ledger: MoneyLedger, asOf: number): void {
  const stated = versions.list.find((v) => v.ir.currency)?.ir.currency ?? null;
  if (!stated && ledger.size === 0) return;
  const currency = stated?.code ?? ledger.currency;
  const minor = stated?.minorUnit ?? (currency ? (minorUnitOf(currency) ?? 2) : 2);
  // Stryker disable next-line StringLiteral: any rounding other than half-even is half-up (roundMoney)
  const mode: MoneyRounding = stated?.rounding ?? 'half-up';
  const round = (x: Dec): Dec => roundMoney(x, minor, mode);
  const text = (x: Dec): string => x.toFixed(minor);
  const today = formatInstant(asOf, versions.zone).slice(0, 10);
  const history = new Map<string, History>();
  const settled: Settled[] = [];
  // In the order credits fall due: by last month (a quarter after its months), then by key.
  const last = new Map(periods.map((p) => [p, lastMonthOf(spanOf(p))]));
  const ordered = [...periods].sort((a, b) => last.get(a)! - last.get(b)! || (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));

  /** The credits of parts already capped in the period being settled, by service: parts that add up share their service's caps. */
  const sameMonth = new Map<string, Dec>();

  /** The credit of one period up to its caps. */
  const owe = (p: MoneyPeriod): Owed | null => {
    if (!p.credit) return null;
    const version = versions.list.find((v) => v.version === p.version) ?? versions.list[0];
    const service = p.service ?? 'default';
    const key = p.part ? `${service}/${p.part}` : service;
    const unit = version.units.find((u) => u.key === key);
    // A period of no service in a contract with services: the contract-wide credit for missed targets.
    const cr: Credits | null = unit?.credits ?? (p.service === undefined ? (version.ir.credits ?? null) : null);
    if (!cr) return null;
    const exact = EXACT_CREDIT.get(p.credit);
    const group = unit?.group ?? null;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,ArrayDeclaration: chargeOf reads members only for a basis of the group, and only when there is a group
    const members = cr.chargeOf === 'group' && group !== null ? (version.ir.services ?? []).filter((s) => s.group === group).map((s) => s.id) : [];
    const chargeIn = (period: string): Charge | null => ledger.chargeOf(service, group, period, cr.chargeOf, members);
    const span = spanOf(p);
    // A period longer than a month: its own invoices (`"period": "2026-Q1"`), else those of its months together.
    // Stryker disable next-line ConditionalExpression: a month's own invoices are its charge either way
    const own = span.months === 1 ? null : chargeIn(p.period);
    // Stryker disable next-line ConditionalExpression: for a month, its own charge (or the sum of its one month's) is the same charge
    const charge = span.months === 1 ? chargeIn(p.period) : (own ?? sumOf(monthsOf(span).map((n) => chargeIn(periodOf(n)))));
    const money: MoneyCredit = {
      currency: currency ?? '',
      charge: charge ? text(charge.amount) : null,
      invoices: charge?.ids ?? [],
      issued: charge?.issued ?? null,
      percent: null,
      amount: null,
      caps: [],
      capped: null,
      claimBy: null,
      claim: 'not required',
      claimed: null,
      payable: null,
    };
    p.credit.money = money;
    const s: Settled = { version, money, cr, service, group, period: p.period, span, chargeIn, calendar: versions.periodCalendar };
    settled.push(s);
    // Caps are the service's: the months before count the credits of all its parts.
    let past = history.get(service);
    if (!past) history.set(service, (past = { credit: new Map(), periods: new Map() }));
    const at = lastMonthOf(span);
    const covered: Covered = { first: span.first, months: span.months, at, invoice: own ? { key: p.period, amount: own.amount } : null };
    // Stryker disable next-line ConditionalExpression: a period of a service without parts is its service's only one in the month, and is settled before anything is shared
    const shares = p.part !== undefined && cr.stacking?.kind !== 'no-stacking';
    const o: Owed = { p, money, cr, service, charge, past, covered, at, amount: null, open: false, settled: s, version };
    if (!exact) {
      money.claim = 'nothing to claim';
      const word = span.months === 1 ? 'month' : span.months === 3 ? 'quarter' : 'year';
      // Over, and still undecided: an incident opened in it may yet miss its target.
      money.reason = p.final ? `the ${word} is over, but its credit is not decided yet` : `the ${word} is not over: no credit yet`;
      return o;
    }
    const applicable: ApplicableCredit[] = [
      exact.unit === undefined ? { credit: 'availability', percent: exact.uncapped } : { credit: 'availability', unit: exact.unit, value: exact.value },
      ...(MORE_CREDITS.get(p.credit) ?? []),
    ];
    const main = applicable[0];
    const noStacking = cr.stacking?.kind === 'no-stacking';
    if (applicable.length > 1) {
      // Several credits: the percentage is theirs together (the highest, or the sum) when all are percentages.
      if (applicable.every((a) => a.unit === undefined)) {
        const ps = applicable.map((a) => a.percent!);
        // Stryker disable next-line EqualityOperator: of two equal percentages, either is the highest
        money.percent = exactText(noStacking ? ps.reduce((x, y) => (cmp(y, x) > 0 ? y : x)) : ps.reduce((x, y) => add(x, y)));
      }
    } else if (main.unit === undefined) money.percent = exactText(main.percent!);
    else if (main.unit === 'amount') money.fixed = text(new Dec(main.value!));
    else money.serviceDays = { days: main.value!, daysInPeriod: daysOf(span) };
    const needsCharge = applicable.filter((a) => a.unit !== 'amount');
    if (!charge && needsCharge.length) {
      const what = needsCharge.map((a) => (a.unit === 'service-days' ? `${a.value} days of service` : `${exactText(a.percent!)}%`)).join(' and ');
      money.claim = needsCharge.every((a) => a.unit === undefined && a.percent!.n === 0n) ? 'nothing to claim' : 'not claimed';
      const of =
        cr.chargeOf === 'group' ? (group === null ? `the group of ${service}, which belongs to none,` : `group ${group} or its services`) : service === 'default' ? 'the service' : service;
      money.reason = `no invoice for ${of} in ${p.period}: the credit of ${what} cannot be put in money`;
      return o;
    }
    // Each credit exactly, then added up (or the highest, with no stacking), then rounded once to the minor unit.
    const exactAmount = (a: ApplicableCredit): Dec =>
      a.unit === 'amount'
        ? new Dec(a.value!)
        : a.unit === 'service-days'
          ? charge!.amount.times(a.value!).div(daysOf(span))
          : charge!.amount.times(ratDec(a.percent!)).div(100);
    const amounts = applicable.map(exactAmount);
    let amount: Dec;
    if (applicable.length > 1) {
      let best = 0;
      amounts.forEach((x, i) => {
        if (x.gt(amounts[best])) best = i;
      });
      amount = round(noStacking ? amounts[best] : amounts.reduce((t, x) => t.plus(x), new Dec(0)));
      money.stacking = {
        rule: stackingText(cr),
        clause: cr.stacking ? version.locate(cr.stacking.span) : null,
        credits: applicable.map((a, i) => ({ credit: a.credit, amount: text(round(amounts[i])), paid: !noStacking || i === best })),
      };
      money.stacking.reason = noStacking
        ? `no stacking: only the highest credit is paid, ${applicable[best].credit}'s ${text(round(amounts[best]))}`
        : `several credits add up: ${applicable.map((a, i) => `${a.credit} ${text(round(amounts[i]))}`).join(' + ')}${cr.stacking ? '' : ' (the contract does not say `no stacking`)'}`;
    } else amount = round(amounts[0]);
    money.amount = text(amount);
    const notes: string[] = [];
    const caps: { cap: CreditCap; span: CreditCap['span'] }[] = [];
    if (cr.cap !== null) caps.push({ cap: { kind: 'percent', value: cr.cap, per: 'calendar-month', span: cr.capSpan! }, span: cr.capSpan! });
    for (const cap of cr.caps ?? []) caps.push({ cap, span: cap.span });
    caps.sort((a, b) => a.span.start - b.span.start);
    for (const { cap } of caps) {
      // The months the cap is over: the period's own for a cap per calendar month (a quarter is
      // three months of it), else the calendar year so far or the 12 months to the period's last month. The credits it counts
      // are those counted in these months (a period's in its last); the charges it takes a share
      // of are those of every month the counted periods cover, and of the window's other months
      // with an invoice (whether or not a month was judged), each month once.
      const window = cap.per === 'calendar-month' ? monthsOf(span) : cap.per === 'calendar-year' ? range(at - (at % 12), at) : range(at - 11, at);
      const inWindow = new Set(window);
      // Stryker disable next-line ConditionalExpression: the periods of this key are recorded only after all of them are settled
      const periods = [covered, ...[...past.periods].filter(([k, c]) => k !== p.period && inWindow.has(c.at)).map(([, c]) => c)];
      const looked = new Set(window.filter((i) => past.credit.has(i) || chargeIn(periodOf(i)) !== null));
      for (const c of periods) for (const i of monthsOf(c)) looked.add(i);
      const months = [...looked].sort((x, y) => x - y);
      // Each month's charge: the invoice of a counted period that is its own (a quarter's), else the month's invoices.
      const sources = new Map<string, Dec>();
      for (const i of months) {
        const by = periods.find((c) => c.invoice !== null && i >= c.first && i < c.first + c.months);
        if (by) sources.set(by.invoice!.key, by.invoice!.amount);
        else {
          const c = chargeIn(periodOf(i));
          if (c) sources.set(periodOf(i), c.amount);
        }
      }
      let bound: Dec;
      if (cap.kind === 'percent') {
        // A share of no charge at all cannot be computed: a fixed amount without an invoice is not capped by it.
        if (sources.size === 0) {
          // Stryker disable next-line LogicalOperator: a cap in percent names no currency
          notes.push(`${capRule(cap, currency ?? '', minor)} is not applied: no invoice gives a charge to take the share of`);
          continue;
        }
        let charges = new Dec(0);
        for (const x of sources.values()) charges = charges.plus(x);
        bound = round(charges.times(cap.value).div(100));
      } else {
        // An amount per calendar month is allowed once for each month of the period.
        bound = cap.per === 'calendar-month' ? new Dec(cap.value).times(span.months) : new Dec(cap.value);
      }
      let used = new Dec(0);
      for (const i of window) used = used.plus(past.credit.get(i) ?? 0);
      // Parts whose credits add up share the cap: the parts of this month already capped use it first.
      // Stryker disable next-line ConditionalExpression: sameMonth holds only services whose parts share caps
      if (shares) used = used.plus(sameMonth.get(service) ?? 0);
      const limit = Dec.max(0, bound.minus(used));
      const after = Dec.min(amount, limit);
      money.caps.push({
        rule: capRule(cap, currency ?? '', minor),
        clause: version.locate(cap.span),
        months: months.map(periodOf),
        limit: text(limit),
        before: text(amount),
        after: text(after),
        binds: after.lt(amount),
      });
      amount = after;
    }
    money.capped = text(amount);
    if (shares && caps.length && sameMonth.has(service)) notes.push(`the caps are shared with the parts of ${service} before it this month`);
    // Stryker disable next-line ConditionalExpression: only the parts of one service meet in one month
    if (shares) sameMonth.set(service, (sameMonth.get(service) ?? new Dec(0)).plus(amount));
    if (notes.length) money.reason = notes.join('; ');
    o.amount = amount;
    o.open = true;
    return o;
  };

  /** The claim of a credit that is owed: its window, its status, what is payable. */
  const claim = (o: Owed): void => {
    const { p, money, cr, service, charge } = o;
    const amount = o.amount!;
    if (amount.isZero()) {
      money.claim = 'nothing to claim';
      money.payable = text(amount);
      return;
    }
    const claimed = ledger.claimOf(service, p.period);
    money.claimed = claimed;
    const w = cr.claimWindow;
    if (!w) {
      money.payable = text(amount);
      return;
    }
    const from = w.from ?? (/invoice/i.test(w.after) ? 'invoice' : 'month-end');
    const fromInvoice = from === 'invoice';
    if (fromInvoice && !charge) {
      money.claim = claimed ? 'claimed on time' : 'not claimed';
      addReason(money, `no invoice for ${p.period}: the claim window, which runs from the invoice date, has not started`);
      money.payable = claimed ? text(amount) : text(new Dec(0));
      return;
    }
    // From the incident: the day the month's last counted downtime ended (the month's end without one).
    const incident = from === 'incident' ? INCIDENT_END.get(p.credit!) : undefined;
    const anchor = fromInvoice ? charge!.issued : incident !== undefined ? formatInstant(incident - 1, versions.zone).slice(0, 10) : lastDayOf(o.settled.span);
    if (from === 'incident') money.claimFrom = anchor;
    const due = dateAfter(anchor, w.duration, o.version);
    if ('reason' in due) {
      money.claim = claimed ? 'claimed on time' : 'not claimed';
      addReason(money, `the claim window cannot be counted (${due.reason}): the claim is taken as on time`);
      money.payable = claimed ? text(amount) : text(new Dec(0));
      return;
    }
    money.claimBy = due.date;
    if (claimed !== null) {
      money.claim = claimed <= money.claimBy ? 'claimed on time' : 'late';
    } else money.claim = today > money.claimBy ? 'forfeited' : 'not claimed';
    money.payable = money.claim === 'claimed on time' ? text(amount) : text(new Dec(0));
    if (money.claim === 'late') addReason(money, `claimed on ${claimed}, after the deadline ${money.claimBy}: forfeited`);
    else if (money.claim === 'forfeited') addReason(money, `not claimed by ${money.claimBy}: forfeited`);
    else if (money.claim === 'not claimed') addReason(money, `payable once claimed, by ${money.claimBy}`);
  };

  for (let i = 0; i < ordered.length; ) {
    sameMonth.clear();
    let j = i;
    while (j < ordered.length && ordered[j].period === ordered[i].period) j++;
    const owed = ordered
      .slice(i, j)
      .map(owe)
      .filter((o): o is Owed => o !== null);
    i = j;
    stackParts(owed, text);
    for (const o of owed) {
      o.past.credit.set(o.at, (o.past.credit.get(o.at) ?? new Dec(0)).plus(o.amount ?? new Dec(0)));
      o.past.periods.set(o.p.period, o.covered);
      if (o.open) claim(o);
    }
  }
  // Stryker disable next-line MethodExpression,ConditionalExpression: undefined sorts last, and alone it reads as null below
  const ends = versions.list.map((v) => v.ir.termination?.date).filter((d): d is string => d !== undefined);
  // Stryker disable next-line MethodExpression,ConditionalExpression,ArrayDeclaration: `null` and other words sort after every date, and alone are never <= today; with no date, none is the earliest
  const terminated = [...ends, ...(ledger.terminated !== null ? [ledger.terminated] : [])].sort()[0] ?? null;
  for (const s of settled) settle(s, ledger, today, terminated);
}

/**
 * `no stacking` between the parts of one service in one month: each part is judged on its own and
 * credits the service's charge, so only the part with the highest credit (after its caps) is paid;
 * the first of equal ones. With several credits that add up, every part is paid.
 */
function stackParts(owed: Owed[], text: (x: Dec) => string): void {
  const byService = new Map<string, Owed[]>();
  for (const o of owed) if (o.p.part !== undefined && o.open) byService.set(o.service, [...(byService.get(o.service) ?? []), o]);
  for (const [service, parts] of byService) {
    if (parts.length < 2) continue;
    // Stryker disable next-line MethodExpression: the parts of one service have its credits, so one stacking rule
    if (!parts.some((o) => o.cr.stacking?.kind === 'no-stacking')) {
      // Each part credits the service's charge: they add up, and the output says so.
      const credits = parts.map((x) => ({ credit: `part ${x.p.part}`, amount: text(x.amount!), paid: true }));
      const stated = parts.find((o) => o.cr.stacking);
      for (const o of parts) {
        const was = o.money.stacking?.reason;
        o.money.stacking = {
          rule: 'several credits add up',
          clause: stated ? stated.version.locate(stated.cr.stacking!.span) : null,
          credits,
          reason: [was, `several credits add up: each part of ${service} is paid, ${credits.map((c) => `${c.credit} ${c.amount}`).join(' + ')}${stated ? '' : ' (the contract does not say `no stacking`)'}`]
            .filter(Boolean)
            .join('; '),
        };
      }
      continue;
    }
    let best = parts[0];
    for (const o of parts) if (o.amount!.gt(best.amount!)) best = o;
    // Stryker disable next-line ConditionalExpression,OptionalChaining: every part has the service's `no stacking`
    const rule = parts.find((o) => o.cr.stacking?.kind === 'no-stacking')!;
    const clause = rule.version.locate(rule.cr.stacking!.span);
    const credits = parts.map((x) => ({ credit: `part ${x.p.part}`, amount: text(x.amount!), paid: x === best }));
    for (const o of parts) {
      const was = o.money.stacking?.reason;
      o.money.stacking = {
        rule: 'no stacking',
        clause,
        credits,
        reason: [was, `no stacking between the parts of ${service}: only the highest credit is paid, part ${best.p.part}'s ${text(best.amount!)}`].filter(Boolean).join('; '),
      };
      if (o !== best) {
        o.amount = new Dec(0);
        o.money.capped = text(o.amount);
      }
    }
  }
}

/** The payment rule and the withholding of what is payable. */
function settle(s: Settled, ledger: MoneyLedger, today: string, terminated: string | null): void {
  const { money, cr } = s;
  const owed = money.payable !== null && !new Dec(money.payable).isZero();
  const zero = (): string => new Dec(0).toFixed(money.payable!.includes('.') ? money.payable!.length - money.payable!.indexOf('.') - 1 : 0);
  if (cr.payment) {
    if (cr.payment.kind === 'next-invoice') {
      money.payment = 'on the next invoice';
      const next = nextInvoice(s);
      money.payBy = owed && next ? next.issued : null;
    } else {
      const d = cr.payment.duration;
      money.payment = `within ${d.amount} ${d.unit}${d.amount === '1' ? '' : 's'}`;
      const from = cr.claimWindow ? money.claimed : money.issued;
      const due = owed && from ? dateAfter(from, d, s.version) : null;
      money.payBy = due && 'date' in due ? due.date : null;
    }
  }
  if (cr.withheldWhileUnpaid && owed) {
    const unpaid = ledger.unpaid(s.service, s.group, today);
    if (unpaid.length) {
      money.withheld = unpaid;
      if (money.payBy !== undefined) money.payBy = null;
      addReason(money, `withheld while invoice${unpaid.length === 1 ? '' : 's'} ${unpaid.join(', ')} ${unpaid.length === 1 ? 'is' : 'are'} unpaid: ${money.payable} payable once paid`);
      money.payable = zero();
    }
  }
  // `expire at termination`: what is not paid by the termination date is lost, once that date has come.
  // Stryker disable next-line ConditionalExpression: null <= a date is false
  if (cr.expiresAtTermination && owed && terminated !== null && terminated <= today) {
    // Paid on its pay-by date; without a payment rule, when it became payable (the claim, or the month's end).
    const paid = money.withheld ? null : cr.payment ? (money.payBy ?? null) : (money.claimed ?? lastDayOf(s.span));
    if (paid === null || paid > terminated) {
      money.expired = terminated;
      addReason(money, `expired at termination on ${terminated}: ${paid === null ? 'not paid by then' : `due to be paid on ${paid}, after it`}`);
      money.payable = zero();
      if (money.payBy !== undefined) money.payBy = null;
    }
  }
}

/**
 * The next invoice after a credited period: that of the period that begins when it ends, the next
 * month's or, for a service invoiced by the quarter or the year, that of the quarter or year
 * beginning then (calendar or fiscal); the first issued of them.
 */
function nextInvoice(s: Settled): Charge | null {
  const after = lastMonthOf(s.span) + 1;
  const keys = [periodOf(after), ...LONGER_KINDS.map((k) => periodOfMonth(after, k, s.calendar)).filter((q) => q.first === after).map((q) => q.key)];
  let next: Charge | null = null;
  for (const k of new Set(keys)) {
    const c = s.chargeIn(k);
    // Stryker disable next-line EqualityOperator: of two next invoices issued the same day, either gives that day
    if (c && (next === null || c.issued < next.issued)) next = c;
  }
  return next;
}

// Stryker disable next-line MethodExpression,ConditionalExpression,StringLiteral: the month's key is already the first of the next invoice's keys, and they are a Set
const LONGER_KINDS = PERIOD_KINDS.filter((k) => k !== 'calendar-month');

/** Adds a reason after those already given (a cap not applied, then the claim's). */
function addReason(money: MoneyCredit, reason: string): void {
  money.reason = money.reason ? `${money.reason}; ${reason}` : reason;
}

function range(from: number, to: number): number[] {
  // Stryker disable next-line ArrayDeclaration: a month that is no number has no credit and no charge
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

function exactText(r: Rational): string {
  const d = ratDec(r);
  return d.toDecimalPlaces(10, Decimal.ROUND_DOWN).toString();
}
