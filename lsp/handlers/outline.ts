// The shape of a document: an outline (clauses, and the names each declares), workspace symbols,
// folding ranges (blocks, long texts, runs of comments) and selection ranges (word, cell, line,
// clause, file). All read the AST generically, so a new clause shows up without code here.

import {
  type DocumentSymbol,
  type FoldingRange,
  FoldingRangeKind,
  type Position,
  type SelectionRange,
  SymbolKind,
  type SymbolInformation,
} from 'vscode-languageserver/node';
import type { SymbolKind as SlacKind } from '../../compiler/symbols';
import type { Span } from '../../language/span';
import type { Analysis } from '../analysis';
import { statementLabel } from '../clauses';
import { contains, toOffset, toRange } from '../positions';

const KIND: Record<SlacKind, SymbolKind> = {
  plan: SymbolKind.EnumMember,
  severity: SymbolKind.EnumMember,
  calendar: SymbolKind.Namespace,
  category: SymbolKind.Constant,
  cause: SymbolKind.Constant,
  channel: SymbolKind.Interface,
  region: SymbolKind.Namespace,
  pauseReason: SymbolKind.Constant,
  service: SymbolKind.Module,
  group: SymbolKind.Package,
  part: SymbolKind.Field,
  setup: SymbolKind.Constant,
  environment: SymbolKind.Constant,
};

/** A span shrunk so that it does not end past the end of its last line's text (LSP ranges must nest). */
function within(outer: Span, inner: Span): Span {
  return { start: Math.max(outer.start, inner.start), end: Math.min(outer.end, Math.max(inner.end, inner.start)) };
}

export function documentSymbols(a: Analysis): DocumentSymbol[] {
  const lines = a.compiled.lines;
  const decls = a.symbols.occurrences.filter((o) => o.declaration);
  return a.compiled.ast.statements.map((s) => {
    const header = 'headerSpan' in s ? s.headerSpan : s.span;
    const children: DocumentSymbol[] = decls
      .filter((d) => contains(s.span, d.span.start))
      .map((d) => {
        const extent = within(s.span, d.extent ?? d.span);
        return {
          name: d.name,
          detail: d.detail ?? d.kind,
          kind: KIND[d.kind],
          range: toRange(lines, extent.start <= d.span.start && extent.end >= d.span.end ? extent : d.span),
          selectionRange: toRange(lines, d.span),
        };
      });
    return {
      name: statementLabel(s),
      kind: s.kind === 'note' ? SymbolKind.String : s.kind === 'calendar' ? SymbolKind.Namespace : SymbolKind.Module,
      range: toRange(lines, s.span),
      selectionRange: toRange(lines, within(s.span, header)),
      ...(children.length ? { children } : {}),
    };
  });
}

/** Declared names of every analysed file that contain the query's letters in order (as editors filter). */
export function workspaceSymbols(analyses: readonly Analysis[], query: string): SymbolInformation[] {
  const q = query.toLowerCase();
  const matches = (name: string): boolean => {
    let i = 0;
    for (const ch of name.toLowerCase()) if (ch === q[i]) i++;
    return i === q.length;
  };
  return analyses.flatMap((a) =>
    a.symbols.occurrences
      .filter((o) => o.declaration && matches(o.name))
      .map((o) => ({ name: o.name, kind: KIND[o.kind], containerName: `${o.kind} in ${a.compiled.contract.name ?? a.uri}`, location: { uri: a.uri, range: toRange(a.compiled.lines, o.span) } })),
  );
}

export function foldingRanges(a: Analysis): FoldingRange[] {
  const lines = a.compiled.lines;
  const line = (o: number): number => lines.position(o).line - 1;
  const out: FoldingRange[] = [];
  for (const s of a.compiled.ast.statements) {
    const [from, to] = [line(s.span.start), line(Math.max(s.span.start, s.span.end - 1))];
    if (to > from) out.push({ startLine: from, endLine: to, kind: FoldingRangeKind.Region });
  }
  // Runs of two or more whole-line comments.
  let runStart = -1;
  let prev = -2;
  for (const c of a.compiled.ast.comments) {
    const l = line(c.span.start);
    const whole = lines.lineText(l + 1).trim().startsWith('#');
    if (!whole) continue;
    if (l !== prev + 1) {
      if (runStart >= 0 && prev > runStart) out.push({ startLine: runStart, endLine: prev, kind: FoldingRangeKind.Comment });
      runStart = l;
    }
    prev = l;
  }
  if (runStart >= 0 && prev > runStart) out.push({ startLine: runStart, endLine: prev, kind: FoldingRangeKind.Comment });
  return out.sort((x, y) => x.startLine - y.startLine);
}

/** Every node of the AST (anything with a span) that holds `offset`, smallest first. */
function enclosingSpans(node: unknown, offset: number, out: Span[]): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const x of node) enclosingSpans(x, offset, out);
    return;
  }
  const o = node as Record<string, unknown>;
  const span = o.span as Span | undefined;
  if (span && typeof span.start === 'number' && !contains(span, offset)) return;
  if (span && typeof span.start === 'number') out.push(span);
  for (const [k, v] of Object.entries(o)) if (k !== 'span' && typeof v === 'object') enclosingSpans(v, offset, out);
}

export function selectionRanges(a: Analysis, positions: Position[]): SelectionRange[] {
  const lines = a.compiled.lines;
  return positions.map((p) => {
    const offset = toOffset(lines, p);
    const spans: Span[] = [];
    for (const s of a.compiled.ast.statements) if (contains(s.span, offset)) enclosingSpans(s, offset, spans);
    const line = lines.position(offset).line;
    const lineStart = lines.lineStart(line);
    spans.push({ start: lineStart, end: lineStart + lines.lineText(line).length }, { start: 0, end: a.text.length });
    // Outermost first, each strictly inside the one before: that is how LSP nests them.
    const unique = spans
      .filter((s, i) => spans.findIndex((t) => t.start === s.start && t.end === s.end) === i)
      .sort((x, y) => y.end - y.start - (x.end - x.start));
    let parent: SelectionRange | undefined;
    let outer: Span | undefined;
    for (const s of unique) {
      if (outer && !(outer.start <= s.start && s.end <= outer.end)) continue;
      parent = { range: toRange(lines, s), ...(parent ? { parent } : {}) };
      outer = s;
    }
    return parent ?? { range: toRange(lines, { start: offset, end: offset }) };
  });
}
