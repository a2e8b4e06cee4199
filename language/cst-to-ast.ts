// Builds the AST from Chevrotain's CST. Accepts partial trees (after error recovery): a clause
// with missing parts is dropped or kept with what it has, never throws.

import type { CstElement, CstNode, IToken } from 'chevrotain';
import type * as A from './ast';
import { DIAGNOSTICS, type Diagnostic, type DiagnosticDef, diagnostic } from './diagnostics';
import { closestKeyword } from './keywords';
import { BLOCK_EXAMPLES } from './messages';
import type { Span } from './span';
import { UnreadableLines } from './unreadable';

type Children = Record<string, CstElement[] | undefined>;

function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

function tokenSpan(t: IToken): Span {
  const start = Number.isFinite(t.startOffset) ? t.startOffset : 0;
  const end = Number.isFinite(t.endOffset) ? (t.endOffset as number) + 1 : start;
  return { start, end: Math.max(start, end) };
}

function lastToken(n: CstNode): IToken | undefined {
  let last: IToken | undefined;
  for (const list of Object.values(n.children)) {
    for (const e of list ?? []) {
      const t = isToken(e) ? e : lastToken(e);
      if (t && (!last || t.startOffset > last.startOffset)) last = t;
    }
  }
  return last;
}

function realToken(t: IToken | undefined): t is IToken {
  return !!t && !t.isInsertedInRecovery && Number.isFinite(t.startOffset);
}

/**
 * Spans of the nodes already measured (a row's cells are measured again for the row itself), kept
 * on the node under a symbol: a WeakMap of every node of a 100,000-row table cost more in garbage
 * collection than the parse itself.
 */
const SPAN: unique symbol = Symbol('slac.span');
type Measured = CstNode & { [SPAN]?: Span | null };
const spans = {
  get: (node: CstNode): Span | null | undefined => (node as Measured)[SPAN],
  set: (node: CstNode, span: Span | null): void => {
    (node as Measured)[SPAN] = span;
  },
};

/** Moves a node's measured span (if measured) by `delta`: the incremental parse moved its tokens. */
export function shiftSpan(node: CstNode, delta: number): void {
  const s = spans.get(node);
  if (s) {
    s.start += delta;
    s.end += delta;
  }
}

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

/** The first real token under a node, in source order. */
function firstToken(n: CstNode): IToken | undefined {
  let first: IToken | undefined;
  const walk = (node: CstNode): void => {
    for (const list of Object.values(node.children)) {
      for (const e of list ?? []) {
        if (!isToken(e)) walk(e);
        else if (realToken(e) && e.tokenType.name !== 'Newline' && (!first || e.startOffset < first.startOffset)) first = e;
      }
    }
  };
  walk(n);
  return first;
}

/** Whether Chevrotain re-synchronised inside a node (some of its tokens are missing). */
function recovered(n: CstNode): boolean {
  return !!n.recoveredNode || Object.values(n.children).some((list) => list?.some((e) => !isToken(e) && recovered(e)));
}

const CLAUSE_OF_RULE: Record<string, A.ClauseKind> = {
  contractStmt: 'contract',
  versionStmt: 'version',
  effectiveStmt: 'effective',
  partyStmt: 'party',
  timeZoneStmt: 'timeZone',
  calendarBlock: 'calendar',
  severitiesBlock: 'severities',
  plansStmt: 'plans',
  categoriesBlock: 'categories',
  objectiveBlock: 'objective',
  causesBlock: 'causes',
  channelsBlock: 'channels',
  maintenanceBlock: 'maintenance',
  availabilityBlock: 'availability',
  reliabilityStmt: 'reliability',
  creditsBlock: 'credits',
  noteBlock: 'note',
  regionsBlock: 'regions',
  environmentsBlock: 'environments',
  pauseReasonsBlock: 'pauseReasons',
  clocksBlock: 'clocks',
  updateStmt: 'update',
  servicesBlock: 'services',
  setupsBlock: 'setups',
  currencyStmt: 'currency',
  reportStmt: 'report',
  terminationStmt: 'termination',
  periodsStmt: 'periods',
  fiscalYearStmt: 'fiscalYear',
};

