// One evaluation run: streams records through validation, judges each incident by the version in
// force when it was opened, accumulates the monthly periods, and reports counts that always add up.

import type { CompiledContract, ContractVersions } from './contract';
import { evaluateIncident, type IncidentVerdict } from './evaluate';
import { judgeMaintenance, PeriodAccumulator, type PeriodVerdict } from './periods';
import { type InputRecord, type ReadCounts, type RecordInput, type Rejected, readRecords } from './records';
import { formatInstant, localMidnight, localYearMonth } from './time';

export interface SessionOptions {
  /** The instant the log is judged at; events after it have not happened yet. */
  asOf: number;
  /** Only this month ("YYYY-MM"): incidents opened in it, and its period. */
  period?: string;
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
  note?: string;
}

export interface SessionEvents {
  incident(v: IncidentVerdict): void;
  downtime?(v: DowntimeVerdict): void;
  rejected(r: Rejected): void;
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
}

export interface SessionResult {
  counts: SessionCounts;
  periods: PeriodVerdict[];
}

function versionAt(versions: ContractVersions, t: number): CompiledContract | null {
  return versions.inForce(t);
}


export async function evaluateRecords(
  versions: ContractVersions,
  input: RecordInput,
  options: SessionOptions,
  events: SessionEvents,
): Promise<SessionResult> {
  const { asOf } = options;
  const zone = versions.zone;
  const periods = new PeriodAccumulator(versions, asOf);
  let evaluated = 0;
  let outsidePeriod = 0;
  let seen = 0;

  const inPeriod = (t: number): boolean => {
    if (!options.period) return true;
    const [y, m] = localYearMonth(t, zone);
    return `${y}-${String(m).padStart(2, '0')}` === options.period;
  };

  let periodStart = 0;
  let periodEnd = 0;
  if (options.period) {
    const y = Number(options.period.slice(0, 4));
    const m = Number(options.period.slice(5, 7));
    periodStart = localMidnight(y, m, 1, zone);
    periodEnd = m === 12 ? localMidnight(y + 1, 1, 1, zone) : localMidnight(y, m + 1, 1, zone);
  }
  const overlapsPeriod = (a: number, b: number): boolean => a < periodEnd && b > periodStart;

  const onRecord = (rec: InputRecord): void => {
    if (events.progress && ++seen % 10_000 === 0) events.progress(seen);
    const at = rec.type === 'incident' ? rec.opened : rec.start;
    // Before the first version took effect, the earliest version judges (interface.md's example
    // judges an incident of 2026-03-07 by SAGICC v04, effective 2026-03-13); the verdict says so.
    const inForce = versionAt(versions, at);
    const version = inForce ?? versions.list[0];
    const note = inForce
      ? undefined
      : `${rec.type === 'incident' ? 'opened' : 'started'} before version ${version.version} took effect on ${version.ir.effective}; judged by that version, the earliest`;
    if (rec.type === 'incident') {
      const verdict = evaluateIncident(version, rec, asOf);
      if (note) verdict.note = note;
      periods.incident(rec.opened, verdict.excluded === null && version.causeCounted(rec.cause) && rec.opened <= asOf);
      if (!inPeriod(rec.opened)) {
        outsidePeriod++;
        return;
      }
      evaluated++;
      events.incident(verdict);
      return;
    }
    // With --period, outages and maintenance that do not meet the month are judged for the
    // period's downtime but not listed.
    const listed = !options.period || overlapsPeriod(rec.start, rec.end);
    if (listed) evaluated++;
    else outsidePeriod++;
    if (rec.type === 'outage') {
      const counted = version.causeCounted(rec.cause);
      periods.outage(rec, counted);
      if (listed) events.downtime?.({
        type: 'outage',
        id: rec.id,
        line: rec.line,
        version: version.version,
        start: formatInstant(rec.start, zone),
        end: formatInstant(rec.end, zone),
        countedMinutes: counted ? (Math.min(rec.end, Math.max(rec.start, asOf)) - rec.start) / 60_000 : 0,
        reason: counted ? `cause ${rec.cause} is counted` : version.exclusion(rec.cause, null) ?? `cause ${rec.cause} is not counted`,
        ...(note ? { note } : {}),
      });
    } else {
      const judged = judgeMaintenance(version, rec);
      periods.maintenance(rec, judged);
      if (listed) events.downtime?.({
        type: 'maintenance',
        id: rec.id,
        line: rec.line,
        version: version.version,
        start: formatInstant(rec.start, zone),
        end: formatInstant(rec.end, zone),
        countedMinutes: judged.counted.reduce((n, [s, e]) => n + Math.max(0, Math.min(e, asOf) - s), 0) / 60_000,
        reason: judged.reason,
        ...(note ? { note } : {}),
      });
    }
  };

  const read = await readRecords(
    input,
    (at) => (at !== null ? versionAt(versions, at) ?? versions.list[0] : versions.latest).ir,
    onRecord,
    (r) => events.rejected(r),
    events.drain,
  );
  const counts: SessionCounts = {
    ...read,
    evaluated,
    outsidePeriod,
  };
  return { counts, periods: periods.finish(options.period) };
}
