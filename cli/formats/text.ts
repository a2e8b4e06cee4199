// Human output: file:line:col, the code, the message, and the line with the span underlined.

import type { Colors } from '../io';
import { type FileDiagnostics, rangeOf, type Summary } from './located';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function frame(f: FileDiagnostics, span: { start: number; end: number }, c: Colors, paint: (s: string) => string): string[] {
  const r = rangeOf(f.lines, span);
  const text = f.lines.lineText(r.line).replace(/\t/g, ' ');
  const gutter = String(r.line).length;
  const startCol = r.column - 1;
  const endCol = r.endLine === r.line ? Math.max(r.endColumn - 1, startCol + 1) : Math.max(text.length, startCol + 1);
  const marker = ' '.repeat(startCol) + '^'.repeat(Math.max(1, endCol - startCol));
  return [`${c.dim(`${String(r.line).padStart(gutter)} |`)} ${text}`, `${c.dim(`${' '.repeat(gutter)} |`)} ${paint(marker)}`];
}

export function formatText(files: FileDiagnostics[], summary: Summary, c: Colors, quiet = false): string {
  const out: string[] = [];
  for (const f of files) {
    for (const d of f.diagnostics) {
      if (quiet && d.severity !== 'error') continue;
      const r = rangeOf(f.lines, d.span);
      const paint = d.severity === 'error' ? c.red : d.severity === 'warning' ? c.yellow : c.cyan;
      out.push(`${c.bold(`${f.file}:${r.line}:${r.column}`)} ${paint(d.severity)} ${c.dim(d.code)} ${d.message}`);
      out.push(...frame(f, d.span, c, paint).map((l) => `  ${l}`));
      for (const rel of d.related) {
        const rr = rangeOf(f.lines, rel.span);
        out.push(`  ${c.dim('related:')} ${rel.file ?? f.file}:${rr.line}:${rr.column} ${rel.message}`);
      }
      if (d.hint) out.push(`  ${c.dim('hint:')} ${d.hint}`);
      out.push('');
    }
  }
  const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
  if (summary.infos) parts.push(plural(summary.infos, 'note'));
  if (summary.suppressed) parts.push(`${summary.suppressed} suppressed`);
  const line = `${parts.join(', ')} in ${plural(summary.files, 'file')}`;
  out.push(summary.errors ? c.red(line) : summary.warnings ? c.yellow(line) : c.green(line));
  return `${out.join('\n')}\n`;
}
