// Completion in context, read from the text as it is now (it may not parse): clause keywords and
// snippets at the start of a line, the lines of the block the cursor is in, declared names where a
// table names them, units after a number, weekdays, IANA zones after `time zone`, holiday country
// codes after `public holidays of`, and target tables built from the declared plans and severities.
// Declared names come from the last analysis, which may be one edit behind: that is fine here.

import { type CompletionItem, CompletionItemKind, InsertTextFormat, type Range } from 'vscode-languageserver/node';
import { declarations, type SymbolKind } from '../../compiler/symbols';
import { tokenize } from '../../language/lexer';
import * as T from '../../language/tokens';
import type { Analysis } from '../analysis';
import { CLAUSES, type ClauseDoc, clauseByWord } from '../clauses';
import { LineMap } from '../../language/span';
import { toPosition } from '../positions';

export interface CompletionSources {
  /** IANA zone names. */
  zones(): readonly string[];
  /** Holiday country codes and names (date-holidays), loaded when first asked for. */
  countries(): Readonly<Record<string, string>>;
}

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const UNITS = ['minutes', 'hours', 'days'];
const OBJECTIVES = ['response', 'restoration', 'resolution'];

interface Context {
  text: string;
  offset: number;
  /** The line up to the cursor. */
  prefix: string;
  lineStart: number;
  /** Lower-case images of the tokens before the word being typed. */
  before: string[];
  beforeTypes: string[];
  /** The word being typed (possibly empty) and where it starts. */
  partial: string;
  partialStart: number;
  /** The clause whose block holds the line, if any. */
  block: ClauseDoc | undefined;
  known: Analysis | null;
}

