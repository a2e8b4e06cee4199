// The compiler driver: parse, lower, then run the static checks; collects every diagnostic.

import type { ContractFile } from '../language/ast';
import { type Diagnostic, Reporter } from '../language/diagnostics';
import { parse } from '../language/index';
import { LineMap } from '../language/span';
import { runChecks } from './checks/index';
import type { Contract } from './ir';
import { lower } from './lower';

export interface Compiled {
  file: string;
  text: string;
  lines: LineMap;
  ast: ContractFile;
  contract: Contract;
  /** Syntax errors first (the causes), then every other finding, each in the order of the file. */
  diagnostics: Diagnostic[];
}

export interface CompileOptions {
  /** Run the static checks (default true). Syntax and name errors are always reported. */
  checks?: boolean;
}

export function compile(text: string, file = '<input>', options: CompileOptions = {}): Compiled {
  const parsed = parse(text);
  const reporter = new Reporter();
  reporter.diagnostics.push(...parsed.diagnostics);
  const contract = lower(parsed.ast, file, reporter);
  const lines = new LineMap(text);
  if (options.checks !== false) runChecks({ contract, ast: parsed.ast, text, lines, report: reporter });
  applySuppressions(reporter.diagnostics, text, lines);
  const syntaxFirst = (d: Diagnostic): number => (d.code.startsWith('SLA1') ? 0 : 1);
  const diagnostics = reporter.diagnostics
    .filter((d) => !d.suppressed)
    .sort((a, b) => syntaxFirst(a) - syntaxFirst(b) || a.span.start - b.span.start || a.code.localeCompare(b.code));
  return { file, text, lines, ast: parsed.ast, contract, diagnostics };
}

/**
 * `# slac-ignore SLA3001` (several codes separated by commas or spaces) on the line of a diagnostic,
 * or alone on the line before it, silences those codes there. Errors of syntax cannot be silenced.
 */
function applySuppressions(diagnostics: Diagnostic[], text: string, lines: LineMap): void {
  const byLine = new Map<number, Set<string>>();
  const re = /#\s*slac-ignore\b([^\r\n]*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const codes = m[1].split(/[\s,]+/).filter((c) => /^SLA\d{4}$/.test(c));
    const line = lines.position(m.index).line;
    const own = lines.lineText(line).slice(0, lines.position(m.index).column - 1).trim() === '';
    const target = own ? line + 1 : line;
    const set = byLine.get(target) ?? new Set<string>();
    for (const c of codes) set.add(c);
    byLine.set(target, set);
  }
  if (byLine.size === 0) return;
  for (const d of diagnostics) {
    if (d.code.startsWith('SLA1')) continue;
    const line = lines.position(d.span.start).line;
    if (byLine.get(line)?.has(d.code)) d.suppressed = true;
  }
}
