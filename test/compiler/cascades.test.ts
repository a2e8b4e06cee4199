// A line that cannot be read is reported once, on that line, before anything else; what depends
// on it is not reported as well. Property: a seed contract with one line replaced by garbage.
// "Its line" is the whole clause line when a list of dates continues it after a trailing comma.

import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Compiled, compile } from '../../compiler/compile';
import { tokenize } from '../../language/lexer';
import { LineMap } from '../../language/span';
import { readRepoFile } from '../helpers/ir';

const SEEDS = ['contracts/sagicc/v04.sla', 'contracts/clever-ideas/v1.sla'].map((f) => ({ file: f, text: readRepoFile(f) }));

/** Lines that can be replaced on their own: not blank, not only a comment, not part of a text over several lines. */
function replaceableLines(text: string): number[] {
  const lines = new LineMap(text);
  const inText = new Set<number>();
  for (const t of tokenize(text).tokens) {
    const from = lines.position(t.startOffset).line;
    const to = lines.position(t.endOffset ?? t.startOffset).line;
    if (to > from && t.tokenType.name === 'TripleString') for (let l = from; l <= to; l++) inText.add(l);
  }
  const out: number[] = [];
  for (let l = 1; l <= lines.lineCount(); l++) {
    const s = lines.lineText(l).trim();
    if (s !== '' && !s.startsWith('#') && !inText.has(l)) out.push(l);
  }
  return out;
}

/** Names declared on each line (lower case: names ignore case). */
function declaredByLine(c: Compiled): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  const add = (span: { start: number }, name: string): void => {
    const line = c.lines.position(span.start).line;
    out.set(line, (out.get(line) ?? new Set()).add(name.toLowerCase()));
  };
  const k = c.contract;
  for (const s of k.severities) {
    add(s.span, s.id);
    for (const a of s.aliases) add(s.span, a);
  }
  for (const p of k.plans) if (!k.implicitPlan) add(p.span, p.id);
  const named: { id: string; span: { start: number } }[] = [
    ...k.categories,
    ...k.causes,
    ...k.calendars,
    ...(k.channels?.channels ?? []),
    ...(k.services ?? []),
    ...(k.services ?? []).flatMap((s) => s.parts ?? []),
    ...(k.regions ?? []),
    ...(k.environments ?? []),
  ];
  for (const x of named) add(x.span, x.id);
  return out;
}

const WORDS = /[A-Za-z_][A-Za-z0-9_]*(?:[-.][A-Za-z0-9_]+)*/g;

/** Lines other than `broken` that name something declared on `broken` and nowhere else. */
function dependents(c: Compiled, broken: number): Set<number> {
  const declared = declaredByLine(c);
  const elsewhere = new Set([...declared].filter(([l]) => l !== broken).flatMap(([, names]) => [...names]));
  const only = [...(declared.get(broken) ?? [])].filter((n) => !elsewhere.has(n));
  // A line of a block that could not be read declares nothing the contract knows: any name on it may be one.
  const start = c.lines.lineStart(broken);
  if ((c.contract.unreadable ?? []).some((u) => u.span.start <= start && start <= u.span.end))
    only.push(...(c.lines.lineText(broken).match(WORDS) ?? []).map((w) => w.toLowerCase()).filter((w) => !elsewhere.has(w)));
  const out = new Set<number>();
  for (let l = 1; l <= c.lines.lineCount(); l++) {
    const words = (c.lines.lineText(l).match(WORDS) ?? []).map((w) => w.toLowerCase());
    if (l !== broken && only.some((n) => words.includes(n))) out.add(l);
  }
  return out;
}

/** Lines that declare a name the `broken` line names: with the line gone, they may be unused. */
function namedBy(c: Compiled, broken: number): Set<number> {
  const words = new Set((c.lines.lineText(broken).match(WORDS) ?? []).map((w) => w.toLowerCase()));
  const out = new Set<number>();
  for (const [l, names] of declaredByLine(c)) if (l !== broken && [...names].some((n) => words.has(n))) out.add(l);
  return out;
}

/** A block header's block: the lines after it up to the next line at the margin (comments and blank lines do not end it). */
function blockOf(c: Compiled, header: number): Set<number> {
  const out = new Set<number>();
  if (/^\s/.test(c.lines.lineText(header))) return out;
  for (let l = header + 1; l <= c.lines.lineCount(); l++) {
    const text = c.lines.lineText(l);
    if (text.trim() !== '' && !text.trim().startsWith('#') && !/^\s/.test(text)) break;
    out.add(l);
  }
  return out;
}

