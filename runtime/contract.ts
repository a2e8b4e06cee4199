// A contract compiled for evaluation: target lookup tables, clocks per calendar, exclusion rules,
// and the versions of one contract ordered by the date each takes effect. Data only, no eval.

import type { Span } from '../language/span';
import type { CategoryTarget, ClockRule, Contract, Duration, Maintenance, ObjectiveName, ServiceUnit, Target, TargetScope } from '../compiler/ir';
import { describeTargetScope, OBJECTIVES, TARGET_SCOPE_ORDER } from '../compiler/ir';
import { resolveUnits } from '../compiler/lower';
import { type BusinessClock, type Clock, createBusinessClock, wallClock } from './business-clock';
import { localMidnight } from './time';
import type { PeriodCalendar } from './period-kinds';

/** Turns a span of a contract into "file:line" for traces; the CLI passes the source's line map. */
export type Locator = (span: Span) => string;

export interface ResolvedTarget {
  objective: ObjectiveName;
  /** null = `none`: not applicable. */
  duration: Duration | null;
  via: string[];
  /** The target as written: "2 business days by email". */
  text: string;
  /** Where the target comes from, in the contract's words. */
  from: string;
  clause: string;
  /** The table the target was taken from: its scope (`environment production`, `category web-down`; null: the table for every incident) and its head line. */
  table?: { scope: string | null; clause: string };
}

/** What picks an incident's target table besides plan and severity. */
export interface TargetKeys {
  plan: string;
  severity: string;
  category: string | null;
  channel: string | null;
  region?: string | null;
  environment?: string | null;
  services?: readonly string[] | null;
}

export interface CompiledContract {
  ir: Contract;
  version: string;
  /** Instant the version takes effect (local midnight of its effective date); null = always. */
  effectiveFrom: number | null;
  /** Objectives this contract sets targets for, in the order response, restoration, resolution. */
  objectives: ObjectiveName[];
  /**
   * The target of an incident, by precedence: category > service > environment > channel > region >
   * the table for every incident. A table without the incident's plan x severity cell falls through
   * to the next; a `none` cell answers (not applicable).
   */
  incidentTarget(objective: ObjectiveName, rec: TargetKeys): ResolvedTarget | null;
  /** A clock per calendar id; null id = the wall clock. */
  clock(calendar: string | null): Clock;
  /** The clock rule of an objective (`clocks`): when it starts, what pauses it, how reopened tickets are judged. */
  clockRule(objective: ObjectiveName | 'update'): ClockRule;
  /** The maintenance windows (of `m`, by default the unscoped clause) as a clock whose "business time" is window time (null if none). */
  windowClock(m?: Maintenance | null): BusinessClock | null;
  /** What is judged on its own (services, or parts of services), with the rules of each; `default` alone without services. */
  units: ServiceUnit[];
  /** The units a record naming `services` (ids or `service/part`) concerns; every unit when it names none. */
  unitsOf(services: readonly string[] | null | undefined): ServiceUnit[];
  /** Why an incident is excluded (cause or channel), or null when it counts. */
  exclusion(cause: string, channel: string | null): string | null;
  causeCounted(cause: string): boolean;
  locate: Locator;
}

/** A clock the `clocks` block does not mention: starts at opened (updates: at the response), never pauses. */
const DEFAULT_RULE: ClockRule = {
  // Stryker disable next-line StringLiteral: clockRule() sets objective and startsAt over these
  objective: 'response', startsAt: 'opened',
  pausesWhile: [], businessOnly: false, reopened: 'continue', span: { start: 0, end: 0 },
};

export function describeDuration(d: Duration, via: string[] = []): string {
  if (d.anchor) {
    const at = d.anchor.minute === null ? `end of next ${d.calendar} day` : `next ${d.calendar} day by ${String(Math.floor(d.anchor.minute / 60)).padStart(2, '0')}:${String(d.anchor.minute % 60).padStart(2, '0')}`;
    return via.length ? `${at} by ${via.join(' then ')}` : at;
  }
  const singular = d.amount === '1';
  const unit = `${d.unit}${singular ? '' : 's'}`;
  const base = [d.amount, d.regional ? 'regional business' : d.calendar, unit].filter(Boolean).join(' ');
  return via.length ? `${base} by ${via.join(' then ')}` : base;
}

