// Periods: availability from the union of counted outage and maintenance time, exact percentages,
// tiered or linear credits, and reliability counts. A period is a calendar month, a calendar or
// fiscal quarter, or a calendar or fiscal year (runtime/period-kinds.ts), in the contract's zone or
// that of `periods in`; each is judged by the version in force at its start, on the targets of that
// version whose period is of its kind.

import {
  type Rational,
  cmp,
  fromDecimal,
  rat,
  sub as rsub,
  mul,
  div,
  ceil,
  floor,
  min as rmin,
  toNumber,
  toDecimalText,
} from '../compiler/decimal';
import type { Availability, AvailabilityTarget, Contract, CreditBand, Credits, Maintenance, MissedTargetsCredit, PeriodKind, ServiceUnit } from '../compiler/ir';
import { bounds, monthAt, monthsOf, type Period, PERIOD_KINDS, PERIOD_OF, periodOfMonth, type PeriodCalendar } from './period-kinds';
import type { BusinessClock } from './business-clock';
import type { CompiledContract, ContractVersions } from './contract';
import type { MaintenanceRecord } from './records';
import { applyMoney, daysIn, EXACT_CREDIT, INCIDENT_END, MORE_CREDITS, MoneyLedger, type MoneyCredit } from './money';
import { dateAfter } from './deadlines';
import { bandCreditText, moneyText } from '../compiler/lower-money';
import { formatInstant } from './time';
import { IntervalUnion } from './periods-intervals';
import { UncountedLog } from './uncounted-log';
import { applyMinimum, definesDowntime, errorRateDowntime, measuredDowntime, RequestCounts, type Uncounted, unionOf } from './downtime';

export { IntervalUnion } from './periods-intervals';

export interface MaintenanceJudgement {
  id: string;
  /** Counted downtime pieces. */
  counted: [number, number][];
  reason: string;
}

/** Which part of a maintenance counts as downtime under the version in force at its start (and the maintenance rule of the services it concerns). */
export function judgeMaintenance(c: CompiledContract, rec: MaintenanceRecord, m: Maintenance | null = c.ir.maintenance): MaintenanceJudgement {
  const whole: [number, number][] = [[rec.start, rec.end]];
  if (!m) return { id: rec.id, counted: whole, reason: 'the contract has no maintenance clause: counted as downtime' };
  if (m.countedAsDowntime) return { id: rec.id, counted: whole, reason: `maintenance counts as downtime, ${c.locate(m.span)}` };
  // A kind may need another notice (`notice for emergency as much as possible`: none).
  const byKind = rec.kind !== undefined ? m.kindNotices?.find((k) => k.kind === rec.kind) : undefined;
  const notice = byKind ? byKind.notice : m.notice;
  if (notice) {
    const need = notice.duration.ms;
    const given = rec.notified === null ? null : c.clock(notice.duration.calendar).elapsed(rec.notified, rec.start);
    if (given === null || need === null || given < need) {
      return {
        id: rec.id,
        counted: whole,
        reason: rec.notified === null ? `no notice was given, ${c.locate(notice.span)}` : `notice was shorter than required, ${c.locate(notice.span)}`,
      };
    }
  }
  if (m.acknowledgementRequired && !(byKind && byKind.notice === null) && (rec.acknowledged === null || rec.acknowledged > rec.start)) {
    return { id: rec.id, counted: whole, reason: `the customer did not acknowledge the notice before the start, ${c.locate(m.acknowledgementSpan ?? m.span)}` };
  }
  const windows = c.windowClock(m);
  if (!windows) return { id: rec.id, counted: [], reason: 'conforming maintenance is not counted' };
  // Only the part outside the allowed windows counts.
  const inside = windows.intervals(rec.start, rec.end);
  const outside: [number, number][] = [];
  let t = rec.start;
  for (const [s, e] of inside) {
    if (s > t) outside.push([t, s]);
    t = e;
  }
  if (rec.end > t) outside.push([t, rec.end]);
  return {
    id: rec.id,
    counted: outside,
    reason: outside.length ? `partly outside the maintenance windows, ${c.locate(m.span)}` : 'inside the maintenance windows with due notice: not counted',
  };
}

/** `not-applicable`: nothing to judge in the month (no version in force, or no record in it). */
export type PeriodStatus = 'met' | 'breached' | 'pending' | 'not-applicable';

