// Checks of the credits clause: band tables (gaps, overlaps, bands above the target, credits that
// fall with availability, the cap) and linear formulas (step, rounding, cap). Exact rationals only.

import type * as A from '../../language/ast';
import type { Span } from '../../language/span';
import { ceil, cmp, div, exactDecimalText, floor, fromDecimal, mul, type Rational, rat, sub } from '../decimal';
import type { CreditBand, Credits } from '../ir';
import { CHECKS } from './codes';
import { periodLengths, periodNoun, periodWords } from './availability';
import type { Check, CheckContext } from './context';
import { coverage } from './intervals';
import { creditRowAt } from './source';
import { bandCreditText } from '../lower-money';

/**
 * A point of the availability axis with a side: `after` 0 is the value itself, 1 is just above
 * it. Inclusive and exclusive bounds then become half-open ranges: `at least 99%` starts at
 * (99, 0), `above 99%` at (99, 1); `below 99.9%` ends at (99.9, 0), `at most 99.9%` at (99.9, 1).
 */
interface Point {
  v: Rational;
  after: 0 | 1;
}

const ZERO = rat(0n);
const HUNDRED = rat(100n);
const order = (a: Point, b: Point): number => cmp(a.v, b.v) || a.after - b.after;

/** The band's range as points, computed once per band: checks sort and compare them often. */
const pointsCache = new WeakMap<CreditBand, { start: Point; end: Point }>();

function pointsOf(band: CreditBand): { start: Point; end: Point } {
  let p = pointsCache.get(band);
  if (p) return p;
  p = {
    start: band.lower ? { v: fromDecimal(band.lower.value), after: band.lower.inclusive ? 0 : 1 } : { v: ZERO, after: 0 },
    end: band.upper ? { v: fromDecimal(band.upper.value), after: band.upper.inclusive ? 1 : 0 } : { v: HUNDRED, after: 1 },
  };
  pointsCache.set(band, p);
  return p;
}

const startOf = (band: CreditBand): Point => pointsOf(band).start;
const endOf = (band: CreditBand): Point => pointsOf(band).end;

const pct = (r: Rational): string => `${exactDecimalText(r)}%`;

/** The range [from, to) in the contract's own words: `at least 98.5% and below 99%`, `exactly 99%`. */
export function describeRange(from: Point, to: Point): string {
  if (cmp(from.v, to.v) === 0) return `exactly ${pct(from.v)}`;
  const low = cmp(from.v, ZERO) === 0 && from.after === 0 ? '' : `${from.after ? 'above' : 'at least'} ${pct(from.v)}`;
  const high = cmp(to.v, HUNDRED) === 0 && to.after === 1 ? '' : `${to.after ? 'at most' : 'below'} ${pct(to.v)}`;
// Stryker disable next-line StringLiteral: every band has a bound, so no range of the checks spans 0% to 100% whole
  return [low, high].filter(Boolean).join(' and ') || 'any availability';
}

const isEmpty = (band: CreditBand): boolean => order(startOf(band), endOf(band)) >= 0;

/** The bound and credit cells of the band's table row (the row's span when not found). */
function cellsOf(ctx: CheckContext, band: CreditBand): { bound: Span; credit: Span } {
  const row = creditRowAt(ctx.ast, band.span.start);
// Stryker disable next-line OptionalChaining,ConditionalExpression: a band always has its row, whose first cell is its bound
  const bound = row?.cells.find((c): c is A.BoundNode => c.kind === 'bound');
// Stryker disable next-line OptionalChaining: a band always has its row
  const credit = row?.cells.find((c) => c.kind === 'percent' || c.kind === 'money' || c.kind === 'serviceDays');
// Stryker disable next-line OptionalChaining: the row always has a bound and a credit cell
  return { bound: bound?.span ?? band.span, credit: credit?.span ?? band.span };
}

/** A band's credit as the contract reads: `10%`, `2.00 EUR`, `3 days of service`. */
function creditOf(ctx: CheckContext, band: CreditBand): string {
  return bandCreditText(band, ctx.contract.currency);
}

function lineOf(ctx: CheckContext, span: Span): number {
  return ctx.lines.position(span.start).line;
}

