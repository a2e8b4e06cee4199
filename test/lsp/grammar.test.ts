// The TextMate grammar of the VS Code extension, generated from the token table, on sample contracts
// with scope assertions (vscode-tmgrammar-test); and its keyword lists match the lexer's.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../language/lexer';
import * as T from '../../language/tokens';
import { buildGrammar, grammarKeywords } from '../../lsp/vscode/grammar';

const ROOT = join(import.meta.dirname, '../..');

describe('the TextMate grammar', () => {
  it('passes the scope assertions of the sample contracts', () => {
    const grammar = join(mkdtempSync(join(tmpdir(), 'slac-grammar-')), 'sla.tmLanguage.json');
    writeFileSync(grammar, JSON.stringify(buildGrammar()));
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/vscode-tmgrammar-test/dist/unit.js'), '-c', '-g', grammar, 'test/lsp/grammar/*.sla'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout + run.stderr).not.toMatch(/ERROR|FAIL/i);
    expect(run.status).toBe(0);
  });

  it('highlights as a clause exactly the words the lexer reserves', () => {
    const { reserved } = grammarKeywords();
    for (const w of reserved) {
      const t = tokenize(w).tokens[0];
      expect(t.tokenType.CATEGORIES?.includes(T.HeaderWord) && !t.tokenType.CATEGORIES?.includes(T.Name), w).toBe(true);
    }
    expect(reserved).toHaveLength(32); // 21 clauses, regions, pause, clocks, update, services, setups, currency, report, termination, periods and fiscal
  });
});
