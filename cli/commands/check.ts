// `slac check`: parse and check contracts; report in the format CI or a person wants.
// SARIF and JUnit writers (and their libraries) are loaded only when asked for.

import { compile } from '../../compiler/compile';
import { allDiagnostics, diagnosticDef, type Severity } from '../../language/diagnostics';
import { expandContractPaths, readText } from '../files';
import { formatGithub } from '../formats/github';
import { formatJson } from '../formats/json';
import type { FileDiagnostics, Summary } from '../formats/located';
import { summarize } from '../formats/located';
import { formatText } from '../formats/text';
import { CHECK_FORMATS, type CheckFormat, FAIL_LEVELS } from '../options';
import { colorsFor, type Io, UsageError } from '../io';
import { OutputWriter } from '../formats/writer';

export interface CheckOptions {
  format: string;
  failLevel: string;
  output?: string;
  color: boolean;
  quiet?: boolean;
  explain?: string | boolean;
}


const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** True when a finding of `severity` fails a run at `failLevel`. */
export function failsAt(severity: Severity, failLevel: Severity): boolean {
  return RANK[severity] >= RANK[failLevel];
}

export function explain(io: Io, code: string | true): number {
  if (code === true) {
    for (const d of allDiagnostics()) io.stdout(`${d.code}  ${d.severity.padEnd(7)}  ${d.title}\n`);
    return 0;
  }
  const d = diagnosticDef(code.toUpperCase());
  if (!d) throw new UsageError(`unknown diagnostic code ${code} (see \`slac check --explain\` for the list)`);
  io.stdout(`${d.code} (${d.severity}): ${d.title}\n\n${d.explain}\n`);
  return 0;
}

async function render(format: CheckFormat, results: FileDiagnostics[], summary: Summary, opts: CheckOptions, failLevel: Severity, io: Io): Promise<string> {
  switch (format) {
    case 'json':
      return formatJson(results, summary);
    case 'sarif': {
      const [{ formatSarif }, { VERSION }] = await Promise.all([import('../formats/sarif'), import('../main')]);
      return formatSarif(results, { name: 'slac', version: VERSION });
    }
    case 'github':
      return formatGithub(results, summary, opts.quiet);
    case 'junit': {
      const { formatJunit } = await import('../formats/junit');
      return formatJunit(results, failLevel);
    }
    default:
      return formatText(results, summary, colorsFor(io, 'stdout', !opts.color || !!opts.output), opts.quiet);
  }
}

export async function checkCommand(paths: string[], opts: CheckOptions, io: Io): Promise<number> {
  if (opts.explain !== undefined && opts.explain !== false) return explain(io, opts.explain);
  const format = opts.format as CheckFormat;
  if (!CHECK_FORMATS.includes(format)) {
    throw new UsageError(`unknown format "${opts.format}" for check (choose ${CHECK_FORMATS.join(', ')})`);
  }
  const failLevel = opts.failLevel as Severity;
  if (!(FAIL_LEVELS as readonly string[]).includes(failLevel)) throw new UsageError(`--fail-level is error, warning or info, not "${opts.failLevel}"`);
  if (paths.length === 0) throw new UsageError('name the contract files or folders to check, e.g. `slac check contracts`');
  const files = expandContractPaths(paths, io.cwd);
  if (files.length === 0) throw new UsageError(`no .sla contract files found in ${paths.join(', ')}`);
  const results: FileDiagnostics[] = files.map((file) => {
    const c = compile(readText(file, io.cwd), file);
    return { file, lines: c.lines, diagnostics: c.diagnostics, suppressed: c.suppressed };
  });
  const summary = summarize(results);
  const report = await render(format, results, summary, opts, failLevel, io);
  const out = OutputWriter.open(io, opts.output);
  out.text(report);
  await out.end();
  const failing = results.some((r) => r.diagnostics.some((d) => failsAt(d.severity, failLevel)));
  return failing ? 1 : 0;
}
