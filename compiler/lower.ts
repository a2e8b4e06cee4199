// AST -> IR: resolves names (plans, severities, categories, calendars), normalises units and
// percentages, and reports what is declared twice or used without a declaration.

import { distance } from 'fastest-levenshtein';
import { IANAZone } from 'luxon';
import type * as A from '../language/ast';
import { DIAGNOSTICS, type Reporter } from '../language/diagnostics';
import type { Span } from '../language/span';
import { fromDecimal, normalizeDecimal } from './decimal';
import type * as I from './ir';
import { declarePauseReasons, declareRegions, lowerClocks, lowerHolidayTypes, lowerRegions, lowerUpdate, lowerWeekSpan, validZone } from './lower-support';
import { lowerBandCredit, lowerBasis, lowerCap, lowerClaimWindow, lowerReport, lowerCurrency, lowerPaymentLine } from './lower-money';
import { declareEnvironments, declareRegionZones, lowerScopedTable } from './lower-targets';
import { mayBeUnread, namedWhereUnread } from './unread';
import { perText } from './format';

const DAY_INDEX: Record<string, I.Weekday> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };
const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;
const OBJECTIVE_WORDS = new Set<string>(['response', 'restoration', 'resolution']);
export const DEFAULT_PLAN = 'default';
export { DAY_INDEX, minutesOf };
/** The one service of a contract that declares none. */
export const DEFAULT_SERVICE = 'default';

function minutesOf(t: string): number {
  const [h, m] = t.split(':').map(Number);
  return h * 60 + m;
}

/**
 * Length of one business day when every working weekday (one on which some range starts) has the
 * same total, else null. Overlapping ranges of one weekday are counted once (their union); a range
 * crossing midnight counts towards the day it starts on. `N business days` is N times this.
 */
export function businessDayMs(weekly: readonly I.WeeklyRange[], allDay: boolean): number | null {
  if (allDay) return UNIT_MS.day;
  const byDay = new Map<number, [number, number][]>();
  for (const r of weekly) {
    const to = r.crossesMidnight ? 1440 + r.to : r.to;
    if (to <= r.from) continue;
    const list = byDay.get(r.day) ?? [];
    list.push([r.from, to]);
    byDay.set(r.day, list);
  }
  let length: number | null = null;
  for (const ranges of byDay.values()) {
    ranges.sort((a, b) => a[0] - b[0]);
    let total = 0;
    let [from, to] = ranges[0];
    // Stryker disable next-line MethodExpression: the first range merged with itself is itself
    for (const [f, t] of ranges.slice(1)) {
      // Stryker disable next-line EqualityOperator: ranges that only touch add up to their union
      if (f <= to) to = Math.max(to, t);
      else {
        total += to - from;
        [from, to] = [f, t];
      }
    }
    total += to - from;
    if (length === null) length = total;
    else if (length !== total) return null;
  }
  return length === null ? null : length * 60_000;
}

/** Milliseconds of `amount` x `unitMs`, to the nearest (halves up); null for a number like `1.2.3`. */
function scaledMs(amount: string, unitMs: number): number | null {
  try {
    const r = fromDecimal(amount);
    return Number((2n * r.n * BigInt(unitMs) + r.d) / (2n * r.d));
  }
  // Stryker disable next-line BlockStatement: the parser reads no duration from `1.2.3 hours`, so lowering never meets one
  catch {
    return null;
  }
}

export function weeklyRanges(line: A.HoursLine): I.WeeklyRange[] {
  const days: I.Weekday[] = [];
  if (line.everyDay) days.push(1, 2, 3, 4, 5, 6, 7);
  // The parser names days by their token, in lower case: each is a key of DAY_INDEX.
  for (const d of line.days) {
    const from = DAY_INDEX[d.from.name];
    const to = d.to ? DAY_INDEX[d.to.name] : from;
    // `friday to monday` wraps over the weekend.
    for (let i = from; ; i = ((i % 7) + 1) as I.Weekday) {
      days.push(i as I.Weekday);
      if (i === to) break;
    }
  }
  const out: I.WeeklyRange[] = [];
  for (const r of line.ranges) {
    const from = minutesOf(r.from.text);
    const to = minutesOf(r.to.text);
    // `21:00 to 01:00` ends on the next day; `08:00 to 08:00` is an empty range (the checker says so).
    const crossesMidnight = to < from;
    for (const day of days) out.push({ day, from, to, crossesMidnight, span: { start: line.span.start, end: line.span.end } });
  }
  return out;
}

function coversWholeWeek(weekly: I.WeeklyRange[]): boolean {
  const covered: [number, number][] = [];
  for (const r of weekly) {
    const s = (r.day - 1) * 1440 + r.from;
    const e = (r.day - 1) * 1440 + (r.crossesMidnight ? 1440 + r.to : r.to);
    // Stryker disable next-line EqualityOperator: a range ending at the seam would add an empty part at its start
    if (e <= 10080) covered.push([s, e]);
    else covered.push([s, 10080], [0, e - 10080]);
  }
  covered.sort((a, b) => a[0] - b[0]);
  let reach = 0;
  for (const [s, e] of covered) {
    if (s > reach) return false;
    reach = Math.max(reach, e);
  }
  return reach >= 10080;
}

/** What lowering knows while it walks the statements: the declarations so far and the contract it builds. */
export interface LowerContext {
  report: Reporter;
  contract: I.Contract;
  /** Clauses that may be given once, by key, with where they were first given. */
  once: Map<string, Span>;
  calendars: Map<string, I.Calendar>;
  regions: Map<string, I.Region>;
  pauseReasons: Map<string, I.PauseReason>;
  severities: Map<string, I.Severity>;
  plans: Map<string, I.Plan>;
  categories: Map<string, I.Category>;
  causes: Map<string, I.Cause>;
  /** Severity alias -> the severity it names. */
  aliasOwner: Map<string, string>;
  /** Target cells given so far (`objective/plan/severity`), for duplicates across tables. */
  cellKeys: Map<string, Span>;
  sawZone: boolean;
  sawPlans: boolean;
  /** The clause being lowered: what a line lowering rejects is a line of. */
  clause: A.ClauseKind | null;
  services: Map<string, I.Service>;
  setups: Map<string, { id: string; title: string | null; span: Span }>;
  /** Group id -> the service line that first names it. */
  groups: Map<string, { id: string; span: Span }>;
  /** Lowerings that wait until every clause is lowered (scoped target tables name channels). */
  deferred?: (() => void)[];
  /** Zone -> the region whose `zones` first gives it. */
  zoneOwners?: Map<string, { region: string; span: Span }>;
}

/** Names are compared ignoring case, as records are matched to them: the key a name is declared under. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

/** The declaration a name refers to, whatever its case. */
export function find<T>(map: Map<string, T>, name: string): T | undefined {
  return map.get(nameKey(name));
}

/**
 * A line (or cell) lowering does not take: its error is reported by the caller, and the checks
 * skip what it may have said (a band missing from a credit table would show as a gap).
 */
export function reject(ctx: LowerContext, span: Span): void {
  // Stryker disable next-line ArrayDeclaration: the words of an unreadable line are searched only for names a contract declares
  ctx.contract.unreadable!.push({ clause: ctx.clause, words: [], span });
}

export type StatementOf<K extends A.Statement['kind']> = Extract<A.Statement, { kind: K }>;
type Lowerings = { [K in A.Statement['kind']]?: (s: StatementOf<K>, ctx: LowerContext) => void };

