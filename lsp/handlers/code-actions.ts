// Quick fixes, keyed on the diagnostic code, for every finding whose fix is unambiguous: half-open
// credit bounds, `none` in a missing or empty target cell, a declaration for an undeclared name,
// the keyword a typo was meant to be, and `# slac-ignore CODE` for any finding that may be silenced.
// A new check with an obvious fix adds one entry to QUICK_FIXES.

import { type CodeAction, CodeActionKind, type Diagnostic as LspDiagnostic, type Range, type TextEdit } from 'vscode-languageserver/node';
import { formatCell } from '../../compiler/format';
import { symbolAt } from '../../compiler/symbols';
import type * as A from '../../language/ast';
import type { Span } from '../../language/span';
import type { Analysis } from '../analysis';
import { contains, toPosition, toRange, toSpan } from '../positions';

interface FixContext {
  a: Analysis;
  diagnostic: LspDiagnostic;
  span: Span;
}

type QuickFix = (ctx: FixContext) => CodeAction[];

function action(ctx: FixContext, title: string, edits: TextEdit[], preferred = true): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [ctx.diagnostic], isPreferred: preferred, edit: { changes: { [ctx.a.uri]: edits } } };
}

function insertAt(ctx: FixContext, offset: number, newText: string): TextEdit {
  const p = toPosition(ctx.a.compiled.lines, offset);
  return { range: { start: p, end: p }, newText };
}

function replace(ctx: FixContext, span: Span, newText: string): TextEdit {
  return { range: toRange(ctx.a.compiled.lines, span), newText };
}

function tablesOf(s: A.Statement): A.Table[] {
  if (s.kind === 'objective') return s.table ? [s.table] : [];
  if (s.kind === 'credits' || s.kind === 'categories') return s.items.filter((i): i is A.Table => i.kind === 'table');
  return [];
}

function cellAt(a: Analysis, span: Span): { statement: A.Statement; cell: A.CellValue } | null {
  for (const s of a.compiled.ast.statements) {
    if (!contains(s.span, span.start)) continue;
    for (const t of tablesOf(s))
      for (const row of [t.header, ...t.rows]) for (const cell of row.cells) if (cell.span.start <= span.start && span.end <= cell.span.end) return { statement: s, cell };
  }
  return null;
}

/** `between X and Y` and `at most Y` include their upper end: a band should stop below it. */
const halfOpen: QuickFix = (ctx) => {
  // The band reported, else the one it overlaps (given as related information).
  const spans = [ctx.span, ...(ctx.diagnostic.relatedInformation ?? []).filter((r) => r.location.uri === ctx.a.uri).map((r) => toSpan(ctx.a.compiled.lines, r.location.range))];
  for (const span of spans) {
    const found = cellAt(ctx.a, span);
    if (found?.cell.kind !== 'bound') continue;
    const b = found.cell;
    const sides = b.between ? b.sides.map((s, i) => ({ op: i === 0 ? 'at least' : 'below', value: s.value })) : b.sides.map((s) => ({ op: s.op === 'at most' ? 'below' : s.op, value: s.value }));
    const text = sides.map((s) => `${s.op} ${s.value.text}%`).join(' and ');
    if (text !== formatCell(b)) return [action(ctx, `Make the band half-open: ${text}`, [replace(ctx, b.span, text)])];
  }
  return [];
};

const emptyCell: QuickFix = (ctx) => {
  const found = cellAt(ctx.a, ctx.span);
  if (found?.cell.kind !== 'empty' || found.statement.kind !== 'objective') return [];
  return [action(ctx, 'Fill the cell with none (not applicable)', [replace(ctx, found.cell.span, ' none ')])];
};

/** Rewrites a plan x severity table with a row and a column for every declared plan and severity. */
const missingTarget: QuickFix = (ctx) => {
  const c = ctx.a.compiled.contract;
  const s = ctx.a.compiled.ast.statements.find((x) => x.kind === 'objective' && contains(x.headerSpan, ctx.span.start));
  if (s?.kind !== 'objective' || !s.table) return [];
  const t = s.table;
  const word = (cell: A.CellValue | undefined): string | null => (cell?.kind === 'words' && cell.words.length === 1 ? cell.words[0].name : null);
  const rowDim = word(t.header.cells[0])?.toLowerCase();
  if (rowDim !== 'plan' && rowDim !== 'severity') return [];
  const rowNames = rowDim === 'plan' ? c.plans.map((p) => p.id) : c.severities.map((x) => x.id);
  const colNames = rowDim === 'plan' ? c.severities.map((x) => x.id) : c.plans.map((p) => p.id);
  const headers = t.header.cells.slice(1).map(word);
  if (headers.some((h) => h === null || h.toLowerCase() === 'target')) return [];
  const cols = [...headers as string[], ...colNames.filter((n) => !headers.includes(n))];
  const rows = [...t.rows.map((r) => word(r.cells[0])).filter((n): n is string => n !== null), ...rowNames.filter((n) => !t.rows.some((r) => word(r.cells[0]) === n))];
  const cellOf = (row: string, col: string): string => {
    const r = t.rows.find((x) => word(x.cells[0]) === row);
    const i = headers.indexOf(col);
    const cell = r && i >= 0 ? r.cells[i + 1] : undefined;
    return cell && cell.kind !== 'empty' ? formatCell(cell) : 'none';
  };
  const grid = [[rowDim, ...cols], ...rows.map((r) => [r, ...cols.map((col) => cellOf(r, col))])];
  const widths = grid[0].map((_, i) => Math.max(...grid.map((g) => g[i].length)));
  const lines = ctx.a.compiled.lines;
  const indent = /^[ \t]*/.exec(lines.lineText(lines.position(t.span.start).line))![0];
  const text = grid.map((g, ri) => `${ri === 0 ? '' : indent}| ${g.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`).join('\n');
  return [action(ctx, 'Fill the missing targets with none', [replace(ctx, t.span, text)])];
};

