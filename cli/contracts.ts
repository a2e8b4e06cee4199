// Loads a contract file, or a folder of versions of one contract, compiled for evaluation.

import { compileContract, ContractVersions } from '../runtime/contract';
import { compileFiles } from './compile-files';
import { contractVersionFiles } from './files';
import { type FileDiagnostics, summarize } from './formats/located';
import { formatText } from './formats/text';
import { visible } from './formats/visible';
import { colorsFor, type Io } from './io';

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

/** Prints the errors of contracts that have some (they stop whatever needed them); true when there were any. */
export function reportContractErrors(loaded: LoadedContracts, contractPath: string, io: Io, color: boolean, before: string): boolean {
  if (!loaded.hasErrors) return false;
  const bad = loaded.diagnostics.filter((d) => d.diagnostics.length);
  io.stderr(formatText(bad, summarize(bad), colorsFor(io, 'stderr', !color)));
  io.stderr(`slac: the contract has errors; fix them before ${before} (slac check ${visible(contractPath)})\n`);
  return true;
}
