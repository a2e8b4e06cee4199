// Every name a contract declares (plans, severities, calendars, categories, causes, channels,
// regions, environments, services...) and
// every place that names one, with its kind and span: what go-to-definition, references, rename,
// completion and the outline of an editor are built on. Computed from the AST, so it works on a
// contract with errors. A new clause that declares or names things adds one entry to SYMBOL_RULES.

import type * as A from '../language/ast';
import type { Span } from '../language/span';

export type SymbolKind = 'plan' | 'severity' | 'calendar' | 'category' | 'cause' | 'channel' | 'region' | 'pauseReason' | 'service' | 'group' | 'part' | 'setup' | 'environment';

export interface SymbolOccurrence {
  kind: SymbolKind;
  name: string;
  /** The name itself. */
  span: Span;
  declaration: boolean;
  /** For a declaration: the whole declaring line (the outline's range). */
  extent?: Span;
  /** For a declaration: its title or description, when written. */
  detail?: string | null;
}

export interface Symbols {
  /** Every occurrence, declarations and references, in source order. */
  occurrences: SymbolOccurrence[];
}

export interface SymbolSink {
  declare(kind: SymbolKind, id: A.Ident, extent: Span, detail?: string | null): void;
  reference(kind: SymbolKind, id: A.Ident): void;
}

type Rule<K extends A.Statement['kind']> = (s: Extract<A.Statement, { kind: K }>, sink: SymbolSink) => void;

/** The single word of a table cell, or null (a cell of several words names nothing). */
function cellIdent(cell: A.CellValue | undefined): A.Ident | null {
  return cell?.kind === 'words' && cell.words.length === 1 ? cell.words[0] : null;
}

/** Target tables: `| plan | sev... |` rows name plans, columns severities; `| severity | plan... or target |` the other way. */
function targetTable(t: A.Table, sink: SymbolSink): void {
  const rowDim = cellIdent(t.header.cells[0])?.name.toLowerCase();
  if (rowDim !== 'plan' && rowDim !== 'severity') return;
  const colKind: SymbolKind = rowDim === 'plan' ? 'severity' : 'plan';
  for (const cell of t.header.cells.slice(1)) {
    const id = cellIdent(cell);
    if (id && !(colKind === 'plan' && id.name.toLowerCase() === 'target')) sink.reference(colKind, id);
  }
  for (const row of t.rows) {
    const id = cellIdent(row.cells[0]);
    if (id) sink.reference(rowDim, id);
  }
}

function categoryTable(t: A.Table, sink: SymbolSink): void {
  if (cellIdent(t.header.cells[0])?.name.toLowerCase() !== 'category') return;
  const descCol = t.header.cells.findIndex((c) => cellIdent(c)?.name.toLowerCase() === 'description');
  for (const row of t.rows) {
    const id = cellIdent(row.cells[0]);
    // Stryker disable next-line EqualityOperator: the first column is `category`, so the description is never column 0
    const d = descCol > 0 ? row.cells[descCol] : undefined;
    if (id) sink.declare('category', id, row.span, d?.kind === 'text' ? d.value : null);
  }
}