function clauseOf(statement: CstNode): A.ClauseKind | null {
  return CLAUSE_OF_RULE[statement.name] ?? null;
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

/** Whether a bound is written with `<`, `<=`, `>`, `>=` (read into words, in canonical order). */
function symbolic(c: Children): boolean {
  return subs(c, 'boundSide').some((s) => ['Less', 'LessEqual', 'Greater', 'GreaterEqual'].some((k) => tok(s.children, k)));
}

/** Statements built before, by the tree they were built from (the editor's incremental parse keeps them). */
export interface StatementMemo {
  get(node: CstNode): A.Statement | null | undefined;
  set(node: CstNode, built: A.Statement | null): void;
}

export class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];
  /** The lines under a clause whose own line could not be read: their syntax errors are not reported. */
  readonly hidden: Span[] = [];
  private readonly unreadable: UnreadableLines;

  /** `errors`: the syntax errors of the scanner and the parser; the lines they are on are not read. */
  constructor(
    private readonly source: string,
    errors: readonly Diagnostic[],
    private readonly memo?: StatementMemo,
  ) {
    this.unreadable = new UnreadableLines(source);
    for (const e of errors) this.unreadable.mark(e.span);
  }

  /** A syntax error found while building: its line cannot be read either. */
  private syntaxError(d: DiagnosticDef, span: Span, message: string, extra?: { hint?: string }): void {
    this.diagnostics.push(diagnostic(d, span, message, extra));
    this.unreadable.mark(span);
  }

  private indented(offset: number): boolean {
    return offset > 0 && /[ \t]/.test(this.source.charAt(offset - 1));
  }

  private num(t: IToken): A.NumberText {
    return { text: t.image, span: tokenSpan(t) };
  }

  /** The `per calendar month` (or quarter, year; `fiscal`) of a line, from its `perPeriod` node. */
  private per(c: Children): A.PeriodWords | null {
    const p = sub(c, 'perPeriod');
    if (!p) return null;
    const pc = p.children;
    const unit = tok(pc, 'Month') ? 'month' : tok(pc, 'Quarter') ? 'quarter' : tok(pc, 'Year') ? 'year' : null;
    if (!unit || !(tok(pc, 'Calendar') || tok(pc, 'Fiscal'))) return null;
    return { fiscal: !!tok(pc, 'Fiscal'), unit, span: nodeSpan(p) };
  }

  private ident(t: IToken): A.Ident {
    return { name: t.image, span: tokenSpan(t) };
  }

  /** The zone of `time zone ...` or `periods in ...`: quoted, or names joined by slashes; null when there is none. */
  private zoneName(c: Children): { zone: A.Text; quoted: boolean } | null {
    const s = tok(c, 'StringLit');
    if (s) return { zone: this.text(s), quoted: true };
    const names = toks(c, 'Name');
    if (names.length === 0) return null;
    const span: Span = { start: tokenSpan(names[0]).start, end: tokenSpan(names[names.length - 1]).end };
    return { zone: { value: names.map((t) => t.image).join('/'), span }, quoted: false };
  }

  private text(t: IToken): A.Text {
    return { value: unquote(t.image), span: tokenSpan(t) };
  }

  private percent(t: IToken): A.NumberText {
    const text = t.image.replace(/[ \t]*%$/, '');
    if (text.includes(',')) {
      this.syntaxError(DIAGNOSTICS.invalidNumber, tokenSpan(t), `${t.image} has a decimal comma: slac writes decimals with a point`, {
        hint: `write ${text.replace(',', '.')}%`,
      });
    }
    return { text: text.replace(',', '.'), span: tokenSpan(t) };
  }

  private checkDate(t: IToken): A.NumberText {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t.image);
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
      if (mo < 1 || mo > 12 || d < 1 || d > days[mo - 1]) {
        this.syntaxError(DIAGNOSTICS.invalidDate, tokenSpan(t), `${t.image} is not a date that exists`);
      }
    }
    return this.num(t);
  }

  private checkTime(t: IToken): A.NumberText {
    const [h, m] = t.image.split(':').map(Number);
    if (h > 24 || m > 59 || (h === 24 && m !== 0)) {
      this.syntaxError(DIAGNOSTICS.invalidTime, tokenSpan(t), `${t.image} is not a time of day (00:00 to 24:00)`);
    }
    const text = t.image.length === 4 ? `0${t.image}` : t.image;
    return { text, span: tokenSpan(t) };
  }

  private checkNumber(t: IToken, what: string): A.NumberText {
    if (!/^\d+(\.\d+)?$/.test(t.image)) {
      this.syntaxError(DIAGNOSTICS.invalidNumber, tokenSpan(t), `${t.image} is not a valid ${what}`);
    }
    return this.num(t);
  }

  file(cst: CstNode, comments: IToken[], textLength: number): A.ContractFile {
    const statements: A.Statement[] = [];
    // The unreadable clause that indented lines after it belong to: one error for the whole clause.
    let open: A.Unreadable | null = null;
    let end = -1;
    let hiddenFrom: number | null = null;
    for (const st of this.linesInOrder(cst.children, ['statement', 'unknownLine'])) {
      const inner = st.name === 'unknownLine' ? st : Object.values(st.children)[0]?.[0];
      if (!inner || isToken(inner)) continue;
      const span = nodeSpan(inner);
      for (const bare of this.unreadable.bareBrokenLines(end, span.start)) open = this.unreadable.add(null, bare.span);
      end = span.end;
      // Indented lines after an unreadable clause belong to it, and so does what recovery left of its line.
      const tail = this.source.slice(this.unreadable.lineStartOf(span.start), span.start).trim() !== '';
      if (open && (tail || (inner.name === 'unknownLine' && this.indented(span.start)))) {
        this.unreadable.extend(open, span);
        continue;
      }
      if (hiddenFrom !== null) this.hidden.push({ start: hiddenFrom, end: this.unreadable.lineStartOf(span.start) });
      hiddenFrom = null;
      if (inner.name === 'unknownLine') {
        open = this.unknownLine(inner, span);
        continue;
      }
      const built = this.built(inner);
      const header = built ? ('headerSpan' in built ? built.headerSpan : built.span) : { start: span.start, end: span.start };
      // Under a clause whose own line could not be read, no line is reported up to the next
      // clause: which clause they would be lines of is unknown.
      if (!built || this.unreadable.isBroken(header)) hiddenFrom = this.unreadable.nextLineStart(header.end);
      else this.unreadableBlockLines(inner, built);
      const s = built && this.unreadable.prune(built);
      if (s) {
        statements.push(s);
        open = null;
      } else open = built ? this.unreadable.entries[this.unreadable.entries.length - 1] /* as prune listed it */ : this.unreadable.add(null, span);
    }
    if (hiddenFrom !== null) this.hidden.push({ start: hiddenFrom, end: textLength });
    this.unreadable.listRest(statements);
    return {
      statements,
      unreadable: this.unreadable.entries,
      comments: comments.map((c) => ({ text: c.image, span: tokenSpan(c) })),
      span: { start: 0, end: textLength },
    };
  }

  /**
   * statement(), or what it built from the same tree before, when that reported nothing. This holds
   * because statement() reads nothing but the tree it is given (cross-line state lives in file()).
   */
  private built(n: CstNode): A.Statement | null {
    const known = this.memo?.get(n);
    if (known !== undefined) return known;
    const reported = this.diagnostics.length;
    const listed = this.unreadable.entries.length;
    const s = this.statement(n);
    if (this.memo && this.diagnostics.length === reported && this.unreadable.entries.length === listed) this.memo.set(n, s);
    return s;
  }

  /** A line that starts no clause: reported with the keyword it was probably meant to be. */
  private unknownLine(n: CstNode, span: Span): A.Unreadable {
    const first = firstToken(n)!;
    const guess = closestKeyword(first.image);
    this.syntaxError(DIAGNOSTICS.unexpectedToken, tokenSpan(first), `unexpected '${first.image.slice(0, 30)}' at the start of a line`, {
      hint: guess
        ? `did you mean '${guess}'?`
        : 'a clause starts with a keyword such as contract, calendar, severities, plans, response, maintenance, availability or credits',
    });
    // What it was meant to be is a guess: it may be any clause.
    return this.unreadable.add(null, span);
  }

  /**
   * Reports the lines of a block that read as none of its lines, and marks what belongs to an
   * unreadable line as unreadable too: the lines indented deeper under it, and the rows of a table
   * whose header it was. An unindented one starts a clause of its own, which may be any clause.
   */
  private unreadableBlockLines(block: CstNode, built: A.Statement): void {
    // A file without syntax errors so far has nothing to mark but the lines no rule read.
    if (!this.unreadable.any() && !block.children.unreadableLine) return;
    const clause = clauseOf(block);
    let open: { entry: A.Unreadable | null; indent: number } | null = null;
    let afterRow = false;
    let rowsOfUnreadable = false;
    let end = nodeSpan(block).start;
    for (const l of this.linesInOrder(block.children, Object.keys(block.children))) {
      const span = nodeSpan(l);
      const indent = this.indentOf(span.start);
      for (const bare of this.unreadable.bareBrokenLines(end, span.start)) {
        if (open && bare.indent > open.indent) continue;
        open = { entry: this.unreadable.add(bare.indent > 0 ? clause : null, bare.span), indent: bare.indent };
        rowsOfUnreadable = !afterRow;
        afterRow = false;
      }
      end = span.end;
      const junk = l.name === 'unreadableLine';
      if ((open && indent > open.indent) || (rowsOfUnreadable && l.name === 'tableRow')) {
        this.unreadable.mark(span);
        if (junk && open?.entry) this.unreadable.extend(open.entry, span);
        else if (junk && open) open.entry = this.unreadable.add(clause, span);
        continue;
      }
      rowsOfUnreadable = false;
      if (junk) {
        const first = firstToken(l)!;
        const guess = closestKeyword(first.image, indent > 0);
        const keyword = firstToken(block)?.image.toLowerCase();
        const name = keyword === 'reporting' ? 'reporting channels' : built.kind === 'calendar' ? `calendar ${built.id.name}` : keyword;
        this.syntaxError(DIAGNOSTICS.unexpectedToken, tokenSpan(first), `unexpected '${first.image.slice(0, 30)}': not a line of the ${name} clause`, {
          hint: guess ? `did you mean '${guess}'? (a clause keyword starts its line)` : `its lines read like: ${BLOCK_EXAMPLES[block.name]}`,
        });
        open = { entry: this.unreadable.add(indent > 0 ? clause : null, span), indent };
      } else if (recovered(l) || this.unreadable.isBroken(span)) {
        // The parser recovered inside it: its error may sit on the line after it (a list of dates cut short).
        this.unreadable.mark(span);
        open = { entry: null, indent };
      } else open = null;
      rowsOfUnreadable = open !== null && !afterRow && l.name !== 'tableRow';
      afterRow = l.name === 'tableRow';
    }
  }

  /** The indentation of the line an offset is on. */
  private indentOf(offset: number): number {
    const start = this.unreadable.lineStartOf(offset);
    return /^[ \t]*/.exec(this.source.slice(start, offset))![0].length;
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
        const zone = this.zoneName(c);
        return zone && { kind: 'timeZone', ...zone, span };
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
        const ts = sub(c, 'targetScope');
        const scope = ts ? this.targetScope(ts) : undefined;
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
          ...(scope ? { scope } : {}),
          headerSpan: { start: tokenSpan(kw).start, end: ts ? Math.max(tokenSpan(headerEnd).end, nodeSpan(ts).end) : tokenSpan(headerEnd).end },
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
        for (const l of this.linesInOrder(c, ['windowsLine', 'hoursLine', 'noticeLine', 'acknowledgementLine', 'downtimeLine', 'kindsLine', 'allowanceLine', 'windowLimitLine'])) {
          const lc = l.children;
          const ls = nodeSpan(l);
          if (l.name === 'windowsLine') items.push({ kind: 'windows', anyTime: !!tok(lc, 'Any'), span: ls });
          else if (l.name === 'hoursLine') {
            const h = this.hours(l);
            if (h) items.push(h);
          } else if (l.name === 'kindsLine') {
            const names = toks(lc, 'Name');
            if (names.length) items.push({ kind: 'kinds', names: names.map((t) => this.ident(t)), span: ls });
          } else if (l.name === 'allowanceLine') {
            const d = sub(lc, 'duration');
            const dur = d ? this.duration(d) : null;
            if (dur) items.push({ kind: 'allowance', duration: dur, span: ls });
          } else if (l.name === 'windowLimitLine') {
            const n = tok(lc, 'NumberLit');
            if (n) items.push({ kind: 'windowLimit', count: this.checkNumber(n, 'count of windows'), span: ls });
          } else if (l.name === 'noticeLine') {
            const d = sub(lc, 'duration');
            const dur = d ? this.duration(d) : null;
            const v = sub(lc, 'via');
            const forKind = tok(lc, 'Name');
            if (forKind && (dur || tok(lc, 'Possible'))) items.push({ kind: 'kindNotice', forKind: this.ident(forKind), duration: dur, via: v ? this.via(v) : null, span: ls });
            else if (dur) items.push({ kind: 'notice', duration: dur, via: v ? this.via(v) : null, span: ls });
          } else if (l.name === 'acknowledgementLine') {
            if (tok(lc, 'Required')) items.push({ kind: 'acknowledgement', required: !tok(lc, 'Not'), span: ls });
          } else if (tok(lc, 'Downtime')) items.push({ kind: 'downtime', counted: !tok(lc, 'Not'), span: ls });
        }
        return { kind: 'maintenance', items, ...this.scoped(c, tokenSpan(tok(c, 'Maintenance')!)), span };
      }
      case 'availabilityBlock': {
        const items: A.AvailabilityLine[] = [];
        for (const l of this.linesInOrder(c, ['availabilityTargetLine', 'measuredLine', 'minimumDowntimeLine', 'errorRateLine', 'onlyWithSetupLine', 'countedDuringLine'])) {
          const lc = l.children;
          if (l.name === 'countedDuringLine') {
            const n = tok(lc, 'HeaderWord');
            if (n) items.push({ kind: 'countedDuring', calendar: this.ident(n), span: nodeSpan(l) });
            continue;
          }
          if (l.name === 'onlyWithSetupLine') {
            const n = tok(lc, 'Name');
            if (n) items.push({ kind: 'onlyWithSetup', setup: this.ident(n), span: nodeSpan(l) });
            continue;
          }
          if (l.name === 'availabilityTargetLine') {
            const p = tok(lc, 'PercentLit');
            const per = this.per(lc);
            const during = tok(lc, 'HeaderWord');
            if (p && per) items.push(during ? { kind: 'target', percent: this.percent(p), per, countedDuring: this.ident(during), span: nodeSpan(l) } : { kind: 'target', percent: this.percent(p), per, span: nodeSpan(l) });
          } else if (l.name === 'minimumDowntimeLine') {
            const d = sub(lc, 'duration');
            const dur = d ? this.duration(d) : null;
            if (dur) items.push({ kind: 'minimumDowntime', duration: dur, span: nodeSpan(l) });
          } else if (l.name === 'errorRateLine') {
            const p = tok(lc, 'PercentLit');
            const d = sub(lc, 'duration');
            const window = d ? this.duration(d) : null;
            const n = tok(lc, 'NumberLit');
            if (p && (window || tok(lc, 'A'))) {
              items.push({ kind: 'errorRate', percent: this.percent(p), window, minRequests: n ? this.checkNumber(n, 'count of requests') : null, span: nodeSpan(l) });
            }
          } else if (tok(lc, 'Full') || tok(lc, 'Started')) {
            items.push({ kind: 'measured', slot: null, minutes: tok(lc, 'Full') ? 'full' : 'started', span: nodeSpan(l) });
          } else {
            const d = sub(lc, 'duration');
            if (tok(lc, 'Exact')) items.push({ kind: 'measured', slot: null, span: nodeSpan(l) });
            else if (d) {
              const dur = this.duration(d);
              if (dur) items.push({ kind: 'measured', slot: dur, span: nodeSpan(l) });
            }
          }
        }
        return { kind: 'availability', items, ...this.scoped(c, tokenSpan(tok(c, 'Availability')!)), span };
      }
      case 'reliabilityStmt': {
        const n2 = tok(c, 'NumberLit');
        const per = this.per(c);
        return n2 && per ? { kind: 'reliability', max: this.checkNumber(n2, 'count'), per, span } : null;
      }
      case 'creditsBlock':
        return this.credits(n, span);
      case 'regionsBlock':
      case 'environmentsBlock':
      case 'pauseReasonsBlock':
      case 'clocksBlock':
      case 'updateStmt':
        return this.support(n, span);
      case 'servicesBlock':
        return this.services(n, span);
      case 'setupsBlock': {
        const items = subs(c, 'setupLine').flatMap((l) => {
          const id = tok(l.children, 'Name');
          const t = tok(l.children, 'StringLit');
          return id ? [{ kind: 'setup' as const, id: this.ident(id), title: t ? this.text(t) : null, span: nodeSpan(l) }] : [];
        });
        return { kind: 'setups', items, headerSpan: tokenSpan(tok(c, 'Setups')!), span };
      }
      case 'periodsStmt': {
        const off = tok(c, 'UtcOffsetLit');
        if (off) return { kind: 'periods', zone: { value: off.image, span: tokenSpan(off) }, quoted: false, span };
        const zone = this.zoneName(c);
        return zone && { kind: 'periods', ...zone, span };
      }
      case 'fiscalYearStmt': {
        const m = tok(c, 'Name');
        const d = tok(c, 'NumberLit');
        return m ? { kind: 'fiscalYear', month: this.ident(m), day: d ? this.checkNumber(d, 'day') : null, span } : null;
      }
      case 'terminationStmt': {
        const d = tok(c, 'DateLit');
        return d ? { kind: 'termination', date: this.checkDate(d), span } : null;
      }
      case 'reportStmt': {
        const words = toks(c, 'HeaderWord');
        const d = sub(c, 'duration');
        const within = d ? this.duration(d) : null;
        const after = tok(c, 'After');
        const comma = tok(c, 'Comma');
        if (!words.length || !within || !after) return null;
        const tail = words.filter((w) => w.startOffset > after.startOffset);
        return {
          kind: 'report',
          every: this.ident(words[0]),
          within,
          after: tail.filter((w) => !comma || w.startOffset < comma.startOffset).map((w) => this.ident(w)),
          then: comma ? tail.filter((w) => w.startOffset > comma.startOffset).map((w) => this.ident(w)) : [],
          span,
        };
      }
      case 'currencyStmt': {
        const code = tok(c, 'Name');
        return code ? { kind: 'currency', code: this.ident(code), rounding: toks(c, 'HeaderWord').map((t) => this.ident(t)), span } : null;
      }
      case 'noteBlock': {
        const strings = toks(c, 'StringLit');
        const triple = tok(c, 'TripleString');
        if (strings.length === 0) return null;
        const title = this.text(strings[0]);
        let text: A.Text;
        // Unclosed, it ran to the end of the file: what it swallowed could have been any clause.
        if (triple && !/^"""[\s\S]*"""$/.test(triple.image)) {
          this.unreadable.add(null, tokenSpan(triple));
          return null;
        }
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
        case 'weekSpanLine': {
          const days = toks(lc, 'DayName');
          const times = toks(lc, 'TimeLit');
          if (days.length < 2 || times.length < 2) break;
          const zones = subs(lc, 'zoneName');
          const ins = toks(lc, 'In');
          // Which end each `in ZONE` belongs to: before or after `to`.
          const toAt = tok(lc, 'To')?.startOffset ?? Infinity;
          let fromZone: A.Text | null = null;
          let toZone: A.Text | null = null;
          zones.forEach((z, i) => {
            const text = this.zoneText(z);
            if (!text) return;
            if ((ins[i]?.startOffset ?? 0) < toAt) fromZone = text;
            else toZone = text;
          });
          lines.push({
            kind: 'weekSpan',
            fromDay: this.dayIdent(days[0]),
            from: this.checkTime(times[0]),
            fromZone,
            toDay: this.dayIdent(days[1]),
            to: this.checkTime(times[1]),
            toZone,
            span: ls,
          });
          break;
        }
        case 'holidaysOfLine': {
          const [country, ...types] = toks(lc, 'HeaderWord');
          if (country && types.length) lines.push({ kind: 'holidaysOf', country: this.ident(country), types: types.map((t) => this.ident(t)), span: ls });
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
    const zoneNode = sub(c, 'zoneName');
    const zone = zoneNode ? this.zoneText(zoneNode) : null;
    const headerEnd = title ?? (zoneNode ? lastToken(zoneNode) : undefined) ?? id;
    return {
      kind: 'calendar',
      id: this.ident(id),
      zone,
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
    for (const l of this.linesInOrder(c, ['basisLine', 'tableRow', 'linearCreditLine', 'capLine', 'claimLine', 'paymentLine', 'withheldLine', 'stackingLine', 'expireLine'])) {
      const lc = l.children;
      const ls = nodeSpan(l);
      switch (l.name) {
        case 'basisLine': {
          const s = tok(lc, 'StringLit');
          const words = toks(lc, 'HeaderWord');
          if (s) items.push({ kind: 'basis', text: this.text(s), span: ls });
          else if (words.length) items.push({ kind: 'basis', text: null, words: words.map((t) => this.ident(t)), span: ls });
          break;
        }
        case 'tableRow':
          this.addRow(items, l);
          break;
        case 'linearCreditLine': {
          const missed = sub(lc, 'missedTargetsTail');
          if (missed) {
            const mc = missed.children;
            const p = tok(lc, 'PercentLit');
            const n = tok(mc, 'NumberLit');
            const per = this.per(mc);
            const words = toks(mc, 'HeaderWord');
            const objective = tok(mc, 'Response') ? 'response' : tok(mc, 'Restoration') ? 'restoration' : tok(mc, 'Resolution') ? 'resolution' : null;
            if (p && n && per && objective) {
              items.push({
                kind: 'missedTargets',
                percent: this.percent(p),
                more: this.checkNumber(n, 'count'),
                severityWord: words.length ? this.ident(words[0]) : null,
                severities: words.slice(1).map((w) => this.ident(w)),
                objective,
                per,
                span: ls,
              });
            }
            break;
          }
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
          const amount = tok(lc, 'NumberLit');
          const code = tok(lc, 'Name');
          // The words after `per`: header words and numbers (`rolling 12 months`), in order.
          const per = [...toks(lc, 'HeaderWord'), ...toks(lc, 'NumberLit').slice(p ? 0 : 1)]
            .filter((t) => t !== code)
            .sort((x, y) => x.startOffset - y.startOffset)
            .map((t) => this.ident(t));
          const cap: A.CapLine = { kind: 'cap', percent: p ? this.percent(p) : null, span: ls };
          if (!p && amount && code) cap.money = { amount: this.num(amount), currency: this.ident(code) };
          if (tok(lc, 'Per')) cap.per = per;
          if (p || cap.money) items.push(cap);
          break;
        }
        case 'paymentLine': {
          const d = sub(lc, 'duration');
          items.push({ kind: 'payment', within: d ? this.duration(d) : null, words: toks(lc, 'HeaderWord').map((t) => this.ident(t)), span: ls });
          break;
        }
        case 'withheldLine':
          items.push({ kind: 'withheld', words: toks(lc, 'HeaderWord').map((t) => this.ident(t)), span: ls });
          break;
        case 'expireLine':
          items.push({ kind: 'expire', span: ls });
          break;
        case 'stackingLine':
          items.push({ kind: 'stacking', noStacking: tok(lc, 'No') !== undefined, span: ls });
          break;
        case 'claimLine': {
          const d = sub(lc, 'duration');
          const dur = d ? this.duration(d) : null;
          if (dur) items.push({ kind: 'claim', duration: dur, after: toks(lc, 'HeaderWord').map((t) => this.ident(t)), span: ls });
          break;
        }
      }
    }
    return { kind: 'credits', items, ...this.scoped(c, tokenSpan(tok(c, 'Credits')!)), span };
  }

  /** `for environment production` after `response targets`; undefined when a word is missing (the parser reported it). */
  private targetScope(n: CstNode): A.TargetScopeNode | undefined {
    const c = n.children;
    const names = toks(c, 'Name');
    const kindTok = tok(c, 'Environment') ?? tok(c, 'Channel') ?? tok(c, 'Region') ?? tok(c, 'Service');
    if (!kindTok || !names[0]) return undefined;
    const kind = kindTok.tokenType.name.toLowerCase() as A.TargetScopeNode['kind'];
    return { kind, name: this.ident(names[0]), part: names[1] ? this.ident(names[1]) : null, span: nodeSpan(n) };
  }

  /** The scope of a block (`for service compute`), if any, and the head line's span with it. */
  private scoped(c: Children, keyword: Span): { scope?: A.ScopeNode; headerSpan: Span } {
    const n = sub(c, 'scope');
    if (!n) return { headerSpan: keyword };
    const names = toks(n.children, 'Name');
    const span = nodeSpan(n);
    if (names.length === 0) return { headerSpan: { start: keyword.start, end: Math.max(keyword.end, span.end) } };
    const kind = tok(n.children, 'Group') && !tok(n.children, 'Service') ? 'group' : 'service';
    const scope: A.ScopeNode = { kind, name: this.ident(names[0]), part: names[1] ? this.ident(names[1]) : null, span };
    return { scope, headerSpan: { start: keyword.start, end: Math.max(keyword.end, span.end) } };
  }

  private services(n: CstNode, span: Span): A.Statement {
    const c = n.children;
    const items: A.ServiceLine[] = [];
    for (const l of this.linesInOrder(c, ['serviceLine', 'partLine'])) {
      const lc = l.children;
      const names = toks(lc, 'Name');
      const title = tok(lc, 'StringLit');
      if (names.length === 0) continue;
      if (l.name === 'partLine') items.push({ kind: 'part', id: this.ident(names[0]), title: title ? this.text(title) : null, span: nodeSpan(l) });
      else items.push({ kind: 'service', id: this.ident(names[0]), title: title ? this.text(title) : null, group: names[1] ? this.ident(names[1]) : null, span: nodeSpan(l) });
    }
    return { kind: 'services', items, headerSpan: tokenSpan(tok(c, 'Services')!), span };
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
    const sd = sub(c, 'serviceDaysCell');
    if (sd) {
      const n = tok(sd.children, 'NumberLit');
      return n ? { kind: 'serviceDays', days: this.checkNumber(n, 'number of days'), span } : { kind: 'empty', span };
    }
    const mc = sub(c, 'moneyCell');
    if (mc) {
      const n = tok(mc.children, 'NumberLit');
      const code = tok(mc.children, 'Name');
      return n && code ? { kind: 'money', amount: this.checkNumber(n, 'amount'), currency: this.ident(code), span } : { kind: 'empty', span };
    }
    const p = tok(c, 'PercentLit');
    if (p) return { kind: 'percent', value: this.percent(p), span };
    const b = sub(c, 'bound');
    if (b) return this.bound(b);
    const s = tok(c, 'StringLit');
    if (s) return { kind: 'text', value: unquote(s.image), span };
    const words = toks(c, 'HeaderWord');
    const days = tok(c, 'Days');
    if (days) {
      const anchored = this.anchored(words, days, tok(c, 'TimeLit'), sub(c, 'via'), span);
      if (anchored) return anchored;
    }
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
    const ps = toks(c, 'PercentLit');
    if (tok(c, 'To')) {
      return { kind: 'bound', between: false, sides: [{ op: 'at least', value: this.percent(ps[0]) }, { op: tok(c, 'LessEqual') ? 'at most' : 'below', value: this.percent(ps[1]) }], span };
    }
    if (tok(c, 'Minus') && subs(c, 'boundSide').length === 0) {
      const n = tok(c, 'NumberLit');
      const lower = n ? { text: n.image, span: tokenSpan(n) } : this.percent(ps[0]);
      return { kind: 'bound', between: false, sides: [{ op: 'at least', value: lower }, { op: 'below', value: this.percent(ps[ps.length - 1]) }], dash: true, span };
    }
    const sides: A.BoundSide[] = subs(c, 'boundSide').flatMap((s) => {
      const sc = s.children;
      const p = tok(sc, 'PercentLit');
      if (!p) return [];
      const op =
        tok(sc, 'Above') || tok(sc, 'Greater')
          ? 'above'
          : tok(sc, 'Below') || tok(sc, 'Less')
            ? 'below'
            : tok(sc, 'Least') || tok(sc, 'GreaterEqual')
              ? 'at least'
              : 'at most';
      return [{ op, value: this.percent(p) } as A.BoundSide];
    });
    // `< 99.99% - 99.5%`: below 99.99%, down to 99.5% (the next row's `< 99.5%` leaves 99.5% to this one).
    const down = tok(c, 'Minus') ? ps[ps.length - 1] : undefined;
    if (down && sides.length === 1) {
      const upper = sides[0].op === 'below' || sides[0].op === 'at most';
      sides.push({ op: upper ? 'at least' : 'at most', value: this.percent(down) });
    }
    // Symbols are read into words, lower bound first: fmt writes `at least 99.5% and below 99.99%`.
    const isLower = (x: A.BoundSide): boolean => x.op === 'at least' || x.op === 'above';
    if (sides.length === 2 && !isLower(sides[0]) && isLower(sides[1]) && (tok(c, 'Minus') || symbolic(c))) sides.reverse();
    return { kind: 'bound', between: false, sides, span };
  }

  private targetValue(n: CstNode): A.TargetValueNode {
    const c = n.children;
    const d = sub(c, 'duration');
    const v = sub(c, 'via');
    const duration = d ? this.duration(d) : null;
    if (duration && tok(c, 'Within')) duration.within = true;
    return { kind: 'target', duration, via: v ? this.via(v) : null, span: nodeSpan(n) };
  }

  /** `end of next business day` or `next business day by 12:00` (the words before `day`); null when the words are neither. */
  private anchored(words: IToken[], days: IToken, time: IToken | undefined, via: CstNode | undefined, span: Span): A.TargetValueNode | null {
    const w = words.filter((t) => t.startOffset < days.startOffset).map((t) => t.image.toLowerCase());
    const dayText = days.image.toLowerCase();
    let anchor: A.DurationNode['anchor'];
    let cal: IToken | undefined;
    if (w.length === 4 && w[0] === 'end' && w[1] === 'of' && w[2] === 'next' && !time && dayText === 'day') {
      anchor = { kind: 'end-of-next-day' };
      cal = words[3];
    } else if (w.length === 2 && w[0] === 'next' && time && dayText === 'day') {
      anchor = { kind: 'next-day-by', time: this.checkTime(time) };
      cal = words[1];
    } else {
      this.syntaxError(DIAGNOSTICS.invalidCell, span, `"${words.map((t) => t.image).join(' ')} ${days.image}" is not a target`, {
        hint: 'end of next business day, next business day by 12:00, 2 business days',
      });
      return null;
    }
    const start = tokenSpan(words[0]).start;
    const duration: A.DurationNode = {
      kind: 'duration',
      amount: { text: '1', span: { start, end: start } },
      calendar: this.ident(cal),
      unit: 'day',
      anchor,
      span: { start, end: tokenSpan(time ?? days).end },
    };
    return { kind: 'target', duration, via: via ? this.via(via) : null, span };
  }

  private duration(n: CstNode): A.DurationNode | null {
    const c = n.children;
    const amount = tok(c, 'NumberLit');
    const unitTok = tok(c, 'Minutes') ?? tok(c, 'Hours') ?? tok(c, 'Days');
    if (!amount || !unitTok) return null;
    const unit = unitTok.tokenType.name === 'Minutes' ? 'minute' : unitTok.tokenType.name === 'Hours' ? 'hour' : 'day';
    const unitAt = unitTok.startOffset;
    const words = toks(c, 'HeaderWord');
    const before = words.filter((w) => w.startOffset < unitAt);
    const after = words.filter((w) => w.startOffset > unitAt);
    const d: A.DurationNode = { kind: 'duration', amount: this.checkNumber(amount, 'amount'), calendar: null, unit, span: nodeSpan(n) };
    const regional = before[0]?.image.toLowerCase() === 'regional';
    if (regional) {
      d.regional = true;
      // `1 regional business day`: the word after `regional` is only read, never a calendar name.
      if (before[1] && before[1].image.toLowerCase() !== 'business') {
        this.syntaxError(DIAGNOSTICS.unexpectedToken, tokenSpan(before[1]), `"${before[1].image}" after "regional": write ${amount.image} regional business ${unitTok.image}`, {
          hint: '1 regional business day: counted on the calendar of the incident\'s region',
        });
      }
    } else if (before.length > 1) {
      this.syntaxError(DIAGNOSTICS.unexpectedToken, tokenSpan(before[1]), `a duration names one calendar: "${before[0].image} ${before[1].image}" is two words`, {
        hint: '4 business hours, 2 days on calendar support, 1 regional business day',
      });
    } else if (before[0]) d.calendar = this.ident(before[0]);
    if (after[0]) {
      if (d.calendar || d.regional) {
        this.syntaxError(DIAGNOSTICS.unexpectedToken, tokenSpan(after[0]), `this duration names its calendar twice`, { hint: 'write 2 days on calendar support, or 2 support days' });
      } else {
        d.calendar = this.ident(after[0]);
        d.onCalendar = true;
      }
    }
    return d;
  }

  private zoneText(z: CstNode): A.Text | null {
    const names = toks(z.children, 'Name');
    if (names.length === 0) return null;
    return { value: names.map((t) => t.image).join('/'), span: { start: tokenSpan(names[0]).start, end: tokenSpan(names[names.length - 1]).end } };
  }

  /** The clauses of support SLAs: regions, pause reasons, clocks and recurring updates. */
  private support(n: CstNode, span: Span): A.Statement | null {
    const c = n.children;
    switch (n.name) {
      case 'regionsBlock': {
        const items = subs(c, 'regionLine').flatMap((l) => {
          const id = tok(l.children, 'Name');
          if (!id) return [];
          const t = tok(l.children, 'StringLit');
          const cal = tok(l.children, 'HeaderWord');
          const zones = subs(l.children, 'zoneName').flatMap((z) => this.zoneText(z) ?? []);
          return [{ id: this.ident(id), title: t ? this.text(t) : null, calendar: cal ? this.ident(cal) : null, ...(tok(l.children, 'Zones') ? { zones } : {}), span: nodeSpan(l) }];
        });
        return { kind: 'regions', items, headerSpan: tokenSpan(tok(c, 'Regions')!), span };
      }
      case 'environmentsBlock': {
        const items = subs(c, 'environmentLine').flatMap((l) => {
          const id = tok(l.children, 'Name');
          if (!id) return [];
          const t = tok(l.children, 'StringLit');
          return [{ id: this.ident(id), title: t ? this.text(t) : null, span: nodeSpan(l) }];
        });
        return { kind: 'environments', items, headerSpan: tokenSpan(tok(c, 'Environments')!), span };
      }
      case 'pauseReasonsBlock': {
        const items = subs(c, 'pauseReasonLine').flatMap((l) => {
          const id = tok(l.children, 'Name');
          if (!id) return [];
          const t = tok(l.children, 'StringLit');
          return [{ id: this.ident(id), description: t ? this.text(t) : null, span: nodeSpan(l) }];
        });
        const h = tok(c, 'Pause')!;
        return { kind: 'pauseReasons', items, headerSpan: { start: tokenSpan(h).start, end: tokenSpan(tok(c, 'Reasons') ?? h).end }, span };
      }
      case 'clocksBlock': {
        const items: A.ClockLineNode[] = subs(c, 'clockLine').flatMap((l) => {
          const lc = l.children;
          const kw = tok(lc, 'Response') ?? tok(lc, 'Restoration') ?? tok(lc, 'Resolution') ?? tok(lc, 'Update');
          if (!kw) return [];
          const parts = subs(lc, 'clockPart').flatMap((p): A.ClockPart[] => {
            const pc = p.children;
            const ps = nodeSpan(p);
            const words = toks(pc, 'HeaderWord');
            if (tok(pc, 'Starts') && tok(pc, 'At') && words[0]) return [{ kind: 'starts', event: this.ident(words[0]), span: ps }];
            if (tok(pc, 'Never')) return [{ kind: 'neverPauses', span: ps }];
            if (tok(pc, 'While')) return words.length ? [{ kind: 'pausesWhile', reasons: words.map((w) => this.ident(w)), span: ps }] : [];
            if (tok(pc, 'Only') && words[0]) return [{ kind: 'businessOnly', calendarWord: this.ident(words[0]), span: ps }];
            if (tok(pc, 'Cycle')) return [{ kind: 'reopened', newCycle: true, span: ps }];
            if (tok(pc, 'Continues')) return [{ kind: 'reopened', newCycle: false, span: ps }];
            return [];
          });
          return [{ objective: kw.tokenType.name.toLowerCase() as A.ClockLineNode['objective'], parts, span: nodeSpan(l) }];
        });
        return { kind: 'clocks', items, headerSpan: tokenSpan(tok(c, 'Clocks')!), span };
      }
      case 'updateStmt': {
        const d = sub(c, 'duration');
        const every = d ? this.duration(d) : null;
        const words = toks(c, 'HeaderWord');
        if (!every || !words[0]) return null;
        const scope = tok(c, 'For') && words[1] ? { dimension: this.ident(words[1]), names: words.slice(2).map((w) => this.ident(w)) } : null;
        return { kind: 'update', every, until: this.ident(words[0]), scope, span };
      }
      default:
        return null;
    }
  }

  private via(n: CstNode): A.ViaNode {
    return { methods: toks(n.children, 'HeaderWord').map((t) => this.ident(t)), span: nodeSpan(n) };
  }
}
