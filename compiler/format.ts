// The canonical layout of a contract: one clause per line, blocks indented by two spaces, tables
// aligned, keywords in lower case, comments and single blank lines kept. Idempotent by design:
// it prints the AST, so formatting formatted text changes nothing.

import type * as A from '../language/ast';
import { LineMap, type Span } from '../language/span';

const INDENT = '  ';

interface Unit {
  span: Span;
  lines: string[]; // already indented
  indent: string;
}

export function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

const PLAIN_VERSION = /^(?:\d+(?:\.\d+)*|\d{4}-\d{2}-\d{2}|[A-Za-z_][A-Za-z0-9_]*(?:[-.][A-Za-z0-9_]+)*)$/;

function unitWord(d: A.DurationNode): string {
  const singular = /^0*1(\.0*)?$/.test(d.amount.text);
  return singular ? d.unit : `${d.unit}s`;
}

export function formatDuration(d: A.DurationNode): string {
  if (d.anchor?.kind === 'end-of-next-day') return `end of next ${d.calendar!.name} day`;
  if (d.anchor?.kind === 'next-day-by') return `next ${d.calendar!.name} day by ${d.anchor.time.text}`;
  if (d.within) return `within ${formatDuration({ ...d, within: false })}`;
  if (d.regional) return `${d.amount.text} regional business ${unitWord(d)}`;
  if (d.onCalendar && d.calendar) return `${d.amount.text} ${unitWord(d)} on calendar ${d.calendar.name}`;
  return [d.amount.text, d.calendar?.name, unitWord(d)].filter(Boolean).join(' ');
}

function formatVia(v: A.ViaNode | null): string {
  return v && v.methods.length ? `by ${v.methods.map((m) => m.name).join(' then ')}` : '';
}

export function formatTarget(t: A.TargetValueNode): string {
  if (!t.duration) return 'none';
  return [formatDuration(t.duration), formatVia(t.via)].filter(Boolean).join(' ');
}

function pct(n: A.NumberText): string {
  return `${n.text}%`;
}

export function formatCell(c: A.CellValue): string {
  switch (c.kind) {
    case 'target':
      return formatTarget(c);
    case 'percent':
      return pct(c.value);
    case 'money':
      return `${c.amount.text} ${c.currency.name.toUpperCase()}`;
    case 'serviceDays':
      return `${c.days.text} ${/^0*1(\.0*)?$/.test(c.days.text) ? 'day' : 'days'} of service`;
    case 'bound':
      if (c.between) return `between ${c.sides.map((s) => pct(s.value)).join(' and ')}`;
      // The dash keeps its ambiguity visible (SLA3705) until the author writes the words meant.
      if (c.dash) return c.sides.map((s) => pct(s.value)).join(' - ');
      return c.sides.map((s) => `${s.op} ${pct(s.value)}`).join(' and ');
    case 'text':
      return quote(c.value);
    case 'words':
      return c.words.map((w) => w.name).join(' ');
    case 'empty':
      return '';
  }
}

function tableLines(t: A.Table, indent: string): Unit[] {
  const rows = [t.header, ...t.rows];
  const texts = rows.map((r) => r.cells.map(formatCell));
  const widths: number[] = [];
  for (const r of texts) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r, ri) => {
    const cells = texts[ri].map((c, i) => c.padEnd(widths[i]));
    const line = cells.length ? `| ${cells.join(' | ')} |` : '|';
    return { span: r.span, lines: [indent + line], indent };
  });
}

function days(h: A.HoursLine): string {
  if (h.everyDay) return 'every day';
  return h.days.map((d) => (d.to ? `${d.from.name} to ${d.to.name}` : d.from.name)).join(', ');
}

function hoursText(h: A.HoursLine): string {
  return `${days(h)} ${h.ranges.map((r) => `${r.from.text} to ${r.to.text}`).join(', ')}`;
}

function weekSpanText(l: A.WeekSpanLine): string {
  const end = (day: A.Ident, t: A.NumberText, z: A.Text | null): string => `${day.name} ${t.text}${z ? ` in ${z.value}` : ''}`;
  return `${end(l.fromDay, l.from, l.fromZone)} to ${end(l.toDay, l.to, l.toZone)}`;
}

function clockPartText(p: A.ClockPart): string {
  switch (p.kind) {
    case 'starts':
      return `starts at ${p.event.name}`;
    case 'neverPauses':
      return 'never pauses';
    case 'pausesWhile':
      return `pauses while ${p.reasons.map((r) => r.name).join(' or ')}`;
    case 'businessOnly':
      return `pauses on ${p.calendarWord.name} time only`;
    case 'reopened':
      return p.newCycle ? 'reopened starts a new cycle' : 'reopened continues the clock';
  }
}

