// Any document state is served: random edits of the seed contracts, binary garbage, a 5 MB file.
// No handler throws, every diagnostic lies inside the document, and formatting through the server
// is exactly `slac fmt` whenever the text parses.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { format } from '../../compiler/format';
import { parse } from '../../language/index';
import { analyze, type Analysis } from '../../lsp/analysis';
import { codeActions } from '../../lsp/handlers/code-actions';
import { completion } from '../../lsp/handlers/completion';
import { documentDiagnostics } from '../../lsp/handlers/diagnostics';
import { formatting } from '../../lsp/handlers/formatting';
import { hover } from '../../lsp/handlers/hover';
import { inlayHints } from '../../lsp/handlers/inlay-hints';
import { definition, documentHighlight, prepareRename, references } from '../../lsp/handlers/navigation';
import { documentSymbols, foldingRanges, selectionRanges } from '../../lsp/handlers/outline';
import { semanticTokens } from '../../lsp/handlers/semantic-tokens';

const ROOT = join(import.meta.dirname, '../..');
const SEEDS = ['contracts/sagicc/v04.sla', 'contracts/clever-ideas/v1.sla'].map((f) => readFileSync(join(ROOT, f), 'utf8'));
const sources = { zones: () => ['UTC'], countries: () => ({ CO: 'Colombia' }) };

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** Every handler, at a few positions; throws if any does. */
function serveAll(a: Analysis, probes: number[]): void {
  const end = positionAt(a.text, a.text.length);
  const diags = documentDiagnostics(a);
  for (const d of diags) {
    const inside = (p: Position) => p.line < end.line || (p.line === end.line && p.character <= end.character);
    expect(inside(d.range.start) && inside(d.range.end), `${d.code} at ${JSON.stringify(d.range)} inside the document`).toBe(true);
  }
  codeActions(a, { start: { line: 0, character: 0 }, end }, diags);
  documentSymbols(a);
  foldingRanges(a);
  semanticTokens(a);
  inlayHints(a, { start: { line: 0, character: 0 }, end }, { year: 2026 });
  formatting(a);
  const folder = { current: a, siblings: [] };
  for (const o of probes) {
    const p = positionAt(a.text, Math.min(o, a.text.length));
    hover(a, p, { year: 2026 });
    completion(a.text, Math.min(o, a.text.length), a, sources);
    definition(folder, p);
    references(folder, p, true);
    documentHighlight(a, p);
    prepareRename(a, p);
    selectionRanges(a, [p]);
  }
}

const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('|', '\n', '"""', '"', '#', ' to ', '24:00', '99.9%', 'business', 'calendar ', '\r\n', '\u0000', '😀'),
  ),
});

describe('robustness', () => {
  it('random edit sequences on the seeds never break a handler', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(edit, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), (seed, edits, probes) => {
        let text = seed;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          serveAll(analyze('file:///seed.sla', text), probes.map((p) => p % (text.length + 1)));
        }
        const parsed = parse(text);
        const result = formatting(analyze('file:///seed.sla', text));
        if (!parsed.diagnostics.some((d) => d.severity === 'error') && 'edits' in result) {
          const out = TextDocument.applyEdits(TextDocument.create('file:///seed.sla', 'sla', 1, text), result.edits);
          expect(out).toBe(format(parsed.ast, text));
        }
      }),
      { numRuns: 40, seed: 20261202 },
    );
  });

  it('serves binary garbage', () => {
    const garbage = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    serveAll(analyze('file:///garbage.sla', garbage), [0, 100, 2000, 3999]);
  });

  it('serves a 5 MB contract', () => {
    const big = SEEDS[0].repeat(Math.ceil((5 << 20) / SEEDS[0].length));
    const a = analyze('file:///big.sla', big);
    expect(a.text.length).toBeGreaterThanOrEqual(5 << 20);
    expect(documentDiagnostics(a).length).toBeGreaterThan(0);
    hover(a, positionAt(big, 3000), { year: 2026 });
    completion(big, big.length - 10, a, sources);
  });
});