export interface PeriodVerdict {
  /** `2026-03`, `2026-Q1`, `2026`, `FY2027-Q1`, `FY2027` (runtime/period-kinds.ts). */
  period: string;
  periodKind: PeriodKind;
  /** Its first instant, and the first instant after it, in the zone periods begin in. */
  start: string;
  end: string;
  /** The service judged, when the contract declares services (and the part, for a service with parts). */
  service?: string;
  part?: string;
  version: string;
  /** False while the month is not over at as-of. */
  final: boolean;
  note?: string;
  availability?: {
    /** Null when there is nothing to judge (`not-applicable`). */
    percent: number | null;
    /** The value as decimal text, cut (never rounded up) at 10 places: 99.95999996 stays below 99.96. */
    exact: string | null;
    target: number;
    status: PeriodStatus;
    /** Why the month is not judged, when `not-applicable`. */
    reason?: string;
    downtimeMinutes: number;
    periodMinutes: number;
    measurement: string;
    clause: string;
    /** Where the rule defines downtime (a minimum period, an error rate): the episodes that counted, and what did not count, with why. */
    breakdown?: Breakdown;
  };
  credit?: {
    /** Percent of the basis; null while the month is not over, or when the band's credit is an amount or days of service. */
    percent: number | null;
    /** A band's fixed credit (`2.00 EUR`): decimal text with the currency's minor unit, in the contract's currency. */
    amount?: string;
    /** A band's credit in days of service (`3 days of service`): the number of days, as written. */
    serviceDays?: string;
    basis: string | null;
    rule: string | null;
    clause: string;
    /** The credit in money, when the log has invoices or the contract states a currency. */
    money?: MoneyCredit;
    /** The credit a missing report owes (`missing counts as a default`): that of a month at 0% availability. */
    default?: { percent: number | null; amount?: string; serviceDays?: string; rule: string | null; clause: string };
  };
  /** The provider's report of the month (`report monthly within ...`): its deadline, when it came, and whether the month counts as a default. */
  report?: {
    /** The last day of the deadline, YYYY-MM-DD (inclusive); null when it cannot be counted. */
    due: string | null;
    submitted: string | null;
    status: PeriodStatus;
    reason: string;
    clause: string;
    /** True when the report is missing or late and the contract says it counts as a default. */
    default?: boolean;
  };
  reliability?: {
    count: number;
    limit: number;
    status: PeriodStatus;
    reason?: string;
    clause: string;
  };
  /** A credit for missed targets (`20% when more than 4 incidents ... miss their response target per fiscal quarter`): the incidents opened in the period that missed it. */
  missed?: {
    objective: string;
    /** Incidents (of the severities named) opened in the period whose objective was breached. */
    count: number;
    /** More than this earns the credit. */
    limit: number;
    /** `breached` when more than the limit missed it (the credit is owed); `met` once the period is over without; `pending` before. */
    status: PeriodStatus;
    /** Their ids, in the order they were opened (at most BREAKDOWN_LISTED; `count` says how many). */
    incidents: string[];
    /** Incidents opened in the period whose objective is still pending at as-of, when there are any: they may yet miss it. */
    pending?: number;
    clause: string;
  };
}

/** An incident that missed an objective, kept for the credits for missed targets. */
export interface MissedIncident {
  id: string;
  opened: number;
  severity: string;
  category: string | null;
  /** The objectives it breached. */
  objectives: string[];
  /** The objectives still pending at as-of: it may yet miss them. */
  pending: string[];
  /** Its units (null: every unit). */
  units: readonly string[] | null;
}

/** Downtime of some services: `units` are unit keys (`compute`, `mdb/read`), null for every unit. */
export interface DowntimeEffect {
  units: string[] | null;
  counted: [number, number][];
  /** Maintenance not counted by the rule, but only within its allowance and its windows per month. */
  allowed?: [number, number][];
  /** What the record did not count, and why (an excluded cause, maintenance by its rule): listed in breakdowns. */
  uncounted?: { pieces: [number, number][]; reason: string };
}

/** Whether a maintenance rule limits what it does not count: an allowance, or windows per month. */
export function limitsMaintenance(m: Maintenance | null | undefined): boolean {
  return !!m && !m.countedAsDowntime && (m.allowanceMs !== undefined || m.maxWindows !== undefined);
}

/** The parts of [start, end) outside `counted` (sorted, disjoint). */
export function outside(start: number, end: number, counted: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let t = start;
  for (const [s, e] of counted) {
    if (s > t) out.push([t, s]);
    t = Math.max(t, e);
  }
  if (end > t) out.push([t, end]);
  return out;
}

/** Collects what the periods need while records stream by; memory grows with months, services and downtime episodes, not records. */
export class PeriodAccumulator {
  /** The months records touched (month numbers, runtime/period-kinds.ts), in the zone periods begin in. */
  private readonly months = new Set<number>();
  /** Downtime of every unit (records that name no service). */
  private readonly downtimeUnion = new IntervalUnion();
  /** Downtime of the units records named, by unit key. */
  private readonly downtimeOf = new Map<string, IntervalUnion>();
  /** Counted incidents per month number: of every unit, and of the units incidents named. */
  private readonly reliability = new Map<number, number>();
  private readonly reliabilityOf = new Map<string, Map<number, number>>();
  /** Maintenance a rule did not count, subject to its allowance and windows per month: by unit ('*' every unit), with its start. */
  private readonly allowedOf = new Map<string, { start: number; pieces: [number, number][] }[]>();
  /** Request counts per unit and minute (`requests` records), for error-rate downtime. */
  private readonly requestCounts = new RequestCounts();
  /** Invoices, claims and reports: the credits in money. */
  readonly money = new MoneyLedger();

  private readonly calendar: PeriodCalendar;

  constructor(
    private readonly versions: ContractVersions,
    private readonly asOf: number,
  ) {
    this.calendar = versions.periodCalendar;
    this.countsMissed = versions.list.some((v) => v.units.some((u) => u.credits?.missedTargets));
  }

  /** The month touched last: time-ordered logs touch the same month again and again. */
  private lastMonth = NaN;