/**
 * The bands of the table, each once: a row that repeats an earlier one (same bounds, same credit)
 * is reported as a repeat (SLA3002) and left out of the other band checks, so that N copies of a
 * row give N - 1 findings, not one per pair.
 */
function bandsOf(ctx: CheckContext): CreditBand[] {
  return bandRepeats(ctx).distinct;
}

const repeatsCache = new WeakMap<Credits, { distinct: CreditBand[]; repeats: { band: CreditBand; first: CreditBand }[] }>();

function bandRepeats(ctx: CheckContext): { distinct: CreditBand[]; repeats: { band: CreditBand; first: CreditBand }[] } {
  const credits = ctx.contract.credits;
  if (!credits) return { distinct: [], repeats: [] };
  let r = repeatsCache.get(credits);
  if (r) return r;
  r = { distinct: [], repeats: [] };
  const firstOf = new Map<string, CreditBand>();
// Stryker disable next-line StringLiteral: any two distinct markers keep inclusive and exclusive bounds apart
  const side = (b: CreditBand['lower']): string => (b ? `${b.value}${b.inclusive ? '=' : ''}` : '-');
  for (const band of credits.bands) {
    const key = `${side(band.lower)}:${side(band.upper)}:${band.credit}${band.unit ?? ''}`;
    const first = firstOf.get(key);
    if (first) r.repeats.push({ band, first });
    else {
      firstOf.set(key, band);
      r.distinct.push(band);
    }
  }
  repeatsCache.set(credits, r);
  return r;
}

const repeatedBands: Check = (ctx) => {
  for (const { band, first } of bandRepeats(ctx).repeats) {
    const bound = cellsOf(ctx, band).bound;
// Stryker disable next-line MethodExpression: a cell's range holds no surrounding blanks
    ctx.report.report(CHECKS.creditOverlap, bound, `this band repeats the band on line ${lineOf(ctx, first.span)} (${ctx.text.slice(bound.start, bound.end).trim()}: ${creditOf(ctx, band)})`, {
      related: [{ span: cellsOf(ctx, first).bound, message: 'first given here' }],
      hint: 'remove the repeated row',
    });
  }
};

const emptyBands: Check = (ctx) => {
  for (const band of bandsOf(ctx)) {
    if (!isEmpty(band)) continue;
    const bound = cellsOf(ctx, band).bound;
// Stryker disable next-line MethodExpression: a cell's range holds no surrounding blanks
    ctx.report.report(CHECKS.creditEmptyBand, bound, `no availability is ${ctx.text.slice(bound.start, bound.end).trim()}: this band can never apply`, {
      hint: 'check the order of the bounds: at least LOW% and below HIGH%',
    });
  }
};

/** Gaps and overlaps of the bands over [0, target) (over [0, highest bound] without a target). */
const bandGapsAndOverlaps: Check = (ctx) => {
// Stryker disable next-line MethodExpression: coverage() ignores an interval whose start is not before its end
  const bands = bandsOf(ctx).filter((b) => !isEmpty(b));
  if (bands.length === 0) return;
  const availability = ctx.contract.availability;
  const top: Point = availability
    ? { v: fromDecimal(availability.target), after: 0 }
    : // Stryker disable next-line EqualityOperator: of two equal ends either one is the top
      bands.map(endOf).reduce((a, b) => (order(a, b) >= 0 ? a : b));
  const { gaps, overlaps } = coverage(
    bands.map((b) => ({ from: startOf(b), to: endOf(b), owner: b })),
    { from: { v: ZERO, after: 0 }, to: top },
    order,
  );
  for (const g of gaps) {
    const at = g.after ?? g.before;
// Stryker disable next-line ConditionalExpression: a gap always has a band on one side, since there is at least one band
    if (!at) continue;
    // The finding stands on the band above the gap when there is one; the band below is related.
    const related = g.after && g.before ? [{ span: cellsOf(ctx, g.before).bound, message: 'the band below the gap ends here' }] : [];
    if (g.after === null && availability) related.push({ span: availability.targetSpan, message: 'the availability target' });
    ctx.report.report(CHECKS.creditGap, cellsOf(ctx, at).bound, `no credit band covers availability ${describeRange(g.from, g.to)}`, {
      related,
      hint: 'make each band start exactly where the next one ends, with `at least X%` and `below X%`',
    });
  }
  for (const o of overlaps) {
    ctx.report.report(CHECKS.creditOverlap, cellsOf(ctx, o.second).bound, `this band and the band on line ${lineOf(ctx, o.first.span)} both cover availability ${describeRange(o.from, o.to)}`, {
      related: [{ span: cellsOf(ctx, o.first).bound, message: 'overlapping band' }],
      hint: 'make the bands half-open: at least LOW% and below HIGH%',
    });
  }
};

