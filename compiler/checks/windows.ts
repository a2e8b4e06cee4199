// Checks of weekly ranges: maintenance windows (overlaps, windows that almost touch or stop just
// short of midnight, gaps the other days do not have), business hours (overlaps, overnight
// ranges), empty ranges, and local times that a daylight-saving change skips or repeats in the
// contract's time zone.

import { IANAZone } from 'luxon';
import type * as A from '../../language/ast';
import type { Span } from '../../language/span';
import type { Contract, WeeklyRange } from '../ir';
import { CHECKS, SHORT_GAP_MINUTES } from './codes';
import type { Check, CheckContext } from './context';
import { coverage } from './intervals';
import { hoursLineAt } from './source';

const DAY_MINUTES = 1440;
const WEEK_MINUTES = 7 * DAY_MINUTES;
const DAY_MS = 86_400_000;
const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** Years checked for daylight-saving changes when the contract states no effective date. */
export const DEFAULT_DST_YEARS: readonly number[] = [2025, 2026, 2027];
/** Years after the effective year that are checked for daylight-saving changes. */
const DST_YEARS_AFTER_EFFECTIVE = 2;

const clock = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const minutesOf = (t: string): number => {
  const [h, m] = t.split(':').map(Number);
  return h * 60 + m;
};

/** The clock time `length` minutes after `start` (minutes of a day), 24:00 at midnight. */
function clockAfter(start: number, length: number): string {
  const end = (start + length) % DAY_MINUTES;
  return end === 0 ? '24:00' : clock(end);
}

function lengthOf(r: WeeklyRange): number {
  return r.crossesMidnight ? DAY_MINUTES - r.from + r.to : r.to - r.from;
}

/**
 * The range as half-open pieces of the week [0, 10080), split where it runs past Sunday 24:00. An
 * empty range gives an empty piece, which coverage() ignores.
 */
export function weekPieces(r: WeeklyRange): { from: number; to: number; owner: WeeklyRange }[] {
  const start = ((r.day - 1) * DAY_MINUTES + r.from) % WEEK_MINUTES;
  const end = start + lengthOf(r);
  // Stryker disable next-line EqualityOperator: a range ending at the seam would add an empty piece at its start, which coverage() ignores
  if (end <= WEEK_MINUTES) return [{ from: start, to: end, owner: r }];
  return [
    { from: start, to: WEEK_MINUTES, owner: r },
    { from: 0, to: end - WEEK_MINUTES, owner: r },
  ];
}

/**
 * The `08:00 to 18:00` node a weekly range was lowered from, for precise ranges. Every weekly range
 * is lowered from one range of an hours line (of a calendar or of the maintenance windows), whose
 * start is the range's span start, so the node is always found.
 */
const timeRanges = new WeakMap<WeeklyRange, A.TimeRangeNode>();

function timeRangeOf(ctx: CheckContext, r: WeeklyRange): A.TimeRangeNode {
  let node = timeRanges.get(r);
  // Stryker disable next-line ConditionalExpression: the cache only saves time
  if (node) return node;
  node = hoursLineAt(ctx.ast, r.span.start)!.ranges.find((t) => minutesOf(t.from.text) === r.from && minutesOf(t.to.text) === r.to)!;
  timeRanges.set(r, node);
  return node;
}

const spanOf = (ctx: CheckContext, r: WeeklyRange): Span => timeRangeOf(ctx, r).span;

/** Every list of weekly ranges of the contract, with how a range of it is called in messages. */
function rangeLists(c: Contract): { what: string; ranges: WeeklyRange[] }[] {
  const out = c.calendars.map((cal) => ({ what: `this range of calendar ${cal.id}`, ranges: cal.weekly }));
  if (c.maintenance) out.push({ what: 'this maintenance window', ranges: c.maintenance.windows });
  return out;
}

/** The minutes of a gap or an overlap of the (cyclic) week: one across the seam ends before it starts. */
const weekLength = (g: { from: number; to: number }): number => (g.to - g.from + WEEK_MINUTES) % WEEK_MINUTES;

/** Groups findings that repeat on several days of one line (`monday to friday ...`) into one. */
class DayGroups<V> {
  private readonly groups = new Map<string, { value: V; days: string[] }>();
  add(key: string, day: string, value: V): void {
    const g = this.groups.get(key);
    if (g) {
      if (!g.days.includes(day)) g.days.push(day);
    } else this.groups.set(key, { value, days: [day] });
  }
  *entries(): Iterable<{ value: V; days: string }> {
    for (const g of this.groups.values()) yield { value: g.value, days: g.days.join(', ') };
  }
}

