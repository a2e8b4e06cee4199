// Checks of the maintenance notice against the windows it governs: a notice longer than the week
// in which the windows repeat, measured on the notice's own clock (wall time, or the business
// time a week of its calendar holds).

import type { Calendar } from '../ir';
import { CHECKS } from './codes';
import type { Check } from './context';
import { coverage } from './intervals';
import { weekPieces } from './windows';

const MINUTE_MS = 60_000;
const WEEK_MINUTES = 7 * 1440;

/** Business time in a week of the calendar, holidays aside (overlapping ranges counted once). */
function weeklyBusinessMs(cal: Calendar): number {
  // Stryker disable next-line ConditionalExpression: a 24x7 calendar keeps its ranges, which cover the week anyway
  if (cal.allDay) return WEEK_MINUTES * MINUTE_MS;
  const { gaps } = coverage(cal.weekly.flatMap(weekPieces), { from: 0, to: WEEK_MINUTES }, (a, b) => a - b);
  return (WEEK_MINUTES - gaps.reduce((sum, g) => sum + (g.to - g.from), 0)) * MINUTE_MS;
}

const hours = (ms: number): string => `${ms / 3_600_000} hour${ms === 3_600_000 ? '' : 's'}`;

const noticeLongerThanWeek: Check = (ctx) => {
  const m = ctx.contract.maintenance;
  const notice = m?.notice?.duration;
  // Stryker disable next-line ConditionalExpression: a notice without a length (null) never compares as longer
  if (!m || m.windows.length === 0 || !notice || notice.ms === null) return;
  // Stryker disable next-line ConditionalExpression: no calendar has the id null either
  const cal = notice.calendar === null ? undefined : ctx.contract.calendars.find((c) => c.id === notice.calendar);
  // Stryker disable next-line ConditionalExpression: a notice on an undeclared calendar has no length (ms null) and stopped above
  if (notice.calendar !== null && !cal) return; // SLA2007
  const week = cal ? weeklyBusinessMs(cal) : WEEK_MINUTES * MINUTE_MS;
  if (week === 0 || notice.ms <= week) return; // no business time at all: SLA3304
  // A notice of one unit is never more than a week: a business day is at most the week's business time.
  // Stryker disable next-line ConditionalExpression,StringLiteral: so the singular is never written
  const written = `${notice.amount} ${notice.calendar ? `${notice.calendar} ` : ''}${notice.unit}${notice.amount === '1' ? '' : 's'}`;
  ctx.report.report(
    CHECKS.noticeLongerThanCycle,
    notice.span,
    cal
      ? `a notice of ${written} (${hours(notice.ms)}) is more than the ${hours(week)} of business time in a week of calendar ${cal.id}: maintenance can never be announced in time for a window of the coming week`
      : `a notice of ${written} is longer than the week in which the windows repeat: maintenance can never be announced in time for a window of the coming week`,
  );
};

export const maintenanceChecks: readonly Check[] = [noticeLongerThanWeek];
