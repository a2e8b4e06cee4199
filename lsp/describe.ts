// Plain-words descriptions of what the compiler resolved: a calendar's week and holidays, what a
// duration means on its calendar, a credit band's interval. Shared by hover and inlay hints.

import type * as A from '../language/ast';
import { businessDayMs } from '../compiler/lower';
import type { Calendar, Contract, CreditBand, WeeklyRange } from '../compiler/ir';
import { fromDecimal, mul, toDecimalText } from '../compiler/decimal';
import { resolveHolidays } from '../runtime/holidays';

const DAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Days as runs: [1,2,3,4,5] -> "Mon-Fri", [6,7,1] -> "Mon, Sat-Sun". */
function dayRuns(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j > i + 1 ? `${DAY_NAMES[sorted[i]]}-${DAY_NAMES[sorted[j]]}` : sorted.slice(i, j + 1).map((d) => DAY_NAMES[d]).join(', '));
    i = j + 1;
  }
  return runs.join(', ');
}

/** "Mon-Fri 08:00-18:00; Sat 09:00-13:00": days grouped by their ranges. */
export function weeklyText(weekly: readonly WeeklyRange[], allDay: boolean): string {
  if (allDay) return '24x7';
  if (weekly.length === 0) return 'no business hours';
  const byRanges = new Map<string, number[]>();
  const perDay = new Map<number, string[]>();
  for (const r of weekly) perDay.set(r.day, [...(perDay.get(r.day) ?? []), `${hhmm(r.from)}-${hhmm(r.to)}`]);
  for (const [day, ranges] of perDay) {
    const key = ranges.join(', ');
    byRanges.set(key, [...(byRanges.get(key) ?? []), day]);
  }
  return [...byRanges].map(([ranges, days]) => `${dayRuns(days)} ${ranges}`).join('; ');
}

/** Business minutes in a week (ranges crossing midnight run into the next day). */
export function weeklyMinutes(weekly: readonly WeeklyRange[], allDay: boolean): number {
  if (allDay) return 7 * 1440;
  return weekly.reduce((n, r) => n + ((r.crossesMidnight ? r.to + 1440 : r.to) - r.from), 0);
}

export function hoursText(minutes: number): string {
  const h = minutes / 60;
  const n = Number.isInteger(h) ? String(h) : h.toFixed(2).replace(/0+$/, '');
  return `${n} hour${h === 1 ? '' : 's'}`;
}

/** "Mon-Fri 08:00-18:00 America/Bogota, public holidays of CO, 2026 pinned". */
export function calendarSummary(cal: Calendar, zone: string): string {
  const parts = [`${weeklyText(cal.weekly, cal.allDay)} ${zone}`];
  if (cal.holidayCountry) parts.push(`public holidays of ${cal.holidayCountry}`);
  if (cal.pinned.length) parts.push(`${cal.pinned.map((p) => p.year).join(', ')} pinned`);
  if (cal.added.length) parts.push(`${cal.added.length} added holiday${cal.added.length === 1 ? '' : 's'}`);
  if (cal.removed.length) parts.push(`${cal.removed.length} removed`);
  return parts.join(', ');
}

/** The calendar's holidays of a year; an unknown country gives none (the checks report it). */
export function holidaysOf(cal: Calendar, year: number): string[] {
  try {
    return [...resolveHolidays(cal, year)];
  } catch {
    return [];
  }
}

/** ISO weekday (1 = Monday) of a 'YYYY-MM-DD' date. */
export function weekdayOf(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Holidays that fall on a day with business hours: the ones that move a due time. */
export function workdayHolidays(cal: Calendar, year: number): string[] {
  const days = new Set(cal.allDay ? [1, 2, 3, 4, 5, 6, 7] : cal.weekly.map((r) => r.day));
  return holidaysOf(cal, year).filter((d) => days.has(weekdayOf(d)));
}

export function calendarById(contract: Contract, id: string): Calendar | undefined {
  return contract.calendars.find((c) => c.id === id);
}

const unitWord = (unit: string, amount: string): string => `${unit}${amount === '1' ? '' : 's'}`;

/** What a duration counts: "2 business days = 20 business hours on calendar business: ..." */
export function durationMeaning(d: A.DurationNode, contract: Contract): string {
  const amount = d.amount.text;
  const written = [amount, d.calendar?.name, unitWord(d.unit, amount)].filter(Boolean).join(' ');
  if (!d.calendar) return `${written} on the wall clock: 24x7, holidays included`;
  const cal = calendarById(contract, d.calendar.name);
  if (!cal) return `${written}: no calendar "${d.calendar.name}" is declared`;
  const on = `on calendar ${cal.id}: ${calendarSummary(cal, contract.timeZone)}`;
  if (d.unit !== 'day') return `${written} of business time ${on}`;
  const dayMs = businessDayMs(cal.weekly, cal.allDay);
  if (dayMs === null) return `${written}: the days of calendar ${cal.id} differ in length, so a business day has no single length (SLA3301)`;
  try {
    const hours = toDecimalText(mul(fromDecimal(amount), fromDecimal(String(dayMs / 3_600_000))), 2);
    return `${written} = ${hours} ${d.calendar.name} hour${hours === '1' ? '' : 's'} ${on}`;
  } catch {
    return `${written} ${on}`;
  }
}

/** The hours a business-day duration resolves to, or null. */
export function businessDayHours(d: A.DurationNode, contract: Contract): string | null {
  if (!d.calendar || d.unit !== 'day') return null;
  const cal = calendarById(contract, d.calendar.name);
  const dayMs = cal ? businessDayMs(cal.weekly, cal.allDay) : null;
  if (dayMs === null) return null;
  try {
    return toDecimalText(mul(fromDecimal(d.amount.text), fromDecimal(String(dayMs / 3_600_000))), 2);
  } catch {
    return null;
  }
}

/** "[99.00%, 99.90%)" in interval notation: a square bracket includes its end. */
export function bandInterval(b: Pick<CreditBand, 'lower' | 'upper'>): string {
  const lo = b.lower ? `${b.lower.inclusive ? '[' : '('}${b.lower.value}%` : '[0%';
  const hi = b.upper ? `${b.upper.value}%${b.upper.inclusive ? ']' : ')'}` : '100%]';
  return `${lo}, ${hi}`;
}