export function compileContract(ir: Contract, locate: Locator = (s) => `${ir.file}@${s.start}`): CompiledContract {
  const withTables = (ir.targetTables?.length ?? 0) > 0;
  // Targets are resolved once into lookup tables (objective -> key -> target) of ready answers.
  const resolved = (objective: ObjectiveName, t: Target | CategoryTarget, from: string, scope: string | null = null): ResolvedTarget => {
    const r: ResolvedTarget = {
      objective,
      duration: t.duration,
      via: t.via,
      text: t.duration ? describeDuration(t.duration, t.via) : 'none',
      from,
      clause: locate(t.span),
    };
    // Which table answered is worth saying only when several tables can answer one incident.
    if (!withTables) return r;
    if ('category' in t) r.table = { scope: `category ${t.category}`, clause: r.clause };
    else if (t.tableSpan) r.table = { scope, clause: locate(t.tableSpan) };
    return r;
  };
  // objective -> plan -> severity -> target; objective -> category -> target.
  const cells = new Map<string, Map<string, Map<string, ResolvedTarget>>>();
  for (const t of ir.targets) {
    const from = ir.implicitPlan ? `severity ${t.severity}` : `plan ${t.plan}, severity ${t.severity}`;
    let byPlan = cells.get(t.objective);
    if (!byPlan) cells.set(t.objective, (byPlan = new Map()));
    let bySeverity = byPlan.get(t.plan);
    if (!bySeverity) byPlan.set(t.plan, (bySeverity = new Map()));
    bySeverity.set(t.severity, resolved(t.objective, t, from));
  }
  const byCategory = new Map<string, Map<string, ResolvedTarget>>();
  for (const t of ir.categoryTargets) {
    let m = byCategory.get(t.objective);
    if (!m) byCategory.set(t.objective, (m = new Map()));
    m.set(t.category, resolved(t.objective, t, `category ${t.category}`));
  }
  // Scoped tables, most specific kind first (service > environment > channel > region), each
  // kind in source order (a service part's table before its service's).
  const tables = [...(ir.targetTables ?? [])].sort(
    (a, b) => TARGET_SCOPE_ORDER.indexOf(a.scope.kind) - TARGET_SCOPE_ORDER.indexOf(b.scope.kind) || (b.scope.part ? 1 : 0) - (a.scope.part ? 1 : 0),
  );
  const scopedCells = tables.map((table) => {
    const scope = describeTargetScope(table.scope);
    const m = new Map<string, ResolvedTarget>();
    for (const t of table.targets) {
      const from = `${scope}: ${ir.implicitPlan ? `severity ${t.severity}` : `plan ${t.plan}, severity ${t.severity}`}`;
      m.set(`${t.plan}\u0000${t.severity}`, resolved(t.objective, t, from, scope));
    }
    return { objective: table.objective, scope: table.scope, cells: m };
  });
  const applies = (scope: TargetScope, rec: TargetKeys): boolean => {
    switch (scope.kind) {
      case 'environment':
        return rec.environment === scope.id;
      case 'channel':
        return rec.channel === scope.id;
      case 'region':
        return rec.region === scope.id;
      case 'service': {
        const whole = scope.part === null;
        // Stryker disable next-line ArrayDeclaration: without services nothing matches; a placeholder that is no service id matches nothing either
        return (rec.services ?? []).some((s) => (s === scope.id ? whole : s.startsWith(`${scope.id}/`) && (whole || s === `${scope.id}/${scope.part}`)));
      }
    }
  };
  const used = new Set<ObjectiveName>([
    ...ir.targets.map((t) => t.objective),
    ...ir.categoryTargets.map((t) => t.objective),
    ...(ir.targetTables ?? []).filter((t) => t.targets.length).map((t) => t.objective),
  ]);
  const objectives = OBJECTIVES.filter((o) => used.has(o));

  const clocks = new Map<string, Clock>();
  const rules = new Map((ir.clocks ?? []).map((r) => [r.objective, r]));
  const calendars = new Map(ir.calendars.map((c) => [c.id, c]));
  const windows = new Map<Maintenance, BusinessClock | null>();
  const units = ir.units ?? resolveUnits(ir);
  const unitsNamed = new Map<string, ServiceUnit[]>();
  for (const u of units) {
    for (const name of [u.key, u.service]) {
      const list = unitsNamed.get(name) ?? [];
      if (!list.includes(u)) list.push(u);
      unitsNamed.set(name, list);
    }
  }

  const causes = new Map(ir.causes.map((c) => [c.id, c]));
  // Stryker disable next-line ArrayDeclaration: `official` is read only when the contract has reporting channels
  const official = new Set(ir.channels?.channels.filter((c) => c.official).map((c) => c.id) ?? []);

  const effectiveFrom = ir.effective
    ? localMidnight(Number(ir.effective.slice(0, 4)), Number(ir.effective.slice(5, 7)), Number(ir.effective.slice(8, 10)), ir.timeZone)
    : null;

  return {
    ir,
    version: ir.version ?? '(unversioned)',
    effectiveFrom,
    objectives,
    locate,
    incidentTarget(objective, rec) {
      if (rec.category !== null) {
        const ct = byCategory.get(objective)?.get(rec.category);
        if (ct) return ct;
      }
      if (scopedCells.length) {
        const key = `${rec.plan}\u0000${rec.severity}`;
        for (const t of scopedCells) {
          if (t.objective !== objective || !applies(t.scope, rec)) continue;
          const found = t.cells.get(key);
          if (found) return found;
        }
      }
      return cells.get(objective)?.get(rec.plan)?.get(rec.severity) ?? null;
    },
    clock(calendar) {
      if (calendar === null) return wallClock;
      let c = clocks.get(calendar);
      if (!c) {
        const cal = calendars.get(calendar);
        if (!cal) throw new RangeError(`unknown calendar ${calendar}`);
        c = createBusinessClock(cal, cal.zone ?? ir.timeZone);
        clocks.set(calendar, c);
      }
      return c;
    },
    clockRule(objective) {
      return rules.get(objective) ?? { ...DEFAULT_RULE, objective, startsAt: objective === 'update' ? 'responded' : 'opened' };
    },
    units,
    unitsOf(services) {
      if (!services) return units;
      if (services.length === 1) return unitsNamed.get(services[0]) ?? [];
      const out: ServiceUnit[] = [];
      for (const s of services) for (const u of unitsNamed.get(s) ?? []) if (!out.includes(u)) out.push(u);
      return out;
    },
    windowClock(m = ir.maintenance) {
      if (!m) return null;
      const known = windows.get(m);
      if (known !== undefined) return known;
      const clock =
        m.hasWindows
          ? createBusinessClock(
              { id: 'maintenance-windows', title: null, weekly: m.windows, allDay: false, holidayCountry: null, holidayCountrySpan: null, added: [], removed: [], pinned: [], span: m.span },
              ir.timeZone,
              // Stryker disable next-line ObjectLiteral,ArrowFunction,ArrayDeclaration: no holidays either way: the windows' own calendar (no country, no dates added or pinned) resolves to none, and a text that is no date is no day
              { holidaysFor: () => [] },
            )
          : null;
      windows.set(m, clock);
      return clock;
    },
    exclusion(cause, channel) {
      const c = causes.get(cause);
      if (c && !c.counted) return `cause ${cause} is excluded${c.description ? ` (${c.description})` : ''}, ${locate(c.span)}`;
      if (ir.channels?.othersExcluded && (channel === null || !official.has(channel))) {
        return `reported through ${channel === null ? 'no channel' : `channel ${channel}`}, not an official channel (${[...official].join(', ')}), ${locate(ir.channels.span)}`;
      }
      return null;
    },
    causeCounted(cause) {
      return causes.get(cause)?.counted ?? false;
    },
  };
}

