// Time in an IANA zone without the machine's zone: civil-date arithmetic on epoch days, and a
// deterministic, fast conversion between instants and local wall time (offsets cached per zone).

import { FixedOffsetZone, IANAZone, type Zone } from 'luxon';

/** `UTC+02:00`: a fixed offset (`periods in UTC+02:00`), beside IANA zone names. */
const FIXED_OFFSET = /^UTC([+-])(\d{2}):(\d{2})$/;

/** A zone name slac reads: an IANA zone, or a fixed offset written `UTC+02:00`. */
export function isKnownZone(name: string): boolean {
  return FIXED_OFFSET.test(name) || IANAZone.isValidZone(name);
}

function zoneNamed(name: string): Zone {
  const m = FIXED_OFFSET.exec(name);
  if (!m) return IANAZone.create(name);
  return FixedOffsetZone.instance((m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])));
}

export const MINUTE = 60_000;
export const DAY = 86_400_000;

// ---- civil-calendar arithmetic on epoch days (no Date local constructors, no machine zone) ----

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month, day] of an epoch day (Hinnant's civil_from_days). */
export function civilFromDays(z: number): [number, number, number] {
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
export function isoWeekday(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

export function isoDate(epochDay: number): string {
  const [y, m, d] = civilFromDays(epochDay);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ---- local wall time <-> instant, in one zone ----

/** Days of a zone's offsets sampled at once: a clock's year of intervals touches one or two. */
// Stryker disable next-line ArithmeticOperator: the window's size only decides how many days are sampled at once, not the offsets found
const WINDOW = 512 * DAY;

/** The offsets of one window of days: starts[i] is where offsets[i] (ms) begins. */
interface OffsetWindow {
  lo: number;
  hi: number;
  starts: number[];
  offsets: number[];
}

/**
 * The UTC offsets of one IANA zone as tables of transitions, filled lazily from luxon's IANAZone.
 * Asking luxon costs ~4 us per instant (Intl formatting); building a year of business intervals
 * needs thousands of offsets, so the zone is sampled once a day instead and every change found is
 * located to the millisecond by bisection. Windows of days are sampled independently, so records
 * in 1970 and in 9999 cost two windows, not the eight thousand years between them. Assumes a zone
 * never changes its offset twice within one day (true of every tzdb zone in the years an SLA can
 * concern).
 */
class ZoneOffsets {
  private readonly zone: Zone;
  private readonly windows = new Map<number, OffsetWindow>();
  /** The window used last: consecutive queries nearly always fall in it. */
  // Stryker disable next-line ObjectLiteral,ArrayDeclaration: the window [0, -1) holds no instant, so its tables are never read
  private last: OffsetWindow = { lo: 0, hi: -1, starts: [], offsets: [] };

  constructor(name: string) {
    this.zone = zoneNamed(name);
  }

  private raw(t: number): number {
    return this.zone.offset(t) * MINUTE;
  }

  offsetAt(t: number): number {
    let w = this.last;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the last window only saves a lookup; at t = hi it gives the same offset unless a change falls on that very millisecond, a multiple of 512 days from 1970
    if (!(t >= w.lo && t < w.hi)) w = this.last = this.window(t);
    const starts = w.starts;
    let lo = 0;
    // Stryker disable next-line ArithmeticOperator: one past the end is never chosen, since starts[length] <= t is false
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    return w.offsets[lo];
  }

  private window(t: number): OffsetWindow {
    if (!Number.isFinite(t)) throw new RangeError('instants must be finite');
    const k = Math.floor(t / WINDOW);
    let w = this.windows.get(k);
    if (w === undefined) {
      w = this.scan(k * WINDOW, (k + 1) * WINDOW);
      this.windows.set(k, w);
    }
    return w;
  }

  /** The window [a, b): the offset at a, then each change by its first instant. */
  private scan(a: number, b: number): OffsetWindow {
    const starts = [a];
    const offsets = [this.raw(a)];
    // Stryker disable next-line ArithmeticOperator: sampling from a day before a only adds changes before a, which every t >= a lies after
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
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a change at or after b is never looked up in this window (t < b)
      if (hi >= b) break; // the next window starts with it
      starts.push(hi);
      offsets.push(o);
    }
    return { lo: a, hi: b, starts, offsets };
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
export class ZoneConverter {
  private readonly offsets: ZoneOffsets;

  constructor(name: string) {
    if (!isKnownZone(name)) throw new RangeError(`unknown time zone '${name}'`);
    let offsets = zoneOffsets.get(name);
    // Stryker disable next-line ConditionalExpression: a cache of tables per zone; a new table gives the same offsets
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
    // Stryker disable next-line ConditionalExpression,ArrayDeclaration: when the offsets a day either side agree, the three candidates are the same one; with none, the gap rule below gives the same instant
    for (const o of before === after ? [before] : [before, after, this.offsetAt(localMs)]) {
      const t = localMs - o;
      // Stryker disable next-line EqualityOperator: candidates equal to the best are the same instant
      if (this.offsetAt(t) === o && t < best) best = t;
    }
    // No offset reproduces the wall time: it lies in a gap; read it with the earlier offset.
    return best === Number.POSITIVE_INFINITY ? localMs - before : best;
  }
}


function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

const converters = new Map<string, ZoneConverter>();

export function converterFor(zone: string): ZoneConverter {
  let c = converters.get(zone);
  // Stryker disable next-line ConditionalExpression: a cache of converters; a new one gives the same results
  if (c === undefined) {
    c = new ZoneConverter(zone);
    converters.set(zone, c);
  }
  return c;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** Per-zone memo of the last local day's "YYYY-MM-DDT" and the last offset's suffix: logs are time-ordered. */
interface FormatMemo {
  conv: ZoneConverter;
  day: number;
  dayText: string;
  offset: number;
  /** The offset the instant is written with: the zone's, or 0 when that is not whole minutes. */
  shown: number;
  offsetText: string;
}
const formatMemos = new Map<string, FormatMemo>();

function offsetText(offset: number, zone: string): string {
  if (offset % MINUTE !== 0 || (offset === 0 && zone === 'UTC')) return 'Z';
  const abs = Math.abs(offset) / MINUTE;
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * ISO 8601 in the zone with its offset: 2026-03-08T00:15:00-05:00 (milliseconds only when set).
 * ISO 8601 offsets are whole minutes; where a zone's is not (Africa/Monrovia's -00:44:30 until
 * 1972), the instant is written exactly, in UTC with `Z`, rather than with a rounded offset.
 */
export function formatInstant(instant: number, zone: string): string {
  let memo = formatMemos.get(zone);
  // Stryker disable next-line ConditionalExpression: a memo; a new one is filled again below (its day and offset are NaN)
  if (memo === undefined) {
    // Stryker disable next-line StringLiteral: the texts are rewritten before use, since day and offset are NaN
    memo = { conv: converterFor(zone), day: NaN, dayText: '', offset: NaN, shown: 0, offsetText: '' };
    formatMemos.set(zone, memo);
  }
  const offset = memo.conv.offsetAt(instant);
  // Stryker disable next-line ConditionalExpression: a memo of the offset's text; recomputing it gives the same
  if (offset !== memo.offset) {
    memo.offset = offset;
    memo.shown = offset % MINUTE === 0 ? offset : 0;
    memo.offsetText = offsetText(offset, zone);
  }
  const local = instant + memo.shown;
  const day = Math.floor(local / DAY);
  // Stryker disable next-line ConditionalExpression: a memo of the day's text; recomputing it gives the same
  if (day !== memo.day) {
    const [y, m, d] = civilFromDays(day);
    memo.day = day;
    memo.dayText = `${pad(y, 4)}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}T`;
  }
  let rest = local - day * DAY;
  const hh = Math.floor(rest / 3_600_000);
  rest -= hh * 3_600_000;
  const mm = Math.floor(rest / MINUTE);
  rest -= mm * MINUTE;
  const ss = Math.floor(rest / 1000);
  const ms = rest - ss * 1000;
  const time = `${TWO_DIGITS[hh]}:${TWO_DIGITS[mm]}:${TWO_DIGITS[ss]}`;
  return ms ? `${memo.dayText}${time}.${pad(ms, 3)}${memo.offsetText}` : memo.dayText + time + memo.offsetText;
}

/** The local [year, month] (1-based month) of an instant in the zone. */
export function localYearMonth(instant: number, zone: string): [number, number] {
  let memo = monthMemos.get(zone);
  // Stryker disable next-line ConditionalExpression: a memo; a new one is filled again below (its day is NaN)
  if (memo === undefined) {
    // Stryker disable next-line ArrayDeclaration: ym is rewritten before use, since day is NaN
    memo = { conv: converterFor(zone), day: NaN, ym: [0, 0] };
    monthMemos.set(zone, memo);
  }
  const day = Math.floor(memo.conv.localMs(instant) / DAY);
  // Stryker disable next-line ConditionalExpression: a memo of the month; recomputing it gives the same
  if (day !== memo.day) {
    const [y, m] = civilFromDays(day);
    memo.day = day;
    memo.ym = [y, m];
  }
  return memo.ym;
}
const monthMemos = new Map<string, { conv: ZoneConverter; day: number; ym: [number, number] }>();

/** The instant local midnight starts the given day in the zone (see ZoneConverter for DST gaps). */
export function localMidnight(year: number, month: number, day: number, zone: string): number {
  return converterFor(zone).instant(daysFromCivil(year, month, day) * DAY);
}
