// Diagnostics with file and 1-based line/column ranges: the shape every output format starts from.

import type { Diagnostic } from '../../language/diagnostics';
import type { LineMap } from '../../language/span';

export interface FileDiagnostics {
  file: string;
  lines: LineMap;
  diagnostics: Diagnostic[];
  /** Findings silenced by `# slac-ignore` comments (not in `diagnostics`). */
  suppressed?: number;
}

export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LocatedDiagnostic extends Range {
  code: string;
  severity: Diagnostic['severity'];
  message: string;
  hint?: string;
  file: string;
  related: (Range & { file: string; message: string })[];
}

export function rangeOf(lines: LineMap, span: { start: number; end: number }): Range {
  const s = lines.position(span.start);
  const e = lines.position(Math.max(span.start, span.end));
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

export function locate(f: FileDiagnostics): LocatedDiagnostic[] {
  return f.diagnostics.map((d) => {
    const out: LocatedDiagnostic = {
      code: d.code,
      severity: d.severity,
      message: d.message,
      file: f.file,
      ...rangeOf(f.lines, d.span),
      related: d.related.map((r) => ({ file: r.file ?? f.file, message: r.message, ...rangeOf(f.lines, r.span) })),
    };
    if (d.hint) out.hint = d.hint;
    return out;
  });
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
}

export function summarize(files: FileDiagnostics[]): Summary {
  const all = files.flatMap((f) => f.diagnostics);
  return {
    files: files.length,
    errors: all.filter((d) => d.severity === 'error').length,
    warnings: all.filter((d) => d.severity === 'warning').length,
    infos: all.filter((d) => d.severity === 'info').length,
    suppressed: files.reduce((n, f) => n + (f.suppressed ?? 0), 0),
  };
}