/** Pass 1: what declares names (calendars, severities, plans, categories, causes) and the header. */
const DECLARATIONS: Lowerings = {
  contract: (s, ctx) => {
    if (single(ctx, 'contract', s, 'the contract name')) ctx.contract.name = s.name.value;
  },
  version: (s, ctx) => {
    if (single(ctx, 'version', s, 'the version')) ctx.contract.version = s.value.value;
  },
  effective: (s, ctx) => {
    if (single(ctx, 'effective', s, 'the effective date')) ctx.contract.effective = s.date ? s.date.text : null;
  },
  party: (s, ctx) => {
    if (single(ctx, s.role, s, `the ${s.role}`)) ctx.contract[s.role] = s.name.value;
  },
  timeZone: lowerTimeZone,
  calendar: (s, ctx) => {
    declare(ctx, ctx.calendars, lowerCalendar(s, ctx), 'calendar', s.headerSpan);
  },
  severities: declareSeverities,
  plans: declarePlans,
  categories: (s, ctx) => {
    for (const item of s.items) {
      if (item.kind === 'category') declare(ctx, ctx.categories, { id: item.id.name, description: item.description?.value ?? null, span: item.span }, 'category');
      else lowerCategoryTable(item, ctx);
    }
  },
  causes: (s, ctx) => {
    for (const item of s.items) {
      declare(ctx, ctx.causes, { id: item.id.name, counted: item.counted, description: item.description?.value ?? null, span: item.span }, 'cause');
    }
  },
  regions: (s, ctx) => {
    declareRegions(s, ctx);
    declareRegionZones(s, ctx, (ctx.zoneOwners ??= new Map()));
  },
  environments: declareEnvironments,
  pauseReasons: declarePauseReasons,
  services: declareServices,
  setups: (s, ctx) => {
    for (const it of s.items) declare(ctx, ctx.setups, { id: it.id.name, title: it.title?.value ?? null, span: it.span }, 'setup');
  },
  currency: (s, ctx) => lowerCurrency(s, ctx, (span) => reject(ctx, span)),
  periods: (s, ctx) => {
    if (!single(ctx, 'periods', s, 'the zone of the periods')) return;
    const zone = periodZoneOf(s.zone.value);
    if (zone !== null) ctx.contract.periodZone = { zone, span: s.span };
    else {
      ctx.report.report(DIAGNOSTICS.unknownTimeZone, s.zone.span, `"${s.zone.value}" is neither an IANA time zone nor a UTC offset`, {
        hint: 'periods in UTC+02:00 (a fixed offset, as "GMT+2" means), or an IANA zone such as Asia/Jerusalem',
      });
      reject(ctx, s.span);
    }
  },
  fiscalYear: (s, ctx) => {
    if (!single(ctx, 'fiscalYear', s, 'the start of the fiscal year')) return;
    const month = MONTH_NAMES.indexOf(s.month.name.toLowerCase()) + 1;
    if (month === 0 || (s.day !== null && s.day.text !== '1')) {
      const near = MONTH_NAMES.find((n) => distance(n, s.month.name.toLowerCase()) <= 2);
      ctx.report.report(DIAGNOSTICS.periodNotUnderstood, month === 0 ? s.month.span : s.day!.span, month === 0 ? `"${s.month.name}" is not a month${near ? `: did you mean ${near}?` : ''}` : 'a fiscal year starts on the 1st of a month', {
        hint: `fiscal year starts ${near ?? 'february'}`,
      });
      reject(ctx, s.span);
      return;
    }
    ctx.contract.fiscalYearStart = { month, span: s.span };
  },
};

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** An IANA zone, or `UTC+02:00` (kept as written): the zones periods may begin in. */
export function periodZoneOf(text: string): string | null {
  if (/^UTC[+-]\d{2}:\d{2}$/.test(text)) return Number(text.slice(4, 6)) <= 14 && Number(text.slice(7, 9)) < 60 ? text : null;
  return IANAZone.isValidZone(text) ? text : null;
}

/** The period kind of `per calendar quarter` / `per fiscal year`, or null (reported) when it cannot be one. */
function lowerPeriod(per: A.PeriodWords, ctx: LowerContext): I.PeriodKind | null {
  if (!per.fiscal) return `calendar-${per.unit}`;
  if (per.unit === 'month') {
    ctx.report.report(DIAGNOSTICS.periodNotUnderstood, per.span, 'a fiscal month is a calendar month', { hint: 'per calendar month' });
    reject(ctx, per.span);
    return null;
  }
  if (!ctx.contract.fiscalYearStart) {
    if (!mayBeUnread(ctx.contract, 'fiscalYear')) {
      ctx.report.report(DIAGNOSTICS.periodNotUnderstood, per.span, `fiscal ${per.unit}s need the start of the fiscal year, which the contract does not give`, {
        hint: 'fiscal year starts february   (a line of its own)',
      });
    }
    reject(ctx, per.span);
    return null;
  }
  return `fiscal-${per.unit}`;
}

/** Pass 2: everything that refers to declarations, so that tables may come before what they name. */
const CLAUSES: Lowerings = {
  categories: (s, ctx) => {
    for (const item of s.items) if (item.kind === 'table') lowerCategoryTargets(item, ctx);
  },
  objective: lowerObjective,
  channels: lowerChannels,
  maintenance: (s, ctx) => {
    const scope = lowerScope(s.scope, ctx);
    if (scope === undefined || !claimScope(ctx, 'maintenance', scope, s)) return;
    const m = lowerMaintenance(s, ctx);
    if (scope === null) ctx.contract.maintenance = m;
    else ctx.contract.scoped!.maintenance.push({ ...m, scope });
  },
  availability: (s, ctx) => {
    const scope = lowerScope(s.scope, ctx);
    if (scope === undefined || !claimScope(ctx, 'availability', scope, s)) return;
    const a = lowerAvailability(s, ctx);
    if (scope === null) ctx.contract.availability = a;
    else if (a) ctx.contract.scoped!.availability.push({ ...a, scope });
  },
  reliability: lowerReliability,
  credits: (s, ctx) => {
    const scope = lowerScope(s.scope, ctx);
    if (scope === undefined || !claimScope(ctx, 'credits', scope, s)) return;
    const cr = lowerCredits(s, ctx);
    if (scope === null) ctx.contract.credits = cr;
    else ctx.contract.scoped!.credits.push({ ...cr, scope });
  },
  regions: lowerRegions,
  clocks: lowerClocks,
  update: lowerUpdate,
  termination: (s, ctx) => {
    if (single(ctx, 'termination', s, 'the termination date')) ctx.contract.termination = { date: s.date.text, span: s.span };
  },
  report: (s, ctx) => {
    if (single(ctx, 'report', s, 'the report obligation')) lowerReport(s, ctx, (span) => reject(ctx, span), (d) => lowerDuration(d, ctx));
  },
  note: (s, ctx) => {
    ctx.contract.notes.push({ kind: s.clause ? 'clause' : 'note', title: s.title.value, text: s.text.value, span: s.span });
  },
};

function run(lowerings: Lowerings, s: A.Statement, ctx: LowerContext): void {
  ctx.clause = s.kind;
  (lowerings[s.kind] as ((s: A.Statement, ctx: LowerContext) => void) | undefined)?.(s, ctx);
}

export function lower(ast: A.ContractFile, file: string, report: Reporter): I.Contract {
  const ctx: LowerContext = {
    report,
    contract: emptyContract(file),
    once: new Map(),
    calendars: new Map(),
    regions: new Map(),
    pauseReasons: new Map(),
    severities: new Map(),
    plans: new Map(),
    categories: new Map(),
    causes: new Map(),
    aliasOwner: new Map(),
    cellKeys: new Map(),
    sawZone: false,
    sawPlans: false,
    clause: null,
    services: new Map(),
    setups: new Map(),
    groups: new Map(),
  };
  ctx.contract.unreadable!.push(...ast.unreadable);
  for (const s of ast.statements) run(DECLARATIONS, s, ctx);
  reportMissingHeader(ast, ctx);
  const c = ctx.contract;
  if (!ctx.sawPlans) {
    c.implicitPlan = true;
    ctx.plans.set(DEFAULT_PLAN, { id: DEFAULT_PLAN, rank: 0, span: { start: 0, end: 0 } });
  }
  c.calendars = [...ctx.calendars.values()];
  c.severities = [...ctx.severities.values()];
  c.plans = [...ctx.plans.values()];
  c.categories = [...ctx.categories.values()];
  c.causes = [...ctx.causes.values()];
  if (ctx.regions.size) c.regions = [...ctx.regions.values()];
  if (ctx.pauseReasons.size) c.pauseReasons = [...ctx.pauseReasons.values()];
  c.services = [...ctx.services.values()];
  c.setups = [...ctx.setups.values()];
  for (const s of ast.statements) run(CLAUSES, s, ctx);
  for (const f of ctx.deferred ?? []) f();
  c.units = resolveUnits(c);
  c.unreadable!.sort((a, b) => a.span.start - b.span.start);
  return c;
}