const emptyRanges: Check = (ctx) => {
  const seen = new Set<number>();
  for (const list of rangeLists(ctx.contract)) {
    for (const r of list.ranges) {
      if (lengthOf(r) !== 0) continue;
      const span = spanOf(ctx, r);
      if (seen.has(span.start)) continue;
      seen.add(span.start);
      ctx.report.report(CHECKS.emptyRange, span, `${clock(r.from)} to ${clock(r.to)} covers no time`, { hint: 'write 00:00 to 24:00 for a whole day' });
    }
  }
};

/**
 * The ranges of a list without those that repeat a range of an earlier line exactly (same day and
 * times), and those repeats with the range they repeat. A repeated line is reported once, as a
 * repeat of the first, instead of overlapping every other copy; the other checks of single ranges
 * look at the first copy only. Empty ranges are left to SLA3105.
 */
function withoutRepeats(ranges: readonly WeeklyRange[]): { distinct: WeeklyRange[]; repeats: { range: WeeklyRange; first: WeeklyRange }[] } {
  const firstOf = new Map<string, WeeklyRange>();
  const distinct: WeeklyRange[] = [];
  const repeats: { range: WeeklyRange; first: WeeklyRange }[] = [];
  for (const r of ranges) {
    const key = `${r.day}:${r.from}:${r.to}`;
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, r);
    // The same day twice on one line (`monday, monday to friday`) is an overlap of that line.
    if (first === undefined || first.span.start === r.span.start || lengthOf(r) === 0) distinct.push(r);
    else repeats.push({ range: r, first });
  }
  return { distinct, repeats };
}

/** Repeats, grouped by line pair: `monday to friday 21:00 to 01:00` twice is one finding. */
function repeatsOf(ctx: CheckContext, ranges: readonly WeeklyRange[]) {
  const groups = new DayGroups<{ range: WeeklyRange; first: WeeklyRange }>();
  for (const r of withoutRepeats(ranges).repeats) groups.add(`${spanOf(ctx, r.range).start}:${spanOf(ctx, r.first).start}`, DAY_NAMES[r.range.day - 1], r);
  return [...groups.entries()];
}

function overlapsOf(ctx: CheckContext, ranges: readonly WeeklyRange[]) {
  const { overlaps } = coverage(withoutRepeats(ranges).distinct.flatMap(weekPieces), { from: 0, to: WEEK_MINUTES }, (a, b) => a - b, { cyclic: true });
  const groups = new DayGroups<{ first: WeeklyRange; second: WeeklyRange; from: number; length: number }>();
  for (const o of overlaps) {
    const a = spanOf(ctx, o.first);
    const b = spanOf(ctx, o.second);
    // Stryker disable next-line EqualityOperator: ranges of one line have the same span, so either order reads the same
    const [first, second] = a.start <= b.start ? [o.first, o.second] : [o.second, o.first];
    const length = weekLength(o);
    groups.add(`${Math.min(a.start, b.start)}:${Math.max(a.start, b.start)}:${o.from % DAY_MINUTES}:${length}`, DAY_NAMES[Math.floor(o.from / DAY_MINUTES)], { first, second, from: o.from, length });
  }
  return [...groups.entries()];
}

const lineOf = (ctx: CheckContext, r: WeeklyRange): number => ctx.lines.position(r.span.start).line;
const times = (r: WeeklyRange): string => `${clock(r.from)} to ${clock(r.to)}`;

const windowOverlaps: Check = (ctx) => {
  const m = ctx.contract.maintenance;
  if (!m) return;
  for (const { value: r, days } of repeatsOf(ctx, m.windows)) {
    ctx.report.report(CHECKS.windowOverlap, spanOf(ctx, r.range), `this maintenance window repeats the one on line ${lineOf(ctx, r.first)} (${times(r.range)} on ${days})`, {
      related: [{ span: spanOf(ctx, r.first), message: 'first given here' }],
      hint: 'remove the repeated window',
    });
  }
  for (const { value: o, days } of overlapsOf(ctx, m.windows)) {
    ctx.report.report(CHECKS.windowOverlap, spanOf(ctx, o.second), `this maintenance window overlaps another from ${clock(o.from % DAY_MINUTES)} to ${clockAfter(o.from % DAY_MINUTES, o.length)} on ${days}`, {
      related: [{ span: spanOf(ctx, o.first), message: 'the other window' }],
    });
  }
};

