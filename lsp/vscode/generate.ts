// What the extension build writes from the language's tables: the TextMate grammar and the snippets.

import { CLAUSES } from '../clauses';
import { buildGrammar } from './grammar';

export const grammar = buildGrammar;

/** VS Code snippets: one per clause, and one per line of each block. */
export function snippets(): Record<string, { prefix: string; body: string[]; description: string }> {
  const out: Record<string, { prefix: string; body: string[]; description: string }> = {};
  for (const c of CLAUSES) {
    out[c.keyword] = { prefix: c.keyword, body: c.snippet.split('\n'), description: c.explain };
    for (const l of c.lines ?? []) out[`${c.keyword}: ${l.label}`] ??= { prefix: l.label, body: l.snippet.split('\n'), description: l.explain };
  }
  return out;
}