function emptyContract(file: string): I.Contract {
  return {
    file,
    name: null,
    version: null,
    effective: null,
    provider: null,
    customer: null,
    timeZone: 'UTC',
    calendars: [],
    severities: [],
    plans: [],
    plansOrdered: false,
    implicitPlan: false,
    categories: [],
    targets: [],
    categoryTargets: [],
    causes: [],
    channels: null,
    maintenance: null,
    availability: null,
    reliability: null,
    credits: null,
    notes: [],
    services: [],
    setups: [],
    scoped: { availability: [], credits: [], maintenance: [] },
    units: [],
    unreadable: [],
  };
}

// ---- services and scopes -----------------------------------------------------------------

/** The `services` block: services (ids ignore case, like every name), their groups, and the parts under each. */
function declareServices(s: StatementOf<'services'>, ctx: LowerContext): void {
  if (!single(ctx, 'services', s, 'the list of services')) return;
  let last: I.Service | null = null;
  for (const item of s.items) {
    if (item.kind === 'part') {
      if (!last) {
        ctx.report.report(DIAGNOSTICS.partWithoutService, item.span, `part "${item.id.name}" comes before any service: a part belongs to the service on the line above it`, {
          hint: 'services\n  managed-postgres "Managed Service for PostgreSQL"\n    part read "DB cluster, read"',
        });
        reject(ctx, item.span);
        continue;
      }
      const parts = new Map(last.parts.map((p) => [nameKey(p.id), p]));
      if (declare(ctx, parts, { id: item.id.name, title: item.title?.value ?? null, span: item.span }, `part of ${last.id}`)) {
        last.parts = [...parts.values()];
      }
      continue;
    }
    const group = item.group ? (find(ctx.groups, item.group.name)?.id ?? item.group.name) : null;
    const svc: I.Service = { id: item.id.name, title: item.title?.value ?? null, group, parts: [], span: item.span };
    if (!declare(ctx, ctx.services, svc, 'service')) {
      last = null;
      continue;
    }
    last = svc;
    if (item.group && !find(ctx.groups, item.group.name)) ctx.groups.set(nameKey(item.group.name), { id: item.group.name, span: item.group.span });
  }
}

/** The scope of a rule block: null when unscoped, undefined when it names what is not declared (reported; the block is left out). */
function lowerScope(scope: A.ScopeNode | undefined, ctx: LowerContext): I.Scope | null | undefined {
  if (!scope) return null;
  const fail = (): undefined => {
    reject(ctx, scope.span);
    return undefined;
  };
  if (scope.kind === 'group') {
    const g = find(ctx.groups, scope.name.name);
    if (!g) {
      if (!namedWhereUnread(ctx.contract, scope.name.name)) {
        const known = [...ctx.groups.values()].map((x) => x.id);
        ctx.report.report(DIAGNOSTICS.undeclared, scope.name.span, `group "${scope.name.name}" is not declared`, {
          hint: known.length ? `groups named in the services block: ${known.join(', ')}` : 'a service line names its group: compute "Compute Cloud" group infrastructure',
        });
      }
      return fail();
    }
    return { kind: 'group', id: g.id, part: null, span: scope.span };
  }
  const svc = find(ctx.services, scope.name.name);
  if (!svc) {
    if (ctx.services.size > 0) undeclared(ctx, 'service', scope.name.name, scope.name.span, ctx.services.values());
    else if (!namedWhereUnread(ctx.contract, scope.name.name) && !mayBeUnread(ctx.contract, 'services')) {
      ctx.report.report(DIAGNOSTICS.undeclared, scope.name.span, `service "${scope.name.name}" is not declared: the contract has no services block`, {
        hint: `declare the services: services, then one line each (${scope.name.name} "Its title")`,
      });
    }
    return fail();
  }
  let part: string | null = null;
  if (scope.part) {
    const p = svc.parts.find((x) => nameKey(x.id) === nameKey(scope.part!.name));
    if (!p) {
      if (!namedWhereUnread(ctx.contract, scope.part.name)) {
        const known = svc.parts.map((x) => x.id);
        ctx.report.report(DIAGNOSTICS.undeclared, scope.part.span, `service ${svc.id} has no part "${scope.part.name}"`, {
          hint: known.length ? `its parts: ${known.join(', ')}` : `declare it under the service: part ${scope.part.name} "..."`,
        });
      }
      return fail();
    }
    part = p.id;
  }
  return { kind: 'service', id: svc.id, part, span: scope.span };
}

function scopeKey(scope: I.Scope): string {
  return scope.kind === 'group' ? `group ${scope.id}` : `service ${scope.id}${scope.part ? ` part ${scope.part}` : ''}`;
}

/** A rule block may claim a scope once: a second `availability for service X` is reported (SLA2030) and left out. */
function claimScope(ctx: LowerContext, clause: 'availability' | 'credits' | 'maintenance', scope: I.Scope | null, s: { span: Span; headerSpan: Span }): boolean {
  const what = clause === 'availability' ? 'the availability clause' : clause === 'credits' ? 'the credits clause' : 'the maintenance clause';
  if (scope === null) return single(ctx, clause, s, what);
  const key = `${clause}/${scopeKey(scope).toLowerCase()}`;
  const prev = ctx.once.get(key);
  if (prev) {
    ctx.report.report(DIAGNOSTICS.scopeClaimedTwice, s.headerSpan, `${what} for ${scopeKey(scope)} is given twice: two rules claim the same ${scope.kind === 'group' ? 'group' : scope.part ? 'part' : 'service'}`, {
      related: [{ span: prev, message: 'first given here' }],
      hint: 'keep one block per scope, or scope one of them more narrowly (for service X part P)',
    });
    reject(ctx, s.span);
    return false;
  }
  ctx.once.set(key, s.headerSpan);
  return true;
}

/** The rule of `list` (or the unscoped one) that applies to a unit: part > service > group > unscoped. */
function ruleFor<T extends { scope?: I.Scope | null }>(list: readonly T[], unscoped: T | null, service: I.Service | null, part: string | null): T | null {
  if (service) {
    const key = (x: string): string => x.toLowerCase();
    const of = (pred: (s: I.Scope) => boolean): T | undefined => list.find((r) => r.scope && pred(r.scope));
    const found =
      (part !== null ? of((sc) => sc.kind === 'service' && key(sc.id) === key(service.id) && sc.part !== null && key(sc.part) === key(part)) : undefined) ??
      of((sc) => sc.kind === 'service' && key(sc.id) === key(service.id) && sc.part === null) ??
      (service.group !== null ? of((sc) => sc.kind === 'group' && key(sc.id) === key(service.group!)) : undefined);
    if (found) return found;
  }
  return unscoped;
}

/** What is judged: every service (every part of a service that has parts) with the rules that apply to it. */
export function resolveUnits(c: I.Contract): I.ServiceUnit[] {
  const scoped = c.scoped ?? { availability: [], credits: [], maintenance: [] };
  const unit = (service: I.Service | null, part: string | null): I.ServiceUnit => ({
    key: service ? (part ? `${service.id}/${part}` : service.id) : DEFAULT_SERVICE,
    service: service?.id ?? DEFAULT_SERVICE,
    part,
    group: service?.group ?? null,
    availability: ruleFor(scoped.availability, c.availability, service, part),
    credits: ruleFor(scoped.credits, c.credits, service, part),
    maintenance: ruleFor(scoped.maintenance, c.maintenance, service, part),
  });
  const services = c.services ?? [];
  if (services.length === 0) return [unit(null, null)];
  return services.flatMap((s) => (s.parts.length ? s.parts.map((p) => unit(s, p.id)) : [unit(s, null)]));
}

