// Checks of the availability and reliability clauses: values that leave the clause no meaning (a
// 100% target, a limit of zero incidents, measurement slots as coarse as the monthly allowance).
// Exact rationals; months are measured in the contract's zone over the years the checks consider.

import { IANAZone } from 'luxon';
import { cmp, exactDecimalText, fromDecimal, mul, rat, sub } from '../decimal';
import type { Contract } from '../ir';
import { CHECKS } from './codes';
import type { Check } from './context';
import { dstYears } from './windows';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const HUNDRED = rat(100n);

const monthCache = new Map<string, number[]>();

/**
 * The distinct lengths (ms) of the calendar months in the contract's zone over the years the
 * checks consider (see dstYears), shortest first: 28 to 31 days, an hour less or more in a month
 * with a daylight-saving change.
 */
export function monthLengths(c: Contract): number[] {
  const years = dstYears(c);
  const key = `${c.timeZone}|${years.join(',')}`;
  const cached = monthCache.get(key);
  if (cached) return cached;
  const zone = IANAZone.create(c.timeZone);
  // Local midnight of the first of a month, as an instant (the offset an hour before is the one in force).
  const start = (y: number, m: number): number => {
    const utc = Date.UTC(y, m, 1);
    return utc - (zone.isValid ? zone.offset(utc - 3_600_000) : 0) * MINUTE_MS;
  };
  const lengths = new Set<number>();
  for (const y of years) for (let m = 0; m < 12; m++) lengths.add(start(y, m + 1) - start(y, m));
  const out = [...lengths].sort((a, b) => a - b);
  monthCache.set(key, out);
  return out;
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
  const span = statement?.kind === 'reliability' ? statement.max.span : r.span;
  ctx.report.report(CHECKS.reliabilityZero, span, 'at most 0 counted incidents: the first counted incident of a month breaches it', {
    hint: 'a positive limit: at most 4 counted incidents per calendar month',
  });
};

const coarseSlots: Check = (ctx) => {
  const a = ctx.contract.availability;
  if (!a || a.measurement.kind !== 'slots') return;
  const target = fromDecimal(a.target);
  if (cmp(target, HUNDRED) >= 0) return; // SLA3601
  const slotMs = a.measurement.minutes * MINUTE_MS;
  const month = monthLengths(ctx.contract)[0] ?? 28 * DAY_MS;
  // Downtime the target allows in the shortest month: Z x (100 - target) / 100.
  const allowance = mul(rat(BigInt(month)), mul(sub(HUNDRED, target), rat(1n, 100n)));
  if (cmp(rat(BigInt(slotMs)), allowance) <= 0) return;
  const statement = ctx.ast.statements.find((s) => s.kind === 'availability' && s.span.start === a.span.start);
  const measured = statement?.kind === 'availability' ? statement.items.find((l) => l.kind === 'measured') : undefined;
  const span = measured?.kind === 'measured' && measured.slot ? measured.slot.span : a.span;
  const days = exactDecimalText(rat(BigInt(month), BigInt(DAY_MS)));
  const allowed = exactDecimalText(mul(allowance, rat(1n, BigInt(MINUTE_MS))));
  ctx.report.report(
    CHECKS.slotTooCoarse,
    span,
    slotMs >= month
      ? `a slot of ${a.measurement.minutes} minutes is as long as a month: any downtime marks the whole month, 0% availability`
      : `a slot of ${a.measurement.minutes} minutes is more than the ${allowed} minutes of downtime that ${a.target}% allows in a ${days}-day month: one marked slot, even for a second of downtime, breaches the target`,
    { related: [{ span: a.targetSpan, message: 'the availability target' }], hint: 'use a shorter slot, or measure exact time' },
  );
};

export const availabilityChecks: readonly Check[] = [hundredPercent, zeroIncidents, coarseSlots];
