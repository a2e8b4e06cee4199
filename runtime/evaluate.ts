// Verdicts for one incident: per objective, the due instant, met / breached / pending /
// not-applicable / excluded, the time counted and paused, and the clause that set the target.
// A pure function of the contract version, the record and as-of.

import type { ClockEvent, ClockRule, Duration, ObjectiveName, UpdateObjective } from '../compiler/ir';
import { businessDayMs } from '../compiler/lower';
import { type BusinessClock, type Clock, DUE_HORIZON_MS, DUE_HORIZON_YEARS } from './business-clock';
import { type CompiledContract, describeDuration, type ResolvedTarget } from './contract';
import { mergeIntervals, PausedClock } from './paused-clock';
import type { IncidentRecord } from './records';
import { formatInstant } from './time';

export type Status = 'met' | 'breached' | 'pending' | 'excluded' | 'not-applicable';

export interface Trace {
  /** file:line of the clause that set the target. */
  clause: string;
  /** What the target was chosen by: "plan essential, severity high" or "category web-down". */
  from: string;
  /** The calendar business time is counted on; null for the wall clock (24x7). */
  calendar: string | null;
  /** Time between opened and the event (or as-of, when it has not happened) that the clock did not count: nights, weekends, holidays; in minutes. The counted time is the verdict's elapsedMinutes. */
  pausedMinutes: number;
  // Support SLAs: set when the clock starts at another event, pauses, or counts on a region's calendar.
  /** When the clock started, when not at opened (prioritized, acknowledged...). */
  started?: string;
  /** Of pausedMinutes: the time the calendar did not count (nights, weekends, holidays, and time before the clock started). */
  pausedByCalendarMinutes?: number;
  /** Of pausedMinutes: the business time the pauses stopped (waiting on the customer...). */
  pausedByReasonMinutes?: number;
  /** The region whose calendar a `regional` target counts on. */
  region?: string;
  /** The table the target came from: its scope (`environment production`, `channel phone`, `category web-down`; null: the table for every incident) and its head line (file:line). */
  table?: { scope: string | null; clause: string };
}

/** One interval of a recurring objective (`update every 8 hours until restored`). */
export interface UpdateInterval {
  from: string;
  due: string | null;
  /** The update (or the end event) that closed the interval; null when none came. */
  happened: string | null;
  status: Status;
}

export interface ObjectiveVerdict {
  objective: ObjectiveName | 'update';
  /** A reopened ticket: which cycle this verdict judges (1 = until the first resolution). */
  cycle?: number;
  /** A recurring objective: every interval, judged. */
  intervals?: UpdateInterval[];
  status: Status;
  due: string | null;
  /** The target as written ("2 business days by email"), null when none. */
  target: string | null;
  /** When the event (responded / restored / resolved) happened, if it did by as-of. */
  happened: string | null;
  elapsedMinutes: number | null;
  /** Counted minutes left until due (pending only). */
  remainingMinutes: number | null;
  reason?: string;
  trace?: Trace;
}

export interface IncidentVerdict {
  id: string;
  line: number;
  version: string;
  plan: string;
  severity: string;
  category: string | null;
  cause: string;
  channel: string | null;
  opened: string;
  excluded: string | null;
  /** Set when the incident was judged by a version not yet in force when it was opened. */
  note?: string;
  objectives: ObjectiveVerdict[];
  /** The services (or `service/part`) the record named. */
  services?: string[];
  /** The environment the record named (scoped target tables: `for environment production`). */
  environment?: string;
  /** The customer's region, as named or found from the record's zone. */
  region?: string;
}

const EVENT: Record<ObjectiveName, 'responded' | 'restored' | 'resolved'> = {
  response: 'responded',
  restoration: 'restored',
  resolution: 'resolved',
};

