// Business clocks: counting and adding business time on a calendar in an IANA time zone.
// All instants are epoch milliseconds; DST-correct; queries are O(log n) over precomputed intervals.

import type { Calendar, WeekSpan, WeeklyRange } from '../compiler/ir';
import { businessDayMs } from '../compiler/lower';
import { resolveHolidays } from './holidays';
import { civilFromDays, DAY, daysFromCivil, isoDate, isoWeekday, MINUTE, ZoneConverter } from './time';

/** A clock that counts some kind of time between instants (business time, or wall time). */
export interface Clock {
  /** Counted milliseconds in [a, b); 0 when b <= a. */
  elapsed(a: number, b: number): number;
  /**
   * The earliest instant t >= start with elapsed(start, t) === targetMs; for targetMs === 0 the
   * next counted instant at or after start. Null when the time can never be counted (see below);
   * Infinity when t lies after `horizon` (default: DUE_HORIZON_YEARS after start), which is not
   * searched.
   */
  due(start: number, targetMs: number, horizon?: number): number | null;
  /** `t` itself when t is counted time, else the start of the next counted time (null if none). */
  nextBusinessInstant(t: number): number | null;
  isBusinessInstant(t: number): boolean;
}

export interface BusinessClock extends Clock {
  readonly calendar: Calendar;
  readonly zone: string;
  /** The business intervals [start, end) that meet [a, b), clipped to it, in order. */
  intervals(a: number, b: number): [number, number][];
  /**
   * On the first local date after t's that has business time: the instant of local `minute`
   * (`next business day by 12:00`), or the end of that date's business time (minute null: `end of
   * next business day`). Null when no business day comes.
   */
  nextBusinessDay(t: number, minute: number | null): number | null;
}

export interface BusinessClockOptions {
  /** Holiday dates ('YYYY-MM-DD', local) of a year; defaults to `resolveHolidays(calendar, year)`. */
  holidaysFor?: (year: number) => readonly string[];
}

/**
 * How far `due`/`nextBusinessInstant` look for business time that never comes (a calendar with no
 * weekly hours, or every day a holiday) before answering null instead of looping forever: ten
 * years with no business time at all after the start (or after the last business time found).
 */
const EMPTY_HORIZON_YEARS = 10;
/**
 * How far after its start a due time is searched: a target that the calendar cannot count within
 * this many years (36,500 business days, say) is "due after the horizon", and its verdict is
 * decided from the time counted until the event or as-of instead. Each year searched costs its
 * holidays and time-zone offsets, so an absurd target must not walk centuries.
 */
export const DUE_HORIZON_YEARS = 100;
export const DUE_HORIZON_MS = Math.round(DUE_HORIZON_YEARS * 365.2425) * DAY;
/**
 * An upper bound of what a daylight-saving change can add to one week of business time (offset
 * changes are at most a few hours, and never twice in a week), for the quick horizon test.
 */
const DST_SLACK_PER_WEEK_MS = 3 * 3_600_000;
const WEEK = 7 * DAY;
/** Years beyond which nothing is generated (luxon/Intl handle more, but no SLA needs it). */
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

// ---- weekly schedule ----

/** One business range as minutes from the local midnight of the day it starts on (0..2880). */
interface DayRange {
  from: number;
  to: number;
}

// Stryker disable next-line ArrowFunction: built when the module loads, before the vitest runner activates a mutant; broken, it fails every 24x7 test (searches at their limits)
const ALL_DAY: readonly WeeklyRange[] = ([1, 2, 3, 4, 5, 6, 7] as const).map((day) => ({
  day,
  from: 0,
  to: 1440,
  // Stryker disable next-line BooleanLiteral: a day of 00:00-24:00 crossing midnight is split at it, each part checked against its own date's holidays, and merged with the next day's range: the same intervals
  crossesMidnight: false,
  // Stryker disable next-line ObjectLiteral: the clock never reads a range's span
  span: { start: 0, end: 0 },
}));

/** Ranges starting on each ISO weekday (index 1..7), with the end measured from that midnight. */
function rangesByWeekday(calendar: Calendar): DayRange[][] {
  const byDay: DayRange[][] = [[], [], [], [], [], [], [], []];
  const weekly = calendar.allDay ? ALL_DAY : calendar.weekly;
  for (const r of weekly) {
    const to = r.crossesMidnight ? 1440 + r.to : r.to;
    if (to > r.from) byDay[r.day].push({ from: r.from, to });
  }
  return byDay;
}

/** Length of one business day of the calendar, or null when its working days differ (compiler/lower.ts). */
export function dayLengthMs(calendar: Calendar): number | null {
  return businessDayMs(calendar.weekly, calendar.allDay);
}

