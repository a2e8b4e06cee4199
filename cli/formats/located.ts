// Diagnostics with file and 1-based line/column ranges: the shape every output format starts from.

import type { Diagnostic, Related, Severity } from '../../language/diagnostics';
import type { LineMap } from '../../language/span';

export interface FileDiagnostics {
  file: string;
  lines: LineMap;
  diagnostics: Diagnostic[];
  /** The line maps of other files that related locations point into (the versions of a folder). */
  others?: ReadonlyMap<string, LineMap>;
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

/** A related location's file and range, resolved in the file it points into. */
export function relatedRange(f: FileDiagnostics, rel: Related): Range & { file: string } {
  const file = rel.file ?? f.file;
  const lines = file === f.file ? f.lines : (f.others?.get(file) ?? f.lines);
  return { file, ...rangeOf(lines, rel.span) };
}

export function locate(f: FileDiagnostics): LocatedDiagnostic[] {
  return f.diagnostics.map((d) => {
    const out: LocatedDiagnostic = {
      code: d.code,
      severity: d.severity,
      message: d.message,
      file: f.file,
      ...rangeOf(f.lines, d.span),
      related: d.related.map((r) => {
        const { file, ...range } = relatedRange(f, r);
        return { file, message: r.message, ...range };
      }),
    };
    if (d.hint) out.hint = d.hint;
    return out;
  });
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** True when a finding of `severity` is at or above `level` (it fails a run at that level). */
export function reaches(severity: Severity, level: Severity): boolean {
  return RANK[severity] >= RANK[level];
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