export function evaluateIncident(c: CompiledContract, rec: IncidentRecord, asOf: number): IncidentVerdict {
  const zone = c.ir.timeZone;
  const excluded = c.exclusion(rec.cause, rec.channel);
  const objectives: ObjectiveVerdict[] = [];
  for (const objective of c.objectives) {
    if (rec.reopened?.length && (objective === 'resolution' || objective === 'restoration')) objectives.push(...judgeCycles(c, rec, objective, asOf, excluded));
    else objectives.push(judge(c, rec, objective, asOf, excluded));
  }
  const update = c.ir.updates?.find((u) => u.severities === null || u.severities.includes(rec.severity));
  if (update) objectives.push(judgeUpdates(c, rec, update, asOf, excluded));
  const v: IncidentVerdict = {
    id: rec.id,
    line: rec.line,
    version: c.version,
    plan: rec.plan,
    severity: rec.severity,
    category: rec.category,
    cause: rec.cause,
    channel: rec.channel,
    opened: formatInstant(rec.opened, zone),
    excluded,
    objectives,
  };
  if (rec.services) v.services = rec.services;
  if (rec.environment) v.environment = rec.environment;
  if (rec.region && c.ir.targetTables?.length) v.region = rec.region;
  return v;
}

function verdict(
  objective: ObjectiveName | 'update',
  status: Status,
  due: string | null,
  target: string | null,
  happened: string | null,
  elapsedMinutes: number | null,
  remainingMinutes: number | null,
  reason: string | undefined,
  trace: Trace | undefined,
): ObjectiveVerdict {
  // One object shape for every verdict keeps the hot path monomorphic.
  const v: ObjectiveVerdict = { objective, status, due, target, happened, elapsedMinutes, remainingMinutes };
  if (reason !== undefined) v.reason = reason;
  if (trace !== undefined) v.trace = trace;
  return v;
}

/** What an objective's clock counts for one incident: the base clock with the pauses that stop it. */
interface IncidentClock {
  clock: Clock;
  /** The pauses alone (to split the paused time), or null when nothing pauses the clock. */
  paused: PausedClock | null;
  calendar: string | null;
  region: string | null;
}

/** The instant an objective's clock starts for an incident; null when that event has not happened by as-of. */
function clockStart(rec: IncidentRecord, event: ClockEvent, asOf: number): number | null {
  // Stryker disable next-line ConditionalExpression,StringLiteral: for 'opened', rec[event] is rec.opened, a number, never null
  const t = event === 'opened' ? rec.opened : (rec[event] ?? null);
  return t !== null && t <= asOf ? t : null;
}

/**
 * The clock of a target for an incident: the target's calendar (for `regional`, the calendar of
 * the incident's region), minus the pauses whose reason stops this objective's clock (and, when
 * the clock continues over reopenings, the time between a resolution and the reopening). A string
 * says why no clock can be built.
 */
function incidentClock(c: CompiledContract, rec: IncidentRecord, rule: ClockRule, duration: Duration, asOf: number, gaps: [number, number][] = []): IncidentClock | string {
  let calendar = duration.calendar;
  let region: string | null = null;
  if (duration.regional) {
    if (!rec.region) return 'the target is regional, but the incident names no region';
    region = rec.region;
    // Stryker disable next-line OptionalChaining: a record's region is validated against the declared regions, so regions exist and the region is found
    calendar = c.ir.regions?.find((r) => r.id === rec.region)?.calendar ?? null;
    if (calendar === null) return `the target is regional, but region ${rec.region} has no calendar`;
  }
  const base = c.clock(calendar);
  const stops = new Set(rule.pausesWhile);
  const wall = calendar === null;
  const intervals: [number, number][] = [...gaps];
  if (stops.size && !(rule.businessOnly && wall)) {
    // Stryker disable next-line ArrayDeclaration: a stand-in element has no reason this clock stops for, and is skipped
    for (const p of rec.pauses ?? []) {
      // As-of is a cut: a pause that starts later has not happened; one still running at as-of is open.
      if (!stops.has(p.reason) || p.from > asOf) continue;
      intervals.push([p.from, p.to !== null && p.to <= asOf ? p.to : Number.POSITIVE_INFINITY]);
    }
  }
  if (intervals.length === 0) return { clock: base, paused: null, calendar, region };
  const paused = new PausedClock(base, mergeIntervals(intervals));
  return { clock: paused, paused, calendar, region };
}

/** The trace of a verdict: where its target comes from, and how the time from opened to `until` was counted. */
function traceOf(t: ResolvedTarget, ic: IncidentClock, opened: number, start: number, until: number, counted: number, zone: string): Trace {
  const trace: Trace = { clause: t.clause, from: t.from, calendar: ic.calendar, pausedMinutes: (until - opened - counted) / 60_000 };
  if (start !== opened) trace.started = formatInstant(start, zone);
  if (ic.paused !== null || start !== opened) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: until >= start always; when equal, pausedElapsed(start, start) is 0
    const byReason = ic.paused === null || until <= start ? 0 : ic.paused.pausedElapsed(start, until);
    // In this order, as the NDJSON serializer writes them (byte-identical to JSON.stringify).
    trace.pausedByCalendarMinutes = (until - opened - counted - byReason) / 60_000;
    trace.pausedByReasonMinutes = byReason / 60_000;
  }
  if (ic.region !== null) trace.region = ic.region;
  if (t.table) trace.table = t.table;
  return trace;
}

