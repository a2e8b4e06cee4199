// Reports of `slac evaluate`: a readable text table, markdown, and the JSON document of interface.md,
// each produced piece by piece (a large log would not fit in one string) from lists that are read
// once, in order, from memory or from a spool on disk (see report.ts). Every user string is
// printed through `visible`, so no control character reaches a terminal or forges a line.

import type { IncidentVerdict, ObjectiveVerdict } from '../../runtime/evaluate';
import type { PeriodVerdict } from '../../runtime/periods';
import type { RecordWarning, Rejected } from '../../runtime/records';
import type { DowntimeVerdict, SessionCounts } from '../../runtime/session';
import type { Colors } from '../io';
import { visible } from './visible';
import { issueLines } from './record-issues';
import { amountText, creditStatement } from './credit-statement';
import type { MoneyCredit } from '../../runtime/money';

export interface ReportHead {
  contract: { name: string | null; version: string; file: string; versions: { version: string; effective: string | null; file: string }[] };
  asOf: string;
  period: string | null;
}

/** A list of the report: an array, or a spool read back from disk. */
export type Listing<T> = Iterable<T> & { readonly length: number };

export interface EvaluationReport extends ReportHead {
  incidents: Listing<IncidentVerdict>;
  downtime: Listing<DowntimeVerdict>;
  periods: Listing<PeriodVerdict>;
  rejected: Listing<Rejected>;
  /** Every warning for JSON; text and markdown need only the first LISTED (counts.warnings has the total). */
  warnings: Listing<RecordWarning>;
  counts: SessionCounts;
  /** The longest objective name among the incidents, when known without reading them. */
  objectiveWidth?: number;
}

