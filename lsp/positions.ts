// Offsets (the compiler's end-exclusive spans) to LSP positions (0-based lines, UTF-16 characters)
// and back. LineMap's columns already count UTF-16 code units, as LSP does by default.

import type { Position, Range } from 'vscode-languageserver/node';
import type { LineMap, Span } from '../language/span';

export function toPosition(lines: LineMap, offset: number): Position {
  const p = lines.position(offset);
  return { line: p.line - 1, character: p.column - 1 };
}

export function toRange(lines: LineMap, span: Span): Range {
  return { start: toPosition(lines, span.start), end: toPosition(lines, span.end) };
}

/** The offset of a position; a line or character past the end is clamped to the text. */
export function toOffset(lines: LineMap, position: Position): number {
  const count = lines.lineCount();
  if (position.line >= count) return lines.text.length;
  const line = Math.max(0, position.line) + 1;
  const start = lines.lineStart(line);
  return start + Math.max(0, Math.min(position.character, lines.lineText(line).length));
}

export function toSpan(lines: LineMap, range: Range): Span {
  return { start: toOffset(lines, range.start), end: toOffset(lines, range.end) };
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
