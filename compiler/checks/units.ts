// Checks of durations and their units: business days on uneven calendars, business time that is
// wall time, business time on a calendar without hours, and durations of zero.

import { businessDayMs } from '../lower';
import type { Span } from '../../language/span';
import { type Calendar, type Contract, type Duration, describeTargetScope } from '../ir';
import { CHECKS } from './codes';
import type { Check, CheckContext } from './context';

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Every duration of the contract with what it is, in source order. */
export function durationsOf(c: Contract): { duration: Duration; what: string; region?: string }[] {
  const out: { duration: Duration; what: string; region?: string }[] = [];
  const seen = new Set<number>();
  const add = (d: Duration | null | undefined, what: string): void => {
    // One table cell can stand for several targets (`for every incident`): report it once.
    if (!d || seen.has(d.span.start)) return;
    seen.add(d.span.start);
    out.push({ duration: d, what });
  };
  for (const t of c.targets) add(t.duration, `the ${t.objective} target`);
  for (const t of c.categoryTargets) add(t.duration, `the ${t.objective} target of category ${t.category}`);
  // Tables for some incidents only (`response targets for region japan`): a regional target in a
  // region's table counts on that region's calendar alone.
  for (const table of c.targetTables ?? []) {
    const scope = describeTargetScope(table.scope);
    for (const t of table.targets) {
      const before = out.length;
      add(t.duration, `the ${t.objective} target for ${scope}`);
      if (out.length > before && table.scope.kind === 'region') out[before].region = table.scope.id;
    }
  }
  add(c.maintenance?.notice?.duration, 'the maintenance notice');
  add(c.credits?.claimWindow?.duration, 'the claim window');
  // Stryker disable next-line ArrayDeclaration: a string has no `every`, so nothing is added either way
  for (const u of c.updates ?? []) add(u.every, 'the update interval');
  // Rules scoped to services (`maintenance for service compute`) have durations too.
  // Stryker disable next-line ArrayDeclaration,OptionalChaining: lowering always sets `scoped`
  for (const m of c.scoped?.maintenance ?? []) add(m.notice?.duration, 'the maintenance notice');
  // Stryker disable next-line ArrayDeclaration,OptionalChaining: lowering always sets `scoped`
  for (const cr of c.scoped?.credits ?? []) add(cr.claimWindow?.duration, 'the claim window');
  return out.sort((a, b) => a.duration.span.start - b.duration.span.start);
}

function calendarHeader(ctx: CheckContext, cal: Calendar): Span {
  for (const s of ctx.ast.statements) if (s.kind === 'calendar' && s.id.name === cal.id) return s.headerSpan;
  return cal.span;
}

/** Working minutes per weekday, for the message about uneven days. */
function dayLengths(cal: Calendar): string {
  // Each day's hours as the union of its ranges (08:00-18:00 and 12:00-20:00 make 12 hours).
  const perDay = new Map<number, number>();
  for (let day = 1; day <= 7; day++) {
    const ms = businessDayMs(cal.weekly.filter((r) => r.day === day), false);
    if (ms) perDay.set(day, ms / 60_000);
  }
  const byLength = new Map<number, string[]>();
  // Filled in weekday order above, so the days of each length are in weekday order.
  for (const [day, len] of perDay) byLength.set(len, [...(byLength.get(len) ?? []), DAY_NAMES[day - 1]]);
  const hours = (m: number): string => `${m / 60} hour${m === 60 ? '' : 's'}`;
  return [...byLength].map(([len, days]) => `${hours(len)} on ${days.join(', ')}`).join('; ');
}

const calendarIds = new WeakMap<Contract, Map<string, Calendar>>();

function calendarOf(c: Contract, d: Duration): Calendar | undefined {
  // Stryker disable next-line ConditionalExpression: no calendar is named null
  if (d.calendar === null) return undefined;
  let ids = calendarIds.get(c);
  // Stryker disable next-line ConditionalExpression: the cache only saves time
  if (!ids) calendarIds.set(c, (ids = new Map(c.calendars.map((x) => [x.id, x]))));
  return ids.get(d.calendar);
}

const hasHours = (cal: Calendar): boolean => cal.allDay || cal.weekly.some((r) => r.crossesMidnight || r.to > r.from) || (cal.spans ?? []).length > 0;

const businessDaysOnUnevenCalendar: Check = (ctx) => {
  for (const { duration: d, what } of durationsOf(ctx.contract)) {
    const cal = calendarOf(ctx.contract, d);
    // A business duration has no fixed length only in days on a calendar whose days differ.
    // Stryker disable next-line ConditionalExpression: so the unit adds nothing to `d.ms !== null`, but says what is meant
    if (!cal || d.unit !== 'day' || d.ms !== null || d.anchor || !hasHours(cal)) continue;
    ctx.report.report(CHECKS.businessDaysUneven, d.span, `${what} counts ${cal.id} days, but the working days of calendar ${cal.id} differ in length (${dayLengths(cal)})`, {
      related: [{ span: calendarHeader(ctx, cal), message: `calendar ${cal.id}` }],
      hint: `count ${cal.id} hours instead`,
    });
  }
};

const businessTimeOnAllDayCalendar: Check = (ctx) => {
  const reported = new Set<string>();
  for (const { duration: d, what } of durationsOf(ctx.contract)) {
    const cal = calendarOf(ctx.contract, d);
    if (!cal || !cal.allDay || reported.has(cal.id)) continue;
    const pinned =
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a pinned line lists at least one date (SLA1003 otherwise)
      cal.pinned.some((p) => p.dates.length > 0);
    if (cal.holidayCountry !== null || cal.added.length > 0 || pinned) continue;
    reported.add(cal.id);
    ctx.report.report(CHECKS.businessOn24x7, d.span, `${what} counts ${cal.id} time, but calendar ${cal.id} is open around the clock without holidays: it is plain wall-clock time`, {
      related: [{ span: calendarHeader(ctx, cal), message: `calendar ${cal.id}` }],
      hint: `write ${d.amount} ${d.unit}${d.amount === '1' ? '' : 's'}`,
    });
  }
};

const businessTimeWithoutHours: Check = (ctx) => {
  const reported = new Set<string>();
  for (const { duration: d, what } of durationsOf(ctx.contract)) {
    const cal = calendarOf(ctx.contract, d);
    if (!cal || hasHours(cal) || reported.has(cal.id)) continue;
    reported.add(cal.id);
    ctx.report.report(CHECKS.businessWithoutHours, calendarHeader(ctx, cal), `calendar ${cal.id} declares no business hours, so ${what} (${d.amount} ${cal.id} ${d.unit}${d.amount === '1' ? '' : 's'}) is never due`, {
      related: [{ span: d.span, message: 'counted on this calendar' }],
      hint: 'add its weekly hours: monday to friday 08:00 to 18:00',
    });
  }
};

const zeroDurations: Check = (ctx) => {
  for (const { duration: d, what } of durationsOf(ctx.contract)) {
    // Amounts are normalized (0.00 is 0); a business day has no length in ms, and a wall time too
    // short for a millisecond (0.000001 minutes) is zero too.
    if (d.ms !== 0 && d.amount !== '0') continue;
    ctx.report.report(CHECKS.zeroDuration, d.span, `${what} is zero: it is due the instant its clock starts`);
  }
};

export const unitChecks: readonly Check[] = [businessDaysOnUnevenCalendar, businessTimeOnAllDayCalendar, businessTimeWithoutHours, zeroDurations];