/** A clause that may be given once: reports the second one (and returns false). */
export function single(ctx: LowerContext, key: string, s: { span: Span }, what: string): boolean {
  const prev = ctx.once.get(key);
  if (prev) {
    ctx.report.report(DIAGNOSTICS.duplicateStatement, s.span, `${what} is given twice`, { related: [{ span: prev, message: 'first given here' }] });
    return false;
  }
  ctx.once.set(key, s.span);
  return true;
}

/**
 * Declares a name: reports a second declaration of it, in any case, at `at` (the line that
 * declares it), and returns false. The second one is not taken (and what depends on it not checked).
 */
export function declare<T extends { id: string; span: Span }>(ctx: LowerContext, map: Map<string, T>, item: T, what: string, at: Span = item.span): boolean {
  const prev = find(map, item.id);
  if (prev) {
    const related = [{ span: prev.span, message: 'first declared here' }];
    if (prev.id === item.id) ctx.report.report(DIAGNOSTICS.duplicateDeclaration, at, `${what} "${item.id}" is declared twice`, { related });
    else
      ctx.report.report(DIAGNOSTICS.caseDuplicate, at, `${what} "${item.id}" is "${prev.id}" again: names ignore case, so it is declared twice`, {
        related,
        hint: `keep one spelling: ${prev.id}`,
      });
    reject(ctx, item.span);
    return false;
  }
  map.set(nameKey(item.id), item);
  return true;
}

function lowerTimeZone(s: StatementOf<'timeZone'>, ctx: LowerContext): void {
  ctx.sawZone = true;
  if (!single(ctx, 'timeZone', s, 'the time zone')) return;
  if (IANAZone.isValidZone(s.zone.value)) ctx.contract.timeZone = s.zone.value;
  else {
    ctx.report.report(DIAGNOSTICS.unknownTimeZone, s.zone.span, `"${s.zone.value}" is not a known IANA time zone`, {
      hint: 'for example America/Bogota, America/New_York, Europe/Madrid or UTC',
    });
    reject(ctx, s.span);
  }
}

function declareSeverities(s: StatementOf<'severities'>, ctx: LowerContext): void {
  for (const item of s.items) {
    const sev: I.Severity = {
      id: item.id.name,
      title: item.title?.value ?? null,
      description: item.description?.value ?? null,
      aliases: item.aliases.map((a) => a.name),
      rank: ctx.severities.size,
      span: item.span,
    };
    // A severity named like an alias given before: a record's "b" could be either.
    const aliasOf = find(ctx.aliasOwner, sev.id);
    if (aliasOf !== undefined) {
      ctx.report.report(DIAGNOSTICS.duplicateDeclaration, item.id.span, `severity "${sev.id}" is already an alias of severity "${aliasOf}"`);
    }
    if (!declare(ctx, ctx.severities, sev, 'severity')) continue;
    for (const a of item.aliases) {
      const owner = find(ctx.aliasOwner, a.name) ?? (nameKey(a.name) !== nameKey(sev.id) ? find(ctx.severities, a.name)?.id : undefined);
      if (owner !== undefined) {
        ctx.report.report(DIAGNOSTICS.duplicateDeclaration, a.span, `alias "${a.name}" already names severity "${owner}"`);
      } else ctx.aliasOwner.set(nameKey(a.name), sev.id);
    }
  }
}

function declarePlans(s: StatementOf<'plans'>, ctx: LowerContext): void {
  if (!single(ctx, 'plans', s, 'the list of plans')) return;
  ctx.sawPlans = true;
  ctx.contract.plansOrdered = s.separators.length > 0 && s.separators.every((x) => x === '<');
  for (const n of s.names) declare(ctx, ctx.plans, { id: n.name, rank: ctx.plans.size, span: n.span }, 'plan');
}

/** The header clauses every contract states; said once the whole file has been read (and not while a line that may be one is unreadable). */
function reportMissingHeader(ast: A.ContractFile, ctx: LowerContext): void {
  const { report, once, contract } = ctx;
  const missing = (clause: A.ClauseKind, given: boolean): boolean => !given && !mayBeUnread(contract, clause);
  if (missing('timeZone', ctx.sawZone)) {
    report.report(DIAGNOSTICS.missingTimeZone, firstLine(ast), 'the contract declares no time zone, and every verdict depends on it: calendars, windows and months are read in it', {
      hint: 'add a line such as `time zone America/Bogota` (an IANA zone name)',
    });
  }
  if (missing('contract', once.has('contract'))) report.report(DIAGNOSTICS.missingContractName, firstLine(ast), 'the contract has no `contract "name"` line');
  if (missing('version', once.has('version'))) report.report(DIAGNOSTICS.missingVersion, firstLine(ast), 'the contract states no version');
  if (missing('effective', once.has('effective'))) report.report(DIAGNOSTICS.missingEffective, firstLine(ast), 'the contract states no effective date');
}

function lowerChannels(s: StatementOf<'channels'>, ctx: LowerContext): void {
  if (!single(ctx, 'channels', s, 'the reporting channels')) return;
  const channels = new Map<string, I.Channel>();
  let othersExcluded = false;
  for (const item of s.items) {
    if (item.kind === 'official') declare(ctx, channels, { id: item.id.name, official: true, description: item.description?.value ?? null, span: item.span }, 'channel');
    else othersExcluded = item.excluded;
  }
  ctx.contract.channels = { channels: [...channels.values()], othersExcluded, span: s.span };
}

/** `"counted during X hours" names a calendar "X" that is not declared`, unless it may be declared where the contract could not be read. */
function undeclaredCalendar(ctx: LowerContext, name: A.Ident): void {
  if (namedWhereUnread(ctx.contract, name.name)) return;
  const known = [...ctx.calendars.values()].map((k) => k.id);
  ctx.report.report(DIAGNOSTICS.unknownCalendarUnit, name.span, `"counted during ${name.name} hours" names a calendar "${name.name}" that is not declared`, {
    hint: known.length ? `declared calendars: ${known.join(', ')}` : `declare it: calendar ${name.name} "..." with its weekly hours`,
  });
}

/** A count of incidents is a whole number. */
function lowerReliability(s: StatementOf<'reliability'>, ctx: LowerContext): void {
  if (!single(ctx, 'reliability', s, 'the reliability clause')) return;
  if (!/^\d+$/.test(s.max.text)) {
    ctx.report.report(DIAGNOSTICS.invalidValue, s.max.span, `${s.max.text} is not a count of incidents: a count is a whole number`, {
      hint: `reliability at most ${Math.floor(Number(s.max.text))} counted incidents ${perText(s.per)}`,
    });
    reject(ctx, s.span);
    return;
  }
  const period = lowerPeriod(s.per, ctx);
  if (period === null) return;
  ctx.contract.reliability = { maxIncidents: Number(s.max.text), period, span: s.span };
}

function firstLine(ast: A.ContractFile): Span {
  const s = ast.statements[0];
  return s ? { start: s.span.start, end: s.span.start } : { start: 0, end: 0 };
}

