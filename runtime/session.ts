// One evaluation run: streams records through validation, judges each incident by the version in
// force when it was opened, accumulates the monthly periods, and reports counts that always add up.
// Judging a record (`RecordJudge`) is pure and per record; what spans records (duplicate ids, the
// periods, the counts) lives in `SessionState`, so records can be judged on other threads.

import type { CompiledContract, ContractVersions } from './contract';
import { evaluateIncident, type IncidentVerdict } from './evaluate';
import type { Maintenance } from '../compiler/ir';
import { type DowntimeEffect, judgeMaintenance, limitsMaintenance, outside, PeriodAccumulator, type PeriodVerdict } from './periods';
import type { Contract } from '../compiler/ir';
import { type ContractFor, type InputRecord, type MoneyRecord, type ReadCounts, type RecordInput, type RecordWarning, type Rejected, readRecords } from './records';
import { formatInstant } from './time';
import { type Period, PERIOD_KEY_FORMS, periodByKey } from './period-kinds';

export interface SessionOptions {
  /** The instant the log is judged at; events after it have not happened yet. */
  asOf: number;
  /** Only this month ("YYYY-MM"): incidents opened in it, and its period. */
  period?: string;
  /** The records file as the user named it, for rejections and warnings. */
  recordsFile?: string;
  /** Fields the schema does not know reject their record (`--strict`) instead of a warning each. */
  strict?: boolean;
}

export interface DowntimeVerdict {
  type: 'outage' | 'maintenance';
  id: string;
  line: number;
  version: string;
  start: string;
  end: string;
  countedMinutes: number;
  reason: string;
  /** The services (or `service/part`) the record named. */
  services?: string[];
  note?: string;
}

export interface SessionEvents {
  incident(v: IncidentVerdict): void;
  downtime?(v: DowntimeVerdict): void;
  rejected(r: Rejected): void;
  /** A field the schema does not know, reported before its record's verdict. */
  warning?(w: RecordWarning): void;
  /** Called every few thousand records, for a progress indicator. */
  progress?(linesRead: number): void;
  /** Awaited between batches of input, so a writer can apply backpressure. */
  drain?(): Promise<void> | void;
}

export interface SessionCounts extends ReadCounts {
  /** Accepted records judged (incidents, outages, maintenance). */
  evaluated: number;
  /** Accepted records outside --period (not listed): incidents opened, or downtime not meeting, another month. */
  outsidePeriod: number;
  /** Warnings: fields the schema does not know, on records judged or rejected. */
  warnings: number;
}

export interface SessionResult {
  counts: SessionCounts;
  periods: PeriodVerdict[];
}

/** What one accepted record contributes: its verdict, and the facts the periods need. */
export type Judged =
  | {
      kind: 'incident';
      verdict: IncidentVerdict;
      listed: boolean;
      opened: number;
      countsForReliability: boolean;
      units?: string[] | null;
      /**
       * The objectives it breached, and those still pending at as-of (not for an excluded
       * incident): credits for missed targets count the first, and wait for the others.
       */
      missed?: { id: string; severity: string; category: string | null; objectives: string[]; pending: string[] };
    }
  | { kind: 'downtime'; verdict: DowntimeVerdict; listed: boolean; start: number; end: number; counted: [number, number][]; effects?: DowntimeEffect[] }
  /** Request counts: no verdict of their own; they feed the error-rate downtime of the periods. */
  | { kind: 'requests'; listed: boolean; start: number; end: number; total: number; failed: number; units: string[] | null }
  /** The customer's setup of some services over [from, to): for targets `only with setup`. */
  | { kind: 'setup'; listed: boolean; setup: string; from: number; to: number; units: string[] | null }
  /** An invoice, claim or report: no verdict of its own; it feeds the credits in money. */
  | { kind: 'money'; record: MoneyRecord; listed: true };

/** Every unit key of every version, in a fixed order: worker threads send units as indexes into it. */
export function unitIndex(versions: ContractVersions): string[] {
  return [...new Set(versions.list.flatMap((v) => v.units.map((u) => u.key)))];
}

