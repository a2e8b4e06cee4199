// Checks of support clocks, pauses and regions: a clock that pauses for reasons the contract does
// not declare, a regional target whose region has no calendar, and a weekly range whose ends lie
// in different zones and is empty in some weeks of the year, and maintenance windows that pass
// their monthly limit in every month.


import { DateTime } from 'luxon';
import type { WeeklyRange, WeekSpan } from '../ir';
import { CHECKS } from './codes';
import type { Check } from './context';
import { durationsOf } from './units';

const pausedWithoutReasons: Check = (ctx) => {
  if ((ctx.contract.pauseReasons ?? []).length) return;
  for (const r of ctx.contract.clocks ?? []) {
    if (r.pausesWhile.length === 0) continue;
    ctx.report.report(CHECKS.pausedWithoutReasons, r.span, `the ${r.objective} clock pauses while ${r.pausesWhile.join(' or ')}, but the contract declares no pause reasons`, {
      hint: `pause reasons\n  ${r.pausesWhile[0]} "..."`,
    });
  }
};

const regionWithoutCalendar: Check = (ctx) => {
  const regional = durationsOf(ctx.contract).filter((d) => d.duration.regional);
  const regions = ctx.contract.regions ?? [];
  if (regions.length === 0) {
    for (const d of regional) {
      ctx.report.report(CHECKS.regionWithoutCalendar, d.duration.span, `${d.what} counts regional business time, but the contract declares no regions`, {
        hint: 'regions\n  americas "Americas" calendar english-support',
      });
    }
    return;
  }
  for (const r of regions) {
    if (r.calendar !== null) continue;
    // A regional target of another region's table never counts on this region's calendar.
    const reaching = regional.find((d) => d.region === undefined || d.region === r.id);
    if (!reaching) continue;
    ctx.report.report(CHECKS.regionWithoutCalendar, r.span, `region ${r.id} names no calendar, but ${reaching.what} counts regional business time`, {
      related: [{ span: reaching.duration.span, message: 'regional target' }],
      hint: `${r.id} "..." calendar <calendar>`,
    });
  }
};

/** The instant of a local date and minute of the day (1440 = 24:00, the next midnight) in a zone. */
function local(date: DateTime, minute: number, zone: string): number {
  const d = minute === 1440 ? date.plus({ days: 1 }) : date;
  const m = minute === 1440 ? 0 : minute;
  return DateTime.fromObject({ year: d.year, month: d.month, day: d.day, hour: Math.floor(m / 60), minute: m % 60 }, { zone }).toMillis();
}

/** The weeks of `year` (by the span's start date) in which a cross-zone span closes before it opens. */
function emptyWeeks(sp: WeekSpan, zone: string, year: number): { first: string; last: string; count: number; total: number } {
  const fromZone = sp.fromZone ?? zone;
  const toZone = sp.toZone ?? zone;
  const days = (sp.toDay - sp.fromDay + 7) % 7;
  // Stryker disable next-line StringLiteral: set in the first empty week, and read only when there is one
  let first = '';
  // Stryker disable next-line StringLiteral: see above
  let last = '';
  let count = 0;
  let total = 0;
  // The first start date of the year, then every week after it.
  // Stryker disable next-line ObjectLiteral: a calendar date: local() reads only its year, month and day, alike in any zone
  let date = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: 'UTC' });
  date = date.plus({ days: (sp.fromDay - date.weekday + 7) % 7 });
  for (; date.year === year; date = date.plus({ days: 7 })) {
    total++;
    if (local(date, sp.from, fromZone) < local(date.plus({ days }), sp.to, toZone)) continue;
    if (count === 0) first = date.toISODate()!;
    last = date.toISODate()!;
    count++;
  }
  return { first, last, count, total };
}