function lowerCalendar(s: StatementOf<'calendar'>, ctx: LowerContext): I.Calendar {
  const { report } = ctx;
  const weekly: I.WeeklyRange[] = [];
  const cal: I.Calendar = {
    id: s.id.name,
    title: s.title?.value ?? null,
    weekly,
    allDay: false,
    holidayCountry: null,
    holidayCountrySpan: null,
    added: [],
    removed: [],
    pinned: [],
    span: s.span,
  };
  if (s.zone) cal.zone = validZone(ctx, s.zone);
  for (const l of s.lines) {
    switch (l.kind) {
      case 'hours':
        weekly.push(...weeklyRanges(l));
        break;
      case 'weekSpan':
        (cal.spans ??= []).push(lowerWeekSpan(l, ctx));
        break;
      case 'holidaysOf':
      case 'publicHolidays':
        if (l.kind === 'holidaysOf') {
          const types = lowerHolidayTypes(l, ctx);
          if (types === null) break;
          if (cal.holidayCountry === null) cal.holidayTypes = types;
        }
        if (cal.holidayCountry !== null) {
          report.report(DIAGNOSTICS.duplicateStatement, l.span, 'public holidays are given twice for this calendar', {
            related: [{ span: cal.holidayCountrySpan!, message: 'first given here' }],
          });
          break;
        }
        cal.holidayCountry = l.country.name.toUpperCase();
        cal.holidayCountrySpan = l.country.span;
        break;
      case 'addHoliday':
        cal.added.push({ date: l.date.text, reason: l.reason?.value ?? null, span: l.span });
        break;
      case 'removeHoliday':
        cal.removed.push({ date: l.date.text, reason: l.reason?.value ?? null, span: l.span });
        break;
      case 'pinnedHolidays': {
        const year = Number(l.year.text);
        const prev = cal.pinned.find((p) => p.year === year);
        if (prev) {
          report.report(DIAGNOSTICS.duplicateStatement, l.span, `holidays of ${year} are pinned twice`, { related: [{ span: prev.span, message: 'first pinned here' }] });
          break;
        }
        cal.pinned.push({ year, dates: [...new Set(l.dates.map((d) => d.text))].sort(), span: l.span });
        break;
      }
    }
  }
  cal.allDay = weekly.length > 0 && coversWholeWeek(weekly);
  return cal;
}

export function lowerDuration(d: A.DurationNode, ctx: LowerContext): I.Duration {
  const amount = normalizeDecimal(d.amount.text);
  let calendar: string | null = null;
  let ms: number | null;
  if (d.regional) {
    // Counted on the calendar of the incident's region: its length is known per region (runtime).
    return { amount, unit: d.unit, calendar: null, ms: null, regional: true, span: d.span };
  }
  if (d.calendar) {
    const cal = find(ctx.calendars, d.calendar.name);
    if (!cal) {
      const known = [...ctx.calendars.values()].map((k) => k.id);
      if (!namedWhereUnread(ctx.contract, d.calendar.name)) {
        ctx.report.report(DIAGNOSTICS.unknownCalendarUnit, d.calendar.span, `"${d.calendar.name} ${d.unit}s" counts on a calendar "${d.calendar.name}" that is not declared`, {
          hint: known.length ? `declared calendars: ${known.join(', ')}` : `declare it: calendar ${d.calendar.name} "..." with its weekly hours`,
        });
      }
      reject(ctx, d.span);
      ms = scaledMs(amount, UNIT_MS[d.unit]);
    } else {
      calendar = cal.id;
      if (d.anchor) return { amount, unit: d.unit, calendar, ms: null, anchor: { minute: d.anchor.kind === 'next-day-by' ? minutesOf(d.anchor.time.text) : null }, span: d.span };
      const unitMs = d.unit === 'day' ? businessDayMs(cal.weekly, cal.allDay) : UNIT_MS[d.unit];
      ms = unitMs === null ? null : scaledMs(amount, unitMs);
    }
  } else ms = scaledMs(amount, UNIT_MS[d.unit]);
  return { amount, unit: d.unit, calendar, ms, span: d.span };
}

function cellWord(cell: A.CellValue | undefined): string | null {
  if (!cell) return null;
  if (cell.kind === 'words') return cell.words.map((w) => w.name).join(' ');
  return null;
}

function lowerCategoryTable(t: A.Table, ctx: LowerContext): void {
  const { report } = ctx;
  const head = t.header.cells.map((cell) => cellWord(cell)?.toLowerCase() ?? null);
  if (head[0] !== 'category') {
    report.report(DIAGNOSTICS.unknownTableHeader, t.header.cells[0]?.span ?? t.header.span, 'the first column of a categories table is `category`', {
      hint: '| category | description | resolution |',
    });
    reject(ctx, t.span);
    return;
  }
  const descCol = head.indexOf('description');
  for (const row of t.rows) {
    if (row.cells.length !== t.header.cells.length) {
      report.report(DIAGNOSTICS.tableShape, row.span, `this row has ${row.cells.length} cells, the header has ${t.header.cells.length}`);
      reject(ctx, row.span);
    }
    const id = cellWord(row.cells[0]);
    if (!id || id.includes(' ')) {
      report.report(DIAGNOSTICS.invalidCell, row.cells[0]?.span ?? row.span, 'the first cell of a category row is the category name (one word, like web-down)');
      reject(ctx, row.span);
      continue;
    }
    const dc = descCol >= 0 ? row.cells[descCol] : undefined;
    const description = dc?.kind === 'text' ? dc.value : dc?.kind === 'words' ? cellWord(dc) : null;
    declare(ctx, ctx.categories, { id, description, span: row.span }, 'category');
  }
}

function lowerCategoryTargets(t: A.Table, ctx: LowerContext): void {
  const head = t.header.cells.map((cell) => cellWord(cell)?.toLowerCase() ?? null);
  if (head[0] !== 'category') return;
  // The column of each objective: the first one headed with it (a second one is an error, ignored).
  const columnOf = new Map<string, number>();
  head.forEach((h, i) => {
    if (i === 0 || h === 'description' || h === null) return;
    if (!OBJECTIVE_WORDS.has(h)) {
      ctx.report.report(DIAGNOSTICS.unknownTableHeader, t.header.cells[i].span, `column "${h}" is neither description nor an objective (response, restoration, resolution)`);
      return;
    }
    const first = columnOf.get(h);
    if (first === undefined) columnOf.set(h, i);
    else {
      ctx.report.report(DIAGNOSTICS.duplicateDeclaration, t.header.cells[i].span, `the ${h} column is given twice`, {
        related: [{ span: t.header.cells[first].span, message: 'first given here' }],
      });
    }
  });
  for (const row of t.rows) {
    const id = cellWord(row.cells[0]);
    if (!id || id.includes(' ')) continue;
    // A category declared twice (SLA2002) keeps the targets of the row that declared it.
    const category = find(ctx.categories, id);
    if (!category || category.span !== row.span) continue;
    head.forEach((h, i) => {
      if (h === null || columnOf.get(h) !== i) return;
      const cell = row.cells[i];
      if (!cell || cell.kind === 'empty') return; // no override for this objective
      if (cell.kind !== 'target') {
        ctx.report.report(DIAGNOSTICS.invalidCell, cell.span, `expected a duration such as 10 minutes or none for the ${h} of "${id}"`);
        reject(ctx, cell.span);
        return;
      }
      ctx.contract.categoryTargets.push({
        objective: h as I.ObjectiveName,
        category: category.id,
        duration: cell.duration ? lowerDuration(cell.duration, ctx) : null,
        via: cell.via?.methods.map((m) => m.name) ?? [],
        span: cell.span,
      });
    });
  }
}

/** A name nothing declares; not reported when a line that could not be read names it (it may have declared it). */
export function undeclared(ctx: LowerContext, what: string, name: string, span: Span, declared: Iterable<{ id: string }>): void {
  if (namedWhereUnread(ctx.contract, name)) return;
  const list = [...declared].map((d) => d.id);
  ctx.report.report(DIAGNOSTICS.undeclared, span, `${what} "${name}" is not declared`, {
    hint: list.length ? `declared ${what === 'severity' ? 'severities' : `${what}s`}: ${list.join(', ')}` : undefined,
  });
}