  private touch(a: number, b: number): void {
    const zone = this.calendar.zone;
    const first = monthAt(a, zone);
    const last = monthAt(Math.max(a, b - 1), zone);
    if (first === last) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: only skips adding a month the set already holds
      if (first !== this.lastMonth) {
        this.months.add(first);
        this.lastMonth = first;
      }
      return;
    }
    for (let n = first; n <= last; n++) this.months.add(n);
  }

  /** Incidents that missed an objective, by the month they were opened in: kept only when some credits count them. */
  private readonly missedByMonth = new Map<number, MissedIncident[]>();
  private readonly countsMissed: boolean;

  /** An incident opened at `opened`, of the units `units` (null: of every unit); `missed`: the objectives it breached. */
  incident(opened: number, counts: boolean, units: readonly string[] | null = null, missed?: { id: string; severity: string; category: string | null; objectives: string[]; pending: string[] }): void {
    // A record that starts after as-of has not happened yet: it adds no month.
    if (opened > this.asOf) return;
    if (missed && (missed.objectives.length || missed.pending.length) && this.countsMissed) {
      const k = monthAt(opened, this.calendar.zone);
      let list = this.missedByMonth.get(k);
      if (!list) this.missedByMonth.set(k, (list = []));
      list.push({ ...missed, opened, units });
    }
    // Stryker disable next-line ArithmeticOperator: touch(a, b) takes the later of a and b - 1: the opening month either way
    this.touch(opened, opened + 1);
    if (!counts) return;
    // touch() just made lastMonth this incident's month.
    const k = this.lastMonth;
    if (units === null) this.reliability.set(k, (this.reliability.get(k) ?? 0) + 1);
    else {
      for (const u of units) {
        let m = this.reliabilityOf.get(u);
        if (!m) this.reliabilityOf.set(u, (m = new Map()));
        m.set(k, (m.get(k) ?? 0) + 1);
      }
    }
  }

  /** An outage or maintenance over [start, end), of which the `counted` pieces are downtime of every unit. */
  downtime(start: number, end: number, counted: readonly (readonly [number, number])[]): void {
    this.downtimeOfUnits(start, end, [{ units: null, counted: counted as [number, number][] }]);
  }

  /** An outage or maintenance over [start, end), with the downtime it counts for each unit. */
  downtimeOfUnits(start: number, end: number, effects: readonly DowntimeEffect[]): void {
    if (start > this.asOf) return;
    this.touch(start, end);
    for (const fx of effects) {
      if (fx.uncounted) {
        for (const [s, e] of fx.uncounted.pieces) for (const u of fx.units ?? ['*']) this.uncountedLog.add(u, s, Math.min(e, Math.max(s, this.asOf)), fx.uncounted.reason);
      }
      if (fx.allowed?.length) {
        const pieces = fx.allowed.map(([s, e]): [number, number] => [s, Math.min(e, Math.max(s, this.asOf))]);
        for (const u of fx.units ?? ['*']) {
          let list = this.allowedOf.get(u);
          if (!list) this.allowedOf.set(u, (list = []));
          list.push({ start, pieces });
        }
      }
      if (fx.units === null) {
        // Downtime after as-of has not happened yet.
        for (const [s, e] of fx.counted) this.downtimeUnion.add(s, Math.min(e, Math.max(s, this.asOf)));
        continue;
      }
      for (const u of fx.units) {
        let union = this.downtimeOf.get(u);
        if (!union) this.downtimeOf.set(u, (union = new IntervalUnion()));
        for (const [s, e] of fx.counted) union.add(s, Math.min(e, Math.max(s, this.asOf)));
      }
    }
  }

  /** Excluded outages and uncounted maintenance, for the breakdowns. */
  private readonly uncountedLog = new UncountedLog(BREAKDOWN_LISTED);

  /**
   * What a breakdown lists as not counted beyond what the availability rule dropped: excluded
   * outages and uncounted maintenance where they did not count after all (an allowance used up
   * counts them). Another service's outage is not listed: it does not concern this one (its
   * record names its services), and listing it would let it change this service's period.
   */
  private otherUncounted(unit: string, start: number, end: number, counted: readonly [number, number][]): { list: Uncounted[]; more: number } {
    const { list: logged, more } = this.uncountedLog.within(unit, start, end);
    const list: Uncounted[] = [];
    for (const u of logged) for (const [s, e] of subtract([[u.start, u.end]], counted)) list.push({ start: s, end: e, reason: u.reason });
    return { list, more };
  }

  /** The customer's setups, by unit ('*' every unit) and setup id: when each was in place. */
  private readonly setupsOf = new Map<string, Map<string, IntervalUnion>>();

  /** The customer had `setup` of the units `units` (null: every unit) over [from, to). */
  setup(setup: string, from: number, to: number, units: readonly string[] | null): void {
    if (from > this.asOf) return;
    for (const u of units ?? ['*']) {
      let bySetup = this.setupsOf.get(u);
      if (!bySetup) this.setupsOf.set(u, (bySetup = new Map()));
      let union = bySetup.get(setup);
      if (!union) bySetup.set(setup, (union = new IntervalUnion()));
      union.add(from, to);
    }
  }

  /** When a unit had `setup` inside [a, b). */
  private setupTime(unit: string, setup: string, a: number, b: number): [number, number][] {
    return unionOf(this.setupsOf.get(unit)?.get(setup)?.clip(a, b) ?? [], this.setupsOf.get('*')?.get(setup)?.clip(a, b) ?? []);
  }

  /** Request counts starting at `start`, of the units `units` (null: every unit). */
  requests(start: number, total: number, failed: number, units: readonly string[] | null): void {
    if (start > this.asOf) return;
    this.touch(start, start + 1);
    for (const u of units ?? ['*']) this.requestCounts.add(u, start, total, failed);
  }

  /** Counted downtime of a unit inside [a, b): its own and every unit's, merged, in order. */
  private piecesOf(unit: string, a: number, b: number): [number, number][] {
    const all = this.downtimeUnion.clip(a, b);
    const own = this.downtimeOf.get(unit);
    if (!own || own.size === 0) return all;
    const merged = new IntervalUnion();
    for (const [s, e] of all) merged.add(s, e);
    for (const [s, e] of own.clip(a, b)) merged.add(s, e);
    return merged.clip(a, b);
  }

  /**
   * A unit's downtime in [start, end) by its availability rule: outages and maintenance, plus the
   * windows its error rates mark down, less the episodes shorter than its minimum period (an
   * episode is judged whole, also where it runs into the month before or after), clipped to the
   * period; and what did not count, with why.
   */
  /**
   * Maintenance that the rule would not count but that its limits make count in [start, end): the
   * windows after the first `at most N` of the month (by start), in full, and the time beyond the
   * allowance (the latest part).
   */
  private beyondLimits(unit: string, m: Maintenance | null, start: number, end: number): [number, number][] {
    if (!limitsMaintenance(m) || this.allowedOf.size === 0) return [];
    // The allowance and the window count are per calendar month: a longer period is judged month by month.
    const zone = this.calendar.zone;
    const first = monthAt(start, zone);
    const last = monthAt(end - 1, zone);
    if (first !== last) {
      const out: [number, number][] = [];
      for (let n = first; n <= last; n++) {
        const [a, b] = bounds(n, 1, zone);
        out.push(...this.beyondLimits(unit, m, Math.max(a, start), Math.min(b, end)));
      }
      return out;
    }
    const list = [...(this.allowedOf.get(unit) ?? []), ...(this.allowedOf.get('*') ?? [])].filter((w) => w.start >= start && w.start < end).sort((x, y) => x.start - y.start);
    const out: [number, number][] = [];
    let used = 0;
    list.forEach((w, i) => {
      for (const [s0, e0] of w.pieces) {
        const s = Math.max(s0, start);
        const e = Math.min(e0, end);
        if (!(e > s)) continue;
        if (m!.maxWindows !== undefined && i >= m!.maxWindows) {
          out.push([s, e]);
          continue;
        }
        if (m!.allowanceMs === undefined) continue;
        const left = Math.max(0, m!.allowanceMs - used);
        used += Math.min(left, e - s);
        if (e - s > left) out.push([s + left, e]);
      }
    });
    return out;
  }

  private downtimeOfUnit(unit: ServiceUnit, a: Availability, start: number, end: number): { pieces: [number, number][]; uncounted: Uncounted[] } {
    const beyond = this.beyondLimits(unit.key, unit.maintenance, start, end);
    if (!definesDowntime(a)) {
      const own = this.piecesOf(unit.key, start, end);
      return { pieces: beyond.length ? unionOf(own, beyond) : own, uncounted: [] };
    }
    // An episode that reaches past the month is longer than the minimum within this much of it.
    const reach = a.minimumMs ?? 0;
    const from = start - reach;
    const to = end + reach;
    let pieces = this.piecesOf(unit.key, from, to);
    if (beyond.length) pieces = unionOf(pieces, beyond);
    const uncounted: Uncounted[] = [];
    for (const rule of a.errorRates ?? []) {
      for (const key of [unit.key, '*']) {
        const r = errorRateDowntime(this.requestCounts, key, rule, from, Math.min(to, this.asOf), start);
        if (r.down.length) pieces = unionOf(pieces, r.down);
        uncounted.push(...r.uncounted);
      }
    }
    if (a.minimumMs) {
      const m = applyMinimum(pieces, a.minimumMs);
      pieces = m.kept;
      uncounted.push(...m.dropped);
    }
    const clip = (s: number, e: number): [number, number] | null => (Math.min(e, end) > Math.max(s, start) ? [Math.max(s, start), Math.min(e, end)] : null);
    return {
      pieces: pieces.map(([s, e]) => clip(s, e)).filter((x): x is [number, number] => x !== null),
      uncounted: uncounted
        .map((u) => {
          const c = clip(u.start, u.end);
          return c && { ...u, start: c[0], end: c[1] };
        })
        .filter((x): x is Uncounted => x !== null)
        .sort((x, y) => x.start - y.start),
    };
  }

  /** Counted incidents of a unit in the months of a period. */
  private countOf(unit: string, p: Period): number {
    let n = 0;
    for (const k of monthsOf(p)) n += (this.reliability.get(k) ?? 0) + (this.reliabilityOf.get(unit)?.get(k) ?? 0);
    return n;
  }

  /** The period kinds some version judges something over (the calendar month when none does). */
  private kindsUsed(): PeriodKind[] {
    const used = new Set<PeriodKind>();
    for (const v of this.versions.list) {
      for (const u of v.units) for (const t of targetsOf(u.availability)) used.add(t.period);
      if (v.ir.reliability) used.add(v.ir.reliability.period);
      for (const cr of [v.ir.credits, ...(v.ir.scoped?.credits ?? [])]) if (cr?.missedTargets) used.add(cr.missedTargets.period);
      if (v.ir.report) used.add('calendar-month');
    }
    if (used.size === 0) used.add('calendar-month');
    return PERIOD_KINDS.filter((k) => used.has(k));
  }

  /**
   * Period verdicts for every period a record touched, of every kind the contract judges (or those
   * that overlap `only`), in the order they end, shorter kinds first: a quarter after its months. A period asked for that no record
   * falls in is listed, with nothing to judge: no data is not 100% availability.
   */
  finish(only?: Period): PeriodVerdict[] {
    let months = only ? monthsOf(only) : [...this.months].sort((a, b) => a - b);
    const periods: Period[] = [];
    const kinds = this.kindsUsed();
    // With a report obligation, every month of the periods judged owes its report: a quiet month
    // between two others, and the months of a quarter or a year a record touched, up to the month
    // of as-of. They are listed (no record: nothing else to judge).
    let reportMonths: number[] | null = null;
    if (!only && months.length > 0 && this.versions.list.some((v) => v.ir.report)) {
      let first = months[0];
      let last = months[months.length - 1];
      for (const kind of kinds) {
        first = Math.min(first, periodOfMonth(months[0], kind, this.calendar).first);
        const p = periodOfMonth(months[months.length - 1], kind, this.calendar);
        last = Math.max(last, p.first + p.months - 1);
      }
      reportMonths = range(first, Math.max(months[months.length - 1], Math.min(last, monthAt(this.asOf, this.calendar.zone))));
    }
    for (const kind of kinds) {
      const ms = kind === 'calendar-month' && reportMonths ? reportMonths : months;
      let last: number | null = null;
      for (const n of ms) {
        const p = periodOfMonth(n, kind, this.calendar);
        if (p.first !== last) periods.push(p);
        last = p.first;
      }
    }
    months = [];
    periods.sort((a, b) => a.end - b.end || PERIOD_KINDS.indexOf(a.kind) - PERIOD_KINDS.indexOf(b.kind));
    const quiet = (p: Period): string | undefined => (monthsOf(p).some((n) => this.months.has(n)) ? undefined : `no record falls in ${p.key}: nothing to judge`);
    const out = periods.flatMap((p) => this.judgePeriod(p, quiet(p)));
    applyMoney(out, this.versions, this.money, this.asOf);
    return out;
  }

  /** Counted downtime of a unit in [start, end), ms: overlapping records count once. */
  private exactDowntime(unit: string, start: number, end: number): number {
    let d = 0;
    for (const [s, e] of this.piecesOf(unit, start, end)) d += e - s;
    return d;
  }

  /** A period's verdicts: one per unit that has an availability target or a reliability rule of its kind (one, without services). */
  private judgePeriod(period: Period, noRecords?: string): PeriodVerdict[] {
    const { key, start, end, kind } = period;
    const zone = this.calendar.zone;
    let version = this.versions.inForce(start);
    let note: string | undefined;
    // A period that ends before the first version takes effect has no promise to judge.
    let nothing = noRecords;
    if (!version) {
      const starting = this.versions.firstEffectiveIn(start, end);
      version = starting ?? this.versions.list[0];
      if (starting) note = `no version was in force on ${formatInstant(start, zone).slice(0, 10)}; the ${unitWord(kind)} is judged by version ${version.version}, effective ${version.ir.effective ?? 'unspecified'}`;
      else nothing = `no version of the contract is in force in ${key} (the first, version ${version.version}, takes effect on ${version.ir.effective}): nothing to judge`;
    }
    const final = end <= this.asOf;
    const ir = version.ir;
    const named = (ir.services ?? []).length > 0;
    const monthly = kind === 'calendar-month';
    const reliability = ir.reliability?.period === kind ? ir.reliability : null;
    // A credit for missed targets in the unscoped credits block counts every service's incidents
    // together, on one period of the contract (no service); a scoped one, its services' own.
    const wide = ir.credits?.missedTargets?.period === kind ? ir.credits.missedTargets : null;
    const missedRule = (u: ServiceUnit) => (named && u.credits === ir.credits ? null : u.credits?.missedTargets?.period === kind ? u.credits.missedTargets : null);
    // Without services, a version that judges nothing at all still lists its months (as before period kinds).
    const listsAnyway = monthly && !named && (!!ir.report || (!ir.reliability && version.units.every((u) => !u.availability)));
    const out: PeriodVerdict[] = [];
    // A month no version is in force in owes no report.
    const report = !monthly || (nothing !== undefined && nothing !== noRecords) ? undefined : this.reportOf(version, key);
    const bounds = { start: formatInstant(start, zone), end: formatInstant(end, zone) };
    for (const unit of version.units) {
      const target = targetsOf(unit.availability).find((t) => t.period === kind);
      const missed = missedRule(unit);
      // A service with an availability rule owes the month's report whatever period its target is of.
      const reports = report !== undefined && unit.availability !== null;
      if (!target && !reliability && !missed && !reports && (named || !listsAnyway)) continue;
      // Keys in the order reports print them: the period and its bounds, the service, then the rest.
      const p = { period: key, periodKind: kind, ...bounds } as PeriodVerdict;
      if (named) {
        p.service = unit.service;
        if (unit.part !== null) p.part = unit.part;
      }
      PERIOD_OF.set(p, period);
      p.version = version.version;
      p.final = final;
      // Stryker disable next-line ConditionalExpression: an undefined note is left out of every output format alike
      if (note) p.note = note;
      const a = target ? withTarget(unit.availability!, target) : null;
      // Credits are judged on the block's first target.
      const credits = target === unit.availability ? unit.credits : null;
      this.judgeUnit(p, version, unit, a, credits, reliability, period, final, nothing);
      if (missed) this.judgeMissed(p, version, unit, unit.credits!, missed, period, final, nothing);
      if (report) this.addReport(p, version, unit, report, defaultCarrier(version, unit));
      out.push(p);
    }
    if (named && wide) {
      const p = { period: key, periodKind: kind, ...bounds } as PeriodVerdict;
      PERIOD_OF.set(p, period);
      p.version = version.version;
      p.final = final;
      // Stryker disable next-line ConditionalExpression: an undefined note is left out of every output format alike
      if (note) p.note = note;
      this.judgeMissed(p, version, null, ir.credits!, wide, period, final, nothing);
      out.push(p);
    }
    return out;
  }

  /**
   * The credit for missed targets of a period: the incidents opened in it, of the unit and of the
   * severities named, that breached the objective. More than the limit owes the credit (beside an
   * availability credit of the same period, added to it or, with `no stacking`, the higher).
   */
  private judgeMissed(p: PeriodVerdict, version: CompiledContract, unit: ServiceUnit | null, cr: Credits, rule: MissedTargetsCredit, period: Period, final: boolean, nothing: string | undefined): void {
    const clause = version.locate(rule.span);
    const found: MissedIncident[] = [];
    // An incident counts in the period it was opened in, also when it misses its target after the
    // period's end: while its objective is pending, the period waits for it.
    let open = 0;
    for (const n of monthsOf(period)) {
      for (const m of this.missedByMonth.get(n) ?? []) {
        const missed = m.objectives.includes(rule.objective);
        if (!missed && !m.pending.includes(rule.objective)) continue;
        if (rule.severities && !rule.severities.includes(m.severity)) continue;
        if (rule.categories && (m.category === null || !rule.categories.includes(m.category))) continue;
        if (unit && m.units && !m.units.includes(unit.key) && !m.units.includes(unit.service)) continue;
        if (missed) found.push(m);
        else open++;
      }
    }
    found.sort((a, b) => a.opened - b.opened || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const count = found.length;
    const status: PeriodStatus =
      nothing !== undefined && count === 0 ? 'not-applicable' : count > rule.more ? 'breached' : final && count + open <= rule.more ? 'met' : 'pending';
    const incidents = found.slice(0, BREAKDOWN_LISTED).map((m) => m.id);
    p.missed = open > 0 ? { objective: rule.objective, count, limit: rule.more, status, incidents, pending: open, clause } : { objective: rule.objective, count, limit: rule.more, status, incidents, clause };
    const of = rule.severities ? ` of severity ${rule.severities.join(', ')}` : rule.categories ? ` of category ${rule.categories.join(', ')}` : '';
    const owed = status === 'breached' ? fromDecimal(rule.percent) : rat(0n);
    const missedText = `${count} incident${count === 1 ? '' : 's'}${of} missed the ${rule.objective} target in ${p.period}`;
    const text =
      status === 'breached'
        ? `${missedText}, more than ${rule.more}: ${rule.percent}%`
        : status === 'met'
          ? `${missedText}, not more than ${rule.more}`
          : final
            ? `${missedText}, ${open} more ${open === 1 ? 'is' : 'are'} still pending: more than ${rule.more} owes ${rule.percent}%`
            : `the ${unitWord(period.kind)} is not over`;
    if (p.credit && EXACT_CREDIT.has(p.credit)) {
      // Beside the availability credit of the same period.
      if (status === 'breached') MORE_CREDITS.set(p.credit, [...(MORE_CREDITS.get(p.credit) ?? []), { credit: `missed ${rule.objective} targets`, percent: owed }]);
      return;
    }
    const out: NonNullable<PeriodVerdict['credit']> = { percent: status === 'pending' || status === 'not-applicable' ? null : toNumber(owed), basis: cr.basis, rule: text, clause };
    if (status === 'breached' || status === 'met') EXACT_CREDIT.set(out, { uncapped: owed, capped: owed });
    p.credit = out;
  }

  /** The report of month `key` (YYYY-MM) against the obligation of `version`: on time, late, missing or not yet due at as-of. */
  private reportOf(version: CompiledContract, key: string): NonNullable<PeriodVerdict['report']> | undefined {
    const r = version.ir.report;
    if (!r) return undefined;
    const clause = version.locate(r.span);
    const due = dateAfter(`${key}-${String(daysIn(key)).padStart(2, '0')}`, r.within, version);
    const today = formatInstant(this.asOf, this.versions.zone).slice(0, 10);
    // A report dated after as-of has not come yet.
    const given = this.money.reports.get(key) ?? null;
    const submitted = given !== null && given <= today ? given : null;
    const defaults = r.missingIsDefault ? ': it counts as a default' : '';
    if ('reason' in due) return { due: null, submitted, status: submitted ? 'met' : 'pending', reason: `the deadline cannot be counted (${due.reason})`, clause };
    if (submitted !== null && submitted <= due.date) return { due: due.date, submitted, status: 'met', reason: `submitted ${submitted}, by its deadline ${due.date}`, clause };
    const late = submitted !== null || today > due.date;
    if (!late) return { due: due.date, submitted, status: 'pending', reason: `due by ${due.date}`, clause };
    const out: NonNullable<PeriodVerdict['report']> = {
      due: due.date,
      submitted,
      status: 'breached',
      reason: submitted !== null ? `submitted ${submitted}, after its deadline ${due.date}: missing at the deadline${defaults}` : `no report by its deadline ${due.date}${defaults}`,
      clause,
    };
    if (r.missingIsDefault) out.default = true;
    return out;
  }

  /**
   * The month's report on a period; a default adds the credit of a month at 0% availability, once
   * for the service: of a service with parts whose credits add up, only `carrier` owes it.
   */
  private addReport(p: PeriodVerdict, version: CompiledContract, unit: ServiceUnit, report: NonNullable<PeriodVerdict['report']>, carrier: ServiceUnit | null): void {
    const a = unit.availability;
    if (report.default && carrier !== null && carrier !== unit) {
      p.report = { ...report, reason: `${report.reason}, owed once by service ${unit.service}, with part ${carrier.part}'s credit` };
      return;
    }
    p.report = report;
    if (!report.default || !a || !unit.credits) return;
    const d = credit(version, rat(0n), fromDecimal(a.target), 'breached', unit.credits);
    const exact = EXACT_CREDIT.get(d)!;
    const rule = `a missing report counts as a default: the credit at 0% availability${d.rule ? ` (${d.rule})` : ''}`;
    const owed: NonNullable<NonNullable<PeriodVerdict['credit']>['default']> = { percent: d.percent, rule, clause: report.clause };
    if (d.amount !== undefined) owed.amount = d.amount;
    if (d.serviceDays !== undefined) owed.serviceDays = d.serviceDays;
    if (!p.credit) {
      // Nothing else to judge (no record in the month): the default is the month's credit.
      p.credit = d;
      d.rule = rule;
      d.default = owed;
      return;
    }
    if (!EXACT_CREDIT.has(p.credit)) return;
    p.credit.default = owed;
    MORE_CREDITS.set(p.credit, [
      exact.unit === undefined ? { credit: 'the missing report', percent: exact.uncapped } : { credit: 'the missing report', unit: exact.unit, value: exact.value },
    ]);
  }

  private judgeUnit(
    out: PeriodVerdict,
    version: CompiledContract,
    unit: ServiceUnit,
    a: Availability | null,
    credits: Credits | null,
    reliability: Contract['reliability'],
    period: Period,
    final: boolean,
    nothing: string | undefined,
  ): void {
    const { start, end } = period;
    if (nothing !== undefined) {
      if (a) {
        out.availability = unjudged(version, a, nothing, this.exactDowntime(unit.key, start, end) / 60_000, (end - start) / 60_000);
      }
      if (reliability) {
        out.reliability = { count: this.countOf(unit.key, period), limit: reliability.maxIncidents, status: 'not-applicable', reason: nothing, clause: version.locate(reliability.span) };
      }
      return;
    }

    // `only with setup X`: judged over the time the customer had X; a month without it has nothing to judge.
    const covered = a?.setup !== undefined ? this.setupTime(unit.key, a.setup, start, end) : null;
    if (a && covered !== null && covered.length === 0) {
      out.availability = unjudged(version, a, `the target applies only with setup ${a.setup}, ${version.locate(a.setupSpan ?? a.span)}, and no setup record gives the customer that setup in ${out.period}`);
    } else if (a) {
      let { pieces, uncounted } = this.downtimeOfUnit(unit, a, start, end);
      let Z = end - start;
      // What is measured: the time the customer had the setup, within the calendar's hours.
      let measured = covered;
      const restrict = (to: [number, number][], reason: string): void => {
        for (const [s, e] of subtract(pieces, to)) uncounted.push({ start: s, end: e, reason });
        uncounted = uncounted.sort((x, y) => x.start - y.start);
        pieces = intersect(pieces, to);
      };
      if (covered !== null) {
        // Downtime while the customer had the setup counts; the rest is listed as not counted.
        restrict(covered, `the customer did not have setup ${a.setup} then (only with setup ${a.setup})`);
      }
      if (a.countedDuring !== undefined) {
        // `counted during business hours`: downtime outside the calendar's hours does not count,
        // and the period is the business time it has.
        const hours = (version.clock(a.countedDuring) as BusinessClock).intervals(start, end);
        measured = measured === null ? hours : intersect(measured, hours);
        restrict(hours, `outside the hours of calendar ${a.countedDuring} (counted during ${a.countedDuring} hours, ${version.locate(a.countedDuringSpan ?? a.span)})`);
      }
      if (measured !== null) Z = measured.reduce((n, [s, e]) => n + (e - s), 0);
      if (Z === 0) {
        out.availability = unjudged(version, a, `${out.period} has no business time on calendar ${a.countedDuring}, during whose hours availability is counted`);
      } else {
        const D = measuredDowntime(pieces, a.measurement, start, end);
        const percent = div(mul(rat(BigInt(Z - D)), rat(100n)), rat(BigInt(Z)));
        const target = fromDecimal(a.target);
        const below = cmp(percent, target) < 0;
        const status = below ? 'breached' : final ? 'met' : 'pending';
        out.availability = {
          percent: toNumber(percent),
          exact: toDecimalText(percent, 10, true),
          target: Number(a.target),
          status,
          downtimeMinutes: D / 60_000,
          periodMinutes: Z / 60_000,
          measurement: measurementText(a),
          clause: version.locate(a.span),
        };
        if (definesDowntime(a) || measured !== null || (version.ir.services ?? []).length > 0) {
          const other = this.otherUncounted(unit.key, start, end, pieces);
          out.availability.breakdown = breakdown(pieces, [...uncounted, ...other.list].sort((x, y) => x.start - y.start), version.ir.timeZone, other.more);
        }
        if (credits) {
          out.credit = credit(version, percent, target, status, credits);
          if (pieces.length) INCIDENT_END.set(out.credit, pieces.reduce((t, [, e]) => Math.max(t, e), 0));
        }
      }
    }
    if (reliability) {
      const count = this.countOf(unit.key, period);
      const limit = reliability.maxIncidents;
      out.reliability = {
        count,
        limit,
        status: count > limit ? 'breached' : final ? 'met' : 'pending',
        clause: version.locate(reliability.span),
      };
    }
  }
}

