// Speed of the business clock against moment-business-time: 100,000 "add 20 business hours" queries
// on a Colombian office calendar, checking both give the same answers (goal: slac >= 300x faster).
// Run: node --import tsx bench/business-clock.bench.ts

// moment-timezone is not installed, so moment-business-time can only work in the process's own
// zone: set it BEFORE moment is loaded (moment is required lazily in main(), after this line; a
// static import would be evaluated before it). This is for the peer only: slac never reads the
// machine zone, so its answers do not depend on this setting.
process.env.TZ = 'America/Bogota';

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Moment } from 'moment';
import type { Calendar, Weekday } from '../compiler/ir';
import { createBusinessClock } from '../runtime/business-clock';
import { PausedClock } from '../runtime/paused-clock';
import { resolveHolidays } from '../runtime/holidays';

const ZONE = 'America/Bogota';
const QUERIES = 100_000;
const TARGET_HOURS = 20;
const HOUR = 3_600_000;
const MINUTE = 60_000;

const span = { start: 0, end: 0 };
const CALENDAR: Calendar = {
  id: 'office',
  title: null,
  weekly: ([1, 2, 3, 4, 5] as Weekday[]).map((day) => ({ day, from: 8 * 60, to: 18 * 60, crossesMidnight: false, span })),
  allDay: false,
  holidayCountry: 'CO',
  holidayCountrySpan: null,
  added: [],
  removed: [],
  pinned: [],
  span,
};

/** moment augmented by moment-business-time (which ships no types). */
type BusinessMoment = Moment & { addWorkingTime(amount: number, unit: 'hours' | 'minutes'): BusinessMoment };
type MomentFactory = ((input?: number) => BusinessMoment) & {
  updateLocale(locale: string, data: Record<string, unknown>): unknown;
  locale(): string;
};

/** Deterministic PRNG (mulberry32), so every run asks the same queries. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * slac's time per query at steady state: the same queries run in PASSES passes, and the median
 * pass is taken (the first pass, which includes V8 compiling the clock's code, is reported apart).
 * moment-business-time is timed over one pass: at hundreds of microseconds a query, its own
 * warm-up is lost in the first few queries of 100,000.
 */
const PASSES = 5;
function steadyNsPerQuery(count: number, pass: () => void): { median: number; first: number } {
  const ns: number[] = [];
  for (let p = 0; p < PASSES; p++) {
    const t0 = performance.now();
    pass();
    ns.push(((performance.now() - t0) * 1e6) / count);
  }
  const first = ns[0];
  ns.sort((a, b) => a - b);
  return { median: ns[PASSES >> 1], first };
}

/**
 * Starts: random whole minutes of 2026 in Bogota (UTC-5, no DST), weekends, nights, holidays and
 * closing times included. Whole minutes because moment-business-time adds hours as whole minutes
 * (`diff(..., 'minute')` truncates): a start at 17:59:30 would be counted as a full minute there,
 * which is its own rounding, not a difference in business time.
 */
function queries(count: number): Float64Array {
  const random = mulberry32(20260101);
  const from = Date.UTC(2026, 0, 1, 5, 0); // 2026-01-01 00:00 in Bogota
  const minutes = 365 * 24 * 60;
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = from + Math.floor(random() * minutes) * MINUTE;
  return out;
}

export interface BusinessClockBench {
  queries: number;
  slacNsPerQuery: number;
  peerNsPerQuery: number;
  /** slac's first pass over the queries, V8 compiling its code included. */
  slacFirstPassNsPerQuery: number;
  ratio: number;
  mismatches: number;
  /** One-off cost of the slac clock's first query (date-holidays load + two years of intervals). */
  slacFirstQueryMs: number;
  /** A few mismatching queries, as ISO strings, when there are any. */
  samples: { start: string; slac: string; peer: string }[];
}

