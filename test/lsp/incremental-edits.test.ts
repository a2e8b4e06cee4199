// The server analyses an edited document through its parse cache (only changed clauses parsed
// again): at every step of random edit sequences on the seeds, including edits that come before
// the previous one was analysed, its analysis equals that of the text analysed from scratch.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lsp/analysis';
import { Workspace } from '../../lsp/workspace';

const ROOT = join(import.meta.dirname, '../..');
const SEEDS = ['contracts/sagicc/v04.sla', 'contracts/clever-ideas/v1.sla'].map((f) => readFileSync(join(ROOT, f), 'utf8'));
const URI = 'untitled:contract.sla';

const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('|', '\n', '"""', '"', '#', '  ', '\ncredits\n', '\nseverites\n', '\nresponse targets\n  | plan | high |\n', 'calendar ', '\r\n'),
  ),
  /** Whether the next edit comes before this one is analysed. */
  hurried: fc.boolean(),
});

async function same(ws: Workspace, text: string, version: number): Promise<void> {
  const a = await ws.analysis(URI);
  const fresh = analyze(URI, text, version);
  expect(a.version).toBe(version);
  expect({ ast: a.compiled.ast, diagnostics: a.compiled.diagnostics, symbols: a.symbols }).toEqual({
    ast: fresh.compiled.ast,
    diagnostics: fresh.compiled.diagnostics,
    symbols: fresh.symbols,
  });
}

describe('the workspace analyses edits incrementally', () => {
  it('as if each text were analysed from scratch', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SEEDS), fc.array(edit, { minLength: 1, maxLength: 6 }), async (seed, edits) => {
        const ws = new Workspace({ debounceMs: 0 });
        let text = seed;
        let version = 1;
        ws.open(URI, text, version);
        await ws.analysis(URI);
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          ws.change(URI, text, ++version);
          if (!e.hurried) await same(ws, text, version);
        }
        await same(ws, text, version);
        ws.close(URI);
      }),
      { numRuns: 25 },
    );
  });
});
