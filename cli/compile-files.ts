// Compiles contract files the one way `check` and `evaluate` share: each file on its own, then the
// folder rules over the files of each folder. Kept apart from the runtime, so `check` never loads it.

import { byCause, compile, type Compiled } from '../compiler/compile';
import { checkFolder } from '../compiler/folder';
import type { LineMap } from '../language/span';
import { byFolder, readText } from './files';
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
    const diagnostics = extra.length ? [...c.diagnostics, ...extra].sort(byCause) : c.diagnostics;
    return { file: c.file, lines: c.lines, diagnostics, suppressed: c.suppressed, others: others.get(c.file) };
  });
  return { compiled, results };
}