export function main(count = QUERIES): BusinessClockBench {
  const starts = queries(count);
  const target = TARGET_HOURS * HOUR;

  // slac. The first query pays for loading date-holidays and building the intervals of the year;
  // it is timed apart, the steady state is what a verdict over many incidents costs per incident.
  let t0 = performance.now();
  const clock = createBusinessClock(CALENDAR, ZONE);
  clock.due(starts[0], target);
  const slacFirstQueryMs = performance.now() - t0;
  const slac = new Float64Array(count);
  const slacNs = steadyNsPerQuery(count, () => {
    for (let i = 0; i < count; i++) slac[i] = clock.due(starts[i], target) ?? Number.NaN;
  });

  // moment-business-time, configured like the calendar: Mon-Fri 08:00-18:00, the same CO dates.
  // Due dates of 2026 starts can run into January 2027, hence both years.
  const require = createRequire(import.meta.url);
  const moment = require('moment') as MomentFactory;
  require('moment-business-time');
  moment.updateLocale(moment.locale(), {
    workinghours: {
      0: null,
      1: ['08:00:00', '18:00:00'],
      2: ['08:00:00', '18:00:00'],
      3: ['08:00:00', '18:00:00'],
      4: ['08:00:00', '18:00:00'],
      5: ['08:00:00', '18:00:00'],
      6: null,
    },
    holidays: [...resolveHolidays(CALENDAR, 2026), ...resolveHolidays(CALENDAR, 2027)],
  });
  const peer = new Float64Array(count);
  t0 = performance.now();
  for (let i = 0; i < count; i++) peer[i] = moment(starts[i]).addWorkingTime(TARGET_HOURS, 'hours').valueOf();
  const peerMs = performance.now() - t0;

  // Like with like: moment-business-time counts 18:00 itself as working time (isSameOrBefore the
  // closing time), while slac's intervals are half-open [08:00, 18:00). For an addition this makes
  // no difference: from 18:00 the peer moves one minute past closing and carries that minute to
  // 08:00 the next working day, landing where slac does (checked by the comparison below, which
  // includes such starts), and both end a target exhausted at 18:00 at 18:00 the same day.
  let mismatches = 0;
  const samples: BusinessClockBench['samples'] = [];
  const iso = (t: number): string => (Number.isNaN(t) ? 'null' : new Date(t).toISOString());
  for (let i = 0; i < count; i++) {
    if (slac[i] !== peer[i]) {
      mismatches++;
      if (samples.length < 5) samples.push({ start: iso(starts[i]), slac: iso(slac[i]), peer: iso(peer[i]) });
    }
  }

  const slacNsPerQuery = slacNs.median;
  const peerNsPerQuery = (peerMs * 1e6) / count;
  return {
    queries: count,
    slacNsPerQuery: Math.round(slacNsPerQuery),
    slacFirstPassNsPerQuery: Math.round(slacNs.first),
    peerNsPerQuery: Math.round(peerNsPerQuery),
    ratio: Math.round(peerNsPerQuery / slacNsPerQuery),
    mismatches,
    slacFirstQueryMs: Math.round(slacFirstQueryMs * 10) / 10,
    samples,
  };
}

// ---- the same, with pauses and two zones ------------------------------------------------------

/** Tokyo office hours, Mon-Fri 09:00-17:00 JST, no holidays: a second zone (JST has no DST, nor has Bogota). */
const TOKYO: Calendar = {
  ...CALENDAR,
  id: 'tokyo',
  holidayCountry: null,
  weekly: ([1, 2, 3, 4, 5] as Weekday[]).map((day) => ({ day, from: 9 * 60, to: 17 * 60, crossesMidnight: false, span })),
};

export interface MixedBench {
  queries: number;
  slacNsPerQuery: number;
  /** slac's first pass over the queries, V8 compiling its code included. */
  slacFirstPassNsPerQuery: number;
  peerNsPerQuery: number;
  ratio: number;
  mismatches: number;
  samples: { start: string; slac: string; peer: string }[];
}

/**
 * Half the queries on the Bogota calendar, half on the Tokyo one (a clock in its own zone), each
 * with a pause of 0 to 2 days starting 0 to 3 days after the start (a ticket waiting on the
 * customer). slac answers with a PausedClock over each business clock. moment-business-time has
 * neither pauses nor zones of its own: it works in the process zone, so TZ is switched to
 * Asia/Tokyo for the Tokyo half (Node applies it at once), and a pause is applied the way one
 * would by hand: the working time before the pause is counted with workingDiff, and the rest
 * added from the end of the pause.
 */