// ---- wall clock ----

export function wallElapsed(a: number, b: number): number {
  // Stryker disable next-line EqualityOperator: b - a is 0 when b === a
  return b > a ? b - a : 0;
}

export function wallDue(start: number, ms: number, horizon = start + DUE_HORIZON_MS): number {
  return start + ms > horizon ? Number.POSITIVE_INFINITY : start + ms;
}

/** Wall-clock time: every instant counts. */
export const wallClock: Clock = {
  elapsed: wallElapsed,
  due: wallDue,
  nextBusinessInstant: (t) => t,
  isBusinessInstant: () => true,
};

// ---- business clock ----

/**
 * Binary search: the last index i with a[i] <= x (-1 if none), over a[0..n).
 */
function lastAtOrBelow(a: Float64Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

class IntervalBusinessClock implements BusinessClock {
  private readonly converter: ZoneConverter;
  private readonly byWeekday: DayRange[][];
  /** Weekly ranges over days whose ends lie in other zones, with a converter for each end. */
  private readonly spans: { span: WeekSpan; from: ZoneConverter; to: ZoneConverter; days: number }[];
  /** Business time of a week without holidays or DST, ranges summed (overlaps twice): an upper bound. */
  private readonly weeklyMs: number;
  private readonly holidaysFor: (year: number) => readonly string[];
  private readonly holidaySets = new Map<number, ReadonlySet<string>>();
  /** Raw (unmerged) business pieces [start, end, start, end, ...] of ranges starting in a local year. */
  private readonly piecesByYear = new Map<number, number[]>();

  /** Years whose business time is exact in the arrays below: [yearLo, yearHi]; empty when lo > hi. */
  private yearLo = 0;
  private yearHi = -1;
  /** Instant of local yearLo-01-01 00:00 and of local (yearHi+1)-01-01 00:00. */
  private coverStart = 0;
  private coverEnd = 0;
  /** Merged, disjoint, non-touching business intervals [starts[i], ends[i]), sorted. */
  private starts = new Float64Array(0);
  private ends = new Float64Array(0);
  /** prefix[i] = total length of intervals 0..i-1 (length n + 1). */
  private prefix = new Float64Array(1);
  private n = 0;

  constructor(
    readonly calendar: Calendar,
    readonly zone: string,
    options: BusinessClockOptions = {},
  ) {
    this.converter = new ZoneConverter(zone);
    this.byWeekday = rangesByWeekday(calendar);
    this.spans = (calendar.allDay ? [] : (calendar.spans ?? [])).map((sp) => {
      // Days from the start's date to the end's: friday to monday wraps into the next week, and a
      // span that ends on its own day before it starts runs the whole week round.
      let days = (sp.toDay - sp.fromDay + 7) % 7;
      if (days === 0 && sp.to <= sp.from && (sp.fromZone ?? zone) === (sp.toZone ?? zone)) days = 7;
      return { span: sp, from: new ZoneConverter(sp.fromZone ?? zone), to: new ZoneConverter(sp.toZone ?? zone), days };
    });
    // A span lasts at most its days plus the largest difference of two zones' offsets (< 2 days).
    const spansMs = this.spans.reduce((sum, sp) => sum + (sp.days + 2) * DAY, 0);
    this.weeklyMs = this.byWeekday.flat().reduce((sum, r) => sum + (r.to - r.from) * MINUTE, 0) + Math.min(WEEK, spansMs);
    this.holidaysFor = options.holidaysFor ?? ((year) => resolveHolidays(calendar, year));
  }

  // -- queries --

  elapsed(a: number, b: number): number {
    if (!(b > a)) return 0;
    this.cover(a, b);
    return this.cumulative(b) - this.cumulative(a);
  }

  due(start: number, targetMs: number, horizon = start + DUE_HORIZON_MS): number | null {
    if (!Number.isFinite(targetMs) || targetMs < 0) throw new RangeError(`invalid target ${targetMs}`);
    // Zero target: a clock that starts outside business time starts at the next business instant,
    // so "due immediately" means that instant, not `start` (which may be a night or a holiday).
    if (targetMs === 0) return this.nextBusinessInstant(start);
    // More than the weeks up to the horizon can hold even without holidays: no need to look.
    const weeks = Math.ceil((horizon - start) / WEEK) + 1;
    if (this.weeklyMs > 0 && targetMs > Math.min(horizon - start, weeks * (this.weeklyMs + DST_SLACK_PER_WEEK_MS))) return Number.POSITIVE_INFINITY;
    this.cover(start, start);
    for (;;) {
      const goal = this.cumulative(start) + targetMs;
      if (this.prefix[this.n] >= goal) {
        return this.instantAt(goal, horizon);
      }
      // Stryker disable next-line EqualityOperator: when the years covered end exactly at the horizon and the goal is not reached, the due time lies after the horizon either way
      if (this.coverEnd > horizon) return Number.POSITIVE_INFINITY;
      if (!this.extendForward(start)) return this.yearHi >= MAX_YEAR ? Number.POSITIVE_INFINITY : null;
    }
  }

  /**
   * The instant the cumulative business time reaches `goal` (covered: prefix[n] >= goal): inside the
   * first interval whose cumulative end reaches it, or exactly at its end (the end of counted time,
   * never the start of the next one); past the horizon, infinity.
   */
  private instantAt(goal: number, horizon: number): number {
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.prefix[mid + 1] >= goal) hi = mid;
      else lo = mid + 1;
    }
    const due = this.starts[lo] + (goal - this.prefix[lo]);
    return due > horizon ? Number.POSITIVE_INFINITY : due;
  }

  nextBusinessInstant(t: number): number | null {
    this.cover(t, t);
    for (;;) {
      const k = lastAtOrBelow(this.starts, this.n, t);
      // Stryker disable next-line ConditionalExpression: for k === -1, ends[-1] is undefined and the comparison is false
      if (k >= 0 && t < this.ends[k]) return t;
      if (k + 1 < this.n) return this.starts[k + 1];
      if (!this.extendForward(t)) return null;
    }
  }

  intervals(a: number, b: number): [number, number][] {
    const out: [number, number][] = [];
    // Stryker disable next-line EqualityOperator: for b === a every piece clips to nothing and is dropped
    if (!(b > a)) return out;
    this.cover(a, b);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end, starts[n] is undefined (comparisons false); a piece starting at or after b clips to nothing and is dropped
    for (let i = Math.max(0, lastAtOrBelow(this.starts, this.n, a)); i < this.n && this.starts[i] < b; i++) {
      const s = Math.max(this.starts[i], a);
      const e = Math.min(this.ends[i], b);
      if (e > s) out.push([s, e]);
    }
    return out;
  }

  /**
   * due() skipping pauses: sorted, disjoint [pStarts[i], pEnds[i]) from index `first` on (the first
   * that ends after start). The goal in cumulative business time grows by the business time of
   * each pause it reaches, so the answer costs a few binary searches, like due() itself.
   * For PausedClock; a target of zero is its concern.
   */
  dueSkipping(start: number, targetMs: number, pStarts: readonly number[], pEnds: readonly number[], first: number, horizon: number): number | null {
    const weeks = Math.ceil((horizon - start) / WEEK) + 1;
    if (this.weeklyMs > 0 && targetMs > Math.min(horizon - start, weeks * (this.weeklyMs + DST_SLACK_PER_WEEK_MS))) return Number.POSITIVE_INFINITY;
    this.cover(start, start);
    for (;;) {
      let goal = this.cumulative(start) + targetMs;
      for (let i = first; i < pStarts.length; i++) {
        const ps = pStarts[i] > start ? pStarts[i] : start;
        const cps = this.cumulative(ps);
        if (cps >= goal) break;
        if (pEnds[i] === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
        // Past the covered years both are the total so far: the search below then covers more.
        goal += this.cumulative(pEnds[i]) - cps;
      }
      if (this.prefix[this.n] >= goal) {
        return this.instantAt(goal, horizon);
      }
      if (this.coverEnd > horizon) return Number.POSITIVE_INFINITY;
      if (!this.extendForward(start)) return this.yearHi >= MAX_YEAR ? Number.POSITIVE_INFINITY : null;
    }
  }

  nextBusinessDay(t: number, minute: number | null): number | null {
    const today = Math.floor(this.converter.localMs(t) / DAY);
    const first = this.nextBusinessInstant(this.converter.instant((today + 1) * DAY));
    if (first === null) return null;
    const day = Math.floor(this.converter.localMs(first) / DAY);
    if (minute !== null) return this.converter.instant(day * DAY + minute * MINUTE);
    const dayEnd = this.converter.instant((day + 1) * DAY);
    const parts = this.intervals(first, dayEnd);
    return parts.length ? parts[parts.length - 1][1] : dayEnd;
  }

  isBusinessInstant(t: number): boolean {
    this.cover(t, t);
    const k = lastAtOrBelow(this.starts, this.n, t);
    // Stryker disable next-line ConditionalExpression: for k === -1, ends[-1] is undefined and the comparison is false
    return k >= 0 && t < this.ends[k];
  }

  /** Business ms before `t` counted from the first stored interval (only differences are meaningful). */
  private cumulative(t: number): number {
    const k = lastAtOrBelow(this.starts, this.n, t);
    if (k < 0) return 0;
    return this.prefix[k] + Math.min(t, this.ends[k]) - this.starts[k];
  }

  // -- coverage --

  private localYear(instant: number): number {
    return civilFromDays(Math.floor(this.converter.localMs(instant) / DAY))[0];
  }

  // Stryker disable next-line BlockStatement,ArithmeticOperator: coverStart only decides whether cover() may skip a rebuild, which gives the same intervals (coverEnd, the other use, is pinned by the horizon tests)
  private yearStart(year: number): number {
    return this.converter.instant(daysFromCivil(year, 1, 1) * DAY);
  }

  /** Makes the intervals exact over [a, b] (whole local years), building missing years at once. */
  private cover(a: number, b: number): void {
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError('instants must be finite');
    // Stryker disable next-line ConditionalExpression,EqualityOperator: skipping a rebuild only saves time; a rebuild of the same years gives the same intervals
    if (this.yearLo <= this.yearHi && a >= this.coverStart && b <= this.coverEnd) return;
    let lo = this.localYear(a);
    let hi = this.localYear(b);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: keeping the years already covered only saves rebuilding them later; every query covers its own span first
    if (this.yearLo <= this.yearHi) {
      lo = Math.min(lo, this.yearLo);
      hi = Math.max(hi, this.yearHi);
    }
    this.rebuild(lo, hi);
  }

  /**
   * Covers more years after the current end, for a search that found too little business time
   * from `from`. False when giving up: no business time at all during EMPTY_HORIZON_YEARS after
   * `from` (or after the last business time found), or the year limit is reached.
   */
  private extendForward(from: number): boolean {
    const lastEnd = this.n > 0 ? this.ends[this.n - 1] : Number.NEGATIVE_INFINITY;
    const quietSince = Math.max(from, lastEnd);
    const quietYears = this.yearHi + 1 - this.localYear(quietSince);
    if (quietYears > EMPTY_HORIZON_YEARS || this.yearHi >= MAX_YEAR) return false;
    // Grow geometrically so a far due date costs O(log) rebuilds, not one per year.
    // Stryker disable next-line ArithmeticOperator: how many years one step adds changes the cost of a far search, not where the next business time is
    const span = this.yearHi - this.yearLo + 1;
    // Stryker disable next-line MethodExpression: as above, the growth of a step
    this.rebuild(this.yearLo, Math.min(MAX_YEAR, this.yearHi + Math.max(1, Math.min(span, 16))));
    return true;
  }

  private rebuild(lo: number, hi: number): void {
    lo = Math.max(MIN_YEAR, lo);
    hi = Math.min(MAX_YEAR, hi);
    // Ranges starting on the last days of year lo-1 can run into year lo, so its pieces are
    // needed too for the intervals of year lo to be exact.
    const pieces: number[][] = [];
    let count = 0;
    for (let y = lo - 1; y <= hi; y++) {
      const p = this.piecesOf(y);
      pieces.push(p);
      count += p.length / 2;
    }
    // Stryker disable next-line ArrayDeclaration: the array is filled by index; its initial length only saves growing it
    const order: [number, number][] = new Array(count);
    let i = 0;
    for (const p of pieces) for (let j = 0; j < p.length; j += 2) order[i++] = [p[j], p[j + 1]];
    order.sort((x, y) => x[0] - y[0]);

    // Merge overlapping and touching pieces (Friday 17:00-24:00 + Saturday 00:00-02:00 is one
    // interval), so that a due date never falls on a boundary between two touching pieces.
    const starts = new Float64Array(count);
    const ends = new Float64Array(count);
    let n = 0;
    for (const [s, e] of order) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: for n === 0, ends[-1] is undefined and the comparison is false
      if (n > 0 && s <= ends[n - 1]) {
        // Stryker disable next-line EqualityOperator: assigning an equal end changes nothing
        if (e > ends[n - 1]) ends[n - 1] = e;
      } else {
        starts[n] = s;
        ends[n] = e;
        n++;
      }
    }
    const prefix = new Float64Array(n + 1);
    // Stryker disable next-line EqualityOperator: k === n writes prefix[n + 1], past the end of the typed array, which is ignored
    for (let k = 0; k < n; k++) prefix[k + 1] = prefix[k] + (ends[k] - starts[k]);

    this.starts = starts;
    this.ends = ends;
    this.prefix = prefix;
    this.n = n;
    this.yearLo = lo;
    this.yearHi = hi;
    this.coverStart = this.yearStart(lo);
    this.coverEnd = this.yearStart(hi + 1);
  }

  private isHoliday(epochDay: number): boolean {
    const date = isoDate(epochDay);
    const year = Number(date.slice(0, 4));
    let set = this.holidaySets.get(year);
    if (set === undefined) {
      set = new Set(this.holidaysFor(year));
      this.holidaySets.set(year, set);
    }
    return set.has(date);
  }

  /**
   * Business pieces of the ranges starting on the local dates of `year`, as instants.
   *
   * Each local time maps to an instant with ZoneConverter, and a piece is
   * [instant(local start), instant(local end)): on a DST day a 08:00-18:00 range therefore lasts
   * 9 real hours (spring forward) or 11 (fall back), and a range cut by the gap (01:00-04:00 on a
   * 02:00->03:00 day) lasts 2 hours. Pieces that end up empty or reversed are dropped.
   *
   * Holidays remove business time by local date: a range crossing midnight is split at midnight,
   * and each part is removed only when ITS date is a holiday (Sunday 22:00 to 02:00 keeps its
   * Sunday part when only Monday is a holiday, and loses only the part after midnight). So the
   * hours lying on a holiday are never business time, whatever day their range started on.
   */
  private piecesOf(year: number): number[] {
    const cached = this.piecesByYear.get(year);
    if (cached !== undefined) return cached;
    const out: number[] = [];
    const first = daysFromCivil(year, 1, 1);
    const last = daysFromCivil(year + 1, 1, 1);
    // Stryker disable next-line EqualityOperator: the next year's January 1 would be built twice, checked against its own date's holidays, and merged: the same intervals
    for (let day = first; day < last; day++) {
      const ranges = this.byWeekday[isoWeekday(day)];
      // Stryker disable next-line ConditionalExpression: a day without ranges adds nothing either way
      if (ranges.length === 0) continue;
      const midnight = day * DAY;
      for (const r of ranges) {
        // Split at the following midnight (the only one a range can cross: to <= 2880).
        const parts: [number, number, number][] =
          r.to > 1440 ? [[day, r.from, 1440], [day + 1, 1440, r.to]] : [[day, r.from, r.to]];
        for (const [date, from, to] of parts) {
          if (this.isHoliday(date)) continue;
          const s = this.converter.instant(midnight + from * MINUTE);
          const e = this.converter.instant(midnight + to * MINUTE);
          if (e > s) out.push(s, e);
        }
      }
    }
    if (this.spans.length) this.spanPieces(year, out);
    this.piecesByYear.set(year, out);
    return out;
  }

  /**
   * Business pieces of the cross-zone spans that start (as an instant, read in the calendar's
   * zone) in local `year`. Each span opens at its start day and time in the start's zone and
   * closes at its end day and time in the end's zone, on the date `days` later; a week in which
   * the close comes before the open (the zones' offsets moved apart) has no such span. Holidays
   * remove whole local dates of the calendar's zone, as for the other ranges.
   */
  private spanPieces(year: number, out: number[]): void {
    const first = daysFromCivil(year, 1, 1);
    const last = daysFromCivil(year + 1, 1, 1);
    for (const sp of this.spans) {
      // Start dates a little either side of the year: the zones differ from the calendar's by up to a day.
      for (let day = first - 2; day < last + 2; day++) {
        if (isoWeekday(day) !== sp.span.fromDay) continue;
        const s = sp.from.instant(day * DAY + sp.span.from * MINUTE);
        if (this.localYear(s) !== year) continue;
        const e = sp.to.instant((day + sp.days) * DAY + sp.span.to * MINUTE);
        if (!(e > s)) continue;
        // Split at the calendar's local midnights, dropping the parts on holidays.
        const lastDay = Math.floor(this.converter.localMs(e - 1) / DAY);
        for (let d = Math.floor(this.converter.localMs(s) / DAY); d <= lastDay; d++) {
          if (this.isHoliday(d)) continue;
          const ps = Math.max(s, this.converter.instant(d * DAY));
          const pe = Math.min(e, this.converter.instant((d + 1) * DAY));
          if (pe > ps) out.push(ps, pe);
        }
      }
    }
  }
}

/**
 * A business clock for `calendar` in IANA `zone`: business time is the calendar's weekly ranges
 * (every instant when `allDay`) minus whole local holiday dates.
 */
export function createBusinessClock(
  calendar: Calendar,
  zone: string,
  options?: BusinessClockOptions,
): BusinessClock {
  return new IntervalBusinessClock(calendar, zone, options);
}