/**
 * The unit of a service with parts that owes the service's report default: the first part with
 * an availability rule and credits, when its parts' credits add up; null when every part owes it
 * (no parts, or \`no stacking\`: only the part with the highest credit is paid).
 */
function defaultCarrier(version: CompiledContract, unit: ServiceUnit): ServiceUnit | null {
  if (unit.part === null || unit.credits?.stacking?.kind === 'no-stacking') return null;
  return version.units.find((u) => u.service === unit.service && u.availability !== null && u.credits !== null) ?? null;
}

/** The month numbers from `first` to `last`, in order. */
function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** `month`, `quarter`, `year`. */
function unitWord(kind: PeriodKind): string {
  return kind.slice(kind.indexOf('-') + 1);
}

/** A block's targets: its first (the block itself) and its further target lines. */
function targetsOf(a: Availability | null): (Availability | AvailabilityTarget)[] {
  return a ? [a, ...(a.more ?? [])] : [];
}

/** The block as judged for one of its targets: the target's value, period and hours, its other rules as they are. */
function withTarget(a: Availability, t: Availability | AvailabilityTarget): Availability {
  if (t === a) return a;
  const out: Availability = { ...a, target: t.target, targetSpan: t.targetSpan, period: t.period, span: t.span };
  delete out.more;
  if (t.countedDuring !== undefined) {
    out.countedDuring = t.countedDuring;
    out.countedDuringSpan = t.countedDuringSpan;
  } else {
    delete out.countedDuring;
    delete out.countedDuringSpan;
  }
  return out;
}

