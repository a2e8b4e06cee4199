// Checks of the downtime definitions of an availability rule (minimum downtime period, error-rate
// downtime): values that leave the target without meaning. Exact rationals over the shortest
// period of each target line's kind (a month, a quarter, a year), as the slot check does (SLA3603).

import { cmp, exactDecimalText, fromDecimal, mul, rat } from '../decimal';
import type { Availability } from '../ir';
import { allowanceIn, periodNoun, shortestPeriod, targetLines } from './availability';
import { CHECKS } from './codes';
import type { Check, CheckContext } from './context';

const MINUTE_MS = 60_000;
const HUNDRED = rat(100n);

/** Per target line below 100% (SLA3601 takes those), the downtime it allows in the shortest period of its kind (ms, a rational). */
function allowances(ctx: CheckContext, a: Availability) {
  return targetLines(a)
    .filter((line) => cmp(fromDecimal(line.target), HUNDRED) < 0)
    .map((line) => {
      const period = shortestPeriod(ctx.contract, line.period);
      return { line, period, ms: allowanceIn(period.ms, line.target) };
    });
}

const minutes = (ms: number): string => `${ms / MINUTE_MS} minute${ms === MINUTE_MS ? '' : 's'}`;

const minimumPastAllowance: Check = (ctx) => {
  const a = ctx.contract.availability;
  if (!a?.minimumMs || !a.minimumSpan) return;
  for (const allowed of allowances(ctx, a)) {
    const noun = periodNoun(allowed.line.period);
    if (a.minimumMs >= allowed.period.ms) {
      ctx.report.report(CHECKS.downtimeDefinitionMeaningless, a.minimumSpan, `a minimum downtime period of ${minutes(a.minimumMs)} is as long as ${allowed.period.words}: no outage inside a ${noun} ever counts`, {
        hint: 'a minimum of a few minutes (the SLA\'s "5 consecutive minutes")',
      });
      return;
    }
    if (cmp(rat(BigInt(a.minimumMs)), allowed.ms) <= 0) continue;
    const allowedMin = exactDecimalText(mul(allowed.ms, rat(1n, BigInt(MINUTE_MS))));
    ctx.report.report(
      CHECKS.minimumPastAllowance,
      a.minimumSpan,
      `a minimum downtime period of ${minutes(a.minimumMs)} is longer than the ${allowedMin} minutes of downtime that ${allowed.line.target}% allows in ${allowed.period.words}: outages longer than the allowance never count, and the first that counts breaches the ${noun}`,
      { related: [{ span: allowed.line.targetSpan, message: 'the availability target' }], hint: 'a shorter minimum period, or a lower target' },
    );
  }
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
  for (const allowed of allowances(ctx, a)) {
    for (const r of a.errorRates) {
      const w = r.windowMinutes * MINUTE_MS;
      if (cmp(rat(BigInt(w)), allowed.ms) <= 0) continue;
      const allowedMin = exactDecimalText(mul(allowed.ms, rat(1n, BigInt(MINUTE_MS))));
      ctx.report.report(
        CHECKS.downtimeDefinitionMeaningless,
        r.span,
        `an error-rate window of ${minutes(w)} is more than the ${allowedMin} minutes of downtime that ${allowed.line.target}% allows in ${allowed.period.words}: one window above the threshold breaches the ${periodNoun(allowed.line.period)}`,
        { related: [{ span: allowed.line.targetSpan, message: 'the availability target' }], hint: 'a shorter window (in a minute, in 5 minutes)' },
      );
    }
  }
};

export const downtimeChecks: readonly Check[] = [minimumPastAllowance, thresholdAtEnds, windowPastAllowance];
