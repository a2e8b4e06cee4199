// Syntax errors a user would make, with the code, the range and a helpful message; and the parser
// never throws on anything (fast-check, random and mutated contracts).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { parse } from '../../language/index';
import { LineMap } from '../../language/span';
import { readRepoFile } from '../helpers/ir';

function errorsAt(text: string) {
  const lines = new LineMap(text);
  return parse(text).diagnostics.map((d) => {
    const s = lines.position(d.span.start);
    const e = lines.position(d.span.end);
    return { code: d.code, range: `${s.line}:${s.column}-${e.line}:${e.column}`, message: d.message, hint: d.hint };
  });
}

const HEAD = 'contract "X"\nversion 1\neffective 2026-01-01\ntime zone UTC\n';

describe('syntax errors', () => {
  it('points at a misspelt word and says what was expected, with an example', () => {
    const text = `${HEAD}maintenance\n  notice at least 48 hours befor the start\n`;
    const [e] = errorsAt(text);
    expect(e).toMatchObject({ code: 'SLA1003', range: '6:28-6:33' });
    expect(e.message).toBe("expected 'before', found 'befor'");
    expect(e.hint).toContain('notice at least 48 hours before the start');
  });

  it('reports a stray character with its position, leaves that line out and keeps the rest of the file', () => {
    const text = `${HEAD}severities\n  critical "Critical" @\n  high "High"\n`;
    const r = parse(text);
    expect(errorsAt(text)).toMatchObject([{ code: 'SLA1001', range: '6:23-6:24' }]);
    const sev = r.ast.statements.find((s) => s.kind === 'severities');
    expect(sev && sev.kind === 'severities' && sev.items.map((i) => i.id.name)).toEqual(['high']);
    expect(r.ast.unreadable).toMatchObject([{ clause: 'severities', words: ['critical', 'Critical'] }]);
  });

  it('reports an unclosed quote on its line, and an unclosed """ at its opening', () => {
    expect(errorsAt(`${HEAD}provider "SAGICC\n`)[0]).toMatchObject({ code: 'SLA1002', range: '5:10-5:11' });
    expect(errorsAt(`${HEAD}note "x" """\n  text\n`)[0]).toMatchObject({ code: 'SLA1002', range: '5:10-5:13' });
  });

  it('rejects impossible times and dates', () => {
    expect(errorsAt(`${HEAD}calendar b\n  monday 08:00 to 25:00\n`)[0]).toMatchObject({ code: 'SLA1004', range: '6:19-6:24' });
    expect(errorsAt(`contract "X"\neffective 2026-02-30\n`)[0]).toMatchObject({ code: 'SLA1005', range: '2:11-2:21' });
  });

  it('rejects a number that is not one', () => {
    expect(errorsAt(`${HEAD}reliability at most 4.1.2 counted incidents per calendar month\n`)[0]).toMatchObject({ code: 'SLA1006', range: '5:21-5:26' });
  });

  it('rejects plans listed with both , and <', () => {
    expect(errorsAt(`${HEAD}plans a, b < c\n`)[0]).toMatchObject({ code: 'SLA1009', range: '5:1-5:15' });
  });

  it('says what a clause may start with when a line starts with an unknown word', () => {
    const errors = errorsAt(`${HEAD}availabilty\n  target 99.9% per calendar month\n  measured as exact time\nplans a, b\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'SLA1003', range: '5:1-5:12', hint: "did you mean 'availability'?" });
  });

  it('offers a did-you-mean on a misspelt keyword after a block, as one error on the word', () => {
    const text = `${HEAD}severities\n  p1 "One"\nreponse targets\n  | severity | target |\n  | p1 | 5 minutes |\n`;
    expect(errorsAt(text)).toMatchObject([{ code: 'SLA1003', range: '7:1-7:8', hint: "did you mean 'response'?" }]);
    const sev = parse(text).ast.statements.find((s) => s.kind === 'severities');
    expect(sev && sev.kind === 'severities' && sev.items.map((i) => i.id.name)).toEqual(['p1']);
  });

  it('reads a name close to a keyword as a name when it is indented, or not that close', () => {
    const r = compile(`${HEAD}severities\n  plan "Plan-wide outage"\ntier "Tier outage"\ncauses\n  counted provider\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.contract.severities.map((s) => s.id)).toEqual(['plan', 'tier']);
  });

  it('keeps a block open past a line it cannot read, and says what the lines of the block look like', () => {
    const text = `${HEAD}maintenance\n  windows any time\n  weekdays 21:00 to 23:00\n  notice at least 48 hours before the start\n`;
    const [e, ...rest] = errorsAt(text);
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ code: 'SLA1003', range: '7:3-7:11', message: "unexpected 'weekdays': not a line of the maintenance clause" });
    expect(e.hint).toContain('notice at least 48 hours before the start');
    const m = compile(text).contract.maintenance;
    expect(m?.notice?.duration.ms).toBe(48 * 3_600_000);
  });

  it('says where a list of dates stops when it ends with a comma', () => {
    const text = `${HEAD}calendar b\n  monday 08:00 to 18:00\n  pinned holidays 2026: 2026-01-01,\n\nnote "a" "b"\n`;
    expect(errorsAt(text)).toMatchObject([{ code: 'SLA1003', range: '7:35-7:36', message: "expected a date (YYYY-MM-DD) after ',', found the end of the line" }]);
  });

  it('recovers at the next line: one error per bad line, later clauses still parsed', () => {
    const text = `${HEAD}plans a <\nseverities\n  p1 "one"\nreliability at most 4 counted incidents per calendar month\n`;
    const r = parse(text);
    expect(r.diagnostics.filter((d) => d.code === 'SLA1003')).toHaveLength(1);
    expect(r.ast.statements.map((s) => s.kind)).toContain('reliability');
    expect(r.ast.statements.map((s) => s.kind)).toContain('severities');
  });
});