/** The lines of the one clause line `line` is part of: a list continued after a trailing comma spans lines. */
function continued(c: Compiled, line: number): Set<number> {
  const endsWithComma = (l: number): boolean => /,\s*(#.*)?$/.test(c.lines.lineText(l));
  let from = line;
  let to = line;
  while (from > 1 && endsWithComma(from - 1)) from--;
  while (to < c.lines.lineCount() && endsWithComma(to)) to++;
  return new Set(Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

const findingsOn = (c: Compiled, line: number): string[] =>
  c.diagnostics.filter((d) => d.severity !== 'info' && c.lines.position(d.span.start).line === line).map((d) => d.code);

/**
 * Garbage: starts with something no line starts with, then anything a line may hold. Not `"""`,
 * which opens a text over several lines: it changes what every line up to the next one is.
 */
const garbage = fc
  .tuple(
    fc.constantFrom('@', '??', '%%', '{', '=>', '!', '$', '~~', '&', '^'),
    fc.array(
      fc.constantFrom('zz', 'qq9', '12,5%', '1.2.3', ':', '/', ',', '|', '<', '08:00', 'to', 'none', 'severities', 'credits', 'time zone', '"', 'business', '99.9%', 'p1', '2026-02-30'),
      { maxLength: 6 },
    ),
  )
  .map(([head, rest]) => [head, ...rest].join(' '));

describe('a line that cannot be read', () => {
  it('is reported first, on its line; no other line gets a finding unless it names what only that line declared', () => {
    const cases = SEEDS.map((seed) => ({ ...seed, compiled: compile(seed.text, seed.file), lines: replaceableLines(seed.text) }));
    fc.assert(
      fc.property(fc.nat(), fc.nat(), garbage, fc.boolean(), (which, at, junk, keepIndent) => {
        const seed = cases[which % cases.length];
        const line = seed.lines[at % seed.lines.length];
        const original = seed.compiled.lines.lineText(line);
        const indent = keepIndent ? /^\s*/.exec(original)![0] : '';
        const text = seed.text.split('\n').map((l, i) => (i === line - 1 ? indent + junk : l)).join('\n');
        const c = compile(text, seed.file);
        expect(c.diagnostics.length, 'the garbage is reported').toBeGreaterThan(0);
        const own = continued(seed.compiled, line);
        expect([...own], 'first, on its own line').toContain(c.lines.position(c.diagnostics[0].span.start).line);
        const allowed = dependents(seed.compiled, line);
        for (let l = 1; l <= c.lines.lineCount(); l++) {
          if (own.has(l) || allowed.has(l)) continue;
          // What the untouched contract already reported on the line may stay; nothing may be added.
          const before = findingsOn(seed.compiled, l);
          const after = findingsOn(c, l).filter((code) => !before.includes(code));
          expect(after, `line ${l} (${c.lines.lineText(l).trim()}) after line ${line} became ${JSON.stringify(indent + junk)}`).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('in any fixture, on any line, adds no finding to a line that does not depend on it', () => {
    const files = ['test/fixtures/bad', 'test/fixtures/good'].flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith('.sla'))
        .map((f) => `${d}/${f}`),
    );
    const found: string[] = [];
    let replaced = 0;
    for (const file of files) {
      const text = readRepoFile(file);
      const base = compile(text, file);
      for (const line of replaceableLines(text)) {
        const original = base.lines.lineText(line);
        const junk = /^\s*/.exec(original)![0] + '@ zz';
        const c = compile(
          text
            .split('\n')
            .map((l, i) => (i === line - 1 ? junk : l))
            .join('\n'),
          file,
        );
        replaced++;
        const exempt = new Set([...continued(base, line), ...dependents(base, line), ...namedBy(base, line), ...blockOf(base, line)]);
        for (let l = 1; l <= c.lines.lineCount(); l++) {
          if (exempt.has(l)) continue;
          const before = findingsOn(base, l);
          const added = findingsOn(c, l).filter((code) => !before.includes(code));
          if (added.length) found.push(`${file}:${line} (${original.trim()}) -> line ${l} (${c.lines.lineText(l).trim()}): ${added.join(', ')}`);
        }
      }
    }
    expect(replaced, 'every fixture line was tried').toBeGreaterThan(1500);
    expect(found).toEqual([]);
  });
});
