// Monthly periods: availability from the union of counted outage and maintenance time, exact
// percentages, tiered or linear credits, and reliability counts. Months are calendar months in the
// contract's zone; each month is judged by the version in force at its start.

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
import type { Availability, Contract, CreditBand, Credits, Maintenance, ServiceUnit } from '../compiler/ir';
import type { CompiledContract, ContractVersions } from './contract';
import type { MaintenanceRecord } from './records';
import { applyMoney, EXACT_CREDIT, MoneyLedger, type MoneyCredit } from './money';
import { localMidnight, localYearMonth } from './time';

/** Disjoint, sorted intervals; cheap to extend at the end, as time-ordered logs do. */
export class IntervalUnion {
  private starts: number[] = [];
  private ends: number[] = [];

  get size(): number {
    return this.starts.length;
  }

  add(s: number, e: number): void {
    if (!(e > s)) return;
    const n = this.starts.length;
    // Fast path: at or after the last interval (sorted input).
    if (n === 0 || s > this.ends[n - 1]) {
      this.starts.push(s);
      this.ends.push(e);
      return;
    }
    // First interval whose end reaches s, last whose start is at or before e: merge them all.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid] < s) lo = mid + 1;
      else hi = mid;
    }
    let j = lo;
    while (j < n && this.starts[j] <= e) j++;
    if (j === lo) {
      this.starts.splice(lo, 0, s);
      this.ends.splice(lo, 0, e);
      return;
    }
    const ns = Math.min(s, this.starts[lo]);
    const ne = Math.max(e, this.ends[j - 1]);
    this.starts.splice(lo, j - lo, ns);
    this.ends.splice(lo, j - lo, ne);
  }

  /** The parts inside [a, b). */
  clip(a: number, b: number): [number, number][] {
    const out: [number, number][] = [];
    if (!(b > a)) return out; // an empty range has no parts (not a zero-length piece)
    for (let i = 0; i < this.starts.length; i++) {
      if (this.ends[i] <= a) continue;
      if (this.starts[i] >= b) break;
      out.push([Math.max(a, this.starts[i]), Math.min(b, this.ends[i])]);
    }
    return out;
  }
}

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
  if (m.notice) {
    const need = m.notice.duration.ms;
    const given = rec.notified === null ? null : c.clock(m.notice.duration.calendar).elapsed(rec.notified, rec.start);
    if (given === null || need === null || given < need) {
      return {
        id: rec.id,
        counted: whole,
        reason: rec.notified === null ? `no notice was given, ${c.locate(m.notice.span)}` : `notice was shorter than required, ${c.locate(m.notice.span)}`,
      };
    }
  }
  if (m.acknowledgementRequired && (rec.acknowledged === null || rec.acknowledged > rec.start)) {
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
  period: string;
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
  };
  credit?: {
    percent: number | null;
    basis: string | null;
    rule: string | null;
    clause: string;
    /** The credit in money, when the log has invoices or the contract states a currency. */
    money?: MoneyCredit;
  };
  reliability?: {
    count: number;
    limit: number;
    status: PeriodStatus;
    reason?: string;
    clause: string;
  };
}

function monthKey(y: number, m: number): string {
  return `${y}-${String(m).padStart(2, '0')}`;
}

function nextMonth(y: number, m: number): [number, number] {
  return m === 12 ? [y + 1, 1] : [y, m + 1];
}

/** Downtime of some services: `units` are unit keys (`compute`, `mdb/read`), null for every unit. */
export interface DowntimeEffect {
  units: string[] | null;
  counted: [number, number][];
}

/** Collects what the periods need while records stream by; memory grows with months, services and downtime episodes, not records. */
export class PeriodAccumulator {
  private readonly months = new Set<string>();
  /** Downtime of every unit (records that name no service). */
  private readonly downtimeUnion = new IntervalUnion();
  /** Downtime of the units records named, by unit key. */
  private readonly downtimeOf = new Map<string, IntervalUnion>();
  /** Counted incidents per month, keyed year * 100 + month: of every unit, and of the units incidents named. */
  private readonly reliability = new Map<number, number>();
  private readonly reliabilityOf = new Map<string, Map<number, number>>();
  /** Invoices, claims and reports: the credits in money. */
  readonly money = new MoneyLedger();

  constructor(
    private readonly versions: ContractVersions,
    private readonly asOf: number,
  ) {}

  private lastY = 0;
  private lastM = 0;

  private touch(a: number, b: number): void {
    const zone = this.versions.zone;
    let [y, m] = localYearMonth(a, zone);
    const [ey0, em0] = localYearMonth(Math.max(a, b - 1), zone);
    // Time-ordered logs touch the same month again and again: skip the set when nothing is new.
    if (y === ey0 && m === em0) {
      if (y !== this.lastY || m !== this.lastM) {
        this.months.add(monthKey(y, m));
        this.lastY = y;
        this.lastM = m;
      }
      return;
    }
    const [ey, em] = localYearMonth(Math.max(a, b - 1), zone);
    for (;;) {
      this.months.add(monthKey(y, m));
      if (y === ey && m === em) break;
      [y, m] = nextMonth(y, m);
    }
  }