const hoursOverlaps: Check = (ctx) => {
  for (const cal of ctx.contract.calendars) {
    for (const { value: r, days } of repeatsOf(ctx, cal.weekly)) {
      ctx.report.report(CHECKS.hoursOverlap, spanOf(ctx, r.range), `these business hours of calendar ${cal.id} repeat those on line ${lineOf(ctx, r.first)} (${times(r.range)} on ${days})`, {
        related: [{ span: spanOf(ctx, r.first), message: 'first given here' }],
        hint: 'remove the repeated range',
      });
    }
    for (const { value: o, days } of overlapsOf(ctx, cal.weekly)) {
      ctx.report.report(CHECKS.hoursOverlap, spanOf(ctx, o.second), `these business hours of calendar ${cal.id} overlap others from ${clock(o.from % DAY_MINUTES)} to ${clockAfter(o.from % DAY_MINUTES, o.length)} on ${days}`, {
        related: [{ span: spanOf(ctx, o.first), message: 'the other range' }],
      });
    }
  }
};

const hoursOvernight: Check = (ctx) => {
  const seen = new Set<number>();
  for (const cal of ctx.contract.calendars) {
    for (const r of withoutRepeats(cal.weekly).distinct) {
      if (!r.crossesMidnight || r.to === 0) continue; // `18:00 to 00:00` ends at midnight: not overnight
      const span = spanOf(ctx, r);
      if (seen.has(span.start)) continue;
      seen.add(span.start);
      ctx.report.report(CHECKS.hoursOvernight, span, `${clock(r.from)} to ${clock(r.to)} ends before it starts: read as running overnight, until ${clock(r.to)} the next day`, {
        hint: `if the day was meant, write ${clock(r.to)} to ${clock(r.from)}`,
      });
    }
  }
};

/**
 * The minutes a gap leaves before the midnight after its start, when that is less than
 * SHORT_GAP_MINUTES (SLA3103: the window before it stops just short of midnight); 0 otherwise.
 */
function shortBeforeMidnight(g: { from: number }): number {
  const minutes = DAY_MINUTES - (g.from % DAY_MINUTES);
  return minutes < SHORT_GAP_MINUTES ? minutes : 0;
}

/** The minutes from the midnight before a gap's end to its end, when less than SHORT_GAP_MINUTES and not 0 (SLA3103). */
function shortAfterMidnight(g: { to: number }): number {
  const minutes = g.to % DAY_MINUTES;
  return minutes < SHORT_GAP_MINUTES ? minutes : 0;
}

/**
 * Short gaps between maintenance windows, and windows that stop just short of midnight. A gap of
 * at least SHORT_GAP_MINUTES is longer than the part of it before or after midnight that SLA3103
 * names, so that part always ends or starts at a window.
 */
const windowGaps: Check = (ctx) => {
  const m = ctx.contract.maintenance;
  if (!m) return;
  const { gaps } = coverage(m.windows.flatMap(weekPieces), { from: 0, to: WEEK_MINUTES }, (a, b) => a - b, { cyclic: true });
  const short = new DayGroups<{ before: WeeklyRange; after: WeeklyRange; from: number; length: number }>();
  // Grouped by window line, so `monday to friday 20:00 to 23:59` is one finding naming every day.
  const nearMidnight = new DayGroups<{ range: WeeklyRange; ends: boolean; minutes: number; at: number }>();
  for (const g of gaps) {
    // Stryker disable next-line LogicalOperator: a gap of a cycle lacks a neighbour only when there are no windows, and then lacks both
    if (!g.before || !g.after) continue;
    const length = weekLength(g);
    if (length < SHORT_GAP_MINUTES) {
      const key = `${spanOf(ctx, g.before).start}:${spanOf(ctx, g.after).start}:${g.from % DAY_MINUTES}:${length}`;
      short.add(key, DAY_NAMES[Math.floor(g.from / DAY_MINUTES)], { before: g.before, after: g.after, from: g.from, length });
      continue;
    }
    const beforeMidnight = shortBeforeMidnight(g);
    if (beforeMidnight > 0) {
      nearMidnight.add(`ends:${spanOf(ctx, g.before).start}:${g.before.to}`, DAY_NAMES[Math.floor(g.from / DAY_MINUTES)], {
        range: g.before,
        ends: true,
        minutes: beforeMidnight,
        at: g.from,
      });
    }
    const afterMidnight = shortAfterMidnight(g);
    if (afterMidnight > 0) {
      nearMidnight.add(`starts:${spanOf(ctx, g.after).start}:${g.after.from}`, DAY_NAMES[Math.floor(g.to / DAY_MINUTES)], {
        range: g.after,
        ends: false,
        minutes: afterMidnight,
        at: g.to,
      });
    }
  }
  for (const { value: s, days } of short.entries()) {
    const after = timeRangeOf(ctx, s.after);
    const before = timeRangeOf(ctx, s.before);
    ctx.report.report(
      CHECKS.windowsAlmostTouch,
      after.from.span,
      `the maintenance windows leave ${s.length} minute${s.length === 1 ? '' : 's'} uncovered, ${clock(s.from % DAY_MINUTES)} to ${clockAfter(s.from % DAY_MINUTES, s.length)} on ${days}: maintenance then counts as downtime`,
      { related: [{ span: before.to.span, message: 'the previous window ends here' }], hint: 'make the windows meet (24:00 then 00:00) if one continuous window was meant' },
    );
  }
  for (const { value: n, days } of nearMidnight.entries()) {
    const node = timeRangeOf(ctx, n.range);
    const plural = n.minutes === 1 ? '' : 's';
    ctx.report.report(
      CHECKS.windowShortOfMidnight,
      n.ends ? node.to.span : node.from.span,
      n.ends
        ? `this maintenance window ends ${n.minutes} minute${plural} before midnight: ${clock(n.at % DAY_MINUTES)} to 24:00 on ${days} is outside every window`
        : `this maintenance window starts ${n.minutes} minute${plural} after midnight: 00:00 to ${clock(n.at % DAY_MINUTES)} on ${days} is outside every window`,
      { hint: n.ends ? 'write 24:00 if the window runs until midnight' : 'write 00:00 if the window starts at midnight' },
    );
  }
};

