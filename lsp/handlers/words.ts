// The word under or just before the cursor, read from the text itself (works on any document state).

import type { Span } from '../../language/span';

const WORD_CHAR = /[A-Za-z0-9_.-]/;

export function wordAt(text: string, offset: number): { text: string; span: Span } | null {
  let start = Math.min(offset, text.length);
  let end = start;
  while (start > 0 && WORD_CHAR.test(text[start - 1])) start--;
  while (end < text.length && WORD_CHAR.test(text[end])) end++;
  if (start === end) return null;
  return { text: text.slice(start, end), span: { start, end } };
}
