// One document as the editor sees it: its text compiled (diagnostics, AST, IR) and its symbols.
// Computed at once for tests and small files, or phase by phase, so a large document lets other
// requests through and a newer version drops the older computation.

import { fileURLToPath } from 'node:url';
import { type Compiled, compile, compilePhases } from '../compiler/compile';
import { collectSymbols, type Symbols } from '../compiler/symbols';
import type { ParseCache } from '../language/index';

export interface Analysis {
  uri: string;
  /** The editor's version of the text; null for a file read from disk. */
  version: number | null;
  text: string;
  compiled: Compiled;
  symbols: Symbols;
}

/** The file a URI names, or null for one that is not on disk (an unsaved buffer). */
export function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

export function analyze(uri: string, text: string, version: number | null = null): Analysis {
  const compiled = compile(text, uriToPath(uri) ?? uri);
  return { uri, version, text, compiled, symbols: collectSymbols(compiled.ast) };
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * analyze() with a turn of the event loop between phases; null as soon as `stale()` says a newer
 * text has come, so that text is analysed instead. `parseCache`: the document's, so that an edit
 * parses again only the clauses it changed.
 */
export async function analyzeInSteps(uri: string, text: string, version: number | null, stale: () => boolean, parseCache?: ParseCache): Promise<Analysis | null> {
  const phases = compilePhases(text, uriToPath(uri) ?? uri, { parseCache });
  for (let step = phases.next(); ; step = phases.next()) {
    if (step.done) {
      await nextTurn();
      if (stale()) return null;
      return { uri, version, text, compiled: step.value, symbols: collectSymbols(step.value.ast) };
    }
    await nextTurn();
    if (stale()) return null;
  }
}
