// Sources with positions marked inline: `‸` is the cursor, `⟦...⟧` marks ranges the test expects.
// The markers are removed from the text; positions are LSP positions (0-based line and character).

import type { Position, Range } from 'vscode-languageserver/node';
import { type Analysis, analyze } from '../../lsp/analysis';

export interface Marked {
  text: string;
  cursor: Position;
  offset: number;
  ranges: Range[];
  analysis: Analysis;
}

function position(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

export function marked(source: string, uri = 'file:///contracts/test/v1.sla'): Marked {
  let text = '';
  let offset = -1;
  const opens: number[] = [];
  const spans: [number, number][] = [];
  for (const ch of source) {
    if (ch === '‸') offset = text.length;
    else if (ch === '⟦') opens.push(text.length);
    else if (ch === '⟧') spans.push([opens.pop()!, text.length]);
    else text += ch;
  }
  spans.sort((a, b) => a[0] - b[0]);
  return {
    text,
    offset,
    cursor: position(text, Math.max(0, offset)),
    ranges: spans.map(([s, e]) => ({ start: position(text, s), end: position(text, e) })),
    analysis: analyze(uri, text, 1),
  };
}

/** A small complete contract to build test sources from; `extra` is appended. */
export function contract(body: string): string {
  return `contract "Test"\nversion 1\neffective 2026-01-01\ntime zone America/Bogota\n\n${body}\ncauses\n  counted provider\n`;
}
