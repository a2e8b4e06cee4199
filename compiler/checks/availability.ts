// Checks of the availability and reliability clauses: values that leave the clause no meaning (a
// 100% target, a limit of zero incidents, measurement slots as coarse as the monthly allowance).
// Exact rationals; months are measured in the contract's zone over the years the checks consider.

import { FixedOffsetZone, IANAZone, type Zone } from 'luxon';
import { cmp, exactDecimalText, fromDecimal, mul, rat, sub } from '../decimal';
import type { Availability, Contract, PeriodKind } from '../ir';
import { CHECKS } from './codes';
import type { Check } from './context';
import { dstYears } from './windows';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const HUNDRED = rat(100n);

const lengthCache = new Map<string, number[]>();

/** The zone periods begin in: `periods in` (an IANA zone or `UTC+02:00`), else the contract's. */
function periodZone(c: Contract): Zone {
  const name = c.periodZone?.zone ?? c.timeZone;
  // A fixed offset moves both ends of every period alike, so its lengths are UTC's whichever way
  // the offset is read: the mutants of these two lines give the same lengths.
  // Stryker disable next-line Regex
  const m = /^UTC([+-])(\d{2}):(\d{2})$/.exec(name);
  // Stryker disable next-line ArithmeticOperator,ConditionalExpression,EqualityOperator,StringLiteral,UnaryOperator
  return m ? FixedOffsetZone.instance((m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]))) : IANAZone.create(name);
}

/**
 * The distinct lengths (ms) of the periods of `kind` (calendar months by default) that start in
 * the years the checks consider (see dstYears), in the zone periods begin in, shortest first: 28
 * to 31 days for months, 89 to 92 for quarters, 365 or 366 for years, an hour less or more with a
 * daylight-saving change.
 */
export function periodLengths(c: Contract, kind: PeriodKind): number[] {
  const years = dstYears(c);
  // Stryker disable next-line OptionalChaining: a fiscal period is lowered only with the fiscal year's start (SLA2035)
  const fiscal = kind.startsWith('fiscal') ? (c.fiscalYearStart?.month ?? 1) : 1;
  // Stryker disable next-line StringLiteral: years are four-digit numbers, so no two lists join alike
  const key = `${c.periodZone?.zone ?? c.timeZone}|${kind}|${fiscal}|${years.join(',')}`;
  const cached = lengthCache.get(key);
  // Stryker disable next-line ConditionalExpression: the cache only saves time
  if (cached) return cached;
  const zone = periodZone(c);
  const months = kind === 'calendar-month' ? 1 : kind.endsWith('quarter') ? 3 : 12;
  // Local midnight of the first of month n (year * 12 + month - 1), as an instant (the offset an
  // hour before is the one in force). No zone changes its offset within an hour of midnight UTC on
  // the first of a month in 2020-2036 (every IANA zone checked), so an hour after gives the same.
  const start = (n: number): number => {
    const utc = Date.UTC(Math.floor(n / 12), n % 12, 1);
    // Stryker disable next-line ArithmeticOperator: see above
    const hourBefore = utc - 3_600_000;
    return utc - (zone.isValid ? zone.offset(hourBefore) : 0) * MINUTE_MS;
  };
  const lengths = new Set<number>();
  for (const y of years) for (let n = y * 12 + fiscal - 1; n < (y + 1) * 12 + fiscal - 1; n += months) lengths.add(start(n + months) - start(n));
  const out = [...lengths].sort((a, b) => a - b);
  lengthCache.set(key, out);
  return out;
}

/** One target line of an availability block: the first (`target`) or a further one (`more`). */
export interface TargetLine {
  target: string;
  targetSpan: Availability['targetSpan'];
  period: PeriodKind;
}

/** The block's target lines, the first (the one credits are judged on) first. */
export function targetLines(a: Availability): TargetLine[] {
  return [{ target: a.target, targetSpan: a.targetSpan, period: a.period }, ...(a.more ?? [])];
}

/** `month`, `quarter` or `year`: what a period of `kind` is called in messages. */
export function periodNoun(kind: PeriodKind): string {
  return kind === 'calendar-month' ? 'month' : kind.endsWith('quarter') ? 'quarter' : 'year';
}

