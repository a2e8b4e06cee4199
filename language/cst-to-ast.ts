// Builds the AST from Chevrotain's CST. Accepts partial trees (after error recovery): a clause
// with missing parts is dropped or kept with what it has, never throws.

import type { CstElement, CstNode, IToken } from 'chevrotain';
import type * as A from './ast';
import { DIAGNOSTICS, type Diagnostic, diagnostic } from './diagnostics';
import type { Span } from './span';

type Children = Record<string, CstElement[] | undefined>;

function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

function tokenSpan(t: IToken): Span {
  const start = Number.isFinite(t.startOffset) ? t.startOffset : 0;
  const end = Number.isFinite(t.endOffset) ? (t.endOffset as number) + 1 : start;
  return { start, end: Math.max(start, end) };
}

function realToken(t: IToken | undefined): t is IToken {
  return !!t && !t.isInsertedInRecovery && Number.isFinite(t.startOffset);
}

/** Spans of the nodes already measured: a row's cells are measured again for the row itself. */
const spans = new WeakMap<CstNode, Span | null>();

/** The span of all real tokens under a node, newlines excluded; null when it has none. */
function realSpan(node: CstNode): Span | null {
  const known = spans.get(node);
  if (known !== undefined) return known;
  let start = Infinity;
  let end = -Infinity;
  for (const key in node.children) {
    for (const e of node.children[key] ?? []) {
      let s: Span | null;
      if (isToken(e)) s = realToken(e) && e.tokenType.name !== 'Newline' ? tokenSpan(e) : null;
      else s = realSpan(e);
      if (s === null) continue;
      if (s.start < start) start = s.start;
      if (s.end > end) end = s.end;
    }
  }
  const span = start === Infinity ? null : { start, end };
  spans.set(node, span);
  return span;
}

/** The span of all real tokens under a node, newlines excluded. */
function nodeSpan(n: CstNode): Span {
  const s = realSpan(n);
  return s === null ? { start: 0, end: 0 } : { start: s.start, end: s.end };
}

/** Where a node starts: the parser's own location when it has one, else its tokens' span. */
function startOf(n: CstNode): number {
  const o = n.location?.startOffset;
  return o !== undefined && Number.isFinite(o) ? o : nodeSpan(n).start;
}

function tok(c: Children, name: string, i = 0): IToken | undefined {
  const t = c[name]?.[i];
  return t && isToken(t) && realToken(t) ? t : undefined;
}

function toks(c: Children, name: string): IToken[] {
  return (c[name] ?? []).filter((e): e is IToken => isToken(e) && realToken(e));
}

function sub(c: Children, name: string, i = 0): CstNode | undefined {
  const n = c[name]?.[i];
  return n && !isToken(n) ? n : undefined;
}

function subs(c: Children, name: string): CstNode[] {
  return (c[name] ?? []).filter((e): e is CstNode => !isToken(e));
}

export function unquote(image: string): string {
  const inner = image.startsWith('"') ? image.slice(1, image.endsWith('"') && image.length > 1 ? -1 : undefined) : image;
  return inner.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

/** The text of a """triple-quoted""" block with its common indentation removed. */
export function untriple(image: string): string {
  let body = image.slice(3, image.endsWith('"""') && image.length >= 6 ? -3 : undefined);
  body = body.replace(/\r\n?/g, '\n');
  const lines = body.split('\n');
  if (lines.length > 0 && lines[0].trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common).replace(/[ \t]+$/, '')).join('\n');
}

const CLAUSE_KEYWORDS = [
  'contract', 'version', 'effective', 'provider', 'customer', 'time', 'calendar', 'severities', 'plans', 'categories', 'response',
  'restoration', 'resolution', 'causes', 'reporting', 'maintenance', 'availability', 'reliability', 'credits', 'note', 'clause',
];

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** The clause keyword a misspelt word was probably meant to be. */
function closestKeyword(word: string): string | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  let best: string | null = null;
  let bestD = 3;
  for (const k of CLAUSE_KEYWORDS) {
    const dist = editDistance(w, k);
    if (dist < bestD) [best, bestD] = [k, dist];
  }
  return best;
}

