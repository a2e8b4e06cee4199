// Checks of support clocks, pauses and regions: a clock that pauses for reasons the contract does
// not declare, a regional target whose region has no calendar, and a weekly range whose ends lie
// in different zones and is empty in some weeks of the year.


import { DateTime } from 'luxon';
import type { WeekSpan } from '../ir';
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
  if (regional.length === 0) return;
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
    ctx.report.report(CHECKS.regionWithoutCalendar, r.span, `region ${r.id} names no calendar, but ${regional[0].what} counts regional business time`, {
      related: [{ span: regional[0].duration.span, message: 'regional target' }],
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
  let first = '';
  let last = '';
  let count = 0;
  let total = 0;
  // The first start date of the year, then every week after it.
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
export const supportChecks: readonly Check[] = [pausedWithoutReasons, regionWithoutCalendar, spanEmptyPartOfYear];

