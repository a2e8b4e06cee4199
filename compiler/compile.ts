// The compiler driver: parse, lower, then run the static checks; collects every diagnostic.

import type { ContractFile } from '../language/ast';
import { DIAGNOSTICS, type Diagnostic, diagnosticDef, Reporter, whyNotSilenceable } from '../language/diagnostics';
import { type ParseCache, parse } from '../language/index';
import { LineMap, type Span } from '../language/span';
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
  /** How many findings `# slac-ignore` comments silenced (they are not in `diagnostics`). */
  suppressed: number;
}

export interface CompileOptions {
  /** Run the static checks (default true). Syntax and name errors are always reported. */
  checks?: boolean;
  /** The parse trees of the document's previous versions (an editor keeps one per document): only changed clauses are parsed again. */
  parseCache?: ParseCache;
}

export function compile(text: string, file = '<input>', options: CompileOptions = {}): Compiled {
  const phases = compilePhases(text, file, options);
  let step = phases.next();
  while (!step.done) step = phases.next();
  return step.value;
}

/**
 * The same work as compile(), paused after each phase (parsed, lowered, checked), so that an editor
 * can answer other requests in between, or drop the work when the text has changed meanwhile.
 */
export function* compilePhases(text: string, file = '<input>', options: CompileOptions = {}): Generator<'parsed' | 'lowered' | 'checked', Compiled> {
  const parsed = parse(text, options.parseCache);
  yield 'parsed';
  const reporter = new Reporter();
  reporter.diagnostics.push(...parsed.diagnostics);
  const contract = lower(parsed.ast, file, reporter);
  const lines = new LineMap(text);
  yield 'lowered';
  const checks = options.checks !== false;
  if (checks) {
    runChecks({ contract, ast: parsed.ast, text, lines, report: reporter });
    yield 'checked';
  }
  const suppressed = applySuppressions(reporter, parsed.ast, lines, checks && (contract.unreadable ?? []).length === 0);
  const diagnostics = reporter.diagnostics.filter((d) => !d.suppressed).sort(byCause);
  return { file, text, lines, ast: parsed.ast, contract, diagnostics, suppressed };
}

/** The order findings are reported in: syntax errors first (the causes), then the rest, each in file order. */
export function byCause(a: Diagnostic, b: Diagnostic): number {
  const syntaxFirst = (d: Diagnostic): number => (d.code.startsWith('SLA1') ? 0 : 1);
  return syntaxFirst(a) - syntaxFirst(b) || a.span.start - b.span.start || a.code.localeCompare(b.code);
}

interface Ignore {
  code: string;
  /** Where the code is written in the comment. */
  span: Span;
  /** The line whose findings it silences. */
  line: number;
}

/** `# slac-ignore SLA3001, SLA3002 reason`: the codes of every ignore comment, with the line each one is for. */
function ignoreComments(ast: ContractFile, lines: LineMap): Ignore[] {
  const out: Ignore[] = [];
  for (const c of ast.comments) {
    const m = /^#\s*slac-ignore\b/.exec(c.text);
    if (!m) continue;
    const at = lines.position(c.span.start);
    const alone = lines.lineText(at.line).slice(0, at.column - 1).trim() === '';
    const codes = /\bSLA\d+\b/gi;
    codes.lastIndex = m[0].length;
    for (let k = codes.exec(c.text); k; k = codes.exec(c.text)) {
      const start = c.span.start + k.index;
      out.push({ code: k[0].toUpperCase(), span: { start, end: start + k[0].length }, line: alone ? at.line + 1 : at.line });
    }
  }
  return out;
}

/**
 * `# slac-ignore CODE` (several codes separated by commas or spaces) on the line of a finding, or
 * alone on the line before it, silences that code there. An ignore that silences nothing is
 * reported: an unknown code, one that cannot be silenced, or (when the whole contract was read
 * and checked, so that the finding would be there) no such finding on its line. Returns how many
 * findings were silenced.
 */
function applySuppressions(reporter: Reporter, ast: ContractFile, lines: LineMap, complete: boolean): number {
  let silenced = 0;
  for (const ignore of ignoreComments(ast, lines)) {
    const def = diagnosticDef(ignore.code);
    const why = def ? whyNotSilenceable(ignore.code) : `${ignore.code} is not a slac diagnostic code (\`slac check --explain\` lists them)`;
    if (why) {
      reporter.report(DIAGNOSTICS.unusedIgnore, ignore.span, why);
      continue;
    }
    let used = false;
    for (const d of reporter.diagnostics) {
      if (d.code !== ignore.code || lines.position(d.span.start).line !== ignore.line) continue;
      if (!d.suppressed) silenced++;
      d.suppressed = true;
      used = true;
    }
    if (!used && complete) {
      reporter.report(DIAGNOSTICS.unusedIgnore, ignore.span, `no ${ignore.code} finding on line ${ignore.line} to silence`, {
        hint: 'remove the comment, or name the code the line is reported with',
      });
    }
  }
  return silenced;
}
