// Lines that could not be read. A clause, or a line of a block, with a syntax error on it is left
// out of the AST and listed instead, so that later phases neither read half a line nor report as
// missing what it said: the error is reported once, on its line, and its consequences are not.

import type * as A from './ast';
import { LineMap, type Span } from './span';

const WORD = /[A-Za-z_][A-Za-z0-9_]*(?:[-.][A-Za-z0-9_]+)*/g;

export class UnreadableLines {
  readonly entries: A.Unreadable[] = [];
  private readonly lines: LineMap;
  private readonly broken = new Set<number>();

  constructor(private readonly source: string) {
    this.lines = new LineMap(source);
  }

  /** Where the line an offset is on starts. */
  lineStartOf(offset: number): number {
    return this.lines.lineStart(this.lines.position(offset).line);
  }

  /** Where the line after the one an offset is on starts, or null on the last line. */
  nextLineStart(offset: number): number | null {
    const line = this.lines.position(offset).line;
    return line < this.lines.lineCount() ? this.lines.lineStart(line + 1) : null;
  }

  /** Marks the line of a syntax error. */
  mark(span: Span): void {
    this.broken.add(this.lines.position(span.start).line);
  }

  /** Whether any line has a syntax error. */
  any(): boolean {
    return this.broken.size > 0;
  }

  /** Whether a syntax error lies on one of the lines of `span`. */
  isBroken(span: Span): boolean {
    if (this.broken.size === 0) return false;
    const last = this.lines.position(span.end).line;
    for (let l = this.lines.position(span.start).line; l <= last; l++) if (this.broken.has(l)) return true;
    return false;
  }

  /**
   * Lines between two offsets that have a syntax error but nothing that was parsed (only stray
   * characters): no node stands for them, yet the lines under them belong to them.
   */
  bareBrokenLines(after: number, before: number): { span: Span; indent: number }[] {
    const out: { span: Span; indent: number }[] = [];
    if (this.broken.size === 0) return out;
    for (let l = this.lines.position(after).line + 1; l < this.lines.position(before).line; l++) {
      if (!this.broken.has(l)) continue;
      const start = this.lines.lineStart(l);
      const text = this.lines.lineText(l);
      out.push({ span: { start, end: start + text.length }, indent: /^[ \t]*/.exec(text)![0].length });
    }
    return out;
  }

  /** Lists a span that could not be read, as (a line of) `clause`; null when it could be any clause. */
  add(clause: A.ClauseKind | null, span: Span): A.Unreadable {
    // A line at the left margin is no line of a block, whatever recovery made of it (`@ zz` after
    // `services` read as a service): it may have been any clause.
    const margin = /^[^ \t]/.test(this.lines.lineText(this.lines.position(span.start).line));
    const entry: A.Unreadable = { clause: margin ? null : clause, words: [], span };
    this.extend(entry, span);
    this.entries.push(entry);
    return entry;
  }

  /** Adds the lines of `span` to an entry (indented lines that belong to an unreadable clause). */
  extend(entry: A.Unreadable, span: Span): void {
    entry.span = { start: Math.min(entry.span.start, span.start), end: Math.max(entry.span.end, span.end) };
    entry.words.push(...(this.source.slice(span.start, span.end).match(WORD) ?? []));
  }

  /**
   * The statement without its lines that have a syntax error (each listed), or null when the
   * line that opens it has one: the whole statement is listed, as any clause (a line that cannot
   * be read may not be what its first word says: `@ severities` replacing the contract's name).
   */
  prune(s: A.Statement): A.Statement | null {
    if (this.broken.size === 0) return s;
    if (this.isBroken('headerSpan' in s ? s.headerSpan : s.span)) {
      this.add(null, s.span);
      return null;
    }
    // Tables lose their broken rows; other lines are kept or listed whole. A table that a broken
    // line split in two (it was one of its rows) is one table again.
    const keep = <T extends { kind: string; span: Span }>(items: T[]): T[] => {
      const out: T[] = [];
      let split = false;
      for (const item of items) {
        if (item.kind !== 'table') {
          if (!this.isBroken(item.span)) out.push(item);
          else this.add(s.kind, item.span);
          split = this.isBroken(item.span) && (split || out[out.length - 1]?.kind === 'table');
          continue;
        }
        const table = this.pruneTable(s.kind, item as T & A.Table);
        const before = out[out.length - 1] as (T & A.Table) | undefined;
        if (table && split && before?.kind === 'table') {
          before.rows.push(table.header, ...table.rows);
          before.span = { start: before.span.start, end: table.span.end };
        } else if (table) out.push(table as T & A.Table);
        split = false;
      }
      return out;
    };
    switch (s.kind) {
      case 'calendar':
        return { ...s, lines: keep(s.lines) };
      case 'objective':
        return { ...s, table: s.table && this.pruneTable(s.kind, s.table) };
      case 'severities':
        return { ...s, items: keep(s.items) };
      case 'categories':
        return { ...s, items: keep(s.items) };
      case 'causes':
        return { ...s, items: keep(s.items) };
      case 'channels':
        return { ...s, items: keep(s.items) };
      case 'maintenance':
        return { ...s, items: keep(s.items) };
      case 'availability':
        return { ...s, items: keep(s.items) };
      case 'credits':
        return { ...s, items: keep(s.items) };
      case 'regions':
        return { ...s, items: this.keepLines(s.kind, s.items) };
      case 'pauseReasons':
        return { ...s, items: this.keepLines(s.kind, s.items) };
      case 'clocks':
        return { ...s, items: this.keepLines(s.kind, s.items) };
      case 'services':
        return { ...s, items: keep(s.items) };
      case 'setups':
        return { ...s, items: keep(s.items) };
      default:
        return s;
    }
  }

  /** The lines of a block without tables that read in full; the others are listed as unreadable. */
  private keepLines<T extends { span: Span }>(clause: A.ClauseKind, items: T[]): T[] {
    return items.filter((item) => {
      if (!this.isBroken(item.span)) return true;
      this.add(clause, item.span);
      return false;
    });
  }

  private pruneTable(clause: A.ClauseKind, t: A.Table): A.Table | null {
    if (this.isBroken(t.header.span)) {
      this.add(clause, t.span);
      return null;
    }
    const rows = t.rows.filter((r) => {
      if (!this.isBroken(r.span)) return true;
      this.add(clause, r.span);
      return false;
    });
    return { ...t, rows };
  }

  /** Every broken line not listed yet, as a line of the statement it lies in (or of any clause). */
  listRest(statements: A.Statement[]): void {
    for (const line of this.broken) {
      const start = this.lines.lineStart(line);
      const span = { start, end: start + this.lines.lineText(line).length };
      if (this.entries.some((e) => e.span.start <= span.end && span.start <= e.span.end)) continue;
      const owner = statements.find((s) => s.span.start <= span.start && span.start <= s.span.end);
      this.add(owner?.kind ?? null, span);
    }
  }
}
