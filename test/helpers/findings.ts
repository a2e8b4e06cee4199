// Findings as `slac check` tells a user: the code, the text under the range, the message, the
// hint, and each related location as "its text: its message". Tests of checks and of lowering
// compare these, so that a finding is pinned by what the user reads, not by offsets.

import { compile } from '../../compiler/compile';
import type { Diagnostic } from '../../language/diagnostics';

export interface Finding {
  code: string;
  at: string;
  message: string;
  hint?: string;
  related: string[];
}

/** The diagnostics of `text`, each with the text under its range and its related ones. */
export function told(text: string, diagnostics: readonly Diagnostic[]): Finding[] {
  const at = (s: { start: number; end: number }): string => text.slice(s.start, s.end);
  return diagnostics.map((d) => ({
    code: d.code,
    at: at(d.span),
    message: d.message,
    ...(d.hint === undefined ? {} : { hint: d.hint }),
    related: d.related.map((r) => `${at(r.span)}: ${r.message}`),
  }));
}

/** Every finding of the contract of these lines. */
export function findings(lines: readonly string[], file = 'edges.sla'): Finding[] {
  const text = `${lines.join('\n')}\n`;
  return told(text, compile(text, file).diagnostics);
}
