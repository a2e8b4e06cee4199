// Checks of credits in money: caps over a year or 12 months that can never bind, and amounts
// written with more decimals than the currency has. Exact rationals only.

import { cmp, exactDecimalText, fromDecimal, type Rational } from '../decimal';
import type { Credits } from '../ir';
import { CHECKS } from './codes';
import type { Check, CheckContext } from './context';
import { creditRowAt } from './source';

/** The most any one month can credit, in percent of its own charge; null when unbounded (a formula without a cap). */
function monthlyMaximum(cr: Credits): Rational | null {
  let most: Rational | null = null;
  // An amount or days of service is no share of the charge that could be compared: no bound is known.
  if (cr.bands.some((b) => b.unit)) return null;
  for (const b of cr.bands) {
    // Stryker disable next-line EqualityOperator: a band equal to the largest so far leaves the same largest
    if (most === null || cmp(fromDecimal(b.credit), most) > 0) most = fromDecimal(b.credit);
  }
  // Stryker disable next-line ConditionalExpression: a formula has no bands, so without a cap the maximum stays null anyway
  if (cr.linear && cr.cap === null) return null;
  // Stryker disable next-line EqualityOperator: a cap equal to the largest band leaves the same maximum
  if (cr.cap !== null && (most === null || cr.linear || cmp(fromDecimal(cr.cap), most) < 0)) most = fromDecimal(cr.cap);
  return most;
}

function allCredits(ctx: CheckContext): Credits[] {
  const c = ctx.contract;
  // Stryker disable next-line ArrayDeclaration,LogicalOperator,OptionalChaining: lowering always sets `scoped`
  return [...(c.credits ? [c.credits] : []), ...(c.scoped?.credits ?? [])];
}

/** A percent cap over several months at or above what any single month can credit can never bind. */
const capNeverBinds: Check = (ctx) => {
  for (const cr of allCredits(ctx)) {
    const most = monthlyMaximum(cr);
    if (most === null) continue;
    // Stryker disable next-line ArrayDeclaration: without caps nothing is looked at either way
    for (const cap of cr.caps ?? []) {
      // A monthly percentage is `cr.cap`, never in `caps`: a percent cap here is over a year or 12 months.
      if (cap.kind !== 'percent') continue;
      if (cmp(fromDecimal(cap.value), most) < 0) continue;
      ctx.report.report(
        CHECKS.capNeverBinds,
        cap.span,
        `no month credits more than ${exactDecimalText(most)}% of its own charge, so the months of ${cap.per === 'calendar-year' ? 'a calendar year' : 'any 12 months'} never credit more than ${cap.value}% of theirs: this cap never binds`,
        { hint: 'lower it below the largest monthly credit, or remove it' },
      );
    }
  }
};

/** `at most 100.005 EUR`: EUR has cents, so the amount cannot be paid as written. */
const amountBeyondMinorUnit: Check = (ctx) => {
  const currency = ctx.contract.currency;
  // Stryker disable next-line ConditionalExpression: without a currency, lowering leaves out every amount and says why (SLA2072)
  if (!currency) return;
  for (const cr of allCredits(ctx)) {
    // A band's fixed credit too (`| below 99% | 2.005 EUR |`).
    for (const band of cr.bands) {
      if (band.unit !== 'amount') continue;
      const decimals = band.credit.includes('.') ? band.credit.length - band.credit.indexOf('.') - 1 : 0;
      if (decimals <= currency.minorUnit) continue;
      // Stryker disable next-line OptionalChaining: a band is lowered from a row with its money cell
      const cell = creditRowAt(ctx.ast, band.span.start)?.cells.find((c) => c.kind === 'money');
      // Stryker disable next-line OptionalChaining: see above
      ctx.report.report(CHECKS.amountBeyondMinorUnit, cell?.span ?? band.span, `${band.credit} ${currency.code} has ${decimals} decimals; ${currency.code} has ${currency.minorUnit === 0 ? 'no minor unit' : currency.minorUnit}`, {
        hint: `${band.credit.slice(0, band.credit.indexOf('.') + (currency.minorUnit ? currency.minorUnit + 1 : 0))} ${currency.code}`,
      });
    }
    // Stryker disable next-line ArrayDeclaration: without caps nothing is looked at either way
    for (const cap of cr.caps ?? []) {
      if (cap.kind !== 'money') continue;
      const decimals = cap.value.includes('.') ? cap.value.length - cap.value.indexOf('.') - 1 : 0;
      if (decimals <= currency.minorUnit) continue;
      ctx.report.report(
        CHECKS.amountBeyondMinorUnit,
        cap.span,
        `${cap.value} ${currency.code} has ${decimals} decimals; ${currency.code} has ${currency.minorUnit === 0 ? 'no minor unit' : currency.minorUnit}`,
        { hint: `at most ${cap.value.slice(0, cap.value.indexOf('.') + (currency.minorUnit ? currency.minorUnit + 1 : 0))} ${currency.code}` },
      );
    }
  }
};

