// Outline, workspace symbols, folding and selection ranges, in-process.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lsp/analysis';
import { documentSymbols, foldingRanges, selectionRanges, workspaceSymbols } from '../../lsp/handlers/outline';
import { marked } from './marked';

const SAGICC = analyze('file:///contracts/sagicc/v04.sla', readFileSync(join(import.meta.dirname, '../../contracts/sagicc/v04.sla'), 'utf8'));

describe('outline', () => {
  it('lists the clauses with the names each declares', () => {
    const symbols = documentSymbols(SAGICC);
    expect(symbols.slice(0, 6).map((s) => s.name)).toEqual([
      'contract "SAGICC Service Level Agreement"',
      'version 04',
      'effective 2026-03-13',
      'provider "SAGICC"',
      'customer "the Client"',
      'time zone America/Bogota',
    ]);
    const severities = symbols.find((s) => s.name === 'severities')!;
    expect(severities.children?.map((c) => [c.name, c.detail])).toEqual([
      ['critical', 'Critical Impact'],
      ['high', 'High Impact'],
      ['medium', 'Medium Impact'],
      ['low', 'Low Impact'],
    ]);
    expect(symbols.find((s) => s.name === 'plans')?.children?.map((c) => c.name)).toEqual(['essential', 'standard', 'professional']);
    expect(symbols.find((s) => s.name === 'calendar business')?.children?.map((c) => c.name)).toEqual(['business']);
  });

  it('nests every child range inside its parent', () => {
    const inside = (a: { start: { line: number; character: number } }, b: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
      a.start.line > b.start.line || (a.start.line === b.start.line && a.start.character >= b.start.character);
    for (const s of documentSymbols(SAGICC)) {
      expect(inside(s.selectionRange, s.range)).toBe(true);
      for (const c of s.children ?? []) expect(inside(c.range, s.range)).toBe(true);
    }
  });

  it('finds declared names across files by their letters in order', () => {
    const found = workspaceSymbols([SAGICC], 'prfs');
    expect(found.map((s) => s.name)).toEqual(['professional']);
  });

  it('folds blocks, long texts and runs of comments', () => {
    const m = marked(`# one\n# two\n# three\ncalendar office\n  monday to friday 09:00 to 17:00\n  public holidays of CO\nnote "N" """\n  a\n  b\n  """\n`);
    expect(foldingRanges(m.analysis)).toEqual([
      { startLine: 0, endLine: 2, kind: 'comment' },
      { startLine: 3, endLine: 5, kind: 'region' },
      { startLine: 6, endLine: 9, kind: 'region' },
    ]);
  });

  it('widens a selection from a cell to its row, line, table, clause and file', () => {
    const m = marked(`severities\n  high\nresponse targets\n  | severity | target  |\n  | high     | 4 ho‸urs |\n`);
    const chain: string[] = [];
    for (let r: ReturnType<typeof selectionRanges>[number] | undefined = selectionRanges(m.analysis, [m.cursor])[0]; r; r = r.parent) {
      const { start, end } = r.range;
      chain.push(`${start.line}:${start.character}-${end.line}:${end.character}`);
    }
    expect(chain).toEqual(['4:15-4:22', '4:2-4:24', '4:0-4:24', '3:2-4:24', '2:0-4:24', '0:0-5:0']);
  });
});