const bandsAboveTarget: Check = (ctx) => {
  const availability = ctx.contract.availability;
  if (!availability) return;
  const target: Point = { v: fromDecimal(availability.target), after: 0 };
  for (const band of bandsOf(ctx)) {
    if (isEmpty(band) || order(endOf(band), target) <= 0) continue;
    const whole = order(startOf(band), target) >= 0;
    ctx.report.report(
      CHECKS.creditAboveTarget,
      cellsOf(ctx, band).bound,
      whole
        ? `this band lies at or above the ${availability.target}% target: it pays a credit in a month that met the target`
        : `this band reaches above the ${availability.target}% target: availability ${describeRange(target, endOf(band))} meets the target but earns ${creditOf(ctx, band)}`,
      { related: [{ span: availability.targetSpan, message: 'the availability target' }], hint: `end the band with \`below ${availability.target}%\`` },
    );
  }
};

const creditsFallWithAvailability: Check = (ctx) => {
  const bands = bandsOf(ctx)
    .filter((b) => !isEmpty(b))
    .sort((a, b) => order(startOf(a), startOf(b)) || order(endOf(a), endOf(b)));
  for (let i = 0; i + 1 < bands.length; i++) {
    const low = bands[i];
    const high = bands[i + 1];
    // Only bands one above the other: nested or equal ranges (also nested with a common end) are
    // an overlap (SLA3002), not an order.
    if (order(startOf(low), startOf(high)) >= 0 || order(endOf(low), endOf(high)) >= 0) continue;
    // Credits of different kinds (a percentage, an amount, days of service) cannot be compared without a charge.
    if ((low.unit ?? 'percent') !== (high.unit ?? 'percent')) continue;
    if (cmp(fromDecimal(low.credit), fromDecimal(high.credit)) >= 0) continue;
    ctx.report.report(
      CHECKS.creditDecreasing,
      cellsOf(ctx, low).credit,
      `availability ${describeRange(startOf(low), endOf(low))} earns ${creditOf(ctx, low)}, less than the ${creditOf(ctx, high)} of the better availability ${describeRange(startOf(high), endOf(high))}`,
      { related: [{ span: cellsOf(ctx, high).credit, message: `${creditOf(ctx, high)} for better availability` }] },
    );
  }
};

/**
 * Whether some downtime `offset + k x step` (k = 0..kMax) lies in the range of downtime (`low`,
 * `high`), each end included or not: the downtimes a month measured in slots can have are whole
 * slots, plus the month's last, shorter slot.
 */
function someMultipleWithin(offset: Rational, step: Rational, kMax: bigint, low: Rational, lowIn: boolean, high: Rational, highIn: boolean): boolean {
  const from = div(sub(low, offset), step);
  const to = div(sub(high, offset), step);
  // Bounds are percentages in [0, 100] (SLA2011), so the range never reaches past k = kMax, and a
  // range that starts below k = 0 holds k = 0 whenever it holds any k: no clamping is needed.
  const first = lowIn ? ceil(from) : floor(from) + 1n;
  const last = highIn ? floor(to) : ceil(to) - 1n;
  return first <= last;
}