export class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly source: string) {}

  private num(t: IToken): A.NumberText {
    return { text: t.image, span: tokenSpan(t) };
  }

  private ident(t: IToken): A.Ident {
    return { name: t.image, span: tokenSpan(t) };
  }

  private text(t: IToken): A.Text {
    return { value: unquote(t.image), span: tokenSpan(t) };
  }

  private percent(t: IToken): A.NumberText {
    const text = t.image.replace(/[ \t]*%$/, '');
    return { text, span: tokenSpan(t) };
  }

  private checkDate(t: IToken): A.NumberText {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t.image);
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
      if (mo < 1 || mo > 12 || d < 1 || d > days[mo - 1]) {
        this.diagnostics.push(diagnostic(DIAGNOSTICS.invalidDate, tokenSpan(t), `${t.image} is not a date that exists`));
      }
    }
    return this.num(t);
  }

  private checkTime(t: IToken): A.NumberText {
    const [h, m] = t.image.split(':').map(Number);
    if (h > 24 || m > 59 || (h === 24 && m !== 0)) {
      this.diagnostics.push(diagnostic(DIAGNOSTICS.invalidTime, tokenSpan(t), `${t.image} is not a time of day (00:00 to 24:00)`));
    }
    const text = t.image.length === 4 ? `0${t.image}` : t.image;
    return { text, span: tokenSpan(t) };
  }

  private checkNumber(t: IToken, what: string): A.NumberText {
    if (!/^\d+(\.\d+)?$/.test(t.image)) {
      this.diagnostics.push(diagnostic(DIAGNOSTICS.invalidNumber, tokenSpan(t), `${t.image} is not a valid ${what}`));
    }
    return this.num(t);
  }

  file(cst: CstNode, comments: IToken[], textLength: number): A.ContractFile {
    const statements: A.Statement[] = [];
    let afterUnknown = false;
    for (const st of this.linesInOrder(cst.children, ['statement', 'unknownLine'])) {
      const inner = st.name === 'unknownLine' ? st : Object.values(st.children)[0]?.[0];
      if (!inner || isToken(inner)) continue;
      if (st.name === 'unknownLine') {
        // Indented lines after an unreadable clause belong to it: one error for the whole clause.
        const first = nodeSpan(st).start;
        const indented = first > 0 && /[ \t]/.test(this.source.charAt(first - 1));
        if (afterUnknown && indented) continue;
        afterUnknown = true;
      } else afterUnknown = false;
      const s = this.statement(inner);
      if (s) statements.push(s);
    }
    return {
      statements,
      comments: comments.map((c) => ({ text: c.image, span: tokenSpan(c) })),
      span: { start: 0, end: textLength },
    };
  }

  private statement(n: CstNode): A.Statement | null {
    const c = n.children;
    const span = nodeSpan(n);
    switch (n.name) {
      case 'contractStmt': {
        const s = tok(c, 'StringLit');
        return s ? { kind: 'contract', name: this.text(s), span } : null;
      }
      case 'versionStmt': {
        const t = tok(c, 'NumberLit') ?? tok(c, 'HeaderWord') ?? tok(c, 'StringLit') ?? tok(c, 'DateLit');
        if (!t) return null;
        return { kind: 'version', value: t.tokenType.name === 'StringLit' ? this.text(t) : { value: t.image, span: tokenSpan(t) }, span };
      }
      case 'effectiveStmt': {
        const d = tok(c, 'DateLit');
        if (d) return { kind: 'effective', date: this.checkDate(d), span };
        return tok(c, 'Unspecified') ? { kind: 'effective', date: null, span } : null;
      }
      case 'partyStmt': {
        const s = tok(c, 'StringLit');
        if (!s) return null;
        return { kind: 'party', role: tok(c, 'Provider') ? 'provider' : 'customer', name: this.text(s), span };
      }
      case 'timeZoneStmt': {
        const s = tok(c, 'StringLit');
        if (s) return { kind: 'timeZone', zone: this.text(s), quoted: true, span };
        const names = toks(c, 'Name');
        if (names.length === 0) return null;
        const zs: Span = { start: tokenSpan(names[0]).start, end: tokenSpan(names[names.length - 1]).end };
        return { kind: 'timeZone', zone: { value: names.map((t) => t.image).join('/'), span: zs }, quoted: false, span };
      }
      case 'calendarBlock':
        return this.calendar(n, span);
      case 'severitiesBlock': {
        const items: A.SeverityLine[] = [];
        for (const l of subs(c, 'severityLine')) {
          const lc = l.children;
          const id = tok(lc, 'Name');
          if (!id) continue;
          const strings = toks(lc, 'StringLit');
          const aliasNode = sub(lc, 'aliasPart');
          const aliases = aliasNode
            ? subs(aliasNode.children, 'aliasValue')
                .map((v) => tok(v.children, 'NumberLit') ?? tok(v.children, 'HeaderWord'))
                .filter((t): t is IToken => !!t)
                .map((t) => this.ident(t))
            : [];
          // Title comes before the alias part, description after it.
          let title: A.Text | null = null;
          let description: A.Text | null = null;
          for (const s of strings) {
            const before = !aliasNode || tokenSpan(s).start < nodeSpan(aliasNode).start;
            if (before && title === null) title = this.text(s);
            else description = this.text(s);
          }
          items.push({ kind: 'severity', id: this.ident(id), title, aliases, description, span: nodeSpan(l) });
        }
        return { kind: 'severities', items, headerSpan: tokenSpan(tok(c, 'Severities')!), span };
      }
      case 'plansStmt': {
        const names = toks(c, 'HeaderWord').map((t) => this.ident(t));
        const seps = [...toks(c, 'Comma'), ...toks(c, 'Less')]
          .sort((a, b) => a.startOffset - b.startOffset)
          .map((t) => (t.image === '<' ? '<' : ',') as ',' | '<');
        if (names.length === 0) return null;
        if (seps.includes(',') && seps.includes('<')) {
          this.diagnostics.push(
            diagnostic(DIAGNOSTICS.mixedPlanSeparators, span, 'plans are listed with both "," and "<"', {
              hint: 'write `plans a < b < c` (lowest first) or `plans a, b, c` (no order)',
            }),
          );
        }
        return { kind: 'plans', names, separators: seps, span };
      }
      case 'categoriesBlock': {
        const items: (A.Table | { kind: 'category'; id: A.Ident; description: A.Text | null; span: Span })[] = [];
        for (const e of this.linesInOrder(c, ['tableRow', 'categoryLine'])) {
          if (e.name === 'categoryLine') {
            const id = tok(e.children, 'Name');
            const d = tok(e.children, 'StringLit');
            if (id) items.push({ kind: 'category', id: this.ident(id), description: d ? this.text(d) : null, span: nodeSpan(e) });
          } else this.addRow(items, e);
        }
        return { kind: 'categories', items, headerSpan: tokenSpan(tok(c, 'Categories')!), span };
      }
      case 'objectiveBlock': {
        const kw = tok(c, 'Response') ?? tok(c, 'Restoration') ?? tok(c, 'Resolution');
        if (!kw) return null;
        const objective = kw.tokenType.name.toLowerCase() as 'response' | 'restoration' | 'resolution';
        const tv = sub(c, 'targetValue');
        const items: A.Table[] = [];
        for (const r of subs(c, 'tableRow')) this.addRow(items, r);
        const headerEnd = tok(c, 'Targets') ?? kw;
        if (items.length > 1) {
          // Two tables in one block: keep them as one (the lowering reports the shape).
          const [first, ...rest] = items;
          for (const t of rest) first.rows.push(t.header, ...t.rows);
          first.span = { start: first.span.start, end: rest[rest.length - 1].span.end };
        }
        return {
          kind: 'objective',
          objective,
          table: items[0] ?? null,
          value: tv ? this.targetValue(tv) : null,
          forEveryIncident: !!tok(c, 'Incident'),
          headerSpan: { start: tokenSpan(kw).start, end: tokenSpan(headerEnd).end },
          span,
        };
      }
      case 'causesBlock': {
        const items = subs(c, 'causeLine').flatMap((l) => {
          const id = tok(l.children, 'HeaderWord');
          if (!id) return [];
          const d = tok(l.children, 'StringLit');
          return [{ kind: 'cause' as const, counted: !!tok(l.children, 'Counted'), id: this.ident(id), description: d ? this.text(d) : null, span: nodeSpan(l) }];
        });
        return { kind: 'causes', items, headerSpan: tokenSpan(tok(c, 'Causes')!), span };
      }
      case 'channelsBlock': {
        const items: ({ kind: 'official'; id: A.Ident; description: A.Text | null; span: Span } | { kind: 'others'; excluded: boolean; span: Span })[] = [];
        for (const l of this.linesInOrder(c, ['officialChannelLine', 'otherChannelsLine'])) {
          if (l.name === 'officialChannelLine') {
            const id = tok(l.children, 'HeaderWord');
            const d = tok(l.children, 'StringLit');
            if (id) items.push({ kind: 'official', id: this.ident(id), description: d ? this.text(d) : null, span: nodeSpan(l) });
          } else if (tok(l.children, 'Excluded') || tok(l.children, 'Counted')) {
            items.push({ kind: 'others', excluded: !!tok(l.children, 'Excluded'), span: nodeSpan(l) });
          }
        }
        const h = tok(c, 'Reporting')!;
        const h2 = tok(c, 'Channels') ?? h;
        return { kind: 'channels', items, headerSpan: { start: tokenSpan(h).start, end: tokenSpan(h2).end }, span };
      }
      case 'maintenanceBlock': {
        const items: A.MaintenanceLine[] = [];
        for (const l of this.linesInOrder(c, ['windowsLine', 'hoursLine', 'noticeLine', 'acknowledgementLine', 'downtimeLine'])) {
          const lc = l.children;
          const ls = nodeSpan(l);
          if (l.name === 'windowsLine') items.push({ kind: 'windows', anyTime: !!tok(lc, 'Any'), span: ls });
          else if (l.name === 'hoursLine') {
            const h = this.hours(l);
            if (h) items.push(h);
          } else if (l.name === 'noticeLine') {
            const d = sub(lc, 'duration');
            const dur = d ? this.duration(d) : null;
            const v = sub(lc, 'via');
            if (dur) items.push({ kind: 'notice', duration: dur, via: v ? this.via(v) : null, span: ls });
          } else if (l.name === 'acknowledgementLine') {
            if (tok(lc, 'Required')) items.push({ kind: 'acknowledgement', required: !tok(lc, 'Not'), span: ls });
          } else if (tok(lc, 'Downtime')) items.push({ kind: 'downtime', counted: !tok(lc, 'Not'), span: ls });
        }
        return { kind: 'maintenance', items, headerSpan: tokenSpan(tok(c, 'Maintenance')!), span };
      }
      case 'availabilityBlock': {
        const items: A.AvailabilityLine[] = [];
        for (const l of this.linesInOrder(c, ['availabilityTargetLine', 'measuredLine'])) {
          const lc = l.children;
          if (l.name === 'availabilityTargetLine') {
            const p = tok(lc, 'PercentLit');
            if (p) items.push({ kind: 'target', percent: this.percent(p), span: nodeSpan(l) });
          } else {
            const d = sub(lc, 'duration');
            if (tok(lc, 'Exact')) items.push({ kind: 'measured', slot: null, span: nodeSpan(l) });
            else if (d) {
              const dur = this.duration(d);
              if (dur) items.push({ kind: 'measured', slot: dur, span: nodeSpan(l) });
            }
          }
        }
        return { kind: 'availability', items, headerSpan: tokenSpan(tok(c, 'Availability')!), span };
      }
      case 'reliabilityStmt': {
        const n2 = tok(c, 'NumberLit');
        return n2 ? { kind: 'reliability', max: this.checkNumber(n2, 'count'), span } : null;
      }
      case 'creditsBlock':
        return this.credits(n, span);
      case 'unknownLine': {
        const first = (Object.values(c).flat().filter((e): e is IToken => !!e && isToken(e) && realToken(e)) as IToken[]).sort(
          (a, b) => a.startOffset - b.startOffset,
        )[0];
        if (!first) return null;
        const guess = closestKeyword(first.image);
        this.diagnostics.push(
          diagnostic(DIAGNOSTICS.unexpectedToken, tokenSpan(first), `unexpected '${first.image.slice(0, 30)}' at the start of a line`, {
            hint: guess
              ? `did you mean '${guess}'?`
              : 'a clause starts with a keyword such as contract, calendar, severities, plans, response, maintenance, availability or credits',
          }),
        );
        return null;
      }
      case 'noteBlock': {
        const strings = toks(c, 'StringLit');
        const triple = tok(c, 'TripleString');
        if (strings.length === 0) return null;
        const title = this.text(strings[0]);
        let text: A.Text;
        if (triple) text = { value: untriple(triple.image), span: tokenSpan(triple) };
        else if (strings[1]) text = this.text(strings[1]);
        else return null;
        return { kind: 'note', clause: !!tok(c, 'Clause'), title, text, triple: !!triple, span };
      }
      default:
        return null;
    }
  }

  /** Children of the given rule names, in source order. */
  private linesInOrder(c: Children, names: string[]): CstNode[] {
    const nodes = names.flatMap((nm) => subs(c, nm));
    if (nodes.length < 2) return nodes;
    // Decorate once: a node's span walks its whole subtree.
    const starts = new Map(nodes.map((x) => [x, startOf(x)]));
    return nodes.sort((a, b) => starts.get(a)! - starts.get(b)!);
  }

  private calendar(n: CstNode, span: Span): A.Statement | null {
    const c = n.children;
    const id = tok(c, 'HeaderWord');
    if (!id) return null;
    const title = tok(c, 'StringLit');
    const lines: A.CalendarLine[] = [];
    for (const wrap of subs(c, 'calendarLine')) {
      const l = Object.values(wrap.children)[0]?.[0];
      if (!l || isToken(l)) continue;
      const lc = l.children;
      const ls = nodeSpan(l);
      switch (l.name) {
        case 'hoursLine': {
          const h = this.hours(l);
          if (h) lines.push(h);
          break;
        }
        case 'publicHolidaysLine': {
          const country = tok(lc, 'HeaderWord');
          if (country) lines.push({ kind: 'publicHolidays', country: this.ident(country), span: ls });
          break;
        }
        case 'addHolidayLine':
        case 'removeHolidayLine': {
          const d = tok(lc, 'DateLit');
          const r = tok(lc, 'StringLit');
          if (d)
            lines.push({ kind: l.name === 'addHolidayLine' ? 'addHoliday' : 'removeHoliday', date: this.checkDate(d), reason: r ? this.text(r) : null, span: ls });
          break;
        }
        case 'pinnedHolidaysLine': {
          const y = tok(lc, 'NumberLit');
          if (y) lines.push({ kind: 'pinnedHolidays', year: this.checkNumber(y, 'year'), dates: toks(lc, 'DateLit').map((d) => this.checkDate(d)), span: ls });
          break;
        }
      }
    }
    const headerEnd = title ?? id;
    return {
      kind: 'calendar',
      id: this.ident(id),
      title: title ? this.text(title) : null,
      lines,
      headerSpan: { start: tokenSpan(tok(c, 'Calendar')!).start, end: tokenSpan(headerEnd).end },
      span,
    };
  }

  private hours(l: CstNode): A.HoursLine | null {
    const lc = l.children;
    const ds = sub(lc, 'daySpec');
    if (!ds) return null;
    const everyDay = !!tok(ds.children, 'Every');
    const days: A.DayRange[] = subs(ds.children, 'dayRange').flatMap((r) => {
      const names = toks(r.children, 'DayName');
      if (names.length === 0) return [];
      return [{ from: this.dayIdent(names[0]), to: names[1] ? this.dayIdent(names[1]) : null, span: nodeSpan(r) }];
    });
    const ranges: A.TimeRangeNode[] = subs(lc, 'timeRange').flatMap((r) => {
      const times = toks(r.children, 'TimeLit');
      if (times.length < 2) return [];
      return [{ from: this.checkTime(times[0]), to: this.checkTime(times[1]), span: nodeSpan(r) }];
    });
    if (ranges.length === 0 || (!everyDay && days.length === 0)) return null;
    return { kind: 'hours', everyDay, days, ranges, span: nodeSpan(l) };
  }

  private dayIdent(t: IToken): A.Ident {
    return { name: t.tokenType.name.toLowerCase(), span: tokenSpan(t) };
  }

  private credits(n: CstNode, span: Span): A.Statement {
    const c = n.children;
    const items: A.CreditLine[] = [];
    for (const l of this.linesInOrder(c, ['basisLine', 'tableRow', 'linearCreditLine', 'capLine', 'claimLine'])) {
      const lc = l.children;
      const ls = nodeSpan(l);
      switch (l.name) {
        case 'basisLine': {
          const s = tok(lc, 'StringLit');
          if (s) items.push({ kind: 'basis', text: this.text(s), span: ls });
          break;
        }
        case 'tableRow':
          this.addRow(items, l);
          break;
        case 'linearCreditLine': {
          const ps = toks(lc, 'PercentLit');
          if (ps.length < 2) break;
          const rounding = tok(lc, 'Started') ? 'started' : tok(lc, 'Full') ? 'full' : tok(lc, 'Rata') ? 'pro-rata' : null;
          if ((tok(lc, 'Started') || tok(lc, 'Full')) && tok(lc, 'Rata')) {
            this.diagnostics.push(
              diagnostic(DIAGNOSTICS.contradiction, ls, 'this credit formula rounds two ways: a step is counted when started (or full), or pro rata, not both', {
                hint: '5% for each started 1% below target   or   5% for each 1% below target, pro rata',
              }),
            );
          }
          items.push({ kind: 'linear', percent: this.percent(ps[0]), step: this.percent(ps[1]), rounding, span: ls });
          break;
        }
        case 'capLine': {
          const p = tok(lc, 'PercentLit');
          if (p) items.push({ kind: 'cap', percent: this.percent(p), span: ls });
          break;
        }
        case 'claimLine': {
          const d = sub(lc, 'duration');
          const dur = d ? this.duration(d) : null;
          if (dur) items.push({ kind: 'claim', duration: dur, after: toks(lc, 'HeaderWord').map((t) => this.ident(t)), span: ls });
          break;
        }
      }
    }
    return { kind: 'credits', items, headerSpan: tokenSpan(tok(c, 'Credits')!), span };
  }

  /** Appends a row to the table that ends `items`, or starts a new table. */
  private addRow(items: { kind: string }[], rowNode: CstNode): void {
    const row = this.row(rowNode);
    const target = items[items.length - 1]?.kind === 'table' ? (items[items.length - 1] as A.Table) : undefined;
    if (target) {
      target.rows.push(row);
      target.span = { start: target.span.start, end: row.span.end };
    } else {
      const table: A.Table = { kind: 'table', header: row, rows: [], span: row.span };
      items.push(table);
    }
  }

  private row(n: CstNode): A.TableRow {
    const c = n.children;
    const pipes = toks(c, 'Pipe');
    const values = subs(c, 'cellValue');
    const cells: A.CellValue[] = [];
    // A cell lies between two pipes; find the value (if any) inside each gap.
    for (let i = 0; i + 1 < pipes.length; i++) {
      const from = tokenSpan(pipes[i]).end;
      const to = tokenSpan(pipes[i + 1]).start;
      const v = values.find((x) => {
        const s = nodeSpan(x);
        return s.start >= from && s.end <= to;
      });
      cells.push(v ? this.cell(v) : { kind: 'empty', span: { start: from, end: to } });
    }
    return { cells, span: nodeSpan(n) };
  }

  private cell(n: CstNode): A.CellValue {
    const c = n.children;
    const span = nodeSpan(n);
    const tv = sub(c, 'targetValue');
    if (tv) return this.targetValue(tv);
    const p = tok(c, 'PercentLit');
    if (p) return { kind: 'percent', value: this.percent(p), span };
    const b = sub(c, 'bound');
    if (b) return this.bound(b);
    const s = tok(c, 'StringLit');
    if (s) return { kind: 'text', value: unquote(s.image), span };
    const words = toks(c, 'HeaderWord');
    if (words.length) return { kind: 'words', words: words.map((w) => this.ident(w)), span };
    return { kind: 'empty', span };
  }

  private bound(n: CstNode): A.BoundNode {
    const c = n.children;
    const span = nodeSpan(n);
    if (tok(c, 'Between')) {
      const ps = toks(c, 'PercentLit');
      return {
        kind: 'bound',
        between: true,
        sides: ps.map((p, i) => ({ op: i === 0 ? ('at least' as const) : ('at most' as const), value: this.percent(p) })),
        span,
      };
    }
    const sides: A.BoundSide[] = subs(c, 'boundSide').flatMap((s) => {
      const sc = s.children;
      const p = tok(sc, 'PercentLit');
      if (!p) return [];
      const op = tok(sc, 'Above') ? 'above' : tok(sc, 'Below') ? 'below' : tok(sc, 'Least') ? 'at least' : 'at most';
      return [{ op, value: this.percent(p) } as A.BoundSide];
    });
    return { kind: 'bound', between: false, sides, span };
  }

  private targetValue(n: CstNode): A.TargetValueNode {
    const c = n.children;
    const d = sub(c, 'duration');
    const v = sub(c, 'via');
    return { kind: 'target', duration: d ? this.duration(d) : null, via: v ? this.via(v) : null, span: nodeSpan(n) };
  }

  private duration(n: CstNode): A.DurationNode | null {
    const c = n.children;
    const amount = tok(c, 'NumberLit');
    const unitTok = tok(c, 'Minutes') ?? tok(c, 'Hours') ?? tok(c, 'Days');
    if (!amount || !unitTok) return null;
    const cal = tok(c, 'HeaderWord');
    const unit = unitTok.tokenType.name === 'Minutes' ? 'minute' : unitTok.tokenType.name === 'Hours' ? 'hour' : 'day';
    return { kind: 'duration', amount: this.checkNumber(amount, 'amount'), calendar: cal ? this.ident(cal) : null, unit, span: nodeSpan(n) };
  }

  private via(n: CstNode): A.ViaNode {
    return { methods: toks(n.children, 'HeaderWord').map((t) => this.ident(t)), span: nodeSpan(n) };
  }
}