/** Every setup id of every version, in a fixed order: worker threads send setups as indexes into it. */
/** The severity ids of every version, in one list: worker threads send an incident's severity as its index. */
export function severityIndex(versions: ContractVersions): string[] {
  return [...new Set(versions.list.flatMap((v) => v.ir.severities.map((s) => s.id)))];
}

/** The category ids of every version, in one list: worker threads send an incident's category as its index (-1: none). */
export function categoryIndex(versions: ContractVersions): string[] {
  return [...new Set(versions.list.flatMap((v) => v.ir.categories.map((c) => c.id)))];
}

/** The objectives an incident may breach, as bits: worker threads send the breached ones as a mask, and the pending ones shifted by its length. */
export const OBJECTIVE_BITS = ['response', 'restoration', 'resolution', 'update'] as const;

export function setupIndex(versions: ContractVersions): string[] {
  return [...new Set(versions.list.flatMap((v) => (v.ir.setups ?? []).map((s) => s.id)))];
}

/** The unit keys a record naming `services` concerns, or null for every unit (it names none). */
function unitKeys(c: CompiledContract, services: readonly string[] | null | undefined): string[] | null {
  return services ? c.unitsOf(services).map((u) => u.key) : null;
}

/** The contract version that validates a record's names (see ContractFor in records/validate.ts). */
export function contractForRecords(versions: ContractVersions): Contract | ContractFor {
  // With one version there is nothing to choose (and no timestamp to parse twice).
  if (versions.list.length === 1) return versions.list[0].ir;
  return (at) => (at !== null ? (versions.inForce(at) ?? versions.list[0]) : versions.latest).ir;
}

/** The period `--period` names (`2026-03`, `2026-Q1`, `2026`, `FY2027-Q1`, `FY2027`), in the zone periods begin in; null without one. */
export function selectedPeriod(versions: ContractVersions, options: SessionOptions): Period | null {
  if (!options.period) return null;
  const problem = periodKeyProblem(options.period, versions);
  if (problem) throw new RangeError(problem);
  return periodByKey(options.period, versions.periodCalendar);
}

/**
 * What is wrong with `--period key` for these contract versions (`contract` names them in the
 * message), or null when it names one of their periods. Without `fiscal year starts` a fiscal key
 * names no period of the contract (not the calendar year).
 */
export function periodKeyProblem(key: string, versions: ContractVersions, contract = 'the contract'): string | null {
  if (!periodByKey(key, versions.periodCalendar)) return `--period ${key} is not a period: ${PERIOD_KEY_FORMS}`;
  if (key.startsWith('FY') && !versions.latest.ir.fiscalYearStart) {
    return `--period ${key} is a fiscal period, but ${contract} has no \`fiscal year starts\` line: its periods are YYYY-MM (a month), YYYY-Qn (a calendar quarter) or YYYY (a calendar year)`;
  }
  return null;
}

/** Judges records one by one; pure: the same record always gives the same answer. */
export class RecordJudge {
  private readonly zone: string;
  private periodStart = 0;
  private periodEnd = 0;

  constructor(
    private readonly versions: ContractVersions,
    private readonly options: SessionOptions,
  ) {
    this.zone = versions.zone;
    const selected = selectedPeriod(versions, options);
    if (selected) {
      this.periodStart = selected.start;
      this.periodEnd = selected.end;
    }
  }

  private inPeriod(t: number): boolean {
    if (!this.options.period) return true;
    return t >= this.periodStart && t < this.periodEnd;
  }