/** With slot measurement, bands between two steps of availability in every period (of the target credits are judged on) never apply. */
const unreachableBands: Check = (ctx) => {
  const a = ctx.contract.availability;
  if (!a || a.measurement.kind !== 'slots') return;
  const slot = rat(BigInt(a.measurement.minutes * 60_000));
  const months = periodLengths(ctx.contract, a.period);
  const noun = periodNoun(a.period);
  for (const band of bandsOf(ctx)) {
    if (isEmpty(band)) continue;
    const { start, end } = pointsOf(band);
    const reachable = months.some((ms) => {
      const month = rat(BigInt(ms));
      // Availability A = 100 (Z - D) / Z lies in the band when D lies between these downtimes.
      const downtimeAt = (v: Rational): Rational => div(mul(month, sub(HUNDRED, v)), HUNDRED);
      const high = downtimeAt(start.v); // A >= start: D <= high (D < high when the start is exclusive)
      const low = downtimeAt(end.v); // A < end: D > low (D >= low when the end is inclusive)
      const full = floor(div(month, slot));
      const rest = sub(month, mul(rat(full), slot));
      const within = (offset: Rational): boolean => someMultipleWithin(offset, slot, full, low, end.after === 1, high, start.after === 0);
      return within(ZERO) || within(rest);
    });
    if (reachable) continue;
    // The two steps around the band, in a 30-day month if there is one (whole slots only).
    const month = months.find((ms) => ms === 30 * 86_400_000) ?? months[0];
    const slots = floor(div(rat(BigInt(month)), slot));
    const availabilityWith = (k: bigint): Rational => div(mul(rat(slots - k), HUNDRED), rat(slots));
    const k = floor(div(mul(rat(slots), sub(HUNDRED, end.v)), HUNDRED));
    const down = (n: bigint): string => (n === 0n ? 'no slot' : `${n} slot${n === 1n ? '' : 's'}`);
    ctx.report.report(
      CHECKS.creditBandUnreachable,
      cellsOf(ctx, band).bound,
      `with slots of ${a.measurement.minutes} minutes no ${noun}'s availability falls in this band: ${periodWords(month, a.period)} has ${slots} slots, and its availability is ${pct(availabilityWith(k))} with ${down(k)} down, ${pct(availabilityWith(k + 1n))} with ${down(k + 1n)} down, nothing in between`,
      { hint: 'measure exact time, or widen the band to a whole slot' },
    );
  }
};

const capBelowBand: Check = (ctx) => {
  const credits = ctx.contract.credits;
// Stryker disable next-line ConditionalExpression: the cap and its range are set together
  if (!credits || credits.cap === null || !credits.capSpan) return;
  const cap = fromDecimal(credits.cap);
  for (const band of bandsOf(ctx)) {
    if (band.unit || cmp(fromDecimal(band.credit), cap) <= 0) continue;
    ctx.report.report(CHECKS.creditAboveCap, cellsOf(ctx, band).credit, `this band pays ${band.credit}%, more than the ${credits.cap}% cap`, {
      related: [{ span: credits.capSpan, message: 'the cap' }],
    });
  }
};

const linearFormula: Check = (ctx) => {
  const credits = ctx.contract.credits;
  const linear = credits?.linear;
  if (!credits || !linear) return;
  if (cmp(fromDecimal(linear.step), ZERO) === 0) {
    ctx.report.report(CHECKS.linearZeroStep, linear.span, 'a credit per step of 0% cannot be computed', { hint: 'for example: 5% for each started 1% below target' });
  }
  if (linear.rounding === null) {
    ctx.report.report(CHECKS.linearNoRounding, linear.span, `the formula does not say whether a partial step of ${linear.step}% earns a credit`, {
      hint: `write \`for each started ${linear.step}%\`, \`for each full ${linear.step}%\` or \`pro rata\``,
    });
  }
  if (credits.cap === null) {
    ctx.report.report(CHECKS.linearNoCap, linear.span, 'the credit grows without limit as availability falls', { hint: 'add a cap: at most 50%' });
  }
  if (!ctx.contract.availability) {
    ctx.report.report(CHECKS.creditsWithoutTarget, linear.span, 'the credit counts steps below the availability target, but the contract has no availability clause', {
      hint: 'availability\n  target 99.9% per calendar month',
    });
  }
};

/** Credit of a formula that says how partial steps count, at a shortfall below target, before the cap. */
function formulaCredit(l: NonNullable<Credits['linear']>, shortfall: Rational): Rational {
  const step = fromDecimal(l.step);
  const per = fromDecimal(l.percentPerStep);
  const steps = div(shortfall, step);
  if (l.rounding === 'started') return mul(rat(ceil(steps)), per);
  if (l.rounding === 'full') return mul(rat(steps.n / steps.d), per);
  return mul(steps, per); // pro rata
}