/** The versions of one contract; picks the one in force at an instant. */
export class ContractVersions {
  readonly list: CompiledContract[];

  constructor(versions: CompiledContract[]) {
    if (versions.length === 0) throw new RangeError('no contract versions');
    this.list = [...versions].sort((a, b) => (a.effectiveFrom ?? -Infinity) - (b.effectiveFrom ?? -Infinity));
  }

  get latest(): CompiledContract {
    return this.list[this.list.length - 1];
  }

  get zone(): string {
    return this.latest.ir.timeZone;
  }

  /** Where periods begin: `periods in` (else the contract's zone) and `fiscal year starts` (else January), of the latest version. */
  get periodCalendar(): PeriodCalendar {
    const ir = this.latest.ir;
    return { zone: ir.periodZone?.zone ?? ir.timeZone, fiscalYearStart: ir.fiscalYearStart?.month ?? 1 };
  }

  /** The version in force at `t`: the last one whose effective instant is at or before it. */
  inForce(t: number): CompiledContract | null {
    let found: CompiledContract | null = null;
    for (const v of this.list) {
      if (v.effectiveFrom === null || v.effectiveFrom <= t) found = v;
      else break;
    }
    return found;
  }

  /** The first version that takes effect in [from, to), for a month that starts before any version. */
  firstEffectiveIn(from: number, to: number): CompiledContract | null {
    return this.list.find((v) => v.effectiveFrom !== null && v.effectiveFrom >= from && v.effectiveFrom < to) ?? null;
  }
}