/**
 * `23:00 to 24:00 on wednesday` for `length` minutes of the week from `from`, or
 * `22:00 on wednesday to 20:00 on thursday` when they run past midnight. A gap the pattern names
 * lies between windows of at least three weekdays, so it ends on another weekday than it starts.
 */
function uncoveredText(from: number, length: number): string {
  const at = from % DAY_MINUTES;
  const day = DAY_NAMES[Math.floor(from / DAY_MINUTES)];
  if (at + length <= DAY_MINUTES) return `${clock(at)} to ${clockAfter(at, length)} on ${day}`;
  const lastDay = DAY_NAMES[Math.floor(((from + length - 1) % WEEK_MINUTES) / DAY_MINUTES)];
  return `${clock(at)} on ${day} to ${clockAfter(at, length)} on ${lastDay}`;
}

/** The parts of the week [0, WEEK_MINUTES) the pieces cover, merged, in order. */
function coveredParts(pieces: readonly { from: number; to: number }[]): [number, number][] {
  const sorted = [...pieces].sort((a, b) => a.from - b.from);
  // Stryker disable next-line ArrayDeclaration: a minute is looked up at or after the start of some part, never in a part before the first
  const out: [number, number][] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    // Stryker disable next-line EqualityOperator: parts that only touch cover the same minutes as their union
    if (last && p.from <= last[1]) last[1] = Math.max(last[1], p.to);
    else out.push([p.from, p.to]);
  }
  return out;
}

/** Whether the minute of the week starting at `minute` (taken modulo the week) is covered by the (non-empty) parts. */
function coversMinute(parts: readonly [number, number][], minute: number): boolean {
  const a = minute % WEEK_MINUTES;
  let lo = 0;
  let hi = parts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (parts[mid][0] <= a) lo = mid;
    else hi = mid - 1;
  }
  return parts[lo][0] <= a && parts[lo][1] > a;
}

const weekStart = (r: WeeklyRange): number => (r.day - 1) * DAY_MINUTES + r.from;

/**
 * A gap between windows that the other days do not have: a window that stops while the windows
 * starting at the same time on (at least two) other days all go on, or starts while those ending
 * at the same time are all already running. The pattern decides, not a length: one night of seven
 * stopping at 23:00 is reported, a gap every day shares is not. Gaps reported as SLA3102 or SLA3103
 * are left to them.
 */
