// Formatting through the server is `slac fmt`: whole document and range; refused with a reason on
// syntax errors, never at the cost of a comment.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { format } from '../../compiler/format';
import { parse } from '../../language/index';
import { analyze } from '../../lsp/analysis';
import { formatting, formatText } from '../../lsp/handlers/formatting';

const ROOT = join(import.meta.dirname, '../..');
const files = [
  ...['contracts/sagicc/v04.sla', 'contracts/clever-ideas/v1.sla'],
  ...readdirSync(join(ROOT, 'test/fixtures/good')).filter((f) => f.endsWith('.sla')).map((f) => `test/fixtures/good/${f}`),
];

function applied(text: string, edits: Parameters<typeof TextDocument.applyEdits>[1]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.sla', 'sla', 1, text), edits);
}

describe('formatting', () => {
  for (const file of files) {
    it(`gives slac fmt's text for ${file}, also from a scrambled layout`, () => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const scrambled = text.replace(/^ {2}/gm, '      ').replace(/ {2,}\|/g, ' |');
      const expected = format(parse(scrambled).ast, scrambled);
      const result = formatting(analyze('file:///x.sla', scrambled));
      expect('edits' in result && applied(scrambled, result.edits)).toBe(expected);
    });
  }

  it('leaves a formatted document alone', () => {
    const text = readFileSync(join(ROOT, 'contracts/sagicc/v04.sla'), 'utf8');
    expect(formatting(analyze('file:///x.sla', text))).toEqual({ edits: [] });
  });

  it('formats only the lines of a range', () => {
    const text = 'contract   "R"\nversion 1\nseverities\n      high   "High"\n      low\n';
    const result = formatting(analyze('file:///x.sla', text), { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } });
    expect('edits' in result && applied(text, result.edits)).toBe('contract   "R"\nversion 1\nseverities\n  high "High"\n  low\n');
  });

  it('refuses a document with syntax errors, saying where', () => {
    expect(formatText('contract "X"\nseverities\n  high "unclosed\n')).toEqual({
      refused: expect.stringMatching(/^not formatted: fix the syntax error at line 3, column 8 first/),
    });
  });
});