const spanEmptyPartOfYear: Check = (ctx) => {
  const c = ctx.contract;
  const year = c.effective ? Number(c.effective.slice(0, 4)) : 2026;
  for (const cal of c.calendars) {
    const zone = cal.zone ?? c.timeZone;
    // Stryker disable next-line ArrayDeclaration: without spans nothing is looked at either way
    for (const sp of cal.spans ?? []) {
      if ((sp.fromZone ?? zone) === (sp.toZone ?? zone)) continue;
      const w = emptyWeeks(sp, zone, year);
      if (w.count === 0 || w.count === w.total) continue;
      ctx.report.report(
        CHECKS.spanEmptyPartOfYear,
        sp.span,
        `this range closes before it opens in ${w.count} of the ${w.total} weeks of ${year} (the weeks starting ${w.first} to ${w.last}): daylight-saving time moves the two zones apart`,
        { hint: 'move one end so that the range is open in every week, or write each season as its own calendar' },
      );
    }
  }
};

/** Clocks, pauses and regions; the windows family checks the ranges of each calendar in its zone. */
const WEEK_MINUTES = 7 * 1440;

/** The minutes of the week (Monday 00:00 = 0) the windows cover, and how many separate windows (runs, round the week) they make. */
function weeklyWindows(windows: readonly WeeklyRange[]): { minutes: number; runs: number } {
  const covered = new Uint8Array(WEEK_MINUTES);
  for (const w of windows) {
    // Stryker disable next-line ArithmeticOperator: turning every window by the same days leaves the minutes and the windows alike
    const start = (w.day - 1) * 1440 + w.from;
    const length = w.crossesMidnight ? 1440 - w.from + w.to : w.to - w.from;
    for (let k = 0; k < length; k++) covered[(start + k) % WEEK_MINUTES] = 1;
  }
  let minutes = 0;
  let runs = 0;
  for (let k = 0; k < WEEK_MINUTES; k++) {
    minutes += covered[k];
    // Stryker disable next-line ArithmeticOperator: round the week, windows have as many ends as starts
    if (covered[k] && !covered[(k + WEEK_MINUTES - 1) % WEEK_MINUTES]) runs++;
  }
  return { minutes, runs: minutes === WEEK_MINUTES ? 1 : runs };
}

/** Windows that, used as declared, pass the monthly allowance or count of windows in every month. */
const windowsPastLimit: Check = (ctx) => {
  // Stryker disable next-line ArrayDeclaration,LogicalOperator,OptionalChaining: lowering always sets `scoped`
  const rules = [ctx.contract.maintenance, ...(ctx.contract.scoped?.maintenance ?? [])];
  for (const m of rules) {
    if (!m || m.countedAsDowntime || m.windows.length === 0) continue;
    const week = weeklyWindows(m.windows);
    // The shortest month, 28 days, holds each weekday four times.
    const monthly = { minutes: 4 * week.minutes, windows: 4 * week.runs };
    const related = [{ span: m.windows[0].span, message: 'the windows' }];
    // Stryker disable next-line ConditionalExpression,LogicalOperator: an allowance and its line are lowered together, and no number is more than a missing one
    if (m.allowanceMs !== undefined && m.allowanceSpan && monthly.minutes * 60_000 > m.allowanceMs) {
      const hours = (n: number): string => `${Number((n / 60).toFixed(2))} hours`;
      ctx.report.report(CHECKS.windowsPastLimit, m.allowanceSpan, `the windows allow ${hours(monthly.minutes)} of maintenance in every month (${hours(week.minutes)} a week), more than the allowance of ${hours(m.allowanceMs / 60_000)}: maintenance in the windows past it counts as downtime`, { related });
    }
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a count and its line are lowered together, and no number is more than a missing one
    if (m.maxWindows !== undefined && m.maxWindowsSpan && monthly.windows > m.maxWindows) {
      ctx.report.report(CHECKS.windowsPastLimit, m.maxWindowsSpan, `the windows open ${monthly.windows} times in every month (${week.runs} a week), more than the ${m.maxWindows} allowed: maintenance in the later windows counts as downtime`, { related });
    }
  }
};

export const supportChecks: readonly Check[] = [pausedWithoutReasons, regionWithoutCalendar, spanEmptyPartOfYear, windowsPastLimit];