export function mixed(count = QUERIES): MixedBench {
  const random = mulberry32(20260202);
  const starts = queries(count);
  const pauses: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const from = starts[i] + Math.floor(random() * 3 * 1440) * MINUTE;
    pauses.push([from, from + Math.floor(random() * 2 * 1440) * MINUTE]);
  }
  const target = TARGET_HOURS * HOUR;
  const bogota = createBusinessClock(CALENDAR, ZONE);
  const tokyo = createBusinessClock(TOKYO, 'Asia/Tokyo');
  bogota.due(starts[0], target);
  tokyo.due(starts[0], target);
  const slac = new Float64Array(count);
  const slacNs = steadyNsPerQuery(count, () => {
    for (let i = 0; i < count; i++) {
      const clock = new PausedClock(i % 2 ? tokyo : bogota, [pauses[i]]);
      slac[i] = clock.due(starts[i], target) ?? Number.NaN;
    }
  });

  const require = createRequire(import.meta.url);
  const moment = require('moment') as MomentFactory & { defineLocale(name: string, data: Record<string, unknown>): unknown; locale(name?: string): string };
  require('moment-business-time');
  const base = moment.locale();
  const week = (hours: string[] | null, weekend: string[] | null) => ({ 0: weekend, 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: null });
  moment.updateLocale(base, {
    workinghours: week(['08:00:00', '18:00:00'], null),
    holidays: [...resolveHolidays(CALENDAR, 2026), ...resolveHolidays(CALENDAR, 2027)],
  });
  moment.defineLocale('x-tokyo', { parentLocale: base, workinghours: week(['09:00:00', '17:00:00'], null), holidays: [] });
  const peerDue = (start: number, [ps, pe]: [number, number]): number => {
    const plain = moment(start).addWorkingTime(TARGET_HOURS, 'hours').valueOf();
    if (plain <= ps || pe <= start) return plain;
    const m = moment as unknown as (t: number) => BusinessMoment & { workingDiff(o: BusinessMoment, unit: 'minutes'): number };
    const before = ps > start ? m(ps).workingDiff(m(start), 'minutes') : 0;
    return moment(Math.max(pe, start)).addWorkingTime(TARGET_HOURS * 60 - before, 'minutes').valueOf();
  };
  const peer = new Float64Array(count);
  const t0 = performance.now();
  moment.locale(base);
  for (let i = 0; i < count; i += 2) peer[i] = peerDue(starts[i], pauses[i]);
  // moment reads local time from the process zone: Node applies a change of TZ at once.
  process.env.TZ = 'Asia/Tokyo';
  moment.locale('x-tokyo');
  for (let i = 1; i < count; i += 2) peer[i] = peerDue(starts[i], pauses[i]);
  const peerMs = performance.now() - t0;
  process.env.TZ = ZONE;
  moment.locale(base);

  let mismatches = 0;
  const samples: MixedBench['samples'] = [];
  const iso = (t: number): string => (Number.isNaN(t) ? 'null' : new Date(t).toISOString());
  for (let i = 0; i < count; i++) {
    if (slac[i] !== peer[i]) {
      mismatches++;
      if (samples.length < 5) samples.push({ start: `${iso(starts[i])} ${i % 2 ? 'tokyo' : 'bogota'} pause ${iso(pauses[i][0])}-${iso(pauses[i][1])}`, slac: iso(slac[i]), peer: iso(peer[i]) });
    }
  }
  const slacNsPerQuery = slacNs.median;
  const peerNsPerQuery = (peerMs * 1e6) / count;
  return {
    queries: count,
    slacNsPerQuery: Math.round(slacNsPerQuery),
    slacFirstPassNsPerQuery: Math.round(slacNs.first),
    peerNsPerQuery: Math.round(peerNsPerQuery),
    ratio: Math.round(peerNsPerQuery / slacNsPerQuery),
    mismatches,
    samples,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = main();
  console.log(`${r.queries} queries: add ${TARGET_HOURS} business hours (Mon-Fri 08:00-18:00, ${ZONE}, CO holidays)`);
  console.log(`  slac                  ${String(r.slacNsPerQuery).padStart(9)} ns/query  (median of ${PASSES} passes; first pass ${r.slacFirstPassNsPerQuery} ns; first query ${r.slacFirstQueryMs} ms: date-holidays load + intervals)`);
  console.log(`  moment-business-time  ${String(r.peerNsPerQuery).padStart(9)} ns/query`);
  console.log(`  ratio ${r.ratio}x (goal >= 300x); mismatches ${r.mismatches}`);
  for (const s of r.samples) console.log(`    start ${s.start}: slac ${s.slac}, moment-business-time ${s.peer}`);
  const m = mixed();
  console.log(`${m.queries} queries: add ${TARGET_HOURS} business hours with a pause, half on ${ZONE} (CO holidays), half on Asia/Tokyo 09:00-17:00`);
  console.log(`  slac                  ${String(m.slacNsPerQuery).padStart(9)} ns/query  (median of ${PASSES} passes; first pass ${m.slacFirstPassNsPerQuery} ns)`);
  console.log(`  moment-business-time  ${String(m.peerNsPerQuery).padStart(9)} ns/query`);
  console.log(`  ratio ${m.ratio}x (goal >= 1000x); mismatches ${m.mismatches}`);
  for (const s of m.samples) console.log(`    start ${s.start}: slac ${s.slac}, moment-business-time ${s.peer}`);
}
