// The editor's incremental parse (language/incremental.ts) gives exactly the full parse's result:
// the same AST, spans included, and the same diagnostics in the same order, for every fixture and
// contract, and at every step of random edit sequences on the seed contracts. It re-parses only
// the clauses an edit touched.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { ParseCache, parse } from '../../language/index';

const ROOT = join(import.meta.dirname, '../..');

function slaFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = join(dir, e.name);
    if (e.isDirectory()) return slaFiles(rel);
    return e.name.endsWith('.sla') ? [rel] : [];
  });
}

const FILES = [...slaFiles('test/fixtures'), ...slaFiles('contracts')];
const SEEDS = ['contracts/sagicc/v04.sla', 'contracts/clever-ideas/v1.sla'].map((f) => readFileSync(join(ROOT, f), 'utf8'));

describe('incremental parse', () => {
  it('has every fixture and contract to read', () => {
    expect(FILES.length).toBeGreaterThan(20);
  });

  // One test per file: the suite grows with the fixtures, and a failure names its file.
  it.each(FILES)('reads %s as the full parse does, fresh and from its own cache', (f) => {
    const text = readFileSync(join(ROOT, f), 'utf8');
    const cache = new ParseCache();
    const full = parse(text);
    expect(parse(text, cache)).toEqual(full);
    expect(cache.stats.whole).toBe(false);
    // All of it from the cache, and again after an edit that moves every clause.
    expect(parse(text, cache)).toEqual(full);
    expect(cache.stats.parsed).toBe(0);
    const moved = `\n# moved\n${text}`;
    expect(parse(moved, cache)).toEqual(parse(moved));
  });

  it('parses again only the clause an edit is in, and moves the clauses after it', () => {
    const [seed] = SEEDS;
    const cache = new ParseCache();
    parse(seed, cache);
    const clauses = cache.stats.parsed;
    expect(clauses).toBeGreaterThan(5);
    // A line inserted into the middle of the file: one clause parsed, every other one reused.
    const at = seed.indexOf('\n', seed.length >> 1) + 1;
    const edited = `${seed.slice(0, at)}  # a note\n${seed.slice(at)}`;
    expect(parse(edited, cache)).toEqual(parse(edited));
    expect(cache.stats).toEqual({ parsed: 1, reused: clauses - 1, whole: false });
  });

  it('tells repeated clauses apart: each keeps its own tree', () => {
    const text = SEEDS[0].repeat(5);
    const cache = new ParseCache();
    expect(parse(text, cache)).toEqual(parse(text));
    const clauses = cache.stats.parsed;
    // An edit in the third copy: the clauses of every copy are reused, the edited one parsed.
    const at = text.indexOf('maintenance\n', SEEDS[0].length * 2);
    const edited = `${text.slice(0, at)}# moved\n${text.slice(at)}`;
    expect(parse(edited, cache)).toEqual(parse(edited));
    expect(cache.stats).toEqual({ parsed: 1, reused: clauses - 1, whole: false });
  });

  it('handles the cases where a clause reads past the next clause keyword', () => {
    const head = 'contract "X"\nversion 1\neffective 2026-01-01\ntime zone UTC\n';
    const cases = [
      // A list of dates continued after a comma, cut by the next clause: the error is on the keyword.
      `${head}calendar c\n  pinned holidays 2026: 2026-01-01,\ncontract "Y"\nplans a\n`,
      // An unclosed """ swallows the rest of the file.
      `${head}note "n" """\nstill text\nplans a, b\nseverities\n  s1\n`,
      // A misspelt keyword ends a block; an unindented row stays in it.
      `${head}severities\n  s1\nplnas a\nresponse targets\n| severity | a |\n| s1 | 1 hour |\n`,
      // Recovery deletes the end of a line to read the clause keyword after it as the line's next word.
      `${head}availability\n  target 99.5% per\ncalendar month\nplans a\n`,
      // A clause keyword on a line a clause did not finish.
      `${head}response 4\nrestoration 2 hours\ncredits\n  at most`,
      '',
      '\n\n',
      'plans',
      '"""',
      'contract "a" contract "b"\r\ncontract\r',
    ];
    for (const text of cases) {
      const cache = new ParseCache();
      expect(parse(text, cache), JSON.stringify(text)).toEqual(parse(text));
      expect(cache.stats.whole).toBe(false);
      const again = `${text}\nversion 2\n`;
      expect(parse(again, cache), JSON.stringify(again)).toEqual(parse(again));
    }
  });

  const piece = fc.oneof(
    fc.string({ maxLength: 10 }),
    fc.constantFrom(
      '\n',
      '\r\n',
      '  ',
      '"""',
      '"',
      '#',
      '|',
      ',',
      '\ncontract "Z"\n',
      '\nseverities\n',
      '\ncredits\n',
      '\nresponse targets\n',
      '\nplans a < b\n',
      '\nnote "n" """\n',
      '\n| severity | a | b |\n',
      '\n  | s1 | 4 hours | none |\n',
      '\nreponse targets\n',
      '\nseverites\n',
      '\nmaintenence\n',
      '\n  pinned holidays 2026: 2026-01-01,\n',
      '\ncalendar x\n  monday to friday 08:00 to 18:00\n',
      '\n    ',
      '\n\t',
      'calendar ',
      'at most 10%',
      '\navailability\n  target 99.5% per\ncalendar month\n',
      '99,5%',
    ),
  );
  type Edit = { kind: 'text'; at: number; remove: number; insert: string } | { kind: 'delete-line' | 'copy-line' | 'indent' | 'dedent'; at: number };
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    // Text inserted, deleted or replaced anywhere.
    fc.record({ kind: fc.constant('text' as const), at: fc.nat(), remove: fc.nat({ max: 30 }), insert: piece }),
    // A whole line deleted, duplicated, or its indentation changed.
    fc.record({ kind: fc.constantFrom('delete-line' as const, 'copy-line' as const, 'indent' as const, 'dedent' as const), at: fc.nat() }),
  );

  function apply(text: string, e: Edit): string {
    if (e.kind === 'text') {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + e.insert + text.slice(at + e.remove);
    }
    const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
    const start = starts[e.at % starts.length];
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    const line = text.slice(start, end);
    if (e.kind === 'delete-line') return text.slice(0, start) + text.slice(end);
    if (e.kind === 'copy-line') return text.slice(0, end) + (line.endsWith('\n') ? line : `\n${line}`) + text.slice(end);
    if (e.kind === 'indent') return `${text.slice(0, start)}  ${text.slice(start)}`;
    return text.slice(0, start) + text.slice(start).replace(/^[ \t]+/, '');
  }

  it('gives the full parse at every step of random edit sequences on the seeds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(edit, { minLength: 1, maxLength: 12 }), (seed, edits) => {
        const cache = new ParseCache();
        let text = seed;
        let previous = { text, result: parse(text, cache) };
        expect(previous.result).toEqual(parse(text));
        let reused = 0;
        for (const e of edits) {
          text = apply(text, e);
          const result = parse(text, cache);
          expect(result, JSON.stringify(text)).toEqual(parse(text));
          expect(cache.stats.whole).toBe(false);
          reused += cache.stats.reused;
          // What was handed out before is not changed by the trees it shares being moved.
          expect(previous.result).toEqual(parse(previous.text));
          previous = { text, result };
        }
        expect(reused).toBeGreaterThan(0);
      }),
      { numRuns: 80 },
    );
  });

  it('compiles through the cache as without it: what the later phases read of a kept statement is never changed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(edit, { minLength: 1, maxLength: 8 }), (seed, edits) => {
        const parseCache = new ParseCache();
        let text = seed;
        compile(text, 'seed.sla', { parseCache });
        for (const e of edits) {
          text = apply(text, e);
          const { ast, contract, diagnostics } = compile(text, 'seed.sla', { parseCache });
          const full = compile(text, 'seed.sla');
          expect({ ast, contract, diagnostics }).toEqual({ ast: full.ast, contract: full.contract, diagnostics: full.diagnostics });
        }
      }),
      { numRuns: 30 },
    );
  });
});