const declareName: QuickFix = (ctx) => {
  const sym = symbolAt(ctx.a.symbols, ctx.span.start);
  const ast = ctx.a.compiled.ast;
  const lines = ctx.a.compiled.lines;
  const endOfLine = (offset: number): number => {
    const l = lines.position(offset).line;
    return lines.lineStart(l) + lines.lineText(l).length;
  };
  if (sym?.kind === 'plan') {
    const plans = ast.statements.find((s) => s.kind === 'plans');
    if (plans?.kind !== 'plans') return [];
    const last = plans.names[plans.names.length - 1];
    const sep = ctx.a.compiled.contract.plansOrdered ? ' <' : ',';
    return [action(ctx, `Declare plan ${sym.name}${sep === ' <' ? ' (as the highest plan)' : ''}`, [insertAt(ctx, last.span.end, `${sep} ${sym.name}`)])];
  }
  if (sym?.kind === 'severity') {
    const sev = ast.statements.find((s) => s.kind === 'severities');
    if (sev?.kind === 'severities') {
      const after = sev.items.length ? sev.items[sev.items.length - 1].span.end : sev.headerSpan.end;
      return [action(ctx, `Declare severity ${sym.name} (as the least severe)`, [insertAt(ctx, endOfLine(after), `\n  ${sym.name}`)])];
    }
    const first = ast.statements.find((s) => s.kind === 'objective') ?? ast.statements[0];
    const at = first ? lines.lineStart(lines.position(first.span.start).line) : 0;
    return [action(ctx, `Declare severity ${sym.name}`, [insertAt(ctx, at, `severities\n  ${sym.name}\n\n`)])];
  }
  return [];
};

const declareCalendar: QuickFix = (ctx) => {
  const sym = symbolAt(ctx.a.symbols, ctx.span.start);
  if (sym?.kind !== 'calendar') return [];
  const first = ctx.a.compiled.ast.statements.find((s) => s.kind === 'severities' || s.kind === 'plans' || s.kind === 'objective');
  const lines = ctx.a.compiled.lines;
  const at = first ? lines.lineStart(lines.position(first.span.start).line) : ctx.a.text.length;
  const block = `calendar ${sym.name} "${sym.name} hours"\n  monday to friday 09:00 to 17:00\n\n`;
  return [action(ctx, `Declare calendar ${sym.name} (Mon-Fri 09:00-17:00, to adjust)`, [insertAt(ctx, at, block)], false)];
};

/** The parser's did-you-mean: "did you mean 'calendar'?". */
const keywordTypo: QuickFix = (ctx) => {
  const hint = (ctx.diagnostic.data as { hint?: string } | undefined)?.hint ?? '';
  const meant = /did you mean '([a-z ]+)'\?/.exec(hint)?.[1];
  return meant ? [action(ctx, `Change to '${meant}'`, [replace(ctx, ctx.span, meant)])] : [];
};

export const QUICK_FIXES: Record<string, QuickFix[]> = {
  SLA1003: [keywordTypo],
  SLA1008: [emptyCell],
  SLA2001: [declareName],
  SLA2007: [declareCalendar],
  SLA3002: [halfOpen],
  SLA3003: [halfOpen],
  SLA3201: [missingTarget],
};

const IGNORE = /#\s*slac-ignore\b[^\r\n]*/;

/** `# slac-ignore CODE` on the diagnostic's line (syntax errors cannot be silenced). */
function ignore(ctx: FixContext): CodeAction[] {
  const code = String(ctx.diagnostic.code ?? '');
  if (!/^SLA[23]\d{3}$/.test(code)) return [];
  const lines = ctx.a.compiled.lines;
  const line = lines.position(ctx.span.start).line;
  const start = lines.lineStart(line);
  const text = lines.lineText(line);
  const existing = IGNORE.exec(text);
  let edit: TextEdit;
  if (existing) edit = insertAt(ctx, start + existing.index + existing[0].trimEnd().length, ` ${code}`);
  else if (ctx.a.compiled.ast.comments.some((c) => lines.position(c.span.start).line === line)) {
    // A comment already ends the line: the ignore goes alone on the line above.
    edit = insertAt(ctx, start, `${/^[ \t]*/.exec(text)![0]}# slac-ignore ${code}\n`);
  } else edit = insertAt(ctx, start + text.trimEnd().length, `  # slac-ignore ${code}`);
  return [action(ctx, `Silence ${code} on this line (# slac-ignore)`, [edit], false)];
}

export function codeActions(a: Analysis, _range: Range, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  return diagnostics.flatMap((diagnostic) => {
    if (diagnostic.source !== undefined && diagnostic.source !== 'slac') return [];
    const ctx: FixContext = { a, diagnostic, span: toSpan(a.compiled.lines, diagnostic.range) };
    const fixes = QUICK_FIXES[String(diagnostic.code)] ?? [];
    return [...fixes.flatMap((f) => f(ctx)), ...ignore(ctx)];
  });
}
