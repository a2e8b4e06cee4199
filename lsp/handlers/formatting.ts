// Formatting, identical to `slac fmt`: the whole document, or the lines of a range. It refuses, with
// the reason, rather than format text with syntax errors or lose a comment.

import { diffArrays } from 'diff';
import type { Range, TextEdit } from 'vscode-languageserver/node';
import { format } from '../../compiler/format';
import { parse } from '../../language/index';
import { LineMap } from '../../language/span';
import type { Analysis } from '../analysis';

export type Formatted = { edits: TextEdit[] } | { refused: string };

/** The text `slac fmt` writes, or why it will not. */
export function formatText(text: string): { text: string } | { refused: string } {
  const parsed = parse(text);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    const at = new LineMap(text).position(errors[0].span.start);
    return { refused: `not formatted: fix the syntax error at line ${at.line}, column ${at.column} first (${errors[0].message})` };
  }
  const out = format(parsed.ast, text);
  // Every comment must come through; otherwise say which one would be lost.
  const kept = new Map<string, number>();
  for (const c of parse(out).ast.comments) kept.set(c.text.trimEnd(), (kept.get(c.text.trimEnd()) ?? 0) + 1);
  const lines = new LineMap(text);
  for (const c of parsed.ast.comments) {
    const key = c.text.trimEnd();
    const n = kept.get(key) ?? 0;
    if (n === 0) return { refused: `not formatted: the comment on line ${lines.position(c.span.start).line} would be lost` };
    kept.set(key, n - 1);
  }
  return { text: out };
}

function wholeLines(text: string): string[] {
  return text.split(/(?<=\r\n|\n|\r)/);
}

/**
 * The edits from `text` to its formatted form: changed runs of lines only, so a cursor elsewhere stays
 * put. With `range`, only the runs that touch its lines.
 */
export function formatting(a: Analysis, range?: Range): Formatted {
  const result = formatText(a.text);
  if ('refused' in result) return result;
  const before = wholeLines(a.text);
  const after = wholeLines(result.text);
  const edits: TextEdit[] = [];
  let line = 0;
  let pending: { from: number; to: number; text: string } | null = null;
  const flush = (): void => {
    if (!pending) return;
    const touches = !range || (pending.from <= range.end.line && Math.max(pending.to, pending.from + 1) > range.start.line);
    if (touches) edits.push({ range: { start: { line: pending.from, character: 0 }, end: { line: pending.to, character: 0 } }, newText: pending.text });
    pending = null;
  };
  for (const part of diffArrays(before, after)) {
    if (!part.added && !part.removed) {
      flush();
      line += part.count ?? part.value.length;
      continue;
    }
    pending ??= { from: line, to: line, text: '' };
    if (part.removed) {
      line += part.value.length;
      pending.to = line;
    } else pending.text += part.value.join('');
  }
  flush();
  return { edits };
}