function lineStartOf(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** The clause that owns the line starting at `lineStart`: the nearest line above that opens one. */
function enclosingBlock(text: string, lineStart: number): ClauseDoc | undefined {
  let end = lineStart;
  while (end > 0) {
    const start = lineStartOf(text, end - 1);
    const word = /^[ \t]*([A-Za-z]+)/.exec(text.slice(start, end))?.[1];
    // Clause keywords are reserved: a line that starts with one opens a clause.
    const clause = word ? clauseByWord(word) : undefined;
    if (clause) return clause;
    end = start;
  }
  return undefined;
}

function contextAt(text: string, offset: number, known: Analysis | null): Context | null {
  const lineStart = lineStartOf(text, offset);
  const prefix = text.slice(lineStart, offset);
  const lexed = tokenize(prefix);
  // Nothing to complete in a comment or a text, nor inside a """ text spanning lines.
  if (lexed.comments.length || lexed.diagnostics.some((d) => d.code === 'SLA1002') || insideTripleText(text, lineStart)) return null;
  const tokens = lexed.tokens.filter((t) => t.tokenType !== T.Newline);
  const last = tokens[tokens.length - 1];
  const typing = !!last && last.startOffset + last.image.length === prefix.length && /[A-Za-z0-9_/-]$/.test(prefix);
  // A zone is typed as several tokens (America / Bog): its partial runs back to the space.
  const partialStart = typing ? prefix.search(/[^ \t|,:<]*$/) : prefix.length;
  const beforeTokens = tokens.filter((t) => t.startOffset < partialStart);
  return {
    text,
    offset,
    prefix,
    lineStart,
    before: beforeTokens.map((t) => t.image.toLowerCase()),
    beforeTypes: beforeTokens.map((t) => t.tokenType.name),
    partial: prefix.slice(partialStart),
    partialStart: lineStart + partialStart,
    block: enclosingBlock(text, lineStart),
    known,
  };
}

function insideTripleText(text: string, before: number): boolean {
  let open = false;
  for (let i = text.indexOf('"""'); i >= 0 && i < before; i = text.indexOf('"""', i + 3)) open = !open;
  return open;
}

const endsWith = (xs: string[], ...tail: string[]): boolean => xs.length >= tail.length && tail.every((w, i) => xs[xs.length - tail.length + i] === w);

function snippet(label: string, body: string, detail: string, kind: CompletionItemKind = CompletionItemKind.Snippet): CompletionItem {
  return { label, kind, detail, insertText: body, insertTextFormat: InsertTextFormat.Snippet };
}

function names(known: Analysis | null, kind: SymbolKind): CompletionItem[] {
  if (!known) return [];
  return declarations(known.symbols, kind).map((d) => ({ label: d.name, kind: CompletionItemKind.EnumMember, detail: `${kind}${d.detail ? `: ${d.detail}` : ''}` }));
}

function replacing(ctx: Context, items: CompletionItem[]): CompletionItem[] {
  const lines = new LineMap(ctx.text);
  const range: Range = { start: toPosition(lines, ctx.partialStart), end: toPosition(lines, ctx.offset) };
  return items.map((i) => ({ ...i, textEdit: { range, newText: i.label }, filterText: i.label }));
}

/** A `response targets` table with a row per plan and a column per severity, every cell a placeholder. */
export function tableSkeleton(known: Analysis, objective: string): string | null {
  const c = known.compiled.contract;
  const severities = c.severities.map((s) => s.id);
  if (severities.length === 0) return null;
  const grid = c.implicitPlan ? [['severity', 'target'], ...severities.map((s) => [s, 'none'])] : [['plan', ...severities], ...c.plans.map((p) => [p.id, ...severities.map(() => 'none')])];
  const widths = grid[0].map((_, i) => Math.max(...grid.map((g) => g[i].length)));
  let n = 0;
  const rows = grid.map((g, ri) => `  | ${g.map((x, i) => (ri > 0 && i > 0 ? `\${${++n}:${x}}${' '.repeat(widths[i] - x.length)}` : x.padEnd(widths[i]))).join(' | ')} |`);
  return `${objective} targets\n${rows.join('\n')}`;
}

function lineStartItems(ctx: Context): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const line of ctx.block?.lines ?? []) items.push(snippet(line.label, line.snippet, line.explain));
  if (ctx.block?.kind === 'calendar' || ctx.block?.kind === 'maintenance') {
    items.push(...DAYS.map((d) => ({ label: d, kind: CompletionItemKind.EnumMember, detail: 'day of the week' })), { label: 'every day', kind: CompletionItemKind.Keyword });
  }
  for (const c of CLAUSES) items.push(snippet(c.keyword, c.snippet, c.explain, CompletionItemKind.Keyword));
  if (ctx.known) {
    for (const o of OBJECTIVES) {
      const table = tableSkeleton(ctx.known, o);
      if (table) items.push({ ...snippet(`${o} targets`, table, `a ${o} table for the declared plans and severities`), sortText: `0${o}` });
    }
  }
  return items;
}

/** Which table the row under the cursor is in, its header cells, and the cell the cursor is in. */
function tableCell(ctx: Context): { header: string[]; isHeader: boolean; column: number } | null {
  if (!/^[ \t]*\|/.test(ctx.prefix)) return null;
  const column = (ctx.prefix.match(/\|/g)?.length ?? 1) - 1;
  let headerLine: string | null = null;
  let isHeader = true;
  let end = ctx.lineStart;
  while (end > 0) {
    const start = lineStartOf(ctx.text, end - 1);
    const line = ctx.text.slice(start, end).trim();
    if (!line.startsWith('|')) break;
    headerLine = line;
    isHeader = false;
    end = start;
  }
  const header = (headerLine ?? ctx.prefix).split('|').slice(1).map((c) => c.trim().toLowerCase());
  return { header, isHeader, column };
}

