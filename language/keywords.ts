// The clause keywords, and the keyword a misspelt word was meant to be.
// A misspelt keyword at the start of an unindented line is retyped before parsing, so that it ends
// the block above it (instead of being read as one of its lines) and is reported once, with a guess.

import type { IToken } from 'chevrotain';
import * as T from './tokens';

/** The reserved keywords: each starts a clause at the start of a line. */
const CLAUSE_KEYWORDS = [
  'contract', 'version', 'effective', 'provider', 'customer', 'time', 'calendar', 'severities', 'plans', 'categories', 'response',
  'restoration', 'resolution', 'causes', 'reporting', 'maintenance', 'availability', 'reliability', 'credits', 'note', 'clause',
  'regions', 'pause', 'clocks', 'update',
  'services', 'setups', 'periods', 'fiscal',
];

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/**
 * The clause keyword a misspelt word was probably meant to be. `strict` asks for a closer match
 * (one letter off in a keyword of up to five letters, two in longer ones): inside a block, where
 * the word might as well be a name (a severity called `tier` is not a misspelt `time`).
 */
export function closestKeyword(word: string, strict = false): string | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  let best: string | null = null;
  let bestD = 3;
  for (const k of CLAUSE_KEYWORDS) {
    const dist = editDistance(w, k);
    if (dist < bestD && !(strict && dist > (k.length <= 5 ? 1 : 2))) [best, bestD] = [k, dist];
  }
  return best === w ? null : best;
}

/**
 * Retypes, in place, the first word of every unindented line that is not a keyword but nearly is
 * one (`reponse`, `maintenence`, `severites`) as a MisspeltKeyword. Clause keywords start their
 * line; inside a block such a word would otherwise be read as a name or as a line of the block.
 */
export function markMisspeltKeywords(tokens: IToken[], text: string): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const unindented = t.startOffset === 0 || /[\r\n]/.test(text.charAt(t.startOffset - 1));
    // `environments` alone on an unindented line opens the block; elsewhere it is a name.
    if (t.tokenType === T.Identifier && unindented && t.image.toLowerCase() === 'environments' && tokens[i + 1]?.tokenType === T.Newline) {
      t.tokenType = T.Environments;
      t.tokenTypeIdx = T.Environments.tokenTypeIdx!;
      continue;
    }
    if (t.tokenType === T.Identifier && unindented && closestKeyword(t.image, true)) {
      t.tokenType = T.MisspeltKeyword;
      t.tokenTypeIdx = T.MisspeltKeyword.tokenTypeIdx!;
    }
  }
}