/** The availability of a period that is not judged, with why. */
function unjudged(version: CompiledContract, a: Availability, reason: string, downtimeMinutes = 0, periodMinutes = 0): NonNullable<PeriodVerdict['availability']> {
  return { percent: null, exact: null, target: Number(a.target), status: 'not-applicable', reason, downtimeMinutes, periodMinutes, measurement: measurementText(a), clause: version.locate(a.span) };
}

function measurementText(a: Availability): string {
  const m = a.measurement;
  const during = a.countedDuring !== undefined ? `, during ${a.countedDuring} hours` : '';
  if (m.kind === 'full-minutes') return `full minutes${during}`;
  if (m.kind === 'started-minutes') return `started minutes${during}`;
  return (m.kind === 'slots' ? `slots of ${m.minutes} minutes` : 'exact time') + during;
}

/** The parts of sorted disjoint `a` inside sorted disjoint `b`. */
function intersect(a: readonly [number, number][], b: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of a) for (const [bs, be] of b) if (Math.min(e, be) > Math.max(s, bs)) out.push([Math.max(s, bs), Math.min(e, be)]);
  return out;
}

/** The parts of sorted disjoint `a` outside sorted disjoint `b`. */
function subtract(a: readonly [number, number][], b: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of a) out.push(...outside(s, e, b.filter(([bs, be]) => be > s && bs < e).map(([bs, be]): [number, number] => [Math.max(bs, s), Math.min(be, e)])));
  return out;
}