/** The items after the head, comma-separated, wrapped at `width`; the items are dates, so the head and the first always share a line. */
function wrapList(head: string, items: string[], indent: string, width = 100): string[] {
  const lines: string[] = [];
  let cur = indent + head;
  items.forEach((it, i) => {
    const piece = it + (i < items.length - 1 ? ',' : '');
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: a line and the next date come to 12k + 2, 3, 10 or 11 characters, never the 100 to 102 where these differ
    if (cur.length + 1 + piece.length > width) {
      lines.push(cur);
      cur = `${indent}${INDENT}${piece}`;
    } else cur += ` ${piece}`;
  });
  lines.push(cur);
  return lines;
}

/** A `pinned holidays YEAR:` line of a calendar, indented and wrapped as fmt writes it (`slac holidays` too). */
export function formatPinnedHolidays(year: string, dates: string[]): string[] {
  return wrapList(`pinned holidays ${year}:`, dates, INDENT);
}

/** Pads the first words of block lines into a column, as the SLA tables read. */
function aligned(rows: { span: Span; head: string; rest: string }[], indent: string): Unit[] {
  const w = Math.max(0, ...rows.map((r) => r.head.length));
  return rows.map((r) => ({ span: r.span, lines: [`${indent}${r.rest ? `${r.head.padEnd(w)} ${r.rest}` : r.head}`], indent }));
}

/** ` for service compute part read` / ` for group databases`, or nothing. */
export function formatScope(scope: A.ScopeNode | undefined): string {
  if (!scope) return '';
  return scope.kind === 'group' ? ` for group ${scope.name.name}` : ` for service ${scope.name.name}${scope.part ? ` part ${scope.part.name}` : ''}`;
}

/** ` for environment production`, ` for service compute part read`, or nothing. */
export function formatTargetScope(scope: A.TargetScopeNode | undefined): string {
  if (!scope) return '';
  return ` for ${scope.kind} ${scope.name.name}${scope.part ? ` part ${scope.part.name}` : ''}`;
}

/** `per calendar month`, `per fiscal quarter`: the words fmt writes for a period. */
export function perText(p: A.PeriodWords): string {
  return `per ${p.fiscal ? 'fiscal' : 'calendar'} ${p.unit}`;
}

function availabilityLine(l: A.AvailabilityLine): string {
  switch (l.kind) {
    case 'target':
      return `target ${pct(l.percent)} ${perText(l.per)}${l.countedDuring ? `, counted during ${l.countedDuring.name} hours` : ''}`;
    case 'measured':
      return l.minutes ? `measured in ${l.minutes} minutes` : l.slot ? `measured in slots of ${formatDuration(l.slot)}` : 'measured as exact time';
    case 'minimumDowntime':
      return `minimum downtime period ${formatDuration(l.duration)}`;
    case 'onlyWithSetup':
      return `only with setup ${l.setup.name}`;
    case 'countedDuring':
      return `counted during ${l.calendar.name} hours`;
    case 'errorRate': {
      const window = l.window ? formatDuration(l.window) : 'a minute';
      return `downtime when more than ${pct(l.percent)} of requests fail in ${window}${l.minRequests ? `, with at least ${l.minRequests.text} requests` : ''}`;
    }
  }
}

