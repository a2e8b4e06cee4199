// Checks of the downtime definitions of an availability rule (minimum downtime period, error-rate
// downtime): values that leave the target without meaning. Exact rationals over the shortest
// month of the contract's zone, as the slot check does (SLA3603).

import { cmp, exactDecimalText, fromDecimal, mul, rat, sub } from '../decimal';
import type { Availability } from '../ir';
import { monthLengths } from './availability';
import { CHECKS } from './codes';
import type { Check, CheckContext } from './context';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const HUNDRED = rat(100n);

/** Downtime the target allows in the shortest month, in ms (a rational), or null for a 100% target. */
function allowance(ctx: CheckContext, a: Availability) {
  const target = fromDecimal(a.target);
  if (cmp(target, HUNDRED) >= 0) return null; // SLA3601
  const month = monthLengths(ctx.contract)[0] ?? 28 * DAY_MS;
  return { month, ms: mul(rat(BigInt(month)), mul(sub(HUNDRED, target), rat(1n, 100n))) };
}

const minutes = (ms: number): string => `${ms / MINUTE_MS} minute${ms === MINUTE_MS ? '' : 's'}`;

const minimumPastAllowance: Check = (ctx) => {
  const a = ctx.contract.availability;
  if (!a?.minimumMs || !a.minimumSpan) return;
  const allowed = allowance(ctx, a);
  if (!allowed) return;
  const days = exactDecimalText(rat(BigInt(allowed.month), BigInt(DAY_MS)));
  if (a.minimumMs >= allowed.month) {
    ctx.report.report(CHECKS.downtimeDefinitionMeaningless, a.minimumSpan, `a minimum downtime period of ${minutes(a.minimumMs)} is as long as a ${days}-day month: no outage inside a month ever counts`, {
      hint: 'a minimum of a few minutes (the SLA\'s "5 consecutive minutes")',
    });
    return;
  }
  if (cmp(rat(BigInt(a.minimumMs)), allowed.ms) <= 0) return;
  const allowedMin = exactDecimalText(mul(allowed.ms, rat(1n, BigInt(MINUTE_MS))));
  ctx.report.report(
    CHECKS.minimumPastAllowance,
    a.minimumSpan,
    `a minimum downtime period of ${minutes(a.minimumMs)} is longer than the ${allowedMin} minutes of downtime that ${a.target}% allows in a ${days}-day month: outages longer than the allowance never count, and the first that counts breaches the month`,
    { related: [{ span: a.targetSpan, message: 'the availability target' }], hint: 'a shorter minimum period, or a lower target' },
  );
};

const thresholdAtEnds: Check = (ctx) => {
  for (const r of ctx.contract.availability?.errorRates ?? []) {
    const t = fromDecimal(r.threshold);
    if (cmp(t, rat(0n)) === 0) {
      ctx.report.report(CHECKS.errorThresholdAtEnd, r.span, 'more than 0% of requests failing: one failed request marks its window down', { hint: 'the SLA\'s threshold, such as more than 5% of requests' });
    } else if (cmp(t, HUNDRED) >= 0) {
      ctx.report.report(CHECKS.errorThresholdAtEnd, r.span, 'more than 100% of requests can never fail: this error rate never marks a window down', { hint: 'the SLA\'s threshold, such as more than 5% of requests' });
    }
  }
};

const windowPastAllowance: Check = (ctx) => {
  const a = ctx.contract.availability;
  if (!a?.errorRates?.length) return;
  const allowed = allowance(ctx, a);
  if (!allowed) return;
  for (const r of a.errorRates) {
    const w = r.windowMinutes * MINUTE_MS;
    if (cmp(rat(BigInt(w)), allowed.ms) <= 0) continue;
    const allowedMin = exactDecimalText(mul(allowed.ms, rat(1n, BigInt(MINUTE_MS))));
    ctx.report.report(
      CHECKS.downtimeDefinitionMeaningless,
      r.span,
      `an error-rate window of ${minutes(w)} is more than the ${allowedMin} minutes of downtime that ${a.target}% allows: one window above the threshold breaches the month`,
      { related: [{ span: a.targetSpan, message: 'the availability target' }], hint: 'a shorter window (in a minute, in 5 minutes)' },
    );
  }
};

export const downtimeChecks: readonly Check[] = [minimumPastAllowance, thresholdAtEnds, windowPastAllowance];