const patternGaps: Check = (ctx) => {
  const m = ctx.contract.maintenance;
  if (!m) return;
  const ranges = withoutRepeats(m.windows).distinct.filter((r) => lengthOf(r) > 0);
  const pieces = ranges.flatMap(weekPieces);
  const parts = coveredParts(pieces);
  // Called only for the windows around a gap, so there are parts.
  const covered = (minute: number): boolean => coversMinute(parts, minute);
  const byStart = new Map<number, WeeklyRange[]>();
  const byEnd = new Map<number, WeeklyRange[]>();
  for (const r of ranges) {
    const end = (r.from + lengthOf(r)) % DAY_MINUTES;
    byStart.set(r.from, [...(byStart.get(r.from) ?? []), r]);
    byEnd.set(end, [...(byEnd.get(end) ?? []), r]);
  }
  /** The other days' windows like `w` (same start, or same end), and whether each covers `at` minutes past its own anchor. */
  const others = (like: WeeklyRange[], w: WeeklyRange, offset: (r: WeeklyRange) => number): { days: number[]; all: boolean } => {
    const days = new Set<number>();
    let all = true;
    for (const r of like) {
      if (r.day === w.day) continue;
      days.add(r.day);
      if (!covered(weekStart(r) + offset(r) + WEEK_MINUTES)) all = false;
    }
    return { days: [...days].sort((x, y) => x - y), all };
  };
  const { gaps } = coverage(pieces, { from: 0, to: WEEK_MINUTES }, (a, b) => a - b, { cyclic: true });
  for (const g of gaps) {
    // Stryker disable next-line LogicalOperator,ConditionalExpression: as in windowGaps; the one gap without neighbours, the whole week, has length 0 and is skipped as short
    if (!g.before || !g.after) continue;
    const length = weekLength(g);
    if (length < SHORT_GAP_MINUTES) continue; // SLA3102
    if (shortBeforeMidnight(g) > 0 || shortAfterMidnight(g) > 0) continue; // SLA3103
    const stopped = g.before;
    const late = g.after;
    // Both maps hold every range, so the range itself is under its own start and end.
    const goOn = others(byStart.get(stopped.from)!, stopped, () => lengthOf(stopped));
    const running = others(byEnd.get((late.from + lengthOf(late)) % DAY_MINUTES)!, late, (r) => lengthOf(r) - lengthOf(late) - 1);
    const names = (days: number[]): string => days.map((d) => DAY_NAMES[d - 1]).join(', ');
    const uncovered = uncoveredText(g.from, length);
    if (goOn.all && goOn.days.length >= 2) {
      ctx.report.report(
        CHECKS.windowPatternGap,
        timeRangeOf(ctx, stopped).to.span,
        `this maintenance window stops at ${clockAfter(stopped.from, lengthOf(stopped))} on ${DAY_NAMES[stopped.day - 1]}, where the windows starting at ${clock(stopped.from)} on ${names(goOn.days)} go on: ${uncovered} is outside every window`,
        { hint: 'end it like the others if the same window was meant' },
      );
    } else if (running.all && running.days.length >= 2) {
      ctx.report.report(
        CHECKS.windowPatternGap,
        timeRangeOf(ctx, late).from.span,
        `this maintenance window starts at ${clock(late.from)} on ${DAY_NAMES[late.day - 1]}, when the windows of ${names(running.days)} ending at the same time are already running: ${uncovered} is outside every window`,
        { hint: 'start it like the others if the same window was meant' },
      );
    }
  }
};

interface Transition {
  kind: 'skipped' | 'repeated';
  /** Local wall time, as milliseconds of a UTC-like local time line: [from, to) is skipped or repeated. */
  from: number;
  to: number;
}

/** The years whose daylight-saving changes matter: the effective year and two more, plus pinned years. */
export function dstYears(c: Contract): number[] {
  const years = new Set<number>();
  if (c.effective) {
    const y = Number(c.effective.slice(0, 4));
    for (let i = 0; i <= DST_YEARS_AFTER_EFFECTIVE; i++) years.add(y + i);
  }
  for (const cal of c.calendars) for (const p of cal.pinned) years.add(p.year);
  if (years.size === 0) for (const y of DEFAULT_DST_YEARS) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/**
 * Offset changes of a zone in the given years: sampled weekly (no zone changes its offset twice
 * within a week), then found to the second. Cached per zone and years: luxon's offset lookups cost
 * about 10 µs each, and every check of a contract in that zone asks again.
 */
const SAMPLE_MS = 7 * DAY_MS;
const transitionCache = new Map<string, Transition[]>();

/** `zoneName` is a valid IANA zone: the contract's zone is UTC unless its `time zone` line names one. */
export function zoneTransitions(zoneName: string, years: readonly number[]): Transition[] {
  // Stryker disable next-line StringLiteral: the years have four digits, so any separator keeps keys apart
  const key = `${zoneName}|${years.join(',')}`;
  const cached = transitionCache.get(key);
  // Stryker disable next-line ConditionalExpression: the cache only saves time
  if (cached) return cached;
  const zone = IANAZone.create(zoneName);
  const out: Transition[] = [];
  for (const year of years) {
    const end = Date.UTC(year + 1, 0, 1);
    let t = Date.UTC(year, 0, 1);
    let offset = zone.offset(t);
    // Stryker disable next-line EqualityOperator: a year is 52 weeks and one or two days, so t never lands on its end
    for (; t < end; t += SAMPLE_MS) {
      const next = zone.offset(Math.min(t + SAMPLE_MS, end));
      if (next === offset) continue;
      let lo = t / 1000;
      let hi = Math.min(t + SAMPLE_MS, end) / 1000;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (zone.offset(mid * 1000) === offset) lo = mid;
        else hi = mid;
      }
      const at = hi * 1000;
      const before = at + offset * 60_000;
      const after = at + next * 60_000;
      // Stryker disable next-line EqualityOperator: the offset changed, so after and before differ
      out.push(after > before ? { kind: 'skipped', from: before, to: after } : { kind: 'repeated', from: after, to: before });
      offset = next;
    }
  }
  transitionCache.set(key, out);
  return out;
}

