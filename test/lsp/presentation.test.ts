// What the editor paints beside the text: semantic tokens, inlay hints, the Evaluate lens, and the
// diagnostics themselves (codes, related information, explanations, folder findings).

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lsp/analysis';
import { codeLenses, lensTitle } from '../../lsp/handlers/code-lens';
import { documentDiagnostics } from '../../lsp/handlers/diagnostics';
import { inlayHints } from '../../lsp/handlers/inlay-hints';
import { semanticTokens, SemanticTokensCache } from '../../lsp/handlers/semantic-tokens';
import { recordsFor } from '../../lsp/evaluation';
import { Workspace } from '../../lsp/workspace';
import { contract, marked } from './marked';

describe('semantic tokens', () => {
  it('tell declared names from keywords, even a severity called like a soft keyword', () => {
    const m = marked(contract('severities\n  notice "Notice"\nresponse targets\n  | severity | target  |\n  | notice   | 4 hours |\n'));
    const of = (word: string, nth = 0) => {
      let at = -1;
      for (let i = 0; i <= nth; i++) at = m.text.indexOf(word, at + 1);
      return semanticTokens(m.analysis).find((t) => t.start === at);
    };
    expect(of('severities')).toMatchObject({ type: 'keyword' });
    expect(of('notice')).toMatchObject({ type: 'enumMember', declaration: true });
    expect(of('notice', 1)).toMatchObject({ type: 'enumMember', declaration: false });
    expect(of('hours')).toMatchObject({ type: 'type' });
    expect(of('"Notice"')).toMatchObject({ type: 'string' });
  });

  it('split a text over several lines into one token a line', () => {
    const m = marked('note "N" """\n  one\n  two\n  """\n');
    const strings = semanticTokens(m.analysis).filter((t) => t.type === 'string');
    expect(strings.map((t) => m.text.slice(t.start, t.start + t.length))).toEqual(['"N"', '"""', '  one', '  two', '  """']);
  });
});

describe('semantic tokens delta', () => {
  it('sends only what changed since the last result', () => {
    const cache = new SemanticTokensCache();
    const before = analyze('file:///x.sla', contract('severities\n  high\n'), 1);
    const full = cache.full(before);
    const after = analyze('file:///x.sla', contract('severities\n  high\n  low\n'), 2);
    const delta = cache.delta(after, full.resultId!);
    expect('edits' in delta && delta.edits.length).toBe(1);
    expect('edits' in delta && delta.edits[0].data!.length).toBeLessThan(full.data.length);
    expect(cache.delta(after, 'unknown')).toHaveProperty('data');
  });
});

describe('inlay hints', () => {
  const m = marked(contract(`calendar business "Business"
  monday to friday 08:00 to 18:00
  public holidays of CO
severities
  high "High"
response 2 business days for every incident
`));
  const hints = inlayHints(m.analysis, { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, { year: 2026 });

  it('give the business hours of a business-day target', () => {
    expect(hints.map((h) => h.label)).toContain('= 20 business hours');
  });

  it('list the holidays of the year that fall on working days', () => {
    const label = String(hints.find((h) => String(h.label).startsWith('2026:'))?.label);
    expect(label.startsWith('2026: 01-01, 01-12, 03-23')).toBe(true);
    expect(label).not.toContain('04-05'); // Easter Sunday: not a working day
  });
});

describe('the Evaluate lens', () => {
  it('finds the records of a contract folder in a sibling examples folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'slac-lens-'));
    mkdirSync(join(root, 'acme-cloud'));
    mkdirSync(join(root, 'examples'));
    writeFileSync(join(root, 'examples', 'acme-2026-03.ndjson'), '');
    expect(recordsFor(join(root, 'acme-cloud', 'v1.sla'), null, {})).toBe(join(root, 'examples', 'acme-2026-03.ndjson'));
    expect(recordsFor(join(root, 'acme-cloud', 'v1.sla'), root, { records: { 'acme-cloud': 'log.ndjson' } })).toBe(join(root, 'log.ndjson'));
    expect(recordsFor(join(root, 'other', 'v1.sla'), root, {})).toBeNull();
  });

  it('shows the verdict counts on the contract line', () => {
    const m = marked(contract(''));
    const run = { contract: '/c', records: '/r.ndjson', asOf: '2026-04-08T00:00:00Z', counts: { objectives: { met: 20, breached: 3, pending: 1 }, breachedPeriods: 1, rejected: 0 } };
    const [lens] = codeLenses(m.analysis, run);
    expect(lens.range.start.line).toBe(0);
    expect(lens.command).toEqual({ title: 'Evaluate: 20 met · 3 breached · 1 pending · 1 month breached', command: 'slac.openEvaluation', arguments: ['/c', '/r.ndjson', '2026-04-08T00:00:00Z'] });
    expect(lensTitle({ ...run, counts: null, error: 'the contract has errors' })).toBe('Evaluate: the contract has errors');
  });
});

describe('diagnostics', () => {
  it('carry code, severity, hint and related information', () => {
    const a = analyze('file:///x.sla', contract('severities\n  high\n  high\n'));
    const [d] = documentDiagnostics(a, [], { explainScheme: 'slac-explain' });
    expect(d).toMatchObject({ code: 'SLA2002', severity: 1, source: 'slac', codeDescription: { href: 'slac-explain:SLA2002' } });
    expect(d.relatedInformation?.[0]).toMatchObject({ message: 'first declared here', location: { uri: 'file:///x.sla', range: { start: { line: 6 } } } });
  });

  it('report two versions of a folder that take effect on the same date, on both files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-folder-'));
    const v1 = contract('');
    writeFileSync(join(dir, 'v1.sla'), v1);
    writeFileSync(join(dir, 'v2.sla'), v1.replace('version 1', 'version 2'));
    const ws = new Workspace({ debounceMs: 0 });
    const uri = pathToFileURL(join(dir, 'v2.sla')).href;
    ws.open(uri, v1.replace('version 1', 'version 2'), 1);
    const a = await ws.analysis(uri);
    const findings = ws.folderFindings(a);
    expect(findings.map((f) => f.code)).toEqual(['SLA2020']);
    expect(findings[0].message).toMatch(/another version takes effect on 2026-01-01 too/);
    expect(documentDiagnostics(a, findings, { linesOf: () => a.compiled.lines })[0].relatedInformation?.[0].location.uri).toBe(pathToFileURL(join(dir, 'v1.sla')).href);
    ws.open(uri, v1.replace('version 1', 'version 2').replace('2026-01-01', '2026-06-01'), 2);
    expect(ws.folderFindings(await ws.analysis(uri))).toEqual([]);
  });
});