function lowerObjective(s: StatementOf<'objective'>, ctx: LowerContext): void {
  const scope = s.scope;
  if (scope) {
    const clause = ctx.clause;
    (ctx.deferred ??= []).push(() => {
      ctx.clause = clause;
      lowerScopedTable(s, scope, ctx, (add) => s.table && lowerTargetTable(s.objective, s.table, ctx, add), (d) => lowerDuration(d, ctx));
    });
  } else if (s.value) lowerTargetForEveryIncident(s, s.value, ctx);
  else if (s.table) lowerTargetTable(s.objective, s.table, ctx, (plan, severity, cell) => addTarget(ctx, s.objective, plan, severity, cell, s.headerSpan));
}

/** One target cell (objective x plan x severity), reported when given twice across tables. */
function addTarget(ctx: LowerContext, objective: I.ObjectiveName, plan: string, severity: string, value: A.TargetValueNode, table?: Span): void {
  const key = `${objective}/${plan}/${severity}`;
  const prev = ctx.cellKeys.get(key);
  if (prev) {
    // Without plans, the cell is the severity's: the implicit plan has no name a user wrote.
    const cell = ctx.contract.implicitPlan ? severity : `${plan} / ${severity}`;
    ctx.report.report(DIAGNOSTICS.duplicateDeclaration, value.span, `the ${objective} target of ${cell} is given twice`, {
      related: [{ span: prev, message: 'first given here' }],
    });
    return;
  }
  ctx.cellKeys.set(key, value.span);
  ctx.contract.targets.push({
    objective,
    plan,
    severity,
    duration: value.duration ? lowerDuration(value.duration, ctx) : null,
    via: value.via?.methods.map((m) => m.name) ?? [],
    ...(table ? { tableSpan: table } : {}),
    span: value.span,
  });
}

function lowerTargetForEveryIncident(s: StatementOf<'objective'>, value: A.TargetValueNode, ctx: LowerContext): void {
  if (ctx.severities.size === 0 && !mayBeUnread(ctx.contract, 'severities')) {
    ctx.report.report(DIAGNOSTICS.noSeverities, s.headerSpan, `the ${s.objective} target is for every incident, but the contract declares no severities`, {
      hint: 'declare them: severities, then one line each (p1 "Priority 1")',
    });
  }
  for (const p of ctx.plans.values()) for (const sev of ctx.severities.values()) addTarget(ctx, s.objective, p.id, sev.id, value, s.span);
}

function lowerTargetTable(objective: I.ObjectiveName, t: A.Table, ctx: LowerContext, add: (plan: string, severity: string, cell: A.TargetValueNode) => void): void {
  const rowDim = cellWord(t.header.cells[0])?.toLowerCase();
  if (rowDim !== 'plan' && rowDim !== 'severity') {
    ctx.report.report(DIAGNOSTICS.unknownTableHeader, t.header.cells[0]?.span ?? t.header.span, 'the first column of a target table is `plan` or `severity`', {
      hint: '| plan | critical | high | ... |   or   | severity | target |',
    });
    reject(ctx, t.span);
    return;
  }
  const cols = targetColumns(t, rowDim, ctx);
  for (const row of t.rows) {
    if (row.cells.length !== t.header.cells.length) {
      ctx.report.report(DIAGNOSTICS.tableShape, row.span, `this row has ${row.cells.length} cells, the header has ${t.header.cells.length}`);
      reject(ctx, row.span);
    }
    const written = cellWord(row.cells[0]);
    const keyCell = row.cells[0];
    if (!written) {
      ctx.report.report(DIAGNOSTICS.invalidCell, keyCell?.span ?? row.span, `the first cell names a ${rowDim}`);
      reject(ctx, row.span);
      continue;
    }
    const declared = rowDim === 'plan' ? ctx.plans : ctx.severities;
    const key = find<{ id: string }>(declared, written)?.id;
    if (key === undefined) {
      undeclared(ctx, rowDim, written, keyCell.span, declared.values());
      continue;
    }
    for (let i = 1; i < row.cells.length && i < cols.length; i++) {
      const targets = cols[i];
      if (!targets) continue;
      const cell = row.cells[i];
      if (cell.kind !== 'target') {
        ctx.report.report(DIAGNOSTICS.invalidCell, cell.span, cell.kind === 'empty' ? 'this cell is empty: write a duration or none' : 'expected a duration such as 4 hours or 2 business days, or none');
        reject(ctx, cell.span);
        continue;
      }
      for (const other of targets) {
        if (rowDim === 'plan') add(key, other, cell);
        else add(other, key, cell);
      }
    }
  }
}

/** What each header cell names: severities (rows are plans), or plans / `target` (rows are severities); null for none. */
function targetColumns(t: A.Table, rowDim: 'plan' | 'severity', ctx: LowerContext): (string[] | null)[] {
  return t.header.cells.map((cell, i) => {
    if (i === 0) return null;
    const h = cellWord(cell);
    if (h === null) {
      ctx.report.report(DIAGNOSTICS.unknownTableHeader, cell.span, 'a header cell names a plan, a severity or `target`');
      reject(ctx, cell.span);
      return null;
    }
    if (rowDim === 'plan') {
      const sev = find(ctx.severities, h);
      if (!sev) undeclared(ctx, 'severity', h, cell.span, ctx.severities.values());
      return sev ? [sev.id] : null;
    }
    if (h.toLowerCase() === 'target') return [...ctx.plans.values()].map((p) => p.id);
    const plan = find(ctx.plans, h);
    if (!plan) undeclared(ctx, 'plan', h, cell.span, ctx.contract.implicitPlan ? [] : ctx.plans.values());
    return plan ? [plan.id] : null;
  });
}

function lowerMaintenance(s: StatementOf<'maintenance'>, ctx: LowerContext): I.Maintenance {
  const m: I.Maintenance = {
    windows: [],
    hasWindows: false,
    notice: null,
    acknowledgementRequired: false,
    acknowledgementSpan: null,
    countedAsDowntime: true,
    span: s.span,
  };
  const anyTime = s.items.find((l) => l.kind === 'windows' && l.anyTime);
  const listed = s.items.filter((l) => l.kind === 'hours');
  if (anyTime && listed.length > 0) {
    ctx.report.report(DIAGNOSTICS.contradiction, anyTime.span, 'maintenance may happen at any time, yet windows are listed', {
      related: listed.map((l) => ({ span: l.span, message: 'a listed window' })),
      hint: 'keep the windows, or `windows any time`, not both',
    });
  }
  for (const l of s.items) {
    switch (l.kind) {
      case 'windows':
        // Listed windows win over `windows any time` (reported above), whatever the line order.
        if (!l.anyTime) m.hasWindows = true;
        break;
      case 'hours':
        m.hasWindows = true;
        m.windows.push(...weeklyRanges(l));
        break;
      case 'notice':
        m.notice = { duration: lowerDuration(l.duration, ctx), via: l.via?.methods.map((x) => x.name) ?? [], span: l.span };
        break;
      case 'acknowledgement':
        m.acknowledgementRequired = l.required;
        m.acknowledgementSpan = l.span;
        break;
      case 'downtime':
        m.countedAsDowntime = l.counted;
        break;
      case 'kinds':
        for (const n of l.names) {
          const kinds = (m.kinds ??= []);
          if (kinds.some((k) => nameKey(k) === nameKey(n.name))) {
            ctx.report.report(DIAGNOSTICS.duplicateDeclaration, n.span, `maintenance kind "${n.name}" is declared twice`);
          } else kinds.push(n.name);
        }
        break;
      case 'kindNotice': {
        const kind = (m.kinds ?? []).find((k) => nameKey(k) === nameKey(l.forKind.name));
        if (!kind) {
          ctx.report.report(DIAGNOSTICS.undeclared, l.forKind.span, `maintenance kind "${l.forKind.name}" is not declared`, {
            hint: m.kinds?.length ? `declared kinds: ${m.kinds.join(', ')}` : `declare it first: kinds ${l.forKind.name}`,
          });
          reject(ctx, l.span);
          break;
        }
        const notice = l.duration ? { duration: lowerDuration(l.duration, ctx), via: l.via?.methods.map((x) => x.name) ?? [], span: l.span } : null;
        (m.kindNotices ??= []).push({ kind, notice, span: l.span });
        break;
      }
      case 'allowance': {
        const d = lowerDuration(l.duration, ctx);
        if (d.calendar !== null || d.ms === null || d.ms <= 0) {
          ctx.report.report(DIAGNOSTICS.invalidValue, l.duration.span, 'a maintenance allowance is plain time (minutes, hours, days), more than zero');
          reject(ctx, l.span);
        } else {
          m.allowanceMs = d.ms;
          m.allowanceSpan = l.span;
        }
        break;
      }
      case 'windowLimit':
        if (!/^\d+$/.test(l.count.text)) {
          ctx.report.report(DIAGNOSTICS.invalidValue, l.count.span, `${l.count.text} is not a count of windows: a count is a whole number`);
          reject(ctx, l.span);
        } else {
          m.maxWindows = Number(l.count.text);
          m.maxWindowsSpan = l.span;
        }
        break;
    }
  }
  return m;
}