export const SYMBOL_RULES: { [K in A.Statement['kind']]?: Rule<K> } = {
  calendar: (s, sink) => sink.declare('calendar', s.id, s.headerSpan, s.title?.value ?? null),
  severities: (s, sink) => {
    for (const it of s.items) sink.declare('severity', it.id, it.span, it.title?.value ?? it.description?.value ?? null);
  },
  plans: (s, sink) => {
    for (const n of s.names) sink.declare('plan', n, n.span, null);
  },
  categories: (s, sink) => {
    for (const it of s.items) {
      if (it.kind === 'table') categoryTable(it, sink);
      else sink.declare('category', it.id, it.span, it.description?.value ?? null);
    }
  },
  objective: (s, sink) => {
    if (s.table) targetTable(s.table, sink);
    // `response targets for environment staging`: names an environment, channel, region or service (and part).
    if (s.scope) {
      sink.reference(s.scope.kind, s.scope.name);
      if (s.scope.part) sink.reference('part', s.scope.part);
    }
  },
  causes: (s, sink) => {
    for (const it of s.items) sink.declare('cause', it.id, it.span, it.description?.value ?? null);
  },
  channels: (s, sink) => {
    for (const it of s.items) if (it.kind === 'official') sink.declare('channel', it.id, it.span, it.description?.value ?? null);
  },
  regions: (s, sink) => {
    for (const it of s.items) {
      sink.declare('region', it.id, it.span, it.title?.value ?? null);
      if (it.calendar) sink.reference('calendar', it.calendar);
    }
  },
  environments: (s, sink) => {
    for (const it of s.items) sink.declare('environment', it.id, it.span, it.title?.value ?? null);
  },
  pauseReasons: (s, sink) => {
    for (const it of s.items) sink.declare('pauseReason', it.id, it.span, it.description?.value ?? null);
  },
  clocks: (s, sink) => {
    for (const line of s.items) for (const p of line.parts) if (p.kind === 'pausesWhile') for (const r of p.reasons) sink.reference('pauseReason', r);
  },
  update: (s, sink) => {
    if (s.scope?.dimension.name.toLowerCase() === 'severity') for (const n of s.scope.names) sink.reference('severity', n);
  },
  services: (s, sink) => {
    const groups = new Set<string>();
    for (const it of s.items) {
      if (it.kind === 'part') {
        sink.declare('part', it.id, it.span, it.title?.value ?? null);
        continue;
      }
      sink.declare('service', it.id, it.span, it.title?.value ?? null);
      // A group is declared by the first service line that names it; the others refer to it.
      if (!it.group) continue;
      // Stryker disable next-line MethodExpression: any one case compares names case-blind
      const key = it.group.name.toLowerCase();
      if (groups.has(key)) sink.reference('group', it.group);
      else {
        groups.add(key);
        sink.declare('group', it.group, it.span, null);
      }
    }
  },
  setups: (s, sink) => {
    for (const it of s.items) sink.declare('setup', it.id, it.span, it.title?.value ?? null);
  },
  availability: (s, sink) => {
    scopeSymbols(s.scope, sink);
    for (const l of s.items) {
      if (l.kind === 'onlyWithSetup') sink.reference('setup', l.setup);
      if (l.kind === 'countedDuring') sink.reference('calendar', l.calendar);
    }
  },
  credits: (s, sink) => scopeSymbols(s.scope, sink),
  maintenance: (s, sink) => scopeSymbols(s.scope, sink),
};

/** `for service compute part read` names a service and its part; `for group databases` a group. */
function scopeSymbols(scope: A.ScopeNode | undefined, sink: SymbolSink): void {
  if (!scope) return;
  sink.reference(scope.kind, scope.name);
  if (scope.part) sink.reference('part', scope.part);
}

/** Calls `visit` on every duration under `node`, whatever clause holds it. */
export function forEachDuration(node: unknown, visit: (d: A.DurationNode) => void): void {
  if (node === null || typeof node !== 'object') return;
  // An array's keys are its indices: it is walked like any object.
  const o = node as Record<string, unknown>;
  if (o.kind === 'duration') {
    visit(o as unknown as A.DurationNode);
    return;
  }
  // A name, a text or a span holds no duration: skip them without a look inside.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: the skip only saves time
  if (typeof o.start === 'number' || typeof o.name === 'string' || typeof o.value === 'string' || typeof o.text === 'string') return;
  for (const k in o) forEachDuration(o[k], visit);
}

export function collectSymbols(ast: A.ContractFile): Symbols {
  const occurrences: SymbolOccurrence[] = [];
  const sink: SymbolSink = {
    declare: (kind, id, extent, detail = null) => occurrences.push({ kind, name: id.name, span: id.span, declaration: true, extent, detail }),
    reference: (kind, id) => occurrences.push({ kind, name: id.name, span: id.span, declaration: false }),
  };
  for (const s of ast.statements) {
    (SYMBOL_RULES[s.kind] as Rule<typeof s.kind> | undefined)?.(s as never, sink);
    // A business unit names a calendar (`4 business hours`), in any clause.
    forEachDuration(s, (d) => {
      if (d.calendar) sink.reference('calendar', d.calendar);
    });
  }
  occurrences.sort((a, b) => a.span.start - b.span.start);
  return { occurrences };
}

/** The occurrence whose name covers `offset` (its end included, where a cursor stands after a word). */
export function symbolAt(symbols: Symbols, offset: number): SymbolOccurrence | null {
  return symbols.occurrences.find((o) => o.span.start <= offset && offset <= o.span.end) ?? null;
}

export function occurrencesOf(symbols: Symbols, kind: SymbolKind, name: string): SymbolOccurrence[] {
  return symbols.occurrences.filter((o) => o.kind === kind && o.name === name);
}

/** The first declaration of each name of a kind, in source order. */
export function declarations(symbols: Symbols, kind?: SymbolKind): SymbolOccurrence[] {
  const seen = new Set<string>();
  return symbols.occurrences.filter((o) => {
    if (!o.declaration || (kind && o.kind !== kind)) return false;
    const key = `${o.kind}/${o.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