/** At most this many intervals of each list are given in a period; `more` counts the rest. */
export const BREAKDOWN_LISTED = 100;

export interface Breakdown {
  counted: { start: string; end: string; minutes: number }[];
  uncounted: { start: string; end: string; minutes: number; reason: string }[];
  /** Intervals left out of the lists above (each lists at most BREAKDOWN_LISTED). */
  more?: { counted: number; uncounted: number };
}

function breakdown(pieces: [number, number][], uncounted: Uncounted[], zone: string, notKept = 0): Breakdown {
  const out: Breakdown = {
    counted: pieces.slice(0, BREAKDOWN_LISTED).map(([s, e]) => ({ start: formatInstant(s, zone), end: formatInstant(e, zone), minutes: (e - s) / 60_000 })),
    uncounted: uncounted.slice(0, BREAKDOWN_LISTED).map((u) => ({ start: formatInstant(u.start, zone), end: formatInstant(u.end, zone), minutes: (u.end - u.start) / 60_000, reason: u.reason })),
  };
  if (pieces.length > BREAKDOWN_LISTED || uncounted.length + notKept > BREAKDOWN_LISTED) {
    out.more = { counted: Math.max(0, pieces.length - BREAKDOWN_LISTED), uncounted: Math.max(0, uncounted.length + notKept - BREAKDOWN_LISTED) };
  }
  return out;
}

