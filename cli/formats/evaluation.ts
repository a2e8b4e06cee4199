// Reports of `slac evaluate`: a readable text table, markdown, and the JSON document of interface.md.

import type { IncidentVerdict, ObjectiveVerdict } from '../../runtime/evaluate';
import type { PeriodVerdict } from '../../runtime/periods';
import type { RecordWarning, Rejected } from '../../runtime/records';
import type { DowntimeVerdict, SessionCounts } from '../../runtime/session';
import type { Colors } from '../io';
import { issueLines } from './record-issues';

export interface EvaluationReport {
  contract: { name: string | null; version: string; file: string; versions: { version: string; effective: string | null; file: string }[] };
  asOf: string;
  period: string | null;
  incidents: IncidentVerdict[];
  downtime: DowntimeVerdict[];
  periods: PeriodVerdict[];
  rejected: Rejected[];
  /** Every warning for JSON; text and markdown need only the first LISTED (counts.warnings has the total). */
  warnings: RecordWarning[];
  counts: SessionCounts;
}

/** Pretty JSON of `value`, its lines after the first indented by `pad` (to nest it in a document). */
function nested(value: unknown, pad: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`);
}

/**
 * The JSON document of interface.md, written as the run goes: incidents are written as they are
 * judged, so a large log never becomes one string (V8 caps a string near 512 MiB). The bytes are
 * exactly those of JSON.stringify(document, null, 2).
 */
export class JsonReport {
  private count = 0;

  constructor(private readonly write: (s: string) => void) {}

  start(head: Pick<EvaluationReport, 'contract' | 'asOf' | 'period'>): void {
    this.write(`{\n  "contract": ${nested(head.contract, '  ')},\n  "asOf": ${JSON.stringify(head.asOf)},\n  "period": ${JSON.stringify(head.period)},\n  "incidents": [`);
  }

  incident(v: IncidentVerdict): void {
    this.write(`${this.count++ ? ',' : ''}\n    ${nested(v, '    ')}`);
  }

  finish(rest: Pick<EvaluationReport, 'downtime' | 'periods' | 'rejected' | 'warnings' | 'counts'>): void {
    this.write(
      `${this.count ? '\n  ]' : ']'},\n  "downtime": ${nested(rest.downtime, '  ')},\n  "periods": ${nested(rest.periods, '  ')},\n  "rejected": ${nested(rest.rejected, '  ')},\n  "warnings": ${nested(rest.warnings, '  ')},\n  "summary": ${nested(rest.counts, '  ')}\n}\n`,
    );
  }
}

function fmtMinutes(m: number | null): string {
  if (m === null) return '';
  const rounded = Math.round(m * 100) / 100;
  if (rounded < 120) return `${rounded} min`;
  const h = Math.floor(rounded / 60);
  const mm = Math.round((rounded - h * 60) * 100) / 100;
  return mm ? `${h} h ${mm} min` : `${h} h`;
}

function paintStatus(c: Colors, s: string): string {
  if (s === 'met') return c.green(s);
  if (s === 'breached') return c.red(s);
  if (s === 'pending') return c.yellow(s);
  return c.dim(s);
}

function pad(s: string, w: number, visible = s.length): string {
  return s + ' '.repeat(Math.max(0, w - visible));
}

/** An availability for people: 4 places, cut from the exact text, so it never rounds up to a target. */
function availabilityText(exact: string): string {
  const [int, frac = ''] = exact.split('.');
  return `${int}.${frac.padEnd(4, '0').slice(0, 4)}%`;
}

function summaryLine(k: SessionCounts): string {
  const parts = [`${k.lines} line${k.lines === 1 ? '' : 's'}`, `${k.evaluated} evaluated`, `${k.rejected} rejected`];
  if (k.blank) parts.push(`${k.blank} blank`);
  if (k.warnings) parts.push(`${k.warnings} warning${k.warnings === 1 ? '' : 's'}`);
  if (k.outsidePeriod) parts.push(`${k.outsidePeriod} outside the period`);
  return parts.join(', ');
}

/** The readable report, as lines (a large log would not fit in one string). */
export function toText(r: EvaluationReport, c: Colors): string[] {
  const out: string[] = [];
  out.push(c.bold(`${r.contract.name ?? '(unnamed contract)'}, version ${r.contract.version}`) + c.dim(` (${r.contract.file})`));
  out.push(`as of ${r.asOf}${r.period ? `, period ${r.period}` : ''}`);
  out.push('');
  if (r.incidents.length) {
    out.push(c.bold('Incidents'));
    let objW = 8;
    for (const i of r.incidents) for (const o of i.objectives) objW = Math.max(objW, o.objective.length);
    for (const i of r.incidents) {
      const who = [i.plan === 'default' ? null : i.plan, i.severity, i.category].filter(Boolean).join(' / ');
      out.push(`  ${c.bold(i.id)}  ${who}  opened ${i.opened}${r.contract.versions.length > 1 ? c.dim(`  (version ${i.version})`) : ''}`);
      if (i.note) out.push(`    ${c.dim(`note: ${i.note}`)}`);
      if (i.excluded) out.push(`    ${c.dim('excluded:')} ${i.excluded}`);
      for (const o of i.objectives) out.push(...objectiveLines(o, objW, c, !!i.excluded));
    }
    out.push('');
  }
  if (r.downtime.length) {
    out.push(c.bold('Outages and maintenance'));
    for (const d of r.downtime) {
      out.push(`  ${c.bold(d.id)}  ${d.type}  ${d.start} to ${d.end}  counted ${fmtMinutes(d.countedMinutes) || '0 min'}  ${c.dim(d.reason)}`);
      if (d.note) out.push(`    ${c.dim(`note: ${d.note}`)}`);
    }
    out.push('');
  }
  if (r.periods.length) {
    out.push(c.bold('Periods'));
    for (const p of r.periods) {
      out.push(`  ${c.bold(p.period)}${r.contract.versions.length > 1 ? c.dim(`  (version ${p.version})`) : ''}${p.final ? '' : c.dim('  (month not over)')}`);
      if (p.note) out.push(`    ${c.dim(p.note)}`);
      if (p.availability) {
        const a = p.availability;
        out.push(
          `    availability  ${pad(paintStatus(c, a.status), 9, a.status.length)} ${availabilityText(a.exact)} (target ${a.target}%), downtime ${fmtMinutes(a.downtimeMinutes) || '0 min'} of ${fmtMinutes(a.periodMinutes)}  ${c.dim(a.clause)}`,
        );
      }
      if (p.credit) {
        const cr = p.credit;
        const value = cr.percent === null ? 'not yet known' : `${cr.percent}%${cr.basis ? ` of the ${cr.basis}` : ''}`;
        out.push(`    credit        ${value}${cr.rule ? c.dim(`  (${cr.rule})`) : ''}`);
      }
      if (p.reliability) {
        const x = p.reliability;
        out.push(`    reliability   ${pad(paintStatus(c, x.status), 9, x.status.length)} ${x.count} counted incident${x.count === 1 ? '' : 's'} (at most ${x.limit})  ${c.dim(x.clause)}`);
      }
    }
    out.push('');
  }
  if (r.rejected.length) {
    out.push(c.bold(c.red('Rejected records')));
    for (const x of issueLines(r.rejected, r.rejected.length)) out.push(`  ${x}`);
    out.push('');
  }
  if (r.counts.warnings) {
    out.push(c.bold(c.yellow('Warnings')));
    for (const x of issueLines(r.warnings, r.counts.warnings)) out.push(`  ${x}`);
    out.push('');
  }
  out.push(summaryLine(r.counts));
  return out;
}

function objectiveLines(o: ObjectiveVerdict, objW: number, c: Colors, excluded: boolean): string[] {
  if (excluded) return [`    ${pad(o.objective, objW)}  ${paintStatus(c, o.status)}`];
  const head = `    ${pad(o.objective, objW)}  ${pad(paintStatus(c, o.status), 14, o.status.length)}`;
  if (o.status === 'not-applicable') return [`${head} ${c.dim(o.reason ?? '')}`];
  const parts = [`due ${o.due}`];
  if (o.happened) parts.push(`done ${o.happened}`);
  if (o.status === 'pending' && o.remainingMinutes !== null) parts.push(`${fmtMinutes(o.remainingMinutes)} left`);
  const lines = [`${head} ${parts.join('  ')}`];
  if (o.trace) {
    const t = o.trace;
    const clock = t.calendar === null ? 'wall clock (24x7)' : `calendar ${t.calendar}`;
    const until = o.happened ? `until ${o.happened}` : 'until as-of';
    lines.push(
      `    ${' '.repeat(objW)}  ${c.dim(`${o.target} (${t.from}, ${t.clause}); ${clock}: counted ${fmtMinutes(o.elapsedMinutes) || '0 min'}, paused ${fmtMinutes(t.pausedMinutes) || '0 min'} ${until}`)}`,
    );
  }
  return lines;
}

function mdEscape(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The report as markdown, as lines. */
export function toMarkdown(r: EvaluationReport): string[] {
  const out: string[] = [];
  out.push(`# ${mdEscape(r.contract.name ?? 'Contract')}, version ${r.contract.version}`, '');
  out.push(`As of ${r.asOf}${r.period ? `, period ${r.period}` : ''}. Contract file: \`${r.contract.file}\`.`, '');
  if (r.periods.length) {
    out.push('## Periods', '', '| period | availability | target | status | downtime | credit | reliability |', '|---|---:|---:|---|---:|---:|---|');
    for (const p of r.periods) {
      const a = p.availability;
      const rel = p.reliability ? `${p.reliability.count} / ${p.reliability.limit} (${p.reliability.status})` : '';
      const credit = p.credit ? (p.credit.percent === null ? 'pending' : `${p.credit.percent}%`) : '';
      out.push(
        `| ${p.period}${p.final ? '' : ' (not over)'} | ${a ? availabilityText(a.exact) : ''} | ${a ? `${a.target}%` : ''} | ${a?.status ?? ''} | ${a ? fmtMinutes(a.downtimeMinutes) || '0 min' : ''} | ${credit} | ${rel} |`,
      );
    }
    out.push('');
  }
  if (r.incidents.length) {
    out.push('## Incidents', '', '| incident | plan / severity | objective | status | due | done | target |', '|---|---|---|---|---|---|---|');
    for (const i of r.incidents) {
      for (const o of i.objectives) {
        out.push(
          `| ${mdEscape(i.id)} | ${[i.plan, i.severity, i.category].filter(Boolean).join(' / ')} | ${o.objective} | ${o.status} | ${o.due ?? ''} | ${o.happened ?? ''} | ${mdEscape(o.status === 'excluded' ? (o.reason ?? '') : (o.target ?? o.reason ?? ''))} |`,
        );
      }
    }
    out.push('');
  }
  if (r.downtime.length) {
    out.push('## Outages and maintenance', '', '| record | type | start | end | counted | why |', '|---|---|---|---|---:|---|');
    for (const d of r.downtime) out.push(`| ${mdEscape(d.id)} | ${d.type} | ${d.start} | ${d.end} | ${fmtMinutes(d.countedMinutes) || '0 min'} | ${mdEscape(d.reason)} |`);
    out.push('');
  }
  if (r.rejected.length) {
    out.push('## Rejected records', '');
    for (const x of issueLines(r.rejected, r.rejected.length)) out.push(`- ${mdEscape(x)}`);
    out.push('');
  }
  if (r.counts.warnings) {
    out.push('## Warnings', '');
    for (const x of issueLines(r.warnings, r.counts.warnings)) out.push(`- ${mdEscape(x)}`);
    out.push('');
  }
  out.push(`_${summaryLine(r.counts)}._`);
  return out;
}