/** `30 days of service`: February has 28, so its credit would be more than its charge. */
const serviceDaysBeyondMonth: Check = (ctx) => {
  for (const cr of allCredits(ctx)) {
    for (const band of cr.bands) {
      if (band.unit !== 'service-days' || cmp(fromDecimal(band.credit), fromDecimal('28')) <= 0) continue;
      // Stryker disable next-line OptionalChaining: a band is lowered from a row with its days-of-service cell
      const cell = creditRowAt(ctx.ast, band.span.start)?.cells.find((c) => c.kind === 'serviceDays');
      ctx.report.report(
        CHECKS.serviceDaysBeyondMonth,
        // Stryker disable next-line OptionalChaining: see above
        cell?.span ?? band.span,
        `${band.credit} days of service is more than February's 28 days: in February the credit is more than the month's charge`,
        { hint: cr.cap === null ? 'at most 100%' : 'credit at most 28 days of service' },
      );
    }
  }
};

/** `basis monthly charge of the group` on credits that reach a service in no group. */
const groupBasisWithoutGroup: Check = (ctx) => {
  const without = new Map<Credits, string[]>();
  // Stryker disable next-line ArrayDeclaration: lowering always sets `units`
  for (const u of ctx.contract.units ?? []) {
    if (u.credits?.chargeOf !== 'group' || u.group !== null) continue;
    const list = without.get(u.credits) ?? [];
    if (!list.includes(u.service)) list.push(u.service);
    without.set(u.credits, list);
  }
  for (const [cr, services] of without) {
    const named = services.filter((s) => s !== 'default');
    ctx.report.report(
      CHECKS.groupBasisWithoutGroup,
      cr.basisSpan ?? cr.span,
      named.length ? `${named.join(', ')} ${named.length === 1 ? 'belongs' : 'belong'} to no group: the charge of the group cannot be found` : 'the contract declares no services, so there is no group whose charge could be the basis',
      { hint: 'basis monthly charge of the service' },
    );
  }
};

/** `termination 2026-06-30`: before the effective date, or with no credits that expire at it. */
const termination: Check = (ctx) => {
  const t = ctx.contract.termination;
  if (!t) return;
  const effective = ctx.contract.effective;
  // Stryker disable next-line ConditionalExpression: no date is before a missing one (a string is never less than null)
  if (effective !== null && t.date < effective) {
    ctx.report.report(CHECKS.terminationBeforeEffective, t.span, `the agreement ends on ${t.date}, before it takes effect on ${effective}`, { hint: `termination ${effective.slice(0, 4)}-12-31` });
  }
  if (!allCredits(ctx).some((cr) => cr.expiresAtTermination)) {
    ctx.report.report(CHECKS.terminationWithoutExpiry, t.span, `no credits expire at termination, so the termination on ${t.date} changes no credit`, { hint: 'credits\n  expire at termination' });
  }
};

/** A credit for missed targets whose severities have no target for the objective: nothing can miss it. */
const missedTargetsNeverOwed: Check = (ctx) => {
  const c = ctx.contract;
  for (const cr of allCredits(ctx)) {
    const rule = cr.missedTargets;
    if (!rule) continue;
    const severities = rule.severities ?? c.severities.map((s) => s.id);
    const cells = [...c.targets, ...(c.targetTables ?? []).flatMap((t) => t.targets)];
    // Incidents of the categories named take the category's target where it gives one, else their severity's.
    const categoryTarget = (cat: string) => c.categoryTargets.find((t) => t.objective === rule.objective && t.category === cat);
    const severityHas = cells.some((t) => t.objective === rule.objective && t.duration !== null && severities.includes(t.severity));
    const hasTarget = rule.categories
      ? rule.categories.some((cat) => { const t = categoryTarget(cat); return t ? t.duration !== null : severityHas; })
      : severityHas || c.categoryTargets.some((t) => t.objective === rule.objective && t.duration !== null);
    if (hasTarget) continue;
    const of = rule.severities ? `of severity ${rule.severities.join(', ')} ` : rule.categories ? `of category ${rule.categories.join(', ')} ` : '';
    ctx.report.report(CHECKS.missedTargetsNeverOwed, rule.span, `no incident ${of}has a ${rule.objective} target, so none can miss it and the credit is never owed`, {
      hint: `name the severities whose ${rule.objective} the SLA guarantees, or give them ${rule.objective} targets`,
    });
  }
};

export const moneyChecks: readonly Check[] = [missedTargetsNeverOwed, capNeverBinds, amountBeyondMinorUnit, serviceDaysBeyondMonth, groupBasisWithoutGroup, termination];