/** `a 28-day month`, `an 89-day quarter`, `a 365-day fiscal year`: a period of `kind` that lasts `ms`. */
export function periodWords(ms: number, kind: PeriodKind): string {
  const days = exactDecimalText(rat(BigInt(ms), BigInt(DAY_MS)));
  const noun = periodNoun(kind);
  const fiscal = kind.startsWith('fiscal') ? 'fiscal ' : '';
  // The article goes by how the number is said: periods last 28 to 366 days, so only eighty-... takes `an`.
  const article = days.startsWith('8') ? 'an' : 'a';
  return `${article} ${days}-day ${fiscal}${noun}`;
}

/** The shortest period of a target line's kind, as the downtime checks state it: its length (ms) and its words (periodWords). */
export function shortestPeriod(c: Contract, kind: PeriodKind): { ms: number; words: string } {
  // Stryker disable next-line ArithmeticOperator: never used, the years considered are never none
  const ms = periodLengths(c, kind)[0] ?? 28 * DAY_MS;
  return { ms, words: periodWords(ms, kind) };
}

/** Downtime (ms, a rational) a target allows in a period of `ms`: ms x (100 - target) / 100. */
export function allowanceIn(ms: number, target: string) {
  return mul(rat(BigInt(ms)), mul(sub(HUNDRED, fromDecimal(target)), rat(1n, 100n)));
}

const hundredPercent: Check = (ctx) => {
  const a = ctx.contract.availability;
  if (!a || cmp(fromDecimal(a.target), HUNDRED) !== 0) return;
  ctx.report.report(CHECKS.availabilityHundred, a.targetSpan, 'a target of 100% allows no downtime at all: one counted second breaches the month', {
    hint: 'a target below 100% (99.9%) leaves an allowance',
  });
};

const zeroIncidents: Check = (ctx) => {
  const r = ctx.contract.reliability;
  if (!r || r.maxIncidents !== 0) return;
  const statement = ctx.ast.statements.find((s) => s.kind === 'reliability');
  // Stryker disable next-line ConditionalExpression,OptionalChaining: a reliability clause always has its statement
  const span = statement?.kind === 'reliability' ? statement.max.span : r.span;
  ctx.report.report(CHECKS.reliabilityZero, span, 'at most 0 counted incidents: the first counted incident of a month breaches it', {
    hint: 'a positive limit: at most 4 counted incidents per calendar month',
  });
};

const coarseSlots: Check = (ctx) => {
  const a = ctx.contract.availability;
  if (!a || a.measurement.kind !== 'slots') return;
  const slotMs = a.measurement.minutes * MINUTE_MS;
  // Stryker disable next-line ConditionalExpression: only the availability statement starts where the rule was lowered from
  const statement = ctx.ast.statements.find((s) => s.kind === 'availability' && s.span.start === a.span.start);
  // Slots are lowered from a `measured in slots of` line of this statement, so both are always found.
  // Stryker disable next-line ConditionalExpression,OptionalChaining
  const measured = statement?.kind === 'availability' ? statement.items.find((l) => l.kind === 'measured') : undefined;
  // Stryker disable next-line ConditionalExpression,OptionalChaining,LogicalOperator
  const span = measured?.kind === 'measured' && measured.slot ? measured.slot.span : a.span;
  for (const line of targetLines(a)) {
    if (cmp(fromDecimal(line.target), HUNDRED) >= 0) continue; // SLA3601
    // Downtime the target allows in the shortest period of its kind.
    const period = shortestPeriod(ctx.contract, line.period);
    const allowance = allowanceIn(period.ms, line.target);
    if (cmp(rat(BigInt(slotMs)), allowance) <= 0) continue;
    const allowed = exactDecimalText(mul(allowance, rat(1n, BigInt(MINUTE_MS))));
    const noun = periodNoun(line.period);
    ctx.report.report(
      CHECKS.slotTooCoarse,
      span,
      slotMs >= period.ms
        ? `a slot of ${a.measurement.minutes} minutes is as long as a ${noun}: any downtime marks the whole ${noun}, 0% availability`
        : `a slot of ${a.measurement.minutes} minutes is more than the ${allowed} minutes of downtime that ${line.target}% allows in ${period.words}: one marked slot, even for a second of downtime, breaches the target`,
      { related: [{ span: line.targetSpan, message: 'the availability target' }], hint: 'use a shorter slot, or measure exact time' },
    );
  }
};

export const availabilityChecks: readonly Check[] = [hundredPercent, zeroIncidents, coarseSlots];