function tableItems(ctx: Context, cell: { header: string[]; isHeader: boolean; column: number }): CompletionItem[] {
  const kind = ctx.block?.kind;
  if (kind === 'objective') {
    const rowDim = cell.header[0];
    if (cell.isHeader) {
      if (cell.column === 0) return ['plan', 'severity'].map((w) => ({ label: w, kind: CompletionItemKind.Keyword, detail: `rows are ${w}s` }));
      return rowDim === 'severity' ? [...names(ctx.known, 'plan'), { label: 'target', kind: CompletionItemKind.Keyword, detail: 'one column for every plan' }] : names(ctx.known, 'severity');
    }
    if (cell.column === 0) return rowDim === 'severity' ? names(ctx.known, 'severity') : names(ctx.known, 'plan');
    return targetItems(ctx);
  }
  if (kind === 'credits' && !cell.isHeader) {
    if (cell.column === 0)
      return [
        snippet('at least ... and below ...', 'at least ${1:99.00}% and below ${2:99.90}%', 'a half-open band'),
        snippet('below ...', 'below ${1:98.50}%', 'everything below'),
      ];
    return [];
  }
  if (kind === 'categories' && cell.isHeader) return ['category', 'description', ...OBJECTIVES].map((w) => ({ label: w, kind: CompletionItemKind.Keyword }));
  if (kind === 'categories' && cell.column > 0) return targetItems(ctx);
  return [];
}

function targetItems(ctx: Context): CompletionItem[] {
  const cals = ctx.known ? declarations(ctx.known.symbols, 'calendar').map((d) => d.name) : [];
  return [
    { label: 'none', kind: CompletionItemKind.Keyword, detail: 'not applicable' },
    snippet('N hours', '${1:4} hours', 'wall-clock hours'),
    snippet('N minutes', '${1:30} minutes', 'wall-clock minutes'),
    ...cals.flatMap((c) => [snippet(`N ${c} hours`, `\${1:4} ${c} hours`, `hours of calendar ${c}`), snippet(`N ${c} days`, `\${1:2} ${c} days`, `days of calendar ${c}`)]),
  ];
}

function unitItems(ctx: Context, afterCalendar: boolean): CompletionItem[] {
  const units = UNITS.map((u) => ({ label: u, kind: CompletionItemKind.Unit, detail: afterCalendar ? 'of business time' : 'wall clock' }));
  if (afterCalendar || !ctx.known) return units;
  const cals = declarations(ctx.known.symbols, 'calendar').map((d) => d.name);
  return [...units, ...cals.flatMap((c) => ['hours', 'days'].map((u) => ({ label: `${c} ${u}`, kind: CompletionItemKind.Unit, detail: `${u} of calendar ${c}` })))];
}

export function completion(text: string, offset: number, known: Analysis | null, sources: CompletionSources): CompletionItem[] {
  const ctx = contextAt(text, offset, known);
  if (!ctx) return [];
  const { before, beforeTypes } = ctx;
  if (endsWith(before, 'time', 'zone')) {
    return replacing(ctx, sources.zones().map((z) => ({ label: z, kind: CompletionItemKind.Value })));
  }
  if (endsWith(before, 'public', 'holidays', 'of')) {
    return replacing(ctx, Object.entries(sources.countries()).map(([code, name]) => ({ label: code, kind: CompletionItemKind.Value, detail: name })));
  }
  const cell = tableCell(ctx);
  if (cell) return tableItems(ctx, cell);
  const lastType = beforeTypes[beforeTypes.length - 1];
  if (lastType === 'NumberLit') return unitItems(ctx, false);
  if (beforeTypes[beforeTypes.length - 2] === 'NumberLit' && known && declarations(known.symbols, 'calendar').some((d) => d.name.toLowerCase() === before[before.length - 1])) {
    return unitItems(ctx, true);
  }
  if (before.length === 0) return lineStartItems(ctx);
  const inHours = ctx.block?.kind === 'calendar' || ctx.block?.kind === 'maintenance';
  if (inHours && (endsWith(before, 'to') || endsWith(before, ',')) && DAYS.includes(before[before.length - 2] ?? '')) {
    return DAYS.map((d) => ({ label: d, kind: CompletionItemKind.EnumMember, detail: 'day of the week' }));
  }
  if (OBJECTIVES.includes(before[0]) && before.length === 1) {
    return [{ label: 'targets', kind: CompletionItemKind.Keyword, detail: 'a table follows' }, ...targetItems(ctx)];
  }
  return [];
}