function judge(c: CompiledContract, rec: IncidentRecord, objective: ObjectiveName, asOf: number, excluded: string | null): ObjectiveVerdict {
  const raw = rec[EVENT[objective]];
  // Events after as-of have not happened yet as of that instant: as-of is a consistent cut.
  const event = raw !== null && raw <= asOf ? raw : null;
  return judgeSpan(c, rec, objective, asOf, excluded, event, null, undefined);
}

/**
 * Judges one objective from its clock's start to `event` (null: not yet). `from` overrides the
 * start (a new cycle starts at its reopening); `gaps` are intervals the clock does not count
 * (between a resolution and the reopening, when the clock continues).
 */
function judgeSpan(
  c: CompiledContract,
  rec: IncidentRecord,
  objective: ObjectiveName,
  asOf: number,
  excluded: string | null,
  event: number | null,
  from: number | null,
  gaps: [number, number][] | undefined,
): ObjectiveVerdict {
  const zone = c.ir.timeZone;
  const happened = event === null ? null : formatInstant(event, zone);
  if (excluded !== null) return verdict(objective, 'excluded', null, null, happened, null, null, excluded, undefined);
  const t = c.incidentTarget(objective, rec);
  if (t === null) {
    const reason = `the contract sets no ${objective} target for ${c.ir.implicitPlan ? '' : `plan ${rec.plan}, `}severity ${rec.severity}`;
    return verdict(objective, 'not-applicable', null, null, happened, null, null, reason, undefined);
  }
  if (t.duration === null) return verdict(objective, 'not-applicable', null, 'none', happened, null, null, `${t.from}: none, ${t.clause}`, undefined);
  const target = t.text;
  const rule = c.clockRule(objective);
  const ic = incidentClock(c, rec, rule, t.duration, asOf, gaps);
  if (typeof ic === 'string') return verdict(objective, 'not-applicable', null, target, happened, null, null, `${ic}, ${t.clause}`, undefined);
  const start = from ?? clockStart(rec, rule.startsAt, asOf);
  if (start === null) {
    // The clock has not started (the priority is not set yet): an event before it is in time.
    if (event !== null) return verdict(objective, 'met', null, target, happened, 0, null, `done before the clock started (it starts at ${rule.startsAt}), ${c.locate(rule.span)}`, undefined);
    return verdict(objective, 'pending', null, target, null, 0, null, `the clock starts at ${rule.startsAt}, which has not happened yet, ${c.locate(rule.span)}`, undefined);
  }
  const anchor = t.duration.anchor;
  const ms = anchor ? 0 : t.duration.regional ? regionalMs(c, t.duration, ic.calendar) : t.duration.ms;
  const clock = ic.clock;
  const until = Math.max(event ?? Math.max(asOf, rec.opened), start);
  // The due time is searched up to the horizon, or up to the event or as-of when they come later
  // (the clock counts that far anyway): past the horizon, due is not computed. A target on the
  // next business day is due on that day of the calendar, moved by the business time paused before it.
  const horizon = Math.max(start + DUE_HORIZON_MS, until);
  const fixed = anchor ? anchoredDue(c, ic, start, anchor.minute, horizon) : null;
  const due = anchor ? (fixed?.due ?? null) : ms === null ? null : clock.due(start, ms, horizon);
  if (ms === null || due === null) {
    const reason =
      ms === null ? `${target} has no fixed length on this calendar, ${t.clause}` : `the calendar never has business time after the clock started, ${t.clause}`;
    return verdict(objective, 'not-applicable', null, target, happened, null, null, reason, undefined);
  }
  const counted = clock.elapsed(start, until);
  // A due time after the horizon (Infinity) lies after `until` too: the target is not reached by then.
  const status: Status = event !== null ? (event <= due ? 'met' : 'breached') : asOf > due ? 'breached' : 'pending';
  // Stryker disable next-line ConditionalExpression: open is read only when due is Infinity
  const open = due === Number.POSITIVE_INFINITY ? openPause(rec, rule, asOf) : undefined;
  const beyond =
    due !== Number.POSITIVE_INFINITY
      ? undefined
      : open
        ? `paused (${open.reason}) since ${formatInstant(open.from, zone)} and still paused at as-of: the due time is known when the clock resumes`
        : `due more than ${DUE_HORIZON_YEARS} years after opening, beyond the horizon of due times: judged by the time counted until ${event !== null ? 'the event' : 'as-of'}`;
  const countedMinutes = counted / 60_000;
  const trace = traceOf(t, ic, from ?? rec.opened, start, until, counted, zone);
  const left = fixed ? (Number.isFinite(due) ? clock.elapsed(until, due) : fixed.budget - counted) : ms - counted;
  const remaining = status === 'pending' ? Math.max(0, left) / 60_000 : null;
  return verdict(objective, status, beyond ? null : formatInstant(due, zone), target, happened, countedMinutes, remaining, beyond, trace);
}