  judge(rec: InputRecord): Judged {
    if (rec.type === 'invoice' || rec.type === 'claim' || rec.type === 'report' || rec.type === 'termination') return { kind: 'money', record: rec, listed: true };
    const { asOf } = this.options;
    const zone = this.zone;
    const at = rec.type === 'incident' ? rec.opened : rec.type === 'setup' ? rec.from : rec.start;
    // Before the first version took effect, the earliest version judges (interface.md's example
    // judges an incident of 2026-03-07 by SAGICC v04, effective 2026-03-13); the verdict says so.
    const inForce: CompiledContract | null = this.versions.inForce(at);
    const version = inForce ?? this.versions.list[0];
    const note = inForce
      ? undefined
      : `${rec.type === 'incident' ? 'opened' : 'started'} before version ${version.version} took effect on ${version.ir.effective}; judged by that version, the earliest`;
    if (rec.type === 'incident') {
      const verdict = evaluateIncident(version, rec, asOf);
      // Listed, so the log is accounted for, but it had not happened at as-of.
      const later = rec.opened > asOf ? `opened after as-of (${formatInstant(asOf, zone)}): not yet open then, so every target is pending` : undefined;
      const notes = [later, note].filter((x): x is string => x !== undefined);
      if (notes.length) verdict.note = notes.join('; ');
      const judged: Judged = {
        kind: 'incident',
        verdict,
        listed: this.inPeriod(rec.opened),
        opened: rec.opened,
        countsForReliability: verdict.excluded === null && version.causeCounted(rec.cause) && rec.opened <= asOf,
      };
      if (rec.services) judged.units = unitKeys(version, rec.services);
      const of = (status: string): string[] => (verdict.excluded === null ? verdict.objectives.filter((o) => o.status === status).map((o) => o.objective) : []);
      const breached = of('breached');
      const pending = of('pending');
      if (breached.length || pending.length) judged.missed = { id: verdict.id, severity: verdict.severity, category: verdict.category, objectives: breached, pending };
      return judged;
    }
    if (rec.type === 'setup') {
      return { kind: 'setup', listed: true, setup: rec.setup, from: rec.from, to: rec.to ?? Number.POSITIVE_INFINITY, units: unitKeys(version, rec.services) };
    }
    // With --period, outages and maintenance that do not meet the month are judged for the
    // period's downtime but not listed.
    const listed = !this.options.period || (rec.start < this.periodEnd && rec.end > this.periodStart);
    if (rec.type === 'requests') {
      return { kind: 'requests', listed, start: rec.start, end: rec.end, total: rec.total, failed: rec.failed, units: unitKeys(version, rec.services) };
    }
    let counted: [number, number][];
    let reason: string;
    let effects: DowntimeEffect[] | undefined;
    // An outage still going on at as-of counts only up to it.
    const clip = (pieces: [number, number][]): [number, number][] => pieces.map(([s, e]): [number, number] => [s, Math.min(e, Math.max(s, asOf))]);
    if (rec.type === 'outage') {
      const c = version.causeCounted(rec.cause);
      counted = c ? [[rec.start, rec.end]] : [];
      reason = c ? `cause ${rec.cause} is counted` : (version.exclusion(rec.cause, null) ?? `cause ${rec.cause} is not counted`);
      const units = rec.services ? unitKeys(version, rec.services) : null;
      if (rec.services || !c) effects = [{ units, counted: clip(counted) }];
      // An excluded outage is listed in the breakdowns with why it did not count.
      if (!c) effects![0].uncounted = { pieces: [[rec.start, rec.end]], reason };
    } else {
      // Maintenance is judged by the maintenance rule of each service it concerns; what a rule with
      // an allowance or a window limit does not count is kept, for the month to judge.
      const units = version.unitsOf(rec.services);
      const rules = [...new Set(units.map((u) => u.maintenance))];
      const first = judgeMaintenance(version, rec, rules.length === 1 ? rules[0] : (units[0]?.maintenance ?? null));
      counted = first.counted;
      reason = first.reason;
      const effect = (m: Maintenance | null, judged: { counted: [number, number][]; reason: string }, keys: string[] | null): DowntimeEffect => {
        const fx: DowntimeEffect = { units: keys, counted: clip(judged.counted) };
        const notCounted = outside(rec.start, rec.end, judged.counted);
        if (limitsMaintenance(m) && notCounted.length) fx.allowed = notCounted;
        // Listed in the breakdowns with the rule's reason; where an allowance is used up, it counts after all.
        if (notCounted.length) fx.uncounted = { pieces: notCounted, reason: judged.reason };
        return fx;
      };
      if (rules.length > 1) {
        effects = rules.map((m) => effect(m, judgeMaintenance(version, rec, m), units.filter((u) => u.maintenance === m).map((u) => u.key)));
      } else effects = [effect(rules[0] ?? null, first, rec.services ? units.map((u) => u.key) : null)];
    }
    const clipped = clip(counted);
    const verdict: DowntimeVerdict = {
      type: rec.type,
      id: rec.id,
      line: rec.line,
      version: version.version,
      start: formatInstant(rec.start, zone),
      end: formatInstant(rec.end, zone),
      countedMinutes: clipped.reduce((n, [s, e]) => n + (e - s), 0) / 60_000,
      reason,
    };
    if (rec.services) verdict.services = rec.services;
    if (note) verdict.note = note;
    const judged: Judged = { kind: 'downtime', verdict, listed, start: rec.start, end: rec.end, counted: clipped };
    if (effects) judged.effects = effects;
    return judged;
  }
}