function checkPercent(ctx: LowerContext, p: A.NumberText, what: string): string {
  const v = normalizeDecimal(p.text);
  const ok = /^\d+(\.\d+)?$/.test(v) && (Number(v) <= 100);
  if (!ok) {
    ctx.report.report(DIAGNOSTICS.invalidValue, p.span, `${what} ${p.text}% is not a percentage between 0% and 100%`);
    reject(ctx, p.span);
  }
  return v;
}

function lowerAvailability(s: StatementOf<'availability'>, ctx: LowerContext): I.Availability | null {
  let target: { value: string; span: Span } | null = null;
  /** Every target line read, in order, with its period (a block judges each of its period kinds once). */
  const targets: I.AvailabilityTarget[] = [];
  let sawTarget = false;
  let measurement: I.Measurement = { kind: 'exact' };
  let measured: Span | null = null;
  let minimum: { ms: number; span: Span } | null = null;
  let setup: { id: string; span: Span } | null = null;
  let during: { id: string; span: Span } | null = null;
  const errorRates: I.ErrorRateRule[] = [];
  /** Plain minutes of a duration, or null (reported) when it is not a whole number of them, more than zero. */
  const minutesOf = (d: A.DurationNode, what: string): number | null => {
    const dur = lowerDuration(d, ctx);
    if (dur.calendar !== null || dur.ms === null || dur.ms <= 0 || dur.ms % 60_000 !== 0) {
      ctx.report.report(DIAGNOSTICS.invalidValue, d.span, `${what} is a whole number of plain minutes or hours, more than zero`);
      reject(ctx, d.span);
      return null;
    }
    return dur.ms / 60_000;
  };
  for (const l of s.items) {
    if (l.kind === 'target') {
      sawTarget = true;
      const period = lowerPeriod(l.per, ctx);
      const value = checkPercent(ctx, l.percent, 'the target');
      if (period === null) continue;
      const same = targets.find((t) => t.period === period);
      if (same) {
        ctx.report.report(DIAGNOSTICS.duplicateStatement, l.span, `the availability target ${perText(l.per)} is given twice`, {
          related: [{ span: same.span, message: 'first given here' }],
          hint: 'a block has one target per kind of period: per calendar month, quarter or year, per fiscal quarter or year',
        });
        continue;
      }
      const t: I.AvailabilityTarget = { target: value, targetSpan: l.percent.span, period, span: l.span };
      if (l.countedDuring) {
        const cal = find(ctx.calendars, l.countedDuring.name);
        if (!cal) {
          undeclaredCalendar(ctx, l.countedDuring);
          reject(ctx, l.span);
          continue;
        }
        t.countedDuring = cal.id;
        t.countedDuringSpan = l.span;
      }
      targets.push(t);
      target ??= { value, span: l.percent.span };
    } else if (l.kind === 'onlyWithSetup') {
      const found = find(ctx.setups, l.setup.name);
      if (!found) {
        if (!namedWhereUnread(ctx.contract, l.setup.name)) {
          const known = [...ctx.setups.values()].map((x) => x.id);
          ctx.report.report(DIAGNOSTICS.undeclared, l.setup.span, `setup "${l.setup.name}" is not declared`, {
            hint: known.length ? `declared setups: ${known.join(', ')}` : `declare it: setups, then ${l.setup.name} "what the customer has"`,
          });
        }
        reject(ctx, l.span);
      } else if (setup) {
        ctx.report.report(DIAGNOSTICS.duplicateStatement, l.span, 'the setup of the target is given twice', { related: [{ span: setup.span, message: 'first given here' }] });
      } else setup = { id: found.id, span: l.span };
    } else if (l.kind === 'countedDuring') {
      const cal = find(ctx.calendars, l.calendar.name);
      if (during) {
        ctx.report.report(DIAGNOSTICS.duplicateStatement, l.span, 'the hours availability is counted during are given twice', { related: [{ span: during.span, message: 'first given here' }] });
      } else if (!cal) {
        undeclaredCalendar(ctx, l.calendar);
        reject(ctx, l.span);
      } else during = { id: cal.id, span: l.span };
    } else if (l.kind === 'minimumDowntime') {
      if (minimum) {
        ctx.report.report(DIAGNOSTICS.duplicateStatement, l.span, 'the minimum downtime period is given twice', { related: [{ span: minimum.span, message: 'first given here' }] });
        continue;
      }
      const m = minutesOf(l.duration, 'a minimum downtime period');
      if (m !== null) minimum = { ms: m * 60_000, span: l.span };
    } else if (l.kind === 'errorRate') {
      const window = l.window ? minutesOf(l.window, 'the window of an error rate') : 1;
      const threshold = checkPercent(ctx, l.percent, 'the error rate');
      let minRequests: number | null = null;
      if (l.minRequests) {
        if (!/^\d+$/.test(l.minRequests.text)) {
          ctx.report.report(DIAGNOSTICS.invalidValue, l.minRequests.span, `${l.minRequests.text} is not a count of requests: a count is a whole number`);
          reject(ctx, l.span);
          continue;
        }
        minRequests = Number(l.minRequests.text);
      }
      if (window !== null) errorRates.push({ threshold, windowMinutes: window, minRequests, span: l.span });
    } else {
      if (measured) {
        ctx.report.report(DIAGNOSTICS.duplicateStatement, l.span, 'how downtime is measured is given twice', { related: [{ span: measured, message: 'first given here' }] });
        continue;
      }
      measured = l.span;
      if (l.minutes) measurement = { kind: l.minutes === 'full' ? 'full-minutes' : 'started-minutes' };
      else if (l.slot) {
        const m = minutesOf(l.slot, 'a measurement slot');
        if (m === null) reject(ctx, l.span);
        else measurement = { kind: 'slots', minutes: m };
      } else measurement = { kind: 'exact' };
    }
  }
  if (!target) {
    // Without a target the clause says nothing that can be checked; when its target line could not be read, that line says why.
    if (!sawTarget && !mayBeUnread(ctx.contract, 'availability')) {
      ctx.report.report(DIAGNOSTICS.invalidValue, s.headerSpan, 'the availability clause has no target', { hint: 'target 99.9% per calendar month' });
    }
    reject(ctx, s.headerSpan);
    return null;
  }
  const [first, ...more] = targets;
  const a: I.Availability = { target: first.target, targetSpan: first.targetSpan, period: first.period, measurement, span: s.span };
  if (more.length) a.more = more;
  // Only what the clause says: an IR without downtime definitions stays as it was.
  if (minimum) {
    a.minimumMs = minimum.ms;
    a.minimumSpan = minimum.span;
  }
  if (errorRates.length) a.errorRates = errorRates;
  if (setup) {
    a.setup = setup.id;
    a.setupSpan = setup.span;
  }
  // A target's own hours (`, counted during business hours`) before the block's line.
  const own = first.countedDuring !== undefined ? { id: first.countedDuring, span: first.countedDuringSpan! } : during;
  if (own) {
    a.countedDuring = own.id;
    a.countedDuringSpan = own.span;
  }
  if (during) {
    for (const t of more) {
      if (t.countedDuring !== undefined) continue;
      t.countedDuring = during.id;
      t.countedDuringSpan = during.span;
    }
  }
  return a;
}

