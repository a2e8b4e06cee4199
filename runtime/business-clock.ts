// Business clocks: counting and adding business time on a calendar in an IANA time zone.
// All instants are epoch milliseconds; DST-correct; queries are O(log n) over precomputed intervals.

import { IANAZone } from 'luxon';
import type { Calendar, WeeklyRange } from '../compiler/ir';
import { resolveHolidays } from './holidays';

/** A clock that counts some kind of time between instants (business time, or wall time). */
export interface Clock {
  /** Counted milliseconds in [a, b); 0 when b <= a. */
  elapsed(a: number, b: number): number;
  /**
   * The earliest instant t >= start with elapsed(start, t) === targetMs; for targetMs === 0 the
   * next counted instant at or after start. Null when the time can never be counted (see below).
   */
  due(start: number, targetMs: number): number | null;
  /** `t` itself when t is counted time, else the start of the next counted time (null if none). */
  nextBusinessInstant(t: number): number | null;
  isBusinessInstant(t: number): boolean;
}

export interface BusinessClock extends Clock {
  readonly calendar: Calendar;
  readonly zone: string;
}

export interface BusinessClockOptions {
  /** Holiday dates ('YYYY-MM-DD', local) of a year; defaults to `resolveHolidays(calendar, year)`. */
  holidaysFor?: (year: number) => readonly string[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/**
 * How far `due`/`nextBusinessInstant` look for business time that never comes (a calendar with no
 * weekly hours, or every day a holiday) before answering null instead of looping forever: ten
 * years with no business time at all after the start (or after the last business time found).
 */
const EMPTY_HORIZON_YEARS = 10;
/** Years beyond which nothing is generated (luxon/Intl handle more, but no SLA needs it). */
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

// ---- civil-calendar arithmetic on epoch days (no Date local constructors, no machine zone) ----

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month, day] of an epoch day (Hinnant's civil_from_days). */
function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** ISO weekday (1 = Monday) of an epoch day; 1970-01-01 was a Thursday. */
function isoWeekday(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

function isoDate(epochDay: number): string {
  const [y, m, d] = civilFromDays(epochDay);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ---- local wall time <-> instant, in one zone ----

/**
 * The UTC offsets of one IANA zone as a table of transitions, filled lazily from luxon's IANAZone.
 * Asking luxon costs ~4 us per instant (Intl formatting); building a year of business intervals
 * needs thousands of offsets, so the zone is sampled once a day instead and every change found is
 * located to the millisecond by bisection. Assumes a zone never changes its offset twice within
 * one day (true of every tzdb zone in the years an SLA can concern).
 */
class ZoneOffsets {
  private readonly zone: IANAZone;
  /** Sampled range [lo, hi], whole UTC days; starts[i] is where offsets[i] (ms) begins. */
  private lo = 0;
  private hi = -1;
  private starts: number[] = [];
  private offsets: number[] = [];

  constructor(name: string) {
    this.zone = IANAZone.create(name);
  }

  private raw(t: number): number {
    return this.zone.offset(t) * MINUTE;
  }

  offsetAt(t: number): number {
    if (!(t >= this.lo && t <= this.hi)) this.extend(t);
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    return this.offsets[lo];
  }

  /** Segments of [a, b] (whole days): the offset at a, then each change by its first instant. */
  private scan(a: number, b: number): { starts: number[]; offsets: number[] } {
    const starts = [a];
    const offsets = [this.raw(a)];
    for (let s = a + DAY; s <= b; s += DAY) {
      const prev = offsets[offsets.length - 1];
      const o = this.raw(s);
      if (o === prev) continue;
      let lo = s - DAY;
      let hi = s;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (this.raw(mid) === prev) lo = mid;
        else hi = mid;
      }
      starts.push(hi);
      offsets.push(o);
    }
    return { starts, offsets };
  }

  private extend(t: number): void {
    if (!Number.isFinite(t)) throw new RangeError('instants must be finite');
    // About a year of margin per extension, so that a clock's year of intervals costs one scan.
    const margin = 400 * DAY;
    const day = Math.floor(t / DAY) * DAY;
    if (this.hi < this.lo) {
      const seg = this.scan(day - margin, day + margin);
      this.starts = seg.starts;
      this.offsets = seg.offsets;
      this.lo = day - margin;
      this.hi = day + margin;
    } else if (t < this.lo) {
      const left = this.scan(day - margin, this.lo);
      // The scan's last segment continues into the table's first one (same offset at lo).
      this.starts = [...left.starts, ...this.starts.slice(1)];
      this.offsets = [...left.offsets, ...this.offsets.slice(1)];
      this.lo = day - margin;
    } else {
      const right = this.scan(this.hi, day + margin);
      this.starts = [...this.starts, ...right.starts.slice(1)];
      this.offsets = [...this.offsets, ...right.offsets.slice(1)];
      this.hi = day + margin;
    }
  }
}

/** One offset table per zone name, shared by every clock (offsets are facts, not settings). */
const zoneOffsets = new Map<string, ZoneOffsets>();

/**
 * Converts between instants and local wall time ("local ms": the wall reading written as if it
 * were UTC) using luxon's IANA zone offsets.
 *
 * Why not `DateTime.fromObject({...}, { zone })` directly: for a repeated wall time (fall back)
 * luxon starts from the zone's offset *now* (Settings.now()), so which of the two instants it
 * returns depends on the machine clock's season. A verdict must not depend on when it is computed,
 * so the disambiguation is done here, deterministically, with the rules:
 * - a wall time that exists once maps to its instant;
 * - a repeated wall time (fall back) maps to the EARLIER instant (the offset in force before the
 *   change);
 * - a wall time that does not exist (spring-forward gap) is read with the offset in force before
 *   the change, i.e. shifted forward by the gap, which is what luxon's fromObject gives too
 *   (02:30 in a 02:00->03:00 gap becomes 03:30).
 */
class ZoneConverter {
  private readonly offsets: ZoneOffsets;

  constructor(name: string) {
    if (!IANAZone.isValidZone(name)) throw new RangeError(`unknown time zone '${name}'`);
    let offsets = zoneOffsets.get(name);
    if (offsets === undefined) {
      offsets = new ZoneOffsets(name);
      zoneOffsets.set(name, offsets);
    }
    this.offsets = offsets;
  }

  /** Offset in ms at an instant. */
  offsetAt(instant: number): number {
    return this.offsets.offsetAt(instant);
  }

  localMs(instant: number): number {
    return instant + this.offsetAt(instant);
  }

  instant(localMs: number): number {
    // Offsets that can apply to this wall time: those in force a day either side (no zone changes
    // offset twice within two days) and at the wall reading itself.
    const before = this.offsetAt(localMs - DAY);
    const after = this.offsetAt(localMs + DAY);
    let best = Number.POSITIVE_INFINITY;
    for (const o of before === after ? [before] : [before, after, this.offsetAt(localMs)]) {
      const t = localMs - o;
      if (this.offsetAt(t) === o && t < best) best = t;
    }
    // No offset reproduces the wall time: it lies in a gap; read it with the earlier offset.
    return best === Number.POSITIVE_INFINITY ? localMs - before : best;
  }
}

// ---- weekly schedule ----

/** One business range as minutes from the local midnight of the day it starts on (0..2880). */
interface DayRange {
  from: number;
  to: number;
}

const ALL_DAY: readonly WeeklyRange[] = ([1, 2, 3, 4, 5, 6, 7] as const).map((day) => ({
  day,
  from: 0,
  to: 1440,
  crossesMidnight: false,
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

/**
 * Length of one business day when every working weekday (one on which some range starts) has the
 * same total, else null. Overlapping ranges of one weekday are counted once (their union). A
 * crossing-midnight range counts wholly towards the day it starts on. Used for `N business days`.
 */
export function dayLengthMs(calendar: Calendar): number | null {
  let length: number | null = null;
  for (const ranges of rangesByWeekday(calendar).slice(1)) {
    if (ranges.length === 0) continue;
    const sorted = [...ranges].sort((a, b) => a.from - b.from);
    let total = 0;
    let curFrom = sorted[0].from;
    let curTo = sorted[0].to;
    for (const r of sorted.slice(1)) {
      if (r.from <= curTo) curTo = Math.max(curTo, r.to);
      else {
        total += curTo - curFrom;
        curFrom = r.from;
        curTo = r.to;
      }
    }
    total += curTo - curFrom;
    if (length === null) length = total;
    else if (length !== total) return null;
  }
  return length === null ? null : length * MINUTE;
}

// ---- wall clock ----

export function wallElapsed(a: number, b: number): number {
  return b > a ? b - a : 0;
}

export function wallDue(start: number, ms: number): number {
  return start + ms;
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
    this.holidaysFor = options.holidaysFor ?? ((year) => resolveHolidays(calendar, year));
  }

  // -- queries --

  elapsed(a: number, b: number): number {
    if (!(b > a)) return 0;
    this.cover(a, b);
    return this.cumulative(b) - this.cumulative(a);
  }

  due(start: number, targetMs: number): number | null {
    if (!Number.isFinite(targetMs) || targetMs < 0) throw new RangeError(`invalid target ${targetMs}`);
    // Zero target: a clock that starts outside business time starts at the next business instant,
    // so "due immediately" means that instant, not `start` (which may be a night or a holiday).
    if (targetMs === 0) return this.nextBusinessInstant(start);
    this.cover(start, start);
    for (;;) {
      const goal = this.cumulative(start) + targetMs;
      if (this.prefix[this.n] >= goal) {
        // First interval k whose cumulative end reaches the goal: the target is exhausted inside
        // it, or exactly at its end (the end of counted time, never the start of the next one).
        let lo = 0;
        let hi = this.n - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (this.prefix[mid + 1] >= goal) hi = mid;
          else lo = mid + 1;
        }
        return this.starts[lo] + (goal - this.prefix[lo]);
      }
      if (!this.extendForward(start)) return null;
    }
  }

  nextBusinessInstant(t: number): number | null {
    this.cover(t, t);
    for (;;) {
      const k = lastAtOrBelow(this.starts, this.n, t);
      if (k >= 0 && t < this.ends[k]) return t;
      if (k + 1 < this.n) return this.starts[k + 1];
      if (!this.extendForward(t)) return null;
    }
  }

  isBusinessInstant(t: number): boolean {
    this.cover(t, t);
    const k = lastAtOrBelow(this.starts, this.n, t);
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

  private yearStart(year: number): number {
    return this.converter.instant(daysFromCivil(year, 1, 1) * DAY);
  }

  /** Makes the intervals exact over [a, b] (whole local years), building missing years at once. */
  private cover(a: number, b: number): void {
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError('instants must be finite');
    if (this.yearLo <= this.yearHi && a >= this.coverStart && b <= this.coverEnd) return;
    let lo = this.localYear(a);
    let hi = this.localYear(b);
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
    const span = this.yearHi - this.yearLo + 1;
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
      if (n > 0 && s <= ends[n - 1]) {
        if (e > ends[n - 1]) ends[n - 1] = e;
      } else {
        starts[n] = s;
        ends[n] = e;
        n++;
      }
    }
    const prefix = new Float64Array(n + 1);
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
    for (let day = first; day < last; day++) {
      const ranges = this.byWeekday[isoWeekday(day)];
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
    this.piecesByYear.set(year, out);
    return out;
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