/** What spans records: the periods and the counts of listed and unlisted records. */
export class SessionState {
  readonly periods: PeriodAccumulator;
  evaluated = 0;
  outsidePeriod = 0;
  warnings = 0;

  constructor(
    private readonly versions: ContractVersions,
    private readonly options: SessionOptions,
  ) {
    this.periods = new PeriodAccumulator(versions, options.asOf);
  }

  /** Rejections of money records found only across records (an invoice in a second currency), by the one-thread reader. */
  moneyRejected = 0;

  /** Takes in a money record; its rejection, when the log's other records refuse it. */
  money(j: Extract<Judged, { kind: 'money' }>, file: string | undefined): Rejected | null {
    const why = this.periods.money.add(j.record);
    if (why === null) {
      this.evaluated++;
      return null;
    }
    const r: Rejected = { line: j.record.line, id: j.record.id, message: why };
    return file === undefined ? r : { line: r.line, file, id: r.id, message: why };
  }

  /** Takes in a judged record; true when it is listed in the report. */
  apply(j: Judged): boolean {
    if (j.kind === 'money') return false;
    if (j.kind === 'incident') this.periods.incident(j.opened, j.countsForReliability, j.units ?? null, j.missed);
    else if (j.kind === 'requests') this.periods.requests(j.start, j.total, j.failed, j.units);
    else if (j.kind === 'setup') this.periods.setup(j.setup, j.from, j.to, j.units);
    else if (j.effects) this.periods.downtimeOfUnits(j.start, j.end, j.effects);
    else this.periods.downtime(j.start, j.end, j.counted);
    if (j.listed) this.evaluated++;
    else this.outsidePeriod++;
    return j.listed;
  }

  result(read: ReadCounts): SessionResult {
    return {
      counts: { ...read, accepted: read.accepted - this.moneyRejected, rejected: read.rejected + this.moneyRejected, evaluated: this.evaluated, outsidePeriod: this.outsidePeriod, warnings: this.warnings },
      periods: this.periods.finish(selectedPeriod(this.versions, this.options) ?? undefined),
    };
  }
}

export async function evaluateRecords(
  versions: ContractVersions,
  input: RecordInput,
  options: SessionOptions,
  events: SessionEvents,
): Promise<SessionResult> {
  const judge = new RecordJudge(versions, options);
  const state = new SessionState(versions, options);
  let seen = 0;
  const onRecord = (rec: InputRecord): void => {
    if (events.progress && ++seen % 10_000 === 0) events.progress(seen);
    const j = judge.judge(rec);
    if (j.kind === 'money') {
      const rejected = state.money(j, options.recordsFile);
      if (rejected) {
        state.moneyRejected++;
        events.rejected(rejected);
      }
      return;
    }
    if (!state.apply(j)) return;
    if (j.kind === 'incident') events.incident(j.verdict);
    else if (j.kind === 'downtime') events.downtime?.(j.verdict);
  };
  const onWarning = (w: RecordWarning): void => {
    state.warnings++;
    events.warning?.(w);
  };
  const read = await readRecords(input, contractForRecords(versions), onRecord, (r) => events.rejected(r), {
    file: options.recordsFile, strict: options.strict, onWarning, afterBatch: events.drain,
  });
  return state.result(read);
}