describe('names', () => {
  it('lets soft keywords be names and reserved words follow a keyword', () => {
    const r = compile(`${HEAD}severities\n  high\n  notice\ncauses\n  counted provider\n  excluded emergency\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.contract.severities.map((s) => s.id)).toEqual(['high', 'notice']);
    expect(r.contract.causes.map((c) => c.id)).toEqual(['provider', 'emergency']);
  });
});

const SEEDS = ['contracts/sagicc/v04.sla', 'contracts/clever-ideas/v1.sla'].map(readRepoFile);

function assertSaneDiagnostics(text: string): void {
  const r = compile(text, 'fuzz.sla');
  for (const d of r.diagnostics) {
    expect(d.span.start).toBeGreaterThanOrEqual(0);
    expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
    expect(d.span.end).toBeLessThanOrEqual(text.length);
    expect(d.code).toMatch(/^SLA\d{4}$/);
    expect(d.message.length).toBeGreaterThan(0);
  }
}

const fragments = [
  'contract', 'version', 'calendar', 'severities', 'plans', 'response', 'targets', 'maintenance', 'windows', 'notice', 'at least', 'credits',
  '|', '||', '"', '"""', '#', '\n', '\r\n', ' ', '08:00', '25:99', '2026-02-30', '99.9%', '5 business days', 'none', 'monday to friday', '<', ',', ':', '/',
  'between', 'and', 'below', '\t', 'é', '\u0000', '{', '%', '1.2.3',
];

describe('the parser never throws', () => {
  it('on random text made of language fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 60 }), (parts) => assertSaneDiagnostics(parts.join(' '))),
      { numRuns: 300 },
    );
  });

  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => assertSaneDiagnostics(s)), { numRuns: 300 });
  });

  it('on seed contracts with random cuts, insertions and swapped lines', () => {
    const mutation = fc.record({
      seed: fc.integer({ min: 0, max: SEEDS.length - 1 }),
      at: fc.nat(),
      cut: fc.nat({ max: 40 }),
      insert: fc.constantFrom(...fragments),
      swap: fc.boolean(),
    });
    fc.assert(
      fc.property(mutation, ({ seed, at, cut, insert, swap }) => {
        let text = SEEDS[seed];
        const pos = at % text.length;
        text = text.slice(0, pos) + insert + text.slice(pos + cut);
        if (swap) {
          const lines = text.split('\n');
          const i = pos % lines.length;
          const j = (i + 7) % lines.length;
          [lines[i], lines[j]] = [lines[j], lines[i]];
          text = lines.join('\n');
        }
        assertSaneDiagnostics(text);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the grammar', () => {
  it("passes Chevrotain's validations (no ambiguity, no left recursion)", async () => {
    const { validateGrammar } = await import('../../language/parser');
    expect(() => validateGrammar()).not.toThrow();
  });
});