/** Pretty JSON of `value`, its lines after the first indented by `pad` (to nest it in a document). */
function nested(value: unknown, pad: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`);
}

/** A pretty JSON array as a member of the document (indented once), an item at a time. */
function* array(items: Iterable<unknown>): Generator<string> {
  let first = true;
  for (const item of items) {
    yield `${first ? '[' : ','}\n    ${nested(item, '    ')}`;
    first = false;
  }
  yield first ? '[]' : '\n  ]';
}

/**
 * The JSON document of interface.md, written as the run goes: incidents as they are judged, the
 * other lists at the end from wherever they were kept. The bytes are exactly those of
 * JSON.stringify(document, null, 2).
 */
export class JsonReport {
  private count = 0;

  constructor(private readonly write: (s: string) => void) {}

  start(head: ReportHead): void {
    this.write(`{\n  "contract": ${nested(head.contract, '  ')},\n  "asOf": ${JSON.stringify(head.asOf)},\n  "period": ${JSON.stringify(head.period)},\n  "incidents": [`);
  }

  incident(v: IncidentVerdict): void {
    this.write(`${this.count++ ? ',' : ''}\n    ${nested(v, '    ')}`);
  }

  /** The rest of the document, a piece at a time. */
  *finish(rest: Pick<EvaluationReport, 'downtime' | 'periods' | 'rejected' | 'warnings' | 'counts'>): Generator<string> {
    yield `${this.count ? '\n  ]' : ']'},\n  "downtime": `;
    yield* array(rest.downtime);
    yield ',\n  "periods": ';
    yield* array(rest.periods);
    yield ',\n  "rejected": ';
    yield* array(rest.rejected);
    yield ',\n  "warnings": ';
    yield* array(rest.warnings);
    yield `,\n  "summary": ${nested(rest.counts, '  ')}\n}\n`;
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

/** The width of the objective column: the longest objective name of the incidents, at least 8. */
export function objectiveWidth(incidents: Iterable<IncidentVerdict>): number {
  let w = 8;
  for (const i of incidents) for (const o of i.objectives) w = Math.max(w, objectiveLabel(o).length);
  return w;
}

/** "of the invoiced value", never "of the the invoiced value" when the basis says "the" itself. */
function ofBasis(basis: string): string {
  return /^the\s/i.test(basis) ? ` of ${visible(basis)}` : ` of the ${visible(basis)}`;
}

/** `compute`, or `managed-postgres/read` for a part. */
function serviceOf(p: PeriodVerdict): string {
  return p.part ? `${p.service}/${p.part}` : (p.service ?? '');
}

/** The readable report, a line at a time. */
export function* textLines(r: EvaluationReport, c: Colors): Generator<string> {
  const v = visible;
  const versions = r.contract.versions.length > 1;
  yield c.bold(`${v(r.contract.name ?? '(unnamed contract)')}, version ${v(r.contract.version)}`) + c.dim(` (${v(r.contract.file)})`);
  yield `as of ${r.asOf}${r.period ? `, period ${r.period}` : ''}`;
  yield '';
  if (r.incidents.length) {
    yield c.bold('Incidents');
    const objW = r.objectiveWidth ?? objectiveWidth(r.incidents);
    for (const i of r.incidents) {
      const who = [i.services?.join(', '), i.environment, i.region, i.plan === 'default' ? null : i.plan, i.severity, i.category].filter(Boolean).join(' / ');
      yield `  ${c.bold(v(i.id))}  ${v(who)}  opened ${i.opened}${versions ? c.dim(`  (version ${v(i.version)})`) : ''}`;
      if (i.note) yield `    ${c.dim(`note: ${v(i.note)}`)}`;
      if (i.excluded) yield `    ${c.dim('excluded:')} ${v(i.excluded)}`;
      for (const o of i.objectives) yield* objectiveLines(o, objW, c, !!i.excluded);
    }
    yield '';
  }
  if (r.downtime.length) {
    yield c.bold('Outages and maintenance');
    for (const d of r.downtime) {
      yield `  ${c.bold(v(d.id))}  ${d.type}${d.services ? `  ${v(d.services.join(', '))}` : ''}  ${d.start} to ${d.end}  counted ${fmtMinutes(d.countedMinutes) || '0 min'}  ${c.dim(v(d.reason))}`;
      if (d.note) yield `    ${c.dim(`note: ${v(d.note)}`)}`;
    }
    yield '';
  }
  if (r.periods.length) {
    yield c.bold('Periods');
    for (const p of r.periods) {
      yield `  ${c.bold(p.period)}${periodSpanText(p)}${p.service ? `  ${c.bold(v(serviceOf(p)))}` : ''}${versions ? c.dim(`  (version ${v(p.version)})`) : ''}${p.final ? '' : c.dim(`  (${unitOf(p)} not over)`)}`;
      if (p.note) yield `    ${c.dim(v(p.note))}`;
      const a = p.availability;
      if (a) {
        yield a.exact === null
          ? `    availability  ${paintStatus(c, a.status)}  ${v(a.reason ?? '')}`
          : `    availability  ${pad(paintStatus(c, a.status), 9, a.status.length)} ${availabilityText(a.exact)} (target ${a.target}%), downtime ${fmtMinutes(a.downtimeMinutes) || '0 min'} of ${fmtMinutes(a.periodMinutes)}  ${c.dim(v(a.clause))}`;
        // What did not count, and why (a minimum downtime period, too few requests for an error rate).
        for (const u of a.breakdown?.uncounted ?? []) yield `      ${c.dim('not counted')}  ${u.start} to ${u.end}  ${fmtMinutes(u.minutes)}  ${c.dim(v(u.reason))}`;
        if (a.breakdown?.more?.uncounted) yield `      ${c.dim(`… and ${a.breakdown.more.uncounted} more not counted`)}`;
      }
      if (p.credit) {
        const cr = p.credit;
        const value = creditValue(cr) ?? 'not yet known';
        yield `    credit        ${value}${cr.rule ? c.dim(`  (${v(cr.rule)})`) : ''}`;
        if (cr.default && cr.default.rule !== cr.rule) yield `                  ${v(`${cr.default.rule}: ${creditValue({ ...cr.default, basis: null, money: cr.money }) ?? ''}`)}`;
        if (cr.money) for (const line of moneyLines(cr.money)) yield `                  ${v(line)}`;
      }
      const x = p.reliability;
      if (x) {
        yield x.status === 'not-applicable'
          ? `    reliability   ${paintStatus(c, x.status)}  ${v(x.reason ?? '')}`
          : `    reliability   ${pad(paintStatus(c, x.status), 9, x.status.length)} ${x.count} counted incident${x.count === 1 ? '' : 's'} (at most ${x.limit})  ${c.dim(v(x.clause))}`;
      }
      const m = p.missed;
      if (m) yield `    missed        ${pad(paintStatus(c, m.status), 9, m.status.length)} ${missedText(m, v)}  ${c.dim(v(m.clause))}`;
      const rep = p.report;
      if (rep) yield `    report        ${pad(paintStatus(c, rep.status), 9, rep.status.length)} ${v(rep.reason)}  ${c.dim(v(rep.clause))}`;
    }
    yield '';
  }
  const statement = r.periods.length ? creditStatement(r.periods) : null;
  if (statement) {
    yield c.bold('Credit statement');
    for (const row of statement.rows) {
      const m = row.money;
      yield `  ${row.period}  ${v(row.service)}  charge ${amountText(m.charge, m.currency)}  credit ${amountText(m.capped, m.currency)}  ${m.claim}  payable ${amountText(m.payable, m.currency)}`;
    }
    for (const t of [...statement.byService, ...statement.byYear]) yield `  total ${v(t.label)}: credits ${amountText(t.credits, t.currency)}, payable ${amountText(t.payable, t.currency)}`;
    yield '';
  }
  if (r.rejected.length) {
    yield c.bold(c.red('Rejected records'));
    for (const x of issueLines(r.rejected, r.rejected.length)) yield `  ${v(x)}`;
    yield '';
  }
  if (r.counts.warnings) {
    yield c.bold(c.yellow('Warnings'));
    for (const x of issueLines(r.warnings, r.counts.warnings)) yield `  ${v(x)}`;
    yield '';
  }
  yield summaryLine(r.counts);
}

/** `resolution`, or `resolution #2` for the second cycle of a reopened ticket. */
export function objectiveLabel(o: ObjectiveVerdict): string {
  return o.cycle !== undefined ? `${o.objective} #${o.cycle}` : o.objective;
}

/** How the paused time divides, when the clock paused or started late: ", of which 2 h by calendar, 1 h by reason". */
function pausedSplit(t: NonNullable<ObjectiveVerdict['trace']>): string {
  if (t.pausedByReasonMinutes === undefined) return '';
  return ` (by calendar ${fmtMinutes(t.pausedByCalendarMinutes ?? 0) || '0 min'}, by pause reasons ${fmtMinutes(t.pausedByReasonMinutes) || '0 min'})`;
}

function objectiveLines(o: ObjectiveVerdict, objW: number, c: Colors, excluded: boolean): string[] {
  const label = objectiveLabel(o);
  if (excluded) return [`    ${pad(label, objW)}  ${paintStatus(c, o.status)}`];
  const head = `    ${pad(label, objW)}  ${pad(paintStatus(c, o.status), 14, o.status.length)}`;
  if (o.status === 'not-applicable') return [`${head} ${c.dim(visible(o.reason ?? ''))}`];
  // No due past the horizon of due times: the reason says so.
  const parts = [o.due === null ? visible(o.reason ?? 'due not computed') : `due ${o.due}`];
  if (o.happened) parts.push(`done ${o.happened}`);
  if (o.status === 'pending' && o.remainingMinutes !== null) parts.push(`${fmtMinutes(o.remainingMinutes)} left`);
  const lines = [`${head} ${parts.join('  ')}`];
  if (o.trace) {
    const t = o.trace;
    const clock = t.calendar === null ? 'wall clock (24x7)' : `calendar ${visible(t.calendar)}`;
    const until = o.happened ? `until ${o.happened}` : 'until as-of';
    lines.push(
      `    ${' '.repeat(objW)}  ${c.dim(`${visible(o.target ?? '')} (${visible(t.from)}, ${visible(t.clause)}); ${clock}${t.region ? ` of region ${visible(t.region)}` : ''}${t.started ? `, started ${t.started}` : ''}: counted ${fmtMinutes(o.elapsedMinutes) || '0 min'}, paused ${fmtMinutes(t.pausedMinutes) || '0 min'}${pausedSplit(t)} ${until}`)}`,
    );
  }
  if (o.intervals) {
    if (o.target) lines.push(`    ${' '.repeat(objW)}  ${c.dim(visible(o.target))}`);
    for (const iv of o.intervals) {
      lines.push(`    ${' '.repeat(objW)}  ${c.dim(`from ${iv.from}: ${iv.status}, due ${iv.due ?? 'not computed'}${iv.happened ? `, done ${iv.happened}` : ''}`)}`);
    }
  }
  return lines;
}

/** A table cell: visible, and no `|` that would end the cell. */
function cell(s: string): string {
  return visible(s).replace(/\|/g, '\\|');
}

/** The report as markdown, a line at a time. */
export function* markdownLines(r: EvaluationReport): Generator<string> {
  yield `# ${cell(r.contract.name ?? 'Contract')}, version ${cell(r.contract.version)}`;
  yield '';
  yield `As of ${r.asOf}${r.period ? `, period ${r.period}` : ''}. Contract file: \`${cell(r.contract.file)}\`.`;
  yield '';
  if (r.periods.length) {
    // A column for the service only when the contract declares services.
    const services = [...r.periods].some((p) => p.service !== undefined);
    yield* services
      ? ['## Periods', '', '| period | service | availability | target | status | downtime | credit | reliability |', '|---|---|---:|---:|---|---:|---:|---|']
      : ['## Periods', '', '| period | availability | target | status | downtime | credit | reliability |', '|---|---:|---:|---|---:|---:|---|'];
    for (const p of r.periods) {
      const a = p.availability;
      const rel = p.reliability ? `${p.reliability.count} / ${p.reliability.limit} (${p.reliability.status})` : '';
      const credit = p.credit ? (creditValue({ ...p.credit, basis: null }) ?? 'pending') : '';
      yield `| ${p.period}${periodSpanText(p)}${p.final ? '' : ' (not over)'} |${services ? ` ${cell(serviceOf(p))} |` : ''} ${a?.exact ? availabilityText(a.exact) : ''} | ${a ? `${a.target}%` : ''} | ${a?.status ?? ''} | ${a ? fmtMinutes(a.downtimeMinutes) || '0 min' : ''} | ${credit} | ${rel} |`;
    }
    yield '';
    const missed = [...r.periods].filter((p) => p.missed);
    if (missed.length) {
      yield* ['### Missed targets', ''];
      for (const p of missed) yield `- ${p.period}${p.service ? ` ${cell(serviceOf(p))}` : ''}: ${p.missed!.status}, ${missedText(p.missed!, cell)} (${cell(p.missed!.clause)})`;
      yield '';
    }
    // What did not count in a period, and why.
    let notCounted = 0;
    for (const p of r.periods) {
      for (const u of p.availability?.breakdown?.uncounted ?? []) {
        notCounted++;
        yield `- ${p.period}${p.service ? ` ${cell(serviceOf(p))}` : ''}: ${u.start} to ${u.end} (${fmtMinutes(u.minutes)}) not counted: ${cell(u.reason)}`;
      }
    }
    if (notCounted) yield '';
    // The monthly report, once per month, when the contract asks for one.
    const reports = [...new Map([...r.periods].filter((p) => p.report).map((p) => [p.period, p.report!] as const))];
    if (reports.length) {
      for (const [period, x] of reports) yield `- ${period}: report ${x.status}, ${cell(x.reason)} (${cell(x.clause)})`;
      yield '';
    }
    // Why a month has nothing to judge, once per month.
    const unjudged = [...new Map([...r.periods].map((p) => [p.period, p.availability?.reason ?? p.reliability?.reason] as const).filter(([, why]) => why))];
    if (unjudged.length) {
      for (const [period, why] of unjudged) yield `- ${period}: ${cell(why!)}`;
      yield '';
    }
  }
  const statement = r.periods.length ? creditStatement(r.periods) : null;
  if (statement) {
    yield* ['## Credit statement', '', '| period | service | charge | credit | rule | caps | claim by | claim | payable |', '|---|---|---:|---:|---|---|---|---|---:|'];
    for (const row of statement.rows) {
      const m = row.money;
      const caps = m.caps.filter((x) => x.binds).map((x) => `${x.rule}: ${x.before} -> ${x.after} (${x.clause})`).join('; ');
      yield `| ${row.period} | ${cell(row.service)} | ${amountText(m.charge, m.currency)} | ${amountText(m.capped, m.currency)} | ${m.percent === null && m.amount === null ? '' : `${cell(row.rule ?? '')}, ${cell(row.clause)}: ${moneyFormula(m)}`}${m.stacking ? `; ${cell(m.stacking.reason ?? m.stacking.rule)}` : ''} | ${cell(caps)} | ${m.claimBy ?? ''} | ${m.claim}${m.claimed ? ` (${m.claimed})` : ''} | ${amountText(m.payable, m.currency)} |`;
    }
    yield '';
    yield* ['| total | credits | payable |', '|---|---:|---:|'];
    for (const t of [...statement.byService, ...statement.byYear]) yield `| ${cell(t.label)} | ${amountText(t.credits, t.currency)} | ${amountText(t.payable, t.currency)} |`;
    yield '';
  }
  if (r.incidents.length) {
    yield* ['## Incidents', '', '| incident | plan / severity | objective | status | due | done | target |', '|---|---|---|---|---|---|---|'];
    for (const i of r.incidents) {
      // What picks the incident's target table besides plan and severity: service, environment, region.
      const scope = [i.services?.join(', '), i.environment, i.region].filter(Boolean).join(', ');
      for (const o of i.objectives) {
        yield `| ${cell(i.id)}${scope ? ` (${cell(scope)})` : ''} | ${cell([i.plan, i.severity, i.category].filter(Boolean).join(' / '))} | ${objectiveLabel(o)} | ${o.status} | ${o.due ?? ''} | ${o.happened ?? ''} | ${cell(o.status === 'excluded' ? (o.reason ?? '') : (o.target ?? o.reason ?? ''))} |`;
      }
    }
    yield '';
  }
  if (r.downtime.length) {
    yield* ['## Outages and maintenance', '', '| record | type | start | end | counted | why |', '|---|---|---|---|---:|---|'];
    for (const d of r.downtime) yield `| ${cell(d.id)}${d.services ? ` (${cell(d.services.join(', '))})` : ''} | ${d.type} | ${d.start} | ${d.end} | ${fmtMinutes(d.countedMinutes) || '0 min'} | ${cell(d.reason)} |`;
    yield '';
  }
  if (r.rejected.length) {
    yield* ['## Rejected records', ''];
    for (const x of issueLines(r.rejected, r.rejected.length)) yield `- ${cell(x)}`;
    yield '';
  }
  if (r.counts.warnings) {
    yield* ['## Warnings', ''];
    for (const x of issueLines(r.warnings, r.counts.warnings)) yield `- ${cell(x)}`;
    yield '';
  }
  yield `_${summaryLine(r.counts)}._`;
}

/** A period's credit as owed: `5% of the basis`, `2.00 EUR`, `3 days of service`; null while not yet known. */
function creditValue(cr: Pick<NonNullable<PeriodVerdict['credit']>, 'percent' | 'amount' | 'serviceDays' | 'basis' | 'money'>): string | null {
  if (cr.amount !== undefined) return `${cr.amount}${cr.money?.currency ? ` ${cr.money.currency}` : ''}`;
  if (cr.serviceDays !== undefined) return `${cr.serviceDays} ${cr.serviceDays === '1' ? 'day' : 'days'} of service${cr.basis ? ofBasis(cr.basis) : ''}`;
  return cr.percent === null ? null : `${cr.percent}%${cr.basis ? ofBasis(cr.basis) : ''}`;
}

/** A period's credit in money, as lines under its credit line: the charge and amount, each cap, the claim and what is payable. */
function moneyLines(m: MoneyCredit): string[] {
  const cur = m.currency;
  const lines: string[] = [];
  const invoices = m.invoices.length ? ` (invoice ${m.invoices.join(', ')}, issued ${m.issued})` : '';
  lines.push(`charge ${amountText(m.charge, cur)}${invoices}${m.amount !== null ? `; ${moneyFormula(m)}` : ''}`);
  if (m.stacking) lines.push(`${m.stacking.reason ?? m.stacking.rule}${m.stacking.clause ? ` (${m.stacking.clause})` : ''}`);
  for (const x of m.caps) {
    const months = x.months.length > 1 ? `, months ${x.months[0]} to ${x.months[x.months.length - 1]}` : '';
    lines.push(`cap ${x.rule} (${x.clause}${months}): up to ${x.limit} ${cur}; ${x.before} -> ${x.after} ${cur}${x.binds ? ', binds' : ''}`);
  }
  lines.push(`claim ${m.claim}${m.claimBy ? `, claim by ${m.claimBy}` : ''}${m.claimFrom ? ` (from the incident on ${m.claimFrom})` : ''}${m.claimed ? `, claimed ${m.claimed}` : ''}; payable ${amountText(m.payable, cur)}${m.payment ? `, paid ${m.payment}${m.payBy ? ` (by ${m.payBy})` : ''}` : ''}`);
  if (m.reason) lines.push(m.reason);
  return lines;
}

/** How the amount before the caps came about: `10% = 100.00 EUR`, `3 days of 31 = 96.77 EUR`, `a fixed 2.00 EUR`. */
function moneyFormula(m: MoneyCredit): string {
  if (m.fixed !== undefined) return `a fixed ${amountText(m.fixed, m.currency)}`;
  if (m.serviceDays) return `${m.serviceDays.days} day${m.serviceDays.days === '1' ? '' : 's'} of service of ${m.serviceDays.daysInPeriod} = ${amountText(m.amount, m.currency)}`;
  if (m.percent === null) return `${m.stacking?.rule ?? 'credits'} = ${amountText(m.amount, m.currency)}`;
  return `${m.percent}% = ${amountText(m.amount, m.currency)}`;
}

/** ` (calendar quarter, 2026-01-01 to 2026-03-31)` beside a period that is not a calendar month; nothing beside a month. */
function periodSpanText(p: PeriodVerdict): string {
  if (p.periodKind === 'calendar-month') return '';
  // The last day is the day before the end (the end is the first instant after the period).
  const last = new Date(Date.parse(p.end.slice(0, 10)) - 86_400_000).toISOString().slice(0, 10);
  return ` (${p.periodKind.replace('-', ' ')}, ${p.start.slice(0, 10)} to ${last})`;
}

/** `month`, `quarter`, `year`. */
function unitOf(p: PeriodVerdict): string {
  return p.periodKind.slice(p.periodKind.indexOf('-') + 1);
}

/** `5 incidents missed the response target (more than 4 earn the credit): GH-1, GH-2, ...; 1 more still pending`. */
function missedText(m: NonNullable<PeriodVerdict['missed']>, show: (s: string) => string): string {
  const ids = m.incidents.length ? `: ${m.incidents.map(show).join(', ')}${m.count > m.incidents.length ? `, and ${m.count - m.incidents.length} more` : ''}` : '';
  const pending = m.pending ? `; ${m.pending} more still pending` : '';
  return `${m.count} incident${m.count === 1 ? '' : 's'} missed the ${m.objective} target (more than ${m.limit} earn the credit)${ids}${pending}`;
}