const isoDate = (localMs: number): string => new Date(localMs).toISOString().slice(0, 10);
const localClock = (localMs: number): string => new Date(localMs).toISOString().slice(11, 16);
const isoWeekday = (localMs: number): number => ((new Date(localMs).getUTCDay() + 6) % 7) + 1;

/** The first date on which weekday `day` at `minute` falls in the transition's local range. */
function hit(t: Transition, day: number, minute: number): string | null {
  // Stryker disable next-line EqualityOperator: a day starting at the range's end has no minute in it
  for (let d = Math.floor(t.from / DAY_MS) * DAY_MS; d < t.to; d += DAY_MS) {
    const x = d + minute * 60_000;
    if (isoWeekday(d) === day && x >= t.from && x < t.to) return isoDate(d);
  }
  return null;
}

const daylightSaving: Check = (ctx) => {
  const transitions = zoneTransitions(ctx.contract.timeZone, dstYears(ctx.contract));
  const seen = new Set<string>();
  const weekMinute = (day: number, minute: number): number => ((day - 1) * DAY_MINUTES + minute) % WEEK_MINUTES;
  for (const list of rangeLists(ctx.contract)) {
    const ranges = withoutRepeats(list.ranges).distinct.filter((r) => lengthOf(r) > 0);
    // Where one range ends and another starts, time runs on: that instant is no edge.
    const starts = new Set(ranges.map((r) => weekMinute(r.day, r.from)));
    const ends = new Set(ranges.map((r) => weekMinute(r.day, r.from + lengthOf(r))));
    for (const r of ranges) {
      const node = timeRangeOf(ctx, r);
      const edges = [
        { side: 'starts', at: weekMinute(r.day, r.from), shown: r.from, shownDay: r.day, span: node.from.span, interior: ends },
        { side: 'ends', at: weekMinute(r.day, r.from + lengthOf(r)), shown: r.to, shownDay: r.crossesMidnight ? (r.day % 7) + 1 : r.day, span: node.to.span, interior: starts },
      ];
      for (const e of edges) {
        if (e.interior.has(e.at)) continue;
        for (const t of transitions) {
          const date = hit(t, Math.floor(e.at / DAY_MINUTES) + 1, e.at % DAY_MINUTES);
          if (!date) continue;
          const key = `${e.span.start}:${t.kind}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const when = `${list.what} ${e.side} at ${clock(e.shown)} on ${DAY_NAMES[e.shownDay - 1]}s`;
          const hint = `choose a time outside ${localClock(t.from)} to ${localClock(t.to)}`;
          if (t.kind === 'skipped') {
            ctx.report.report(CHECKS.dstSkipped, e.span, `${when}, a time that does not exist on ${date}: clocks in ${ctx.contract.timeZone} jump from ${localClock(t.from)} to ${localClock(t.to)}`, { hint });
          } else {
            ctx.report.report(CHECKS.dstRepeated, e.span, `${when}, a time that happens twice on ${date}: clocks in ${ctx.contract.timeZone} go back from ${localClock(t.to)} to ${localClock(t.from)}`, { hint });
          }
        }
      }
    }
  }
};

export const windowChecks: readonly Check[] = [emptyRanges, windowOverlaps, windowGaps, patternGaps, hoursOverlaps, hoursOvernight, daylightSaving];
