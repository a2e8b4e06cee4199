// Quick fixes, in-process: each one applied to the contract makes its finding go away.

import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { compile } from '../../compiler/compile';
import { analyze } from '../../lsp/analysis';
import { codeActions } from '../../lsp/handlers/code-actions';
import { documentDiagnostics } from '../../lsp/handlers/diagnostics';
import { contract } from './marked';

/** The text after the fix titled `title` for the first diagnostic with `code`. */
function fixed(text: string, code: string, title: RegExp): string {
  const a = analyze('file:///x.sla', text);
  const diagnostic = documentDiagnostics(a).find((d) => d.code === code);
  expect(diagnostic, `a ${code} in the contract`).toBeDefined();
  const action = codeActions(a, diagnostic!.range, [diagnostic!]).find((x) => title.test(x.title));
  expect(action, `a fix matching ${title}`).toBeDefined();
  return TextDocument.applyEdits(TextDocument.create('file:///x.sla', 'sla', 1, text), action!.edit!.changes!['file:///x.sla']);
}

const codes = (text: string): string[] => compile(text).diagnostics.map((d) => d.code);

const BANDS = contract(`availability
  target 99.9% per calendar month
credits
  | monthly availability      | credit |
  | between 99.00% and 99.90% | 5%     |
  | between 98.50% and 99.00% | 10%    |
  | below 98.50%              | 15%    |
  at most 20%
`);

describe('quick fixes', () => {
  it('make inclusive credit bounds half-open (SLA3002, SLA3003)', () => {
    expect(codes(BANDS)).toEqual(['SLA3002', 'SLA3003']);
    const once = fixed(BANDS, 'SLA3002', /half-open/);
    expect(once).toContain('| at least 99.00% and below 99.90% |');
    expect(codes(once)).toEqual(['SLA3002']);
    const twice = fixed(once, 'SLA3002', /half-open/);
    expect(twice).toContain('| at least 98.50% and below 99.00% |');
    expect(codes(twice)).toEqual([]);
  });

  it('fill the missing cells of a target table with none (SLA3201)', () => {
    const text = contract(`plans essential, standard
severities
  high "High"
  low "Low"
response targets
  | plan      | high    |
  | essential | 2 hours |
`);
    const out = fixed(text, 'SLA3201', /missing targets with none/);
    expect(out).toContain('  | plan      | high    | low  |\n  | essential | 2 hours | none |\n  | standard  | none    | none |');
    expect(codes(out)).toEqual([]);
  });

  it('fill an empty cell with none (SLA1008)', () => {
    const text = contract(`severities
  high "High"
response targets
  | severity | target |
  | high     |        |
`);
    expect(codes(fixed(text, 'SLA1008', /none/))).toEqual([]);
  });

  it('declare an undeclared severity or plan (SLA2001)', () => {
    const sev = contract(`severities
  high "High"
response targets
  | severity | target  |
  | high     | 4 hours |
  | urgent   | 8 hours |
`);
    expect(codes(fixed(sev, 'SLA2001', /Declare severity urgent/))).toEqual([]);
    const plan = contract(`plans basic < premium
severities
  high "High"
response targets
  | plan    | high    |
  | basic   | 4 hours |
  | premium | 2 hours |
  | gold    | 1 hour  |
`);
    const out = fixed(plan, 'SLA2001', /Declare plan gold/);
    expect(out).toContain('plans basic < premium < gold');
    expect(codes(out)).toEqual([]);
  });

  it('declare a calendar a business duration counts on (SLA2007)', () => {
    const text = contract(`severities
  high "High"
response 4 office hours for every incident
`);
    expect(codes(fixed(text, 'SLA2007', /Declare calendar office/))).toEqual([]);
  });

  it('turn a misspelt clause keyword into the one meant (SLA1003)', () => {
    const text = contract('severites\n  high "High"\nresponse 4 hours for every incident\n');
    expect(codes(fixed(text, 'SLA1003', /Change to 'severities'/))).toEqual([]);
  });

  it('silence a finding with # slac-ignore on its line, or beside a comment already there', () => {
    const text = contract('calendar unused\n  monday to friday 09:00 to 17:00\n');
    expect(codes(fixed(text, 'SLA3501', /slac-ignore/))).toEqual([]);
    const commented = contract('calendar unused  # spare\n  monday to friday 09:00 to 17:00\n');
    const out = fixed(commented, 'SLA3501', /slac-ignore/);
    expect(out).toContain('# slac-ignore SLA3501\ncalendar unused  # spare');
    expect(codes(out)).toEqual([]);
  });

  it('offer no ignore for a syntax error', () => {
    const a = analyze('file:///x.sla', contract('availability\n  target 99.9% every month\n'));
    const d = documentDiagnostics(a).filter((x) => x.code === 'SLA1003');
    expect(codeActions(a, d[0].range, d).filter((x) => /slac-ignore/.test(x.title))).toEqual([]);
  });
});
