// `slac check`: parse and check contracts; report in the format CI or a person wants.
// SARIF and JUnit writers (and their libraries) are loaded only when asked for.

import { allDiagnostics, diagnosticDef, type Severity } from '../../language/diagnostics';
import { compileFiles } from '../compile-files';
import { expandContractPaths } from '../files';
import { formatGithub } from '../formats/github';
import { formatJson } from '../formats/json';
import type { FileDiagnostics, Summary } from '../formats/located';
import { reaches, summarize } from '../formats/located';
import { formatText } from '../formats/text';
import { checkFormat } from '../formats/infer';
import { type CheckFormat, FAIL_LEVELS } from '../options';
import { colorsFor, type Io, UsageError } from '../io';
import { OutputWriter } from '../formats/writer';
import { VERSION } from '../version';
import { contractInputs, refuseInputAsOutput } from '../output-file';

export interface CheckOptions {
  /** Default: from the --output extension, else text (formats/infer.ts). */
  format?: string;
  failLevel: string;
  output?: string;
  color: boolean;
  quiet?: boolean;
  explain?: string | boolean;
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
  // --quiet hides what is below the fail level, never a finding that fails the run.
  const shown: Severity = opts.quiet ? failLevel : 'info';
  switch (format) {
    case 'json':
      return formatJson(results, summary);
    case 'sarif': {
      const { formatSarif } = await import('../formats/sarif');
      return formatSarif(results, { name: 'slac', version: VERSION });
    }
    case 'github':
      return formatGithub(results, summary, shown);
    case 'junit': {
      const { formatJunit } = await import('../formats/junit');
      return formatJunit(results, failLevel);
    }
    default:
      return formatText(results, summary, colorsFor(io, 'stdout', !opts.color || !!opts.output), shown);
  }
}

export async function checkCommand(paths: string[], opts: CheckOptions, io: Io): Promise<number> {
  if (opts.explain !== undefined && opts.explain !== false) return explain(io, opts.explain);
  const format = checkFormat(opts.format, opts.output);
  const failLevel = opts.failLevel as Severity;
  if (!(FAIL_LEVELS as readonly string[]).includes(failLevel)) throw new UsageError(`--fail-level is error, warning or info, not "${opts.failLevel}"`);
  if (paths.length === 0) throw new UsageError('name the contract files or folders to check, e.g. `slac check contracts`');
  const files = expandContractPaths(paths, io.cwd);
  if (files.length === 0) throw new UsageError(`no .sla contract files found in ${paths.join(', ')}`);
  refuseInputAsOutput(opts.output, contractInputs(files, io.cwd), io.cwd);
  // Each folder's files are the versions of one contract: the folder rules apply as in `evaluate`.
  const { results } = compileFiles(files, io.cwd);
  const summary = summarize(results);
  const report = await render(format, results, summary, opts, failLevel, io);
  const out = OutputWriter.open(io, opts.output);
  try {
    out.text(report);
    await out.end();
  } catch (e) {
    await out.abort();
    throw e;
  }
  const failing = results.some((r) => r.diagnostics.some((d) => reaches(d.severity, failLevel)));
  return failing ? 1 : 0;
}