const capReached: Check = (ctx) => {
  const credits = ctx.contract.credits;
  const l = credits?.linear;
  const availability = ctx.contract.availability;
  // Stryker disable next-line ConditionalExpression: the cap and its range are set together
  if (!credits || !l || credits.cap === null || !credits.capSpan || !availability || l.rounding === null) return;
  const step = fromDecimal(l.step);
  const per = fromDecimal(l.percentPerStep);
  if (cmp(step, ZERO) === 0) return; // SLA3008
  const target = fromDecimal(availability.target);
  const cap = fromDecimal(credits.cap);
  const related = [{ span: l.span, message: 'the credit formula' }];
  if (cmp(cap, ZERO) === 0) {
    ctx.report.report(CHECKS.linearCapReached, credits.capSpan, 'a 0% cap: whatever the availability, no credit is ever owed', { related });
    return;
  }
  // Shortfall at which the credit first reaches the cap, and whether that shortfall itself counts
  // (no shortfall reaches it when each step pays 0%).
  let threshold = rat(-1n);
  let strict = false;
  if (cmp(per, ZERO) > 0) {
    const steps = rat(ceil(div(cap, per)));
    if (l.rounding === 'started') {
      threshold = sub(target, mul(sub(steps, rat(1n)), step));
      strict = true;
    } else if (l.rounding === 'full') {
      threshold = sub(target, mul(steps, step));
    } else {
      threshold = sub(target, div(mul(cap, step), per));
    }
  }
  const reachable = strict ? cmp(threshold, ZERO) > 0 : cmp(threshold, ZERO) >= 0;
  if (!reachable) {
    const worst = formulaCredit(l, target);
    ctx.report.report(CHECKS.linearCapReached, credits.capSpan, `the ${credits.cap}% cap is never reached: even at 0% availability the formula gives ${pct(worst)}`, { related });
    return;
  }
  const shortfall = exactDecimalText(sub(target, threshold));
  const points = `${shortfall} percentage point${shortfall === '1' ? '' : 's'}`;
  ctx.report.report(
    CHECKS.linearCapReached,
    credits.capSpan,
    strict
      ? `the ${credits.cap}% cap is reached when availability falls below ${pct(threshold)} (a shortfall of more than ${points} below the ${availability.target}% target)`
      : `the ${credits.cap}% cap is reached when availability is at most ${pct(threshold)} (a shortfall of ${points} or more below the ${availability.target}% target)`,
    { related },
  );
};

const tableAndFormula: Check = (ctx) => {
  const credits = ctx.contract.credits;
  if (!credits || !credits.linear || credits.bands.length === 0) return;
  ctx.report.report(CHECKS.creditsTableAndFormula, credits.linear.span, 'the credits clause gives both a formula and a table of bands: which one applies?', {
    related: [{ span: credits.bands[0].span, message: 'the table of bands' }],
  });
};

/** A table of bands is only consulted for a month that misses its availability target. */
const bandsWithoutTarget: Check = (ctx) => {
  const credits = ctx.contract.credits;
  if (!credits || credits.bands.length === 0 || ctx.contract.availability || credits.linear) return;
  ctx.report.report(CHECKS.creditsWithoutTarget, credits.bands[0].span, 'credits are owed when availability misses its target, but the contract has no availability clause: this table never applies', {
    hint: 'availability\n  target 99.9% per calendar month',
  });
};

const creditsWithoutCredit: Check = (ctx) => {
  const credits = ctx.contract.credits;
  if (!credits || credits.linear || credits.bands.length > 0 || credits.missedTargets) return;
  const header = ctx.ast.statements.find(
    (s) =>
      s.span.start === credits.span.start &&
      // Stryker disable next-line ConditionalExpression: only the credits block itself starts where it starts
      s.kind === 'credits',
  );
// Stryker disable next-line ConditionalExpression,LogicalOperator: the credits statement is always found by its start
  ctx.report.report(CHECKS.creditsEmpty, header && 'headerSpan' in header ? header.headerSpan : credits.span, 'the credits clause has neither a table of bands nor a formula', {
    hint: '| monthly availability | credit |   or   5% for each started 1% below target',
  });
};

export const creditChecks: readonly Check[] = [
  repeatedBands,
  emptyBands,
  bandGapsAndOverlaps,
  bandsAboveTarget,
  unreachableBands,
  creditsFallWithAvailability,
  capBelowBand,
  linearFormula,
  capReached,
  tableAndFormula,
  bandsWithoutTarget,
  creditsWithoutCredit,
];
