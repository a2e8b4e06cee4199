// Human output: file:line:col, the code, the message, and the line with the span underlined.
// The contract's text is printed through `visible`: an ESC in a contract never reaches the terminal.

import type { Severity } from '../../language/diagnostics';
import type { Colors } from '../io';
import { type FileDiagnostics, rangeOf, reaches, relatedRange, type Summary } from './located';
import { visible } from './visible';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function frame(f: FileDiagnostics, span: { start: number; end: number }, c: Colors, paint: (s: string) => string): string[] {
  const r = rangeOf(f.lines, span);
  const raw = f.lines.lineText(r.line).replace(/\t/g, ' ');
  const gutter = String(r.line).length;
  const startCol = r.column - 1;
  const endCol = r.endLine === r.line ? Math.max(r.endColumn - 1, startCol + 1) : Math.max(raw.length, startCol + 1);
  // Columns of the escaped line: an escape is wider than the character it shows.
  const at = (col: number): number => visible(raw.slice(0, col)).length + Math.max(0, col - raw.length);
  const marker = ' '.repeat(at(startCol)) + '^'.repeat(Math.max(1, at(endCol) - at(startCol)));
  return [`${c.dim(`${String(r.line).padStart(gutter)} |`)} ${visible(raw)}`, `${c.dim(`${' '.repeat(gutter)} |`)} ${paint(marker)}`];
}

/** `from`: the least severe finding shown (--quiet shows only those that fail the run). */
export function formatText(files: FileDiagnostics[], summary: Summary, c: Colors, from: Severity = 'info'): string {
  const out: string[] = [];
  for (const f of files) {
    for (const d of f.diagnostics) {
      if (!reaches(d.severity, from)) continue;
      const r = rangeOf(f.lines, d.span);
      const paint = d.severity === 'error' ? c.red : d.severity === 'warning' ? c.yellow : c.cyan;
      out.push(`${c.bold(`${visible(f.file)}:${r.line}:${r.column}`)} ${paint(d.severity)} ${c.dim(d.code)} ${visible(d.message)}`);
      out.push(...frame(f, d.span, c, paint).map((l) => `  ${l}`));
      for (const rel of d.related) {
        const rr = relatedRange(f, rel);
        out.push(`  ${c.dim('related:')} ${visible(rr.file)}:${rr.line}:${rr.column} ${visible(rel.message)}`);
      }
      if (d.hint) out.push(`  ${c.dim('hint:')} ${visible(d.hint)}`);
      out.push('');
    }
  }
  const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
  if (summary.infos) parts.push(`${summary.infos} info`);
  if (summary.suppressed) parts.push(`${summary.suppressed} suppressed`);
  const line = `${parts.join(', ')} in ${plural(summary.files, 'file')}`;
  out.push(summary.errors ? c.red(line) : summary.warnings ? c.yellow(line) : c.green(line));
  return `${out.join('\n')}\n`;
}
