// Loads a contract file, or a folder of versions of one contract, compiled for evaluation.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { compile } from '../compiler/compile';
import { compileContract, ContractVersions } from '../runtime/contract';
import { expandContractPaths, readText } from './files';
import { type FileDiagnostics, summarize } from './formats/located';
import { formatText } from './formats/text';
import { colorsFor, type Io, UsageError } from './io';

export interface LoadedContracts {
  versions: ContractVersions;
  files: string[];
  /** Diagnostics of every file (errors stop evaluation). */
  diagnostics: FileDiagnostics[];
  hasErrors: boolean;
}

/**
 * `checks: false` skips the static checks: only for a caller that already loaded the same files
 * with them (the evaluate worker threads). A contract with an error of any phase is not evaluated.
 */
export function loadContracts(path: string, cwd: string, options: { checks?: boolean } = {}): LoadedContracts {
  let isDir = false;
  try {
    isDir = statSync(resolve(cwd, path)).isDirectory();
  } catch {
    throw new UsageError(`${path}: no such file or directory`);
  }
  const files = expandContractPaths([path], cwd);
  if (files.length === 0) throw new UsageError(`${path}: no .sla contract files${isDir ? ' in this folder' : ''}`);
  const compiled = files.map((file) => compile(readText(file, cwd), file, { checks: options.checks ?? true }));
  const diagnostics = compiled.map((c) => ({ file: c.file, lines: c.lines, diagnostics: c.diagnostics.filter((d) => d.severity === 'error') }));
  const hasErrors = diagnostics.some((d) => d.diagnostics.length > 0);
  if (hasErrors) return { versions: undefined as unknown as ContractVersions, files, diagnostics, hasErrors };

  const zones = new Set(compiled.map((c) => c.contract.timeZone));
  if (zones.size > 1) {
    throw new UsageError(`${path}: the versions of a contract must share one time zone (months and business days are read in it), but they name ${[...zones].join(', ')}`);
  }
  const names = new Set(compiled.map((c) => c.contract.name));
  if (names.size > 1) {
    throw new UsageError(`${path}: a contract folder holds the versions of one contract, but it names ${[...names].map((n) => `"${n}"`).join(', ')}`);
  }
  const seen = new Map<string, string>();
  for (const c of compiled) {
    const key = c.contract.effective ?? 'unspecified';
    const prev = seen.get(key);
    if (prev) throw new UsageError(`${c.file} and ${prev} take effect on the same date (${key}): which one is in force is undecidable`);
    seen.set(key, c.file);
  }
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
  io.stderr(`slac: the contract has errors; fix them before ${before} (slac check ${contractPath})\n`);
  return true;
}