  /** An incident opened at `opened`, of the units `units` (null: of every unit). */
  incident(opened: number, counts: boolean, units: readonly string[] | null = null): void {
    // A record that starts after as-of has not happened yet: it adds no month.
    if (opened > this.asOf) return;
    this.touch(opened, opened + 1);
    if (!counts) return;
    // touch() just set lastY/lastM to this incident's month.
    const k = this.lastY * 100 + this.lastM;
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

  private countOf(unit: string, k: number): number {
    return (this.reliability.get(k) ?? 0) + (this.reliabilityOf.get(unit)?.get(k) ?? 0);
  }

  /**
   * Period verdicts for every month touched (or only `only`, "YYYY-MM"), in order. A month asked
   * for that no record falls in is listed, with nothing to judge: no data is not 100% availability.
   */
  finish(only?: string): PeriodVerdict[] {
    const keys = [...this.months].filter((k) => !only || k === only).sort();
    const out = only && keys.length === 0 ? this.judgeMonth(only, `no record falls in ${only}: nothing to judge`) : keys.flatMap((k) => this.judgeMonth(k));
    applyMoney(out, this.versions, this.money, this.asOf);
    return out;
  }

  /** Counted downtime of a unit in [start, end), ms: overlapping records count once. */
  private exactDowntime(unit: string, start: number, end: number): number {
    let d = 0;
    for (const [s, e] of this.piecesOf(unit, start, end)) d += e - s;
    return d;
  }

  /** A month's verdicts: one per unit that has an availability or reliability rule (one, without services). */
  private judgeMonth(key: string, noRecords?: string): PeriodVerdict[] {
    const y = Number(key.slice(0, 4));
    const m = Number(key.slice(5, 7));
    const zone = this.versions.zone;
    const start = localMidnight(y, m, 1, zone);
    const [ny, nm] = nextMonth(y, m);
    const end = localMidnight(ny, nm, 1, zone);
    let version = this.versions.inForce(start);
    let note: string | undefined;
    // A month that ends before the first version takes effect has no promise to judge.
    let nothing = noRecords;
    if (!version) {
      const starting = this.versions.firstEffectiveIn(start, end);
      version = starting ?? this.versions.list[0];
      if (starting) note = `no version was in force on ${key}-01; the month is judged by version ${version.version}, effective ${version.ir.effective ?? 'unspecified'}`;
      else nothing = `no version of the contract is in force in ${key} (the first, version ${version.version}, takes effect on ${version.ir.effective}): nothing to judge`;
    }
    const final = end <= this.asOf;
    const ir = version.ir;
    const named = (ir.services ?? []).length > 0;
    const out: PeriodVerdict[] = [];
    for (const unit of version.units) {
      if (named && !unit.availability && !ir.reliability) continue;
      // Keys in the order reports print them: the period, the service, then the rest.
      const p = (named ? (unit.part !== null ? { period: key, service: unit.service, part: unit.part } : { period: key, service: unit.service }) : { period: key }) as PeriodVerdict;
      p.version = version.version;
      p.final = final;
      if (note) p.note = note;
      this.judgeUnit(p, version, unit, y, m, start, end, final, nothing);
      out.push(p);
    }
    return out;
  }

  private judgeUnit(
    out: PeriodVerdict,
    version: CompiledContract,
    unit: ServiceUnit,
    y: number,
    m: number,
    start: number,
    end: number,
    final: boolean,
    nothing: string | undefined,
  ): void {
    const ir = version.ir;
    const a: Availability | null = unit.availability;
    if (nothing !== undefined) {
      if (a) {
        out.availability = {
          percent: null,
          exact: null,
          target: Number(a.target),
          status: 'not-applicable',
          reason: nothing,
          downtimeMinutes: this.exactDowntime(unit.key, start, end) / 60_000,
          periodMinutes: (end - start) / 60_000,
          measurement: measurementText(a.measurement),
          clause: version.locate(a.span),
        };
      }
      if (ir.reliability) {
        const r = ir.reliability;
        out.reliability = { count: this.countOf(unit.key, y * 100 + m), limit: r.maxIncidents, status: 'not-applicable', reason: nothing, clause: version.locate(r.span) };
      }
      return;
    }

    if (a) {
      const Z = end - start;
      let D = 0;
      const pieces = this.piecesOf(unit.key, start, end);
      if (a.measurement.kind === 'slots') {
        // Any downtime inside a slot of N minutes (aligned to the month's start) marks the whole slot.
        const slot = a.measurement.minutes * 60_000;
        let lastSlot = -1;
        for (const [s, e] of pieces) {
          const first = Math.max(Math.floor((s - start) / slot), lastSlot + 1);
          const last = Math.floor((e - 1 - start) / slot);
          for (let i = first; i <= last; i++) D += Math.min(slot, end - (start + i * slot));
          lastSlot = Math.max(lastSlot, last);
        }
      } else for (const [s, e] of pieces) D += e - s;
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
        measurement: measurementText(a.measurement),
        clause: version.locate(a.span),
      };
      if (unit.credits) out.credit = credit(version, percent, target, status, unit.credits);
    }
    if (ir.reliability) {
      const count = this.countOf(unit.key, y * 100 + m);
      const limit = ir.reliability.maxIncidents;
      out.reliability = {
        count,
        limit,
        status: count > limit ? 'breached' : final ? 'met' : 'pending',
        clause: version.locate(ir.reliability.span),
      };
    }
  }
}

function measurementText(m: NonNullable<Contract['availability']>['measurement']): string {
  return m.kind === 'slots' ? `slots of ${m.minutes} minutes` : 'exact time';
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

function describeBand(b: CreditBand): string {
  const parts: string[] = [];
  if (b.lower) parts.push(`${b.lower.inclusive ? 'at least' : 'above'} ${b.lower.value}%`);
  if (b.upper) parts.push(`${b.upper.inclusive ? 'at most' : 'below'} ${b.upper.value}%`);
  return `${parts.join(' and ')}: ${b.credit}%`;
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
    if (band) {
      owed = fromDecimal(band.credit);
      rule = describeBand(band);
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
