// `slac check`: parse and check contracts; report in the format CI or a person wants.

import { compile } from '../../compiler/compile';
import { allDiagnostics, diagnosticDef } from '../../language/diagnostics';
import { expandContractPaths, readText } from '../files';
import { formatJson } from '../formats/json';
import type { FileDiagnostics } from '../formats/located';
import { summarize } from '../formats/located';
import { formatText } from '../formats/text';
import { colorsFor, type Io, UsageError } from '../io';
import { emit } from '../output';

export interface CheckOptions {
  format: string;
  failLevel: string;
  output?: string;
  color: boolean;
  quiet?: boolean;
  explain?: string | boolean;
}

export const CHECK_FORMATS = ['text', 'json'] as const;

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

export async function checkCommand(paths: string[], opts: CheckOptions, io: Io): Promise<number> {
  if (opts.explain !== undefined && opts.explain !== false) return explain(io, opts.explain);
  if (!(CHECK_FORMATS as readonly string[]).includes(opts.format)) {
    throw new UsageError(`unknown format "${opts.format}" for check (choose ${CHECK_FORMATS.join(', ')})`);
  }
  if (!['error', 'warning', 'info'].includes(opts.failLevel)) throw new UsageError(`--fail-level is error, warning or info, not "${opts.failLevel}"`);
  if (paths.length === 0) throw new UsageError('name the contract files or folders to check, e.g. `slac check contracts`');
  const files = expandContractPaths(paths, io.cwd);
  if (files.length === 0) throw new UsageError(`no ${'.sla'} contract files found in ${paths.join(', ')}`);
  const results: FileDiagnostics[] = files.map((file) => {
    const c = compile(readText(file, io.cwd), file);
    return { file, lines: c.lines, diagnostics: c.diagnostics };
  });
  const summary = summarize(results);
  const report = opts.format === 'json' ? formatJson(results, summary) : formatText(results, summary, colorsFor(io, 'stdout', !opts.color || !!opts.output), opts.quiet);
  emit(io, report, opts.output);
  const failing = results.flatMap((r) => r.diagnostics).some((d) =>
    opts.failLevel === 'info' ? true : opts.failLevel === 'warning' ? d.severity !== 'info' : d.severity === 'error',
  );
  return failing ? 1 : 0;
}
