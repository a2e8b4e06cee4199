// The compiler's diagnostics as LSP diagnostics: code, range, severity, related information, and a
// link to the code's explanation (the `slac check --explain CODE` text) where the client opens one.

import { pathToFileURL } from 'node:url';
import { type Diagnostic as LspDiagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver/node';
import { type Diagnostic, diagnosticDef } from '../../language/diagnostics';
import type { LineMap } from '../../language/span';
import type { Analysis } from '../analysis';
import { toRange } from '../positions';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export interface DiagnosticOptions {
  /** URI scheme of a document that shows a code's explanation (the VS Code extension provides `slac-explain`). */
  explainScheme?: string;
  /** Line maps of other files named by related information (folder findings). */
  linesOf?: (file: string) => LineMap | undefined;
}

export function toLspDiagnostic(a: Analysis, d: Diagnostic, options: DiagnosticOptions = {}): LspDiagnostic {
  const lines = a.compiled.lines;
  const out: LspDiagnostic = {
    range: toRange(lines, d.span),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'slac',
    message: d.hint ? `${d.message}\n${d.hint}` : d.message,
  };
  const def = diagnosticDef(d.code);
  if (options.explainScheme && def) out.codeDescription = { href: `${options.explainScheme}:${d.code}` };
  if (d.code === 'SLA3501') out.tags = [DiagnosticTag.Unnecessary];
  const related = d.related.flatMap((r) => {
    const other = r.file ? options.linesOf?.(r.file) : lines;
    if (!other) return [];
    const uri = r.file ? pathToFileURL(r.file).href : a.uri;
    return [{ location: { uri, range: toRange(other, r.span) }, message: r.message }];
  });
  if (related.length) out.relatedInformation = related;
  if (d.hint) out.data = { hint: d.hint };
  return out;
}

/** Every diagnostic of the document, plus the folder's findings about it. */
export function documentDiagnostics(a: Analysis, folderFindings: readonly Diagnostic[] = [], options: DiagnosticOptions = {}): LspDiagnostic[] {
  return [...a.compiled.diagnostics, ...folderFindings].map((d) => toLspDiagnostic(a, d, options));
}

/** The markdown of a code's explanation: what `slac check --explain CODE` prints. */
export function explanation(code: string): string | null {
  const def = diagnosticDef(code);
  return def ? `**${def.code}** (${def.severity}): ${def.title}\n\n${def.explain}` : null;
}
