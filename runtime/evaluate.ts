// Verdicts for one incident: per objective, the due instant, met / breached / pending /
// not-applicable / excluded, the time counted and paused, and the clause that set the target.
// A pure function of the contract version, the record and as-of.

import type { ObjectiveName } from '../compiler/ir';
import { DUE_HORIZON_MS, DUE_HORIZON_YEARS } from './business-clock';
import type { CompiledContract } from './contract';
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
}

export interface ObjectiveVerdict {
  objective: ObjectiveName;
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
  for (const objective of c.objectives) objectives.push(judge(c, rec, objective, asOf, excluded));
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
  return v;
}

function verdict(
  objective: ObjectiveName,
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

function judge(c: CompiledContract, rec: IncidentRecord, objective: ObjectiveName, asOf: number, excluded: string | null): ObjectiveVerdict {
  const zone = c.ir.timeZone;
  const raw = rec[EVENT[objective]];
  // Events after as-of have not happened yet as of that instant: as-of is a consistent cut.
  const event = raw !== null && raw <= asOf ? raw : null;
  const happened = event === null ? null : formatInstant(event, zone);
  if (excluded !== null) return verdict(objective, 'excluded', null, null, happened, null, null, excluded, undefined);
  const t = c.target(objective, rec.plan, rec.severity, rec.category);
  if (t === null) {
    const reason = `the contract sets no ${objective} target for ${c.ir.implicitPlan ? '' : `plan ${rec.plan}, `}severity ${rec.severity}`;
    return verdict(objective, 'not-applicable', null, null, happened, null, null, reason, undefined);
  }
  if (t.duration === null) return verdict(objective, 'not-applicable', null, 'none', happened, null, null, `${t.from}: none, ${t.clause}`, undefined);
  const target = t.text;
  const ms = t.duration.ms;
  const clock = c.clock(t.duration.calendar);
  const until = event ?? Math.max(asOf, rec.opened);
  // The due time is searched up to the horizon, or up to the event or as-of when they come later
  // (the clock counts that far anyway): past the horizon, due is not computed.
  const due = ms === null ? null : clock.due(rec.opened, ms, Math.max(rec.opened + DUE_HORIZON_MS, until));
  if (ms === null || due === null) {
    const reason =
      ms === null ? `${target} has no fixed length on this calendar, ${t.clause}` : `the calendar never has business time after the incident opened, ${t.clause}`;
    return verdict(objective, 'not-applicable', null, target, happened, null, null, reason, undefined);
  }
  const counted = clock.elapsed(rec.opened, until);
  // A due time after the horizon (Infinity) lies after `until` too: the target is not reached by then.
  const status: Status = event !== null ? (event <= due ? 'met' : 'breached') : asOf > due ? 'breached' : 'pending';
  const beyond =
    due === Number.POSITIVE_INFINITY
      ? `due more than ${DUE_HORIZON_YEARS} years after opening, beyond the horizon of due times: judged by the time counted until ${event !== null ? 'the event' : 'as-of'}`
      : undefined;
  const countedMinutes = counted / 60_000;
  const trace: Trace = {
    clause: t.clause,
    from: t.from,
    calendar: t.duration.calendar,
    pausedMinutes: (until - rec.opened - counted) / 60_000,
  };
  const remaining = status === 'pending' ? Math.max(0, ms - counted) / 60_000 : null;
  return verdict(objective, status, beyond ? null : formatInstant(due, zone), target, happened, countedMinutes, remaining, beyond, trace);
}