function statementUnits(s: A.Statement): Unit[] {
  const one = (text: string, span: Span = s.span): Unit[] => [{ span, lines: [text], indent: '' }];
  const header = (text: string, span: Span): Unit => ({ span, lines: [text], indent: '' });
  switch (s.kind) {
    case 'contract':
      return one(`contract ${quote(s.name.value)}`);
    case 'termination':
      return one(`termination ${s.date.text}`);
    case 'periods':
      return one(`periods in ${s.quoted ? quote(s.zone.value) : s.zone.value}`);
    case 'fiscalYear':
      return one(`fiscal year starts ${s.month.name.toLowerCase()}${s.day ? ` ${s.day.text}` : ''}`);
    case 'report': {
      const tail = s.then.length ? `, ${s.then.map((w) => w.name.toLowerCase()).join(' ')}` : '';
      return one(`report ${s.every.name.toLowerCase()} within ${formatDuration(s.within)} after ${s.after.map((w) => w.name.toLowerCase()).join(' ')}${tail}`);
    }
    case 'currency':
      return one(`currency ${s.code.name.toUpperCase()}${s.rounding.length ? `, rounded ${s.rounding.map((w) => w.name.toLowerCase()).join(' ')}` : ''}`);
    case 'version':
      return one(`version ${PLAIN_VERSION.test(s.value.value) ? s.value.value : quote(s.value.value)}`);
    case 'effective':
      return one(`effective ${s.date ? s.date.text : 'unspecified'}`);
    case 'party':
      return one(`${s.role} ${quote(s.name.value)}`);
    case 'timeZone':
      return one(`time zone ${s.quoted ? quote(s.zone.value) : s.zone.value}`);
    case 'calendar': {
      const out: Unit[] = [header(`calendar ${s.id.name}${s.zone ? ` in ${s.zone.value}` : ''}${s.title ? ` ${quote(s.title.value)}` : ''}`, s.headerSpan)];
      for (const l of s.lines) {
        const u = (text: string): Unit => ({ span: l.span, lines: [INDENT + text], indent: INDENT });
        switch (l.kind) {
          case 'hours':
            out.push(u(hoursText(l)));
            break;
          case 'weekSpan':
            out.push(u(weekSpanText(l)));
            break;
          case 'publicHolidays':
            out.push(u(`public holidays of ${l.country.name}`));
            break;
          case 'holidaysOf':
            out.push(u(`holidays of ${l.country.name}: ${l.types.map((t) => t.name.toLowerCase()).join(', ')}`));
            break;
          case 'addHoliday':
            out.push(u(`holiday ${l.date.text}${l.reason ? ` ${quote(l.reason.value)}` : ''}`));
            break;
          case 'removeHoliday':
            out.push(u(`not a holiday ${l.date.text}${l.reason ? ` ${quote(l.reason.value)}` : ''}`));
            break;
          case 'pinnedHolidays':
            out.push({ span: l.span, lines: formatPinnedHolidays(l.year.text, l.dates.map((d) => d.text)), indent: INDENT });
            break;
        }
      }
      return out;
    }
    case 'severities':
      return [
        header('severities', s.headerSpan),
        ...aligned(
          s.items.map((it) => ({
            span: it.span,
            head: it.id.name,
            rest: [
              it.title ? quote(it.title.value) : '',
              it.aliases.length ? `${it.aliases.length > 1 ? 'aliases' : 'alias'} ${it.aliases.map((a) => a.name).join(', ')}` : '',
              it.description ? quote(it.description.value) : '',
            ]
              .filter(Boolean)
              .join(' '),
          })),
          INDENT,
        ),
      ];
    case 'plans': {
      // A list with both separators is a syntax error (SLA1009): the first says which it is.
      const ordered = s.separators[0] === '<';
      return one(`plans ${s.names.map((n) => n.name).join(ordered ? ' < ' : ', ')}`);
    }
    case 'categories': {
      const out: Unit[] = [header('categories', s.headerSpan)];
      for (const it of s.items) {
        if (it.kind === 'table') out.push(...tableLines(it, INDENT));
        else out.push({ span: it.span, lines: [`${INDENT}${it.id.name}${it.description ? ` ${quote(it.description.value)}` : ''}`], indent: INDENT });
      }
      return out;
    }
    case 'objective':
      if (s.value) return one(`${s.objective} ${formatTarget(s.value)}${s.forEveryIncident ? ' for every incident' : ''}`);
      return [header(`${s.objective} targets${formatTargetScope(s.scope)}`, s.headerSpan), ...(s.table ? tableLines(s.table, INDENT) : [])];
    case 'causes':
      return [
        header('causes', s.headerSpan),
        ...aligned(
          s.items.map((it) => ({
            span: it.span,
            head: `${it.counted ? 'counted' : 'excluded'}`,
            rest: it.id.name,
            desc: it.description,
          })).map((r, _i, all) => {
            const w = Math.max(...all.map((x) => x.rest.length));
            return { span: r.span, head: r.head, rest: r.desc ? `${r.rest.padEnd(w)} ${quote(r.desc.value)}` : r.rest };
          }),
          INDENT,
        ),
      ];
    case 'channels':
      return [
        header('reporting channels', s.headerSpan),
        ...s.items.map((it) => ({
          span: it.span,
          indent: INDENT,
          lines: [INDENT + (it.kind === 'official' ? `official ${it.id.name}${it.description ? ` ${quote(it.description.value)}` : ''}` : `other channels ${it.excluded ? 'excluded' : 'counted'}`)],
        })),
      ];
    case 'maintenance': {
      const out: Unit[] = [header(`maintenance${formatScope(s.scope)}`, s.headerSpan)];
      let inWindows = false;
      for (const l of s.items) {
        const ind = l.kind === 'hours' && inWindows ? INDENT + INDENT : INDENT;
        let text: string;
        switch (l.kind) {
          case 'windows':
            inWindows = !l.anyTime;
            text = l.anyTime ? 'windows any time' : 'windows';
            break;
          case 'hours':
            text = hoursText(l);
            break;
          case 'notice':
            inWindows = false;
            text = `notice at least ${formatDuration(l.duration)} before the start${l.via ? `, ${formatVia(l.via)}` : ''}`;
            break;
          case 'acknowledgement':
            inWindows = false;
            text = `acknowledgement ${l.required ? 'required' : 'not required'}`;
            break;
          case 'downtime':
            inWindows = false;
            text = `${l.counted ? '' : 'not '}counted as downtime`;
            break;
          case 'kinds':
            inWindows = false;
            text = `kinds ${l.names.map((n) => n.name).join(', ')}`;
            break;
          case 'kindNotice':
            inWindows = false;
            text = `notice for ${l.forKind.name} ${l.duration ? `at least ${formatDuration(l.duration)} before the start${l.via ? `, ${formatVia(l.via)}` : ''}` : 'as much as possible'}`;
            break;
          case 'allowance':
            inWindows = false;
            text = `allowance ${formatDuration(l.duration)} per calendar month`;
            break;
          case 'windowLimit':
            inWindows = false;
            text = `at most ${l.count.text} windows per calendar month`;
            break;
        }
        out.push({ span: l.span, lines: [ind + text], indent: ind });
      }
      return out;
    }
    case 'availability':
      return [
        header(`availability${formatScope(s.scope)}`, s.headerSpan),
        ...s.items.map((l) => ({
          span: l.span,
          indent: INDENT,
          lines: [INDENT + availabilityLine(l)],
        })),
      ];
    case 'reliability':
      return one(`reliability at most ${s.max.text} counted incidents ${perText(s.per)}`);
    case 'credits': {
      const out: Unit[] = [header(`credits${formatScope(s.scope)}`, s.headerSpan)];
      for (const l of s.items) {
        const u = (text: string): Unit => ({ span: l.span, lines: [INDENT + text], indent: INDENT });
        switch (l.kind) {
          case 'basis':
            out.push(u(`basis ${l.text ? quote(l.text.value) : l.words!.map((w) => w.name.toLowerCase()).join(' ')}`));
            break;
          case 'table':
            out.push(...tableLines(l, INDENT));
            break;
          case 'linear': {
            const each = l.rounding === 'started' ? 'started ' : l.rounding === 'full' ? 'full ' : '';
            out.push(u(`${pct(l.percent)} for each ${each}${pct(l.step)} below target${l.rounding === 'pro-rata' ? ', pro rata' : ''}`));
            break;
          }
          case 'missedTargets': {
            const of = l.severityWord ? ` of ${l.severityWord.name.toLowerCase()} ${l.severities.map((x) => x.name).join(', ')}` : '';
            out.push(u(`${pct(l.percent)} when more than ${l.more.text} incidents${of} miss their ${l.objective} target ${perText(l.per)}`));
            break;
          }
          case 'cap': {
            const value = l.percent ? pct(l.percent) : `${l.money!.amount.text} ${l.money!.currency.name.toUpperCase()}`;
            out.push(u(`at most ${value}${l.per ? ` per ${l.per.map((w) => w.name.toLowerCase()).join(' ')}` : ''}`));
            break;
          }
          case 'payment':
            out.push(u(l.within ? `paid within ${formatDuration(l.within)}` : `paid ${l.words.map((w) => w.name.toLowerCase()).join(' ')}`));
            break;
          case 'withheld':
            out.push(u(`withheld ${l.words.map((w) => w.name.toLowerCase()).join(' ')}`));
            break;
          case 'expire':
            out.push(u('expire at termination'));
            break;
          case 'stacking':
            out.push(u(l.noStacking ? 'no stacking' : 'several credits add up'));
            break;
          case 'claim':
            out.push(u(`claim within ${formatDuration(l.duration)} after ${l.after.map((w) => w.name).join(' ')}`));
            break;
        }
      }
      return out;
    }
    case 'regions':
      return [
        header('regions', s.headerSpan),
        ...aligned(
          s.items.map((it) => ({
            span: it.span,
            head: it.id.name,
            rest: [it.title ? quote(it.title.value) : '', it.calendar ? `calendar ${it.calendar.name}` : '', it.zones?.length ? `zones ${it.zones.map((z) => z.value).join(', ')}` : '']
              .filter(Boolean)
              .join(' '),
          })),
          INDENT,
        ),
      ];
    case 'environments':
      return [
        header('environments', s.headerSpan),
        ...aligned(
          s.items.map((it) => ({ span: it.span, head: it.id.name, rest: it.title ? quote(it.title.value) : '' })),
          INDENT,
        ),
      ];
    case 'pauseReasons':
      return [
        header('pause reasons', s.headerSpan),
        ...aligned(
          s.items.map((it) => ({ span: it.span, head: it.id.name, rest: it.description ? quote(it.description.value) : '' })),
          INDENT,
        ),
      ];
    case 'clocks':
      return [
        header('clocks', s.headerSpan),
        ...aligned(
          s.items.map((it) => ({ span: it.span, head: it.objective, rest: it.parts.map(clockPartText).join(', ') })),
          INDENT,
        ),
      ];
    case 'update':
      return one(
        `update every ${formatDuration(s.every)} until ${s.until.name}${s.scope ? ` for ${s.scope.dimension.name} ${s.scope.names.map((n) => n.name).join(', ')}` : ''}`,
      );
    case 'services': {
      // Services in a column, their titles in the next, `group` after; parts indented under their service.
      const services = s.items.filter((it) => it.kind === 'service');
      const idW = Math.max(0, ...services.map((it) => it.id.name.length));
      const titleW = Math.max(0, ...services.map((it) => (it.title ? quote(it.title.value).length : 0)));
      const parts = s.items.filter((it) => it.kind === 'part');
      const partW = Math.max(0, ...parts.map((it) => it.id.name.length));
      const out: Unit[] = [header('services', s.headerSpan)];
      for (const it of s.items) {
        if (it.kind === 'part') {
          const ind = INDENT + INDENT;
          out.push({ span: it.span, indent: ind, lines: [`${ind}part ${it.title ? `${it.id.name.padEnd(partW)} ${quote(it.title.value)}` : it.id.name}`] });
          continue;
        }
        const title = it.title ? quote(it.title.value) : '';
        const cols = [it.id.name.padEnd(idW), it.group ? title.padEnd(titleW) : title, it.group ? `group ${it.group.name}` : ''];
        out.push({ span: it.span, indent: INDENT, lines: [`${INDENT}${cols.join(' ')}`.replace(/\s+$/, '')] });
      }
      return out;
    }
    case 'setups':
      return [
        header('setups', s.headerSpan),
        ...aligned(s.items.map((it) => ({ span: it.span, head: it.id.name, rest: it.title ? quote(it.title.value) : '' })), INDENT),
      ];
    case 'note': {
      const head = `${s.clause ? 'clause' : 'note'} ${quote(s.title.value)}`;
      if (!s.triple) return one(`${head} ${quote(s.text.value)}`);
      const body = s.text.value.split('\n').map((l) => (l === '' ? '' : INDENT + l));
      return [{ span: s.span, lines: [`${head} """`, ...body, `${INDENT}"""`], indent: '' }];
    }
  }
}

