// Deadlines that are dates: the last day of a claim window or of a report's deadline, N days or N
// business days after a date. Business days are counted as dates that have business time on the
// named calendar, with the calendar's own clock (holidays and weekends skip), so `10 business days
// after 2026-03-31` is the tenth such date after March 31; the deadline day itself is inclusive.

import type { Duration } from '../compiler/ir';
import type { CompiledContract } from './contract';
import type { BusinessClock } from './business-clock';
import { daysFromCivil, formatInstant, isoDate, localMidnight } from './time';

/** Business days counted past this many are not searched (a calendar with almost no business time). */
const MAX_BUSINESS_DAYS = 10_000;

/** The date `d` after `date` (YYYY-MM-DD, in the contract's zone), or why it cannot be given. */
export function dateAfter(date: string, d: Duration, c: CompiledContract): { date: string } | { reason: string } {
  const [y, m, day] = date.split('-').map(Number) as [number, number, number];
  if (d.calendar === null) {
    if (d.ms === null) return { reason: `${d.amount} ${d.unit}s cannot be counted` };
    return { date: isoDate(daysFromCivil(y, m, day) + Math.floor(d.ms / 86_400_000)) };
  }
  const n = Number(d.amount);
  if (d.unit !== 'day' || !Number.isInteger(n)) return { reason: `a deadline on calendar ${d.calendar} is counted in whole business days, not ${d.amount} business ${d.unit}s` };
  if (n > MAX_BUSINESS_DAYS) return { reason: `more than ${MAX_BUSINESS_DAYS} business days are not counted` };
  const clock = c.clock(d.calendar) as Partial<BusinessClock>;
  const calendar = c.ir.calendars.find((x) => x.id === d.calendar);
  // c.clock() threw above for a calendar the contract does not have.
  const zone = calendar!.zone ?? c.ir.timeZone;
  if (!clock.nextBusinessDay) return { date: isoDate(daysFromCivil(y, m, day) + n) };
  // From the anchor date (in the calendar's zone), the next date with business time, n times.
  let t = localMidnight(y, m, day, zone);
  for (let i = 0; i < n; i++) {
    const next = clock.nextBusinessDay(t, 0);
    if (next === null) return { reason: `calendar ${d.calendar} has no ${n} business days after ${date}` };
    t = next;
  }
  return { date: formatInstant(t, zone).slice(0, 10) };
}