function inBand(b: CreditBand, p: Rational): boolean {
  if (b.lower) {
    const c = cmp(p, fromDecimal(b.lower.value));
    if (c < 0 || (c === 0 && !b.lower.inclusive)) return false;
  }
  if (b.upper) {
    const c = cmp(p, fromDecimal(b.upper.value));
    if (c > 0 || (c === 0 && !b.upper.inclusive)) return false;
  }
  return true;
}

function describeBand(b: CreditBand, currency: Contract['currency']): string {
  const parts: string[] = [];
  if (b.lower) parts.push(`${b.lower.inclusive ? 'at least' : 'above'} ${b.lower.value}%`);
  if (b.upper) parts.push(`${b.upper.inclusive ? 'at most' : 'below'} ${b.upper.value}%`);
  return `${parts.join(' and ')}: ${bandCreditText(b, currency)}`;
}

/** The credit owed for a month's exact availability (0 when the target is met). */
export function credit(
  c: CompiledContract,
  percent: Rational,
  target: Rational,
  status: 'met' | 'breached' | 'pending',
  cr: Credits = c.ir.credits!,
): NonNullable<PeriodVerdict['credit']> {
  const clause = c.locate(cr.span);
  const basis = cr.basis;
  if (status !== 'breached') {
    const out = { percent: status === 'met' ? 0 : null, basis, rule: status === 'met' ? 'target met' : 'month not over', clause };
    if (status === 'met') EXACT_CREDIT.set(out, { uncapped: rat(0n), capped: rat(0n) });
    return out;
  }
  let owed: Rational = rat(0n);
  let uncapped: Rational = owed;
  let rule: string | null = null;
  if (cr.bands.length) {
    const band = cr.bands.find((b) => inBand(b, percent));
    if (band?.unit) {
      // An amount or days of service: the money pass puts it in money (and applies the caps there).
      const currency = c.ir.currency;
      const out: NonNullable<PeriodVerdict['credit']> = { percent: null, basis, rule: describeBand(band, currency), clause };
      if (band.unit === 'amount') out.amount = moneyText(band.credit, currency?.minorUnit ?? 2);
      else out.serviceDays = band.credit;
      EXACT_CREDIT.set(out, { uncapped: rat(0n), capped: rat(0n), unit: band.unit, value: band.credit });
      return out;
    }
    if (band) {
      owed = fromDecimal(band.credit);
      rule = describeBand(band, c.ir.currency);
    } else rule = 'no credit band covers this availability';
  } else if (cr.linear) {
    const l = cr.linear;
    const shortfall = rsub(target, percent);
    const steps = div(shortfall, fromDecimal(l.step));
    const counted = l.rounding === 'full' ? rat(floor(steps)) : l.rounding === 'pro-rata' ? steps : rat(ceil(steps));
    owed = mul(counted, fromDecimal(l.percentPerStep));
    rule = `${l.percentPerStep}% for each ${l.rounding === 'pro-rata' ? '' : `${l.rounding ?? 'started'} `}${l.step}% below target${l.rounding === 'pro-rata' ? ', pro rata' : ''}: shortfall of ${toDecimalText(shortfall, 10)} percentage point${toDecimalText(shortfall, 10) === '1' ? '' : 's'}`;
  }
  uncapped = owed;
  if (cr.cap !== null) {
    const cap = fromDecimal(cr.cap);
    if (cmp(owed, cap) > 0) {
      owed = rmin(owed, cap);
      rule = `${rule}; capped at ${cr.cap}%`;
    }
  }
  const out = { percent: toNumber(owed), basis, rule, clause };
  EXACT_CREDIT.set(out, { uncapped, capped: owed });
  return out;
}