/** Formats a contract that parsed without syntax errors. */
export function format(ast: A.ContractFile, text: string): string {
  const lines = new LineMap(text);
  const units = ast.statements.flatMap(statementUnits);
  const comments = ast.comments; // in text order, as the lexer found them
  const out: string[] = [];
  let ci = 0;
  let prevEndLine = 0;
  const lineOf = (o: number): number => lines.position(o).line;
  const blankBefore = (startLine: number): void => {
    if (out.length > 0 && startLine > prevEndLine + 1) out.push('');
  };
  for (const u of units) {
    const startLine = lineOf(u.span.start);
    const endLine = lineOf(Math.max(u.span.start, u.span.end - 1));
    // Comments before this unit (or inside it, except a trailing one on its last line) go above it.
    while (ci < comments.length) {
      const c = comments[ci];
      // One after the unit, on its last line or later, is not above it (a trailing one is added below).
      if (c.span.start >= u.span.end) break;
      const cl = lineOf(c.span.start);
      blankBefore(cl);
      out.push(u.indent + c.text.trimEnd());
      prevEndLine = cl;
      ci++;
    }
    blankBefore(startLine);
    const body = [...u.lines];
    if (ci < comments.length) {
      const c = comments[ci];
      // The loop above stopped at the first comment at or after the unit's end.
      if (lineOf(c.span.start) === endLine) {
        body[body.length - 1] = `${body[body.length - 1]}  ${c.text.trimEnd()}`;
        ci++;
      }
    }
    out.push(...body);
    prevEndLine = endLine;
  }
  while (ci < comments.length) {
    const c = comments[ci++];
    const cl = lineOf(c.span.start);
    blankBefore(cl);
    out.push(c.text.trimEnd());
    prevEndLine = cl;
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