/**
 * `end of next business day` / `next business day by 12:00`: on the first business date after the
 * clock's start. When the clock pauses (or a reopened ticket's clock skips a gap) before that
 * instant, the target is the business time from the start to it, and falls due once that much is
 * counted: a ticket that waited two business hours on the customer is due two business hours later.
 */
function anchoredDue(c: CompiledContract, ic: IncidentClock, start: number, minute: number | null, horizon: number): { due: number | null; budget: number } | null {
  const plain = c.clock(ic.calendar) as Partial<BusinessClock> & Clock;
  const fixed = plain.nextBusinessDay ? plain.nextBusinessDay(start, minute) : null;
  if (fixed === null) return null;
  const budget = plain.elapsed(start, fixed);
  if (ic.clock === plain || ic.clock.elapsed(start, fixed) >= budget) return { due: fixed, budget };
  return { due: ic.clock.due(start, budget, horizon), budget };
}

/** The pause of the clock still running at as-of, if any (its due time is not known yet). */
function openPause(rec: IncidentRecord, rule: ClockRule, asOf: number): { from: number; reason: string } | undefined {
  return rec.pauses?.find((p) => p.from <= asOf && (p.to === null || p.to > asOf) && rule.pausesWhile.includes(p.reason));
}

/** `N regional business days`: N times the working day of the region's calendar (hours and minutes are fixed). */
function regionalMs(c: CompiledContract, d: Duration, calendar: string | null): number | null {
  const hourMs = d.unit === 'minute' ? 60_000 : d.unit === 'hour' ? 3_600_000 : null;
  const cal = c.ir.calendars.find((k) => k.id === calendar);
  const unit = hourMs ?? (cal ? businessDayMs(cal.weekly, cal.allDay) : null);
  if (unit === null) return null;
  const n = Number(d.amount) * unit;
  return Number.isFinite(n) ? Math.round(n) : null;
}

/**
 * A reopened ticket: one verdict per cycle. `reopened starts a new cycle`: each cycle has the full
 * target from its reopening. `reopened continues the clock`: the time between a resolution and the
 * reopening is not counted, and each cycle is judged against the one due time of the clock.
 */
function judgeCycles(c: CompiledContract, rec: IncidentRecord, objective: ObjectiveName, asOf: number, excluded: string | null): ObjectiveVerdict[] {
  const rule = c.clockRule(objective);
  const cut = (t: number | null): number | null => (t !== null && t <= asOf ? t : null);
  const first = cut(rec[EVENT[objective]]);
  const cycles: { from: number | null; event: number | null }[] = [{ from: null, event: first }];
  // Stryker disable next-line ArrayDeclaration: judgeCycles is called only when rec.reopened has entries
  for (const r of rec.reopened ?? []) {
    if (r.at > asOf) break;
    cycles.push({ from: r.at, event: cut(objective === 'resolution' ? r.resolved : null) });
  }
  const out: ObjectiveVerdict[] = [];
  if (rule.reopened === 'new-cycle') {
    cycles.forEach((cy, i) => out.push({ ...judgeSpan(c, rec, objective, asOf, excluded, cy.event, cy.from, undefined), cycle: i + 1 }));
    return out;
  }
  const gaps: [number, number][] = [];
  let prevEnd = first;
  // Stryker disable next-line MethodExpression: the first cycle's from is null (no gap) and its event is `first`, prevEnd's start value
  for (const cy of cycles.slice(1)) {
    // Stryker disable next-line ConditionalExpression: cy.from is a reopening's `at`, never null, for every cycle after the first
    if (prevEnd !== null && cy.from !== null) gaps.push([prevEnd, cy.from]);
    prevEnd = cy.event;
  }
  cycles.forEach((cy, i) => out.push({ ...judgeSpan(c, rec, objective, asOf, excluded, cy.event, null, gaps), cycle: i + 1 }));
  return out;
}

