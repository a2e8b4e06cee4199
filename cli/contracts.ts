// Compiles contract files the one way `check` and `evaluate` share: each file on its own, then the
// folder rules over the files of each folder; and loads the versions of one contract for evaluation.

import { compile, type Compiled } from '../compiler/compile';
import { checkFolder } from '../compiler/folder';
import type { LineMap } from '../language/span';
import { compileContract, ContractVersions } from '../runtime/contract';
import { byFolder, contractVersionFiles, readText } from './files';
import type { FileDiagnostics } from './formats/located';

export interface CompiledFiles {
  compiled: Compiled[];
  /** Every file's diagnostics, its own and the folder's, in source order. */
  results: FileDiagnostics[];
}

/** `checks: false` skips the static checks of each file (the folder rules always run). */
export function compileFiles(files: string[], cwd: string, options: { checks?: boolean } = {}): CompiledFiles {
  const compiled = files.map((file) => compile(readText(file, cwd), file, { checks: options.checks ?? true }));
  const byName = new Map(compiled.map((c) => [c.file, c]));
  const folderFindings = new Map<string, Compiled['diagnostics']>();
  const others = new Map<string, ReadonlyMap<string, LineMap>>();
  for (const group of byFolder(files)) {
    const versions = group.map((f) => byName.get(f)!);
    for (const [file, ds] of checkFolder(versions)) folderFindings.set(file, ds);
    const lines = new Map(versions.map((c) => [c.file, c.lines]));
    for (const f of group) others.set(f, lines);
  }
  const results = compiled.map((c): FileDiagnostics => {
    const extra = folderFindings.get(c.file) ?? [];
    const diagnostics = extra.length ? [...c.diagnostics, ...extra].sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code)) : c.diagnostics;
    return { file: c.file, lines: c.lines, diagnostics, others: others.get(c.file) };
  });
  return { compiled, results };
}

export interface LoadedContracts {
  versions: ContractVersions;
  files: string[];
  /** The errors of every file (they stop evaluation). */
  diagnostics: FileDiagnostics[];
  hasErrors: boolean;
}

/**
 * A contract file, or a folder of versions of one contract, compiled for evaluation. `checks:
 * false` is only for a caller that already loaded the same files with them (the evaluate worker
 * threads). A contract with an error of any phase, or of the folder rules, is not evaluated.
 */
export function loadContracts(path: string, cwd: string, options: { checks?: boolean } = {}): LoadedContracts {
  const files = contractVersionFiles(path, cwd);
  const { compiled, results } = compileFiles(files, cwd, options);
  const diagnostics = results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') }));
  const hasErrors = diagnostics.some((d) => d.diagnostics.length > 0);
  if (hasErrors) return { versions: undefined as unknown as ContractVersions, files, diagnostics, hasErrors };
  const versions = new ContractVersions(
    compiled.map((c) => compileContract(c.contract, (span) => `${c.file}:${c.lines.position(span.start).line}`)),
  );
  return { versions, files, diagnostics, hasErrors };
}
