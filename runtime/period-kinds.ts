// The periods targets are judged over: calendar months, calendar and fiscal quarters, calendar
// and fiscal years. Every kind is a run of whole months in one zone (the contract's, or that of
// `periods in`), so a month is the unit everything else is built from: a month is numbered
// (year * 12 + month - 1), and a period is its first month and its number of months.
//
// Keys, as reports print them and `--period` reads them:
//   calendar month   2026-03      calendar quarter  2026-Q1     calendar year  2026
//   fiscal quarter   FY2027-Q1    fiscal year       FY2027
// A fiscal year starting in February (`fiscal year starts february`) runs from 2026-02-01 to
// 2027-01-31 and is FY2027: named by the calendar year it ends in, as most organisations name
// theirs. Its first quarter is February to April. A fiscal year starting in January is the
// calendar year and has its number.

import type { PeriodKind } from '../compiler/ir';
import { DAY, daysFromCivil, formatInstant, localMidnight, localYearMonth } from './time';

export type { PeriodKind } from '../compiler/ir';

/** Where periods begin: the zone, and the month (1-12) fiscal years start in (1 without one). */
export interface PeriodCalendar {
  zone: string;
  fiscalYearStart: number;
}

export interface Period {
  kind: PeriodKind;
  key: string;
  /** The first month: year * 12 + month - 1. */
  first: number;
  /** How many months: 1, 3 or 12. */
  months: number;
  /** Epoch ms of its first instant, and of the first instant after it. */
  start: number;
  end: number;
}

/** The period of each period verdict (keyed by the verdict object): what the money pass reads its months from. */
export const PERIOD_OF = new WeakMap<object, Period>();

/** The kinds in the order reports list a period's several kinds (shortest first). */
export const PERIOD_KINDS: readonly PeriodKind[] = ['calendar-month', 'calendar-quarter', 'fiscal-quarter', 'calendar-year', 'fiscal-year'];

/** The number of a month: year * 12 + month - 1 (month 1-12). */
export function monthNumber(year: number, month: number): number {
  return year * 12 + month - 1;
}

/** The month number an instant falls in, in the zone. */
export function monthAt(instant: number, zone: string): number {
  const [y, m] = localYearMonth(instant, zone);
  return monthNumber(y, m);
}

/** `2026-03` of a month number. */
export function monthKey(n: number): string {
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** The months a period of `kind` has. */
export function monthsIn(kind: PeriodKind): number {
  return kind === 'calendar-month' ? 1 : kind.endsWith('quarter') ? 3 : 12;
}

/** The month (0-11) periods of `kind` are counted from: January, or the fiscal year's start. */
function originOf(kind: PeriodKind, cal: PeriodCalendar): number {
  return kind.startsWith('fiscal') ? cal.fiscalYearStart - 1 : 0;
}

/** The period of `kind` that month number `n` falls in. */
export function periodOfMonth(n: number, kind: PeriodKind, cal: PeriodCalendar): Period {
  const len = monthsIn(kind);
  const origin = originOf(kind, cal);
  const first = n - ((((n - origin) % len) + len) % len);
  const [start, end] = bounds(first, len, cal.zone);
  return { kind, key: keyOf(first, kind, cal), first, months: len, start, end };
}

/** The period of `kind` an instant falls in. */
export function periodAt(instant: number, kind: PeriodKind, cal: PeriodCalendar): Period {
  return periodOfMonth(monthAt(instant, cal.zone), kind, cal);
}

/** [start, end) of `months` months from month number `first`, in the zone. */
export function bounds(first: number, months: number, zone: string): [number, number] {
  const at = (n: number): number => localMidnight(Math.floor(n / 12), (n % 12) + 1, 1, zone);
  return [at(first), at(first + months)];
}

function keyOf(first: number, kind: PeriodKind, cal: PeriodCalendar): string {
  if (kind === 'calendar-month') return monthKey(first);
  const y = Math.floor(first / 12);
  if (kind === 'calendar-quarter') return `${y}-Q${Math.floor((first % 12) / 3) + 1}`;
  if (kind === 'calendar-year') return String(y);
  // The fiscal year this period lies in, named by the calendar year its last month falls in.
  const origin = originOf(kind, cal);
  const yearFirst = first - ((((first - origin) % 12) + 12) % 12);
  const fy = Math.floor((yearFirst + 11) / 12);
  if (kind === 'fiscal-year') return `FY${fy}`;
  return `FY${fy}-Q${(first - yearFirst) / 3 + 1}`;
}

/** The forms a period key takes, for messages: `2026-03, 2026-Q1, 2026, FY2027-Q1 or FY2027`. */
export const PERIOD_KEY_FORMS = 'YYYY-MM (a month), YYYY-Qn (a calendar quarter), YYYY (a calendar year), FYYYYY-Qn or FYYYYY (a fiscal quarter or year)';

/** The period a key names (`2026-03`, `2026-Q1`, `2026`, `FY2027-Q1`, `FY2027`), or null when it is none. */
export function periodByKey(key: string, cal: PeriodCalendar): Period | null {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) return periodOfMonth(monthNumber(Number(m[1]), Number(m[2])), 'calendar-month', cal);
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return periodOfMonth(monthNumber(Number(m[1]), (Number(m[2]) - 1) * 3 + 1), 'calendar-quarter', cal);
  m = /^(\d{4})$/.exec(key);
  if (m) return periodOfMonth(monthNumber(Number(m[1]), 1), 'calendar-year', cal);
  m = /^FY(\d{4})(?:-Q([1-4]))?$/.exec(key);
  if (m) {
    // FY N ends in calendar year N: it starts in year N - 1, unless it starts in January.
    const s = cal.fiscalYearStart;
    const yearFirst = monthNumber(s === 1 ? Number(m[1]) : Number(m[1]) - 1, s);
    const q = m[2] === undefined ? null : Number(m[2]);
    return q === null ? periodOfMonth(yearFirst, 'fiscal-year', cal) : periodOfMonth(yearFirst + (q - 1) * 3, 'fiscal-quarter', cal);
  }
  return null;
}

/** The month numbers of a period, in order. */
export function monthsOf(p: Pick<Period, 'first' | 'months'>): number[] {
  return Array.from({ length: p.months }, (_, i) => p.first + i);
}

/** The days a period has (28 to 366): calendar days of its months. */
export function daysOf(p: Pick<Period, 'first' | 'months'>): number {
  const day = (n: number): number => daysFromCivil(Math.floor(n / 12), (n % 12) + 1, 1);
  return day(p.first + p.months) - day(p.first);
}

/** Its last day, YYYY-MM-DD. */
export function lastDayOf(p: Pick<Period, 'first' | 'months'>): string {
  const n = p.first + p.months;
  const d = daysFromCivil(Math.floor(n / 12), (n % 12) + 1, 1) - 1;
  return formatInstant(d * DAY, 'UTC').slice(0, 10);
}