/**
 * `update every 8 hours until restored`: from the clock's start (the response, unless the
 * `clocks` block says otherwise), an update is due within each interval until the end event;
 * every interval is judged, and the next one starts at the update that closed it (late or not).
 */
function judgeUpdates(c: CompiledContract, rec: IncidentRecord, u: UpdateObjective, asOf: number, excluded: string | null): ObjectiveVerdict {
  const zone = c.ir.timeZone;
  const target = `every ${describeDuration(u.every)} until ${u.until}`;
  if (excluded !== null) return verdict('update', 'excluded', null, null, null, null, null, excluded, undefined);
  const rule = c.clockRule('update');
  const where = c.locate(u.span);
  const ic = incidentClock(c, rec, rule, u.every, asOf);
  if (typeof ic === 'string') return verdict('update', 'not-applicable', null, target, null, null, null, `${ic}, ${where}`, undefined);
  const start = clockStart(rec, rule.startsAt, asOf);
  const endRaw = rec[u.until];
  const end = endRaw !== null && endRaw <= asOf ? endRaw : null;
  if (start === null) {
    return verdict('update', end !== null ? 'met' : 'pending', null, target, null, 0, null, `updates start at ${rule.startsAt}, which has not happened yet, ${where}`, undefined);
  }
  const ms = u.every.regional ? regionalMs(c, u.every, ic.calendar) : u.every.ms;
  if (ms === null || ms <= 0) return verdict('update', 'not-applicable', null, target, null, null, null, `${target} has no fixed length on this calendar, ${where}`, undefined);
  // Stryker disable next-line ArrayDeclaration: a stand-in string is never <= asOf (NaN comparison), so it is filtered out
  const updates = (rec.updates ?? []).filter((t) => t <= asOf);
  const intervals: UpdateInterval[] = [];
  let from = start;
  let k = 0;
  let worst: Status = 'met';
  let dueShown: string | null = null;
  // At most one interval per update, plus the last one: a log cannot make this loop run away.
  for (;;) {
    if (end !== null && end <= from) break;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: updates[updates.length] is undefined, and undefined <= from is false
    while (k < updates.length && updates[k] <= from) k++;
    const due = ic.clock.due(from, ms, Math.max(from + DUE_HORIZON_MS, end ?? asOf));
    const dueText = due === null || due === Number.POSITIVE_INFINITY ? null : formatInstant(due, zone);
    const next = k < updates.length ? updates[k] : null;
    // The interval closes at the next update, or at the end event if that comes first.
    // Stryker disable next-line EqualityOperator: when end === next, closer is the same instant either way
    const closer = end !== null && (next === null || end <= next) ? end : next;
    if (closer !== null) {
      const status: Status = due !== null && closer <= due ? 'met' : 'breached';
      intervals.push({ from: formatInstant(from, zone), due: dueText, happened: formatInstant(closer, zone), status });
      if (status === 'breached' && worst !== 'breached') {
        worst = 'breached';
        dueShown = dueText;
      }
      // Stryker disable next-line ConditionalExpression: without the break, from becomes end and the loop head breaks at once
      if (closer === end) break;
      from = closer;
      continue;
    }
    const status: Status = due !== null && asOf > due ? 'breached' : 'pending';
    intervals.push({ from: formatInstant(from, zone), due: dueText, happened: null, status });
    if (status === 'breached') worst = 'breached';
    else if (worst === 'met') worst = 'pending';
    dueShown ??= dueText;
    break;
  }
  if (worst === 'met') dueShown = intervals[intervals.length - 1]?.due ?? null;
  const v = verdict('update', worst, dueShown, target, end === null ? null : formatInstant(end, zone), null, null, undefined, undefined);
  v.intervals = intervals;
  return v;
}