function lowerBand(cell: A.CellValue, ctx: LowerContext): Pick<I.CreditBand, 'lower' | 'upper'> | null {
  if (cell.kind !== 'bound') {
    ctx.report.report(DIAGNOSTICS.invalidCell, cell.span, 'expected a bound of availability, not this', {
      hint: 'a bound reads: at least 99.00% and below 99.90%, 99.00% to < 99.90%, below 98.50%, < 95%, >= 99.9%, above 99%, at most 99%, between 98.50% and 99.00%',
    });
    reject(ctx, cell.span);
    return null;
  }
  let lower: I.Bound | null = null;
  let upper: I.Bound | null = null;
  for (const side of cell.sides) {
    const value = checkPercent(ctx, side.value, 'the bound');
    const isLower = side.op === 'at least' || side.op === 'above';
    const b: I.Bound = { value, inclusive: side.op === 'at least' || side.op === 'at most' };
    if (isLower) {
      if (lower) {
        ctx.report.report(DIAGNOSTICS.invalidCell, cell.span, 'this bound gives two lower limits');
        reject(ctx, cell.span);
      }
      lower = b;
    } else {
      if (upper) {
        ctx.report.report(DIAGNOSTICS.invalidCell, cell.span, 'this bound gives two upper limits');
        reject(ctx, cell.span);
      }
      upper = b;
    }
  }
  return { lower, upper };
}

function lowerCredits(s: StatementOf<'credits'>, ctx: LowerContext): I.Credits {
  const cr: I.Credits = { basis: null, bands: [], linear: null, cap: null, capSpan: null, claimWindow: null, span: s.span };
  for (const l of s.items) {
    switch (l.kind) {
      case 'basis':
        lowerBasis(l, cr, ctx, (span) => reject(ctx, span));
        break;
      case 'table':
        lowerCreditTable(l, cr, ctx);
        break;
      case 'linear':
        if (cr.linear) {
          ctx.report.report(DIAGNOSTICS.duplicateStatement, l.span, 'the credit formula is given twice', { related: [{ span: cr.linear.span, message: 'first given here' }] });
          break;
        }
        cr.linear = {
          percentPerStep: checkPercent(ctx, l.percent, 'the credit'),
          step: checkPercent(ctx, l.step, 'the step'),
          rounding: l.rounding,
          span: l.span,
        };
        break;
      case 'missedTargets': {
        if (cr.missedTargets) {
          ctx.report.report(DIAGNOSTICS.duplicateStatement, l.span, 'the credit for missed targets is given twice', { related: [{ span: cr.missedTargets.span, message: 'first given here' }] });
          break;
        }
        const percent = checkPercent(ctx, l.percent, 'the credit');
        if (!/^\d+$/.test(l.more.text)) {
          ctx.report.report(DIAGNOSTICS.invalidValue, l.more.span, `${l.more.text} is not a count of incidents: a count is a whole number`);
          reject(ctx, l.span);
          break;
        }
        // `of severity urgent, high` or `of category hardware-replacement`: which incidents count.
        const word = l.severityWord?.name.toLowerCase();
        const bySeverity = word === 'severity' || word === 'severities';
        const byCategory = word === 'category' || word === 'categories';
        if (l.severityWord && !bySeverity && !byCategory) {
          ctx.report.report(DIAGNOSTICS.invalidValue, l.severityWord.span, `"of ${l.severityWord.name}" does not say which incidents count: write "of severity urgent, high" or "of category hardware-replacement"`, {
            hint: `${l.percent.text}% when more than ${l.more.text} incidents of severity urgent, high miss their ${l.objective} target ${perText(l.per)}`,
          });
          reject(ctx, l.span);
          break;
        }
        const ids: string[] = [];
        let known = true;
        const declared = bySeverity ? ctx.severities : ctx.categories;
        for (const n of l.severities) {
          const found = find(declared, n.name);
          if (found) ids.push(found.id);
          else {
            known = false;
            undeclared(ctx, bySeverity ? 'severity' : 'category', n.name, n.span, declared.values());
          }
        }
        const period = lowerPeriod(l.per, ctx);
        if (!known || period === null) {
          reject(ctx, l.span);
          break;
        }
        cr.missedTargets = { percent, more: Number(l.more.text), severities: bySeverity ? ids : null, objective: l.objective, period, span: l.span };
        if (byCategory) cr.missedTargets.categories = ids;
        break;
      }
      case 'cap': {
        const monthly = l.percent !== null && (!l.per || l.per.map((w) => w.name.toLowerCase()).join(' ') === 'calendar month');
        if (monthly && cr.cap !== null) {
          ctx.report.report(DIAGNOSTICS.duplicateStatement, l.span, 'the credit cap is given twice', { related: [{ span: cr.capSpan!, message: 'first given here' }] });
          break;
        }
        const cap = lowerCap(l, ctx, (span) => reject(ctx, span), (p) => checkPercent(ctx, p, 'the cap'));
        if (cap && 'monthlyPercent' in cap) {
          cr.cap = cap.monthlyPercent;
          cr.capSpan = l.span;
        } else if (cap) (cr.caps ??= []).push(cap.cap);
        break;
      }
      case 'payment':
      case 'withheld':
        lowerPaymentLine(l, cr, ctx, (span) => reject(ctx, span), (d) => lowerDuration(d, ctx));
        break;
      case 'stacking':
        if (cr.stacking) {
          const same = (cr.stacking.kind === 'no-stacking') === l.noStacking;
          ctx.report.report(same ? DIAGNOSTICS.duplicateStatement : DIAGNOSTICS.contradiction, l.span, same ? 'the stacking rule is given twice' : 'the credits say both `no stacking` and `several credits add up`', {
            related: [{ span: cr.stacking.span, message: 'first given here' }],
          });
          if (!same) reject(ctx, l.span);
          break;
        }
        cr.stacking = { kind: l.noStacking ? 'no-stacking' : 'add-up', span: l.span };
        break;
      case 'claim':
        lowerClaimWindow(l, cr, ctx, (span) => reject(ctx, span), (d) => lowerDuration(d, ctx));
        break;
      case 'expire':
        if (cr.expiresAtTermination) ctx.report.report(DIAGNOSTICS.duplicateStatement, l.span, 'the expiry is given twice', { related: [{ span: cr.expiresAtTermination.span, message: 'first given here' }] });
        else cr.expiresAtTermination = { span: l.span };
        break;
    }
  }
  return cr;
}

/** A table of credit bands: `| monthly availability | credit |`, in either column order. */
function lowerCreditTable(t: A.Table, cr: I.Credits, ctx: LowerContext): void {
  const head = t.header.cells.map((c) => cellWord(c)?.toLowerCase() ?? (c.kind === 'text' ? c.value.toLowerCase() : null));
  const creditCol = head.findIndex((h) => h !== null && /credit/.test(h));
  const boundCol = creditCol === 0 ? 1 : 0;
  if (creditCol < 0 || t.header.cells.length !== 2) {
    ctx.report.report(DIAGNOSTICS.unknownTableHeader, t.header.span, 'a credit table has two columns: the availability bound and the credit', {
      hint: '| monthly availability | credit |',
    });
    reject(ctx, t.span);
    return;
  }
  for (const row of t.rows) {
    if (row.cells.length !== 2) {
      ctx.report.report(DIAGNOSTICS.tableShape, row.span, `this row has ${row.cells.length} cells, the header has 2`);
      reject(ctx, row.span);
      continue;
    }
    const band = lowerBand(row.cells[boundCol], ctx);
    const credit = lowerBandCredit(row.cells[creditCol], ctx, (span) => reject(ctx, span), (p) => checkPercent(ctx, p, 'the credit'));
    if (!credit) continue;
    if (band) cr.bands.push({ ...band, ...credit, span: row.span });
  }
}
