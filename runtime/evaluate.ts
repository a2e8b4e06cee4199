// Verdicts for one incident: per objective, the due instant, met / breached / pending /
// not-applicable / excluded, the time counted and paused, and the clause that set the target.
// A pure function of the contract version, the record and as-of.

import type { ObjectiveName } from '../compiler/ir';
import type { CompiledContract } from './contract';
import { describeDuration } from './contract';
import type { IncidentRecord } from './records';
import { formatInstant } from './time';

export type Status = 'met' | 'breached' | 'pending' | 'excluded' | 'not-applicable';

export interface Trace {
  /** file:line of the clause that set the target (or excluded the incident). */
  clause: string;
  /** What the target was chosen by: "plan essential, severity high" or "category web-down". */
  from: string;
  /** "calendar business (Colombian business hours)" or "wall clock (24x7)". */
  clock: string;
  /** Counted time between opened and the event (or as-of), in minutes. */
  countedMinutes: number;
  /** Time in the same stretch that the clock did not count (nights, weekends, holidays), in minutes. */
  pausedMinutes: number;
  /** The stretch looked at: from `opened` until the event, or until as-of when it has not happened. */
  until: string;
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
}

const EVENT: Record<ObjectiveName, 'responded' | 'restored' | 'resolved'> = {
  response: 'responded',
  restoration: 'restored',
  resolution: 'resolved',
};

const minutes = (ms: number): number => ms / 60_000;

function clockName(c: CompiledContract, calendar: string | null): string {
  if (calendar === null) return 'wall clock (24x7)';
  const cal = c.ir.calendars.find((x) => x.id === calendar);
  return `calendar ${calendar}${cal?.title ? ` (${cal.title})` : ''}`;
}

export function evaluateIncident(c: CompiledContract, rec: IncidentRecord, asOf: number): IncidentVerdict {
  const zone = c.ir.timeZone;
  const excluded = c.exclusion(rec.cause, rec.channel);
  const objectives: ObjectiveVerdict[] = [];
  for (const objective of c.objectives) {
    objectives.push(judge(c, rec, objective, asOf, excluded));
  }
  return {
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
}

function judge(c: CompiledContract, rec: IncidentRecord, objective: ObjectiveName, asOf: number, excluded: string | null): ObjectiveVerdict {
  const zone = c.ir.timeZone;
  const raw = rec[EVENT[objective]];
  // Events after as-of have not happened yet as of that instant: as-of is a consistent cut.
  const event = raw !== null && raw <= asOf ? raw : null;
  const happened = event === null ? null : formatInstant(event, zone);
  const base = { objective, happened };
  if (excluded !== null) {
    return { ...base, status: 'excluded', due: null, target: null, elapsedMinutes: null, remainingMinutes: null, reason: excluded };
  }
  const t = c.target(objective, rec.plan, rec.severity, rec.category);
  if (t === null) {
    return {
      ...base,
      status: 'not-applicable',
      due: null,
      target: null,
      elapsedMinutes: null,
      remainingMinutes: null,
      reason: `the contract sets no ${objective} target for ${c.ir.implicitPlan ? '' : `plan ${rec.plan}, `}severity ${rec.severity}`,
    };
  }
  if (t.duration === null) {
    return { ...base, status: 'not-applicable', due: null, target: 'none', elapsedMinutes: null, remainingMinutes: null, reason: `${t.from}: none, ${t.clause}` };
  }
  const target = describeDuration(t.duration, t.via);
  const ms = t.duration.ms;
  const clock = c.clock(t.duration.calendar);
  const due = ms === null ? null : clock.due(rec.opened, ms);
  if (ms === null || due === null) {
    return {
      ...base,
      status: 'not-applicable',
      due: null,
      target,
      elapsedMinutes: null,
      remainingMinutes: null,
      reason: ms === null ? `${target} has no fixed length on this calendar, ${t.clause}` : `the calendar never has business time after the incident opened, ${t.clause}`,
    };
  }
  const until = event ?? Math.max(asOf, rec.opened);
  const counted = clock.elapsed(rec.opened, until);
  let status: Status;
  if (event !== null) status = event <= due ? 'met' : 'breached';
  else status = asOf > due ? 'breached' : 'pending';
  return {
    ...base,
    status,
    due: formatInstant(due, zone),
    target,
    elapsedMinutes: minutes(counted),
    remainingMinutes: status === 'pending' ? minutes(Math.max(0, ms - counted)) : null,
    trace: {
      clause: t.clause,
      from: t.from,
      clock: clockName(c, t.duration.calendar),
      countedMinutes: minutes(counted),
      pausedMinutes: minutes(until - rec.opened - counted),
      until: event !== null ? `${EVENT[objective]} ${formatInstant(until, zone)}` : `as of ${formatInstant(until, zone)}`,
    },
  };
}
