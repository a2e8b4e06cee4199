// Fixture tests: every diagnostic code has a bad fixture that asserts its code and range, and good
// fixtures prove that the checks raise no false alarm on contracts that exercise their subject.
//
// Expectations are marked inside the fixture (test/fixtures/{bad,good}/*.sla) with `#` comments:
//
//     | between 99.00% and 99.90% | 5%     |
//   #   ^^^^^^^^^^^^^^^^^^^^^^^^^ SLA3002
//
//   Carets under the range, on a comment line after the line they mark (the nearest line above that
//   is not itself an expectation). Several caret lines may follow one line. The `#` takes column 1,
//   so carets mark ranges from column 2 on.
//
//   # expect: SLA2004 1:1-1:1
//
//   An explicit 1-based range line:column-line:column, end exclusive: for ranges at column 1, empty
//   ranges, and ranges over several lines. Usually at the end of the file.
//
// A fixture's diagnostics must be exactly the expected ones: same codes and ranges, none missing,
// none extra. A good fixture may expect notes (info) only. A bad fixture is named after the code it
// is for (sla3002-credit-overlap.sla), and every code of `slac check --explain` has one.
//
// A fixture may also be a folder (sla2020-same-effective-date/): its .sla files are the versions of
// one contract, checked one by one and then by the folder rules (compiler/folder.ts), each file
// holding the expectations of its own lines.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/compile';
import { checkFolder } from '../../../compiler/folder';
import { allDiagnostics, diagnosticDef } from '../../../language/diagnostics';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const CARETS = /^#( *)(\^+)[ \t]+(SLA\d{4})\s*$/;
const EXPLICIT = /^#\s*expect:\s*(SLA\d{4})\s+(\d+):(\d+)-(\d+):(\d+)\s*$/;

interface Expectation {
  code: string;
  range: string; // "line:col-line:col"
}

export function expectations(text: string): Expectation[] {
  const out: Expectation[] = [];
  const lines = text.split(/\r?\n/);
  let target = 0; // 1-based line that caret lines refer to
  lines.forEach((line, i) => {
    const carets = CARETS.exec(line);
    const explicit = EXPLICIT.exec(line);
    if (carets) {
      const column = 2 + carets[1].length;
      out.push({ code: carets[3], range: `${target}:${column}-${target}:${column + carets[2].length}` });
    } else if (explicit) {
      out.push({ code: explicit[1], range: `${explicit[2]}:${explicit[3]}-${explicit[4]}:${explicit[5]}` });
    } else target = i + 1;
  });
  return out;
}

function found(file: string, text: string): Expectation[] {
  const c = compile(text, file);
  return c.diagnostics.map((d) => {
    const s = c.lines.position(d.span.start);
    const e = c.lines.position(d.span.end);
    return { code: d.code, range: `${s.line}:${s.column}-${e.line}:${e.column}` };
  });
}

/** A folder fixture: every file's own findings and the folder's, each as `file code range`. */
function foundInFolder(files: { name: string; text: string }[]): string[] {
  const compiled = files.map(({ name, text }) => compile(text, name));
  const byFolder = checkFolder(compiled);
  return compiled.flatMap((c) =>
    [...c.diagnostics, ...(byFolder.get(c.file) ?? [])].map((d) => {
      const s = c.lines.position(d.span.start);
      const e = c.lines.position(d.span.end);
      return `${c.file} ${d.code} ${s.line}:${s.column}-${e.line}:${e.column}`;
    }),
  ).sort();
}

const key = (e: Expectation): string => `${e.code} ${e.range}`;
const sorted = (es: Expectation[]): string[] => es.map(key).sort();

function fixtures(kind: 'bad' | 'good'): { name: string; text: string }[] {
  const dir = join(FIXTURES, kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sla'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

function folderFixtures(kind: 'bad' | 'good'): { name: string; files: { name: string; text: string }[] }[] {
  const dir = join(FIXTURES, kind);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => ({
      name,
      files: readdirSync(join(dir, name))
        .filter((f) => f.endsWith('.sla'))
        .sort()
        .map((f) => ({ name: f, text: readFileSync(join(dir, name, f), 'utf8') })),
    }));
}

const expectedInFolder = (files: { name: string; text: string }[]): string[] =>
  files.flatMap(({ name, text }) => expectations(text).map((e) => `${name} ${key(e)}`)).sort();

describe('expectation markers', () => {
  it('read carets under the line above and explicit ranges', () => {
    const text = ['  | a | b |', '#   ^^^ SLA3002', '#   ^ SLA3003', 'x', '# expect: SLA2004 1:1-1:1'].join('\n');
    expect(expectations(text)).toEqual([
      { code: 'SLA3002', range: '1:5-1:8' },
      { code: 'SLA3003', range: '1:5-1:6' },
      { code: 'SLA2004', range: '1:1-1:1' },
    ]);
  });
});

describe('bad fixtures', () => {
  const bad = fixtures('bad');

  for (const { name, text } of bad) {
    it(`${name}: reports exactly the expected codes and ranges`, () => {
      const expected = expectations(text);
      expect(expected.length, 'a bad fixture expects at least one diagnostic').toBeGreaterThan(0);
      expect(sorted(found(name, text))).toEqual(sorted(expected));
    });
  }

  const badFolders = folderFixtures('bad');
  for (const { name, files } of badFolders) {
    it(`${name}/: reports exactly the expected codes and ranges in each file`, () => {
      expect(files.length, 'a folder fixture holds several versions').toBeGreaterThan(1);
      expect(foundInFolder(files)).toEqual(expectedInFolder(files));
    });
  }

  it('are named after a code they expect', () => {
    for (const { name, text } of bad) {
      const code = /^sla(\d{4})-/.exec(name)?.[1];
      expect(code, `${name} is named slaNNNN-what.sla`).toBeDefined();
      expect(expectations(text).map((e) => e.code), name).toContain(`SLA${code}`);
    }
    for (const { name, files } of badFolders) {
      const code = /^sla(\d{4})-/.exec(name)?.[1];
      expect(code, `${name}/ is named slaNNNN-what/`).toBeDefined();
      expect(files.flatMap(({ text }) => expectations(text).map((e) => e.code)), name).toContain(`SLA${code}`);
    }
  });

  it('cover every registered diagnostic code', () => {
    const covered = new Set([...bad, ...badFolders.flatMap((f) => f.files)].flatMap(({ text }) => expectations(text).map((e) => e.code)));
    const missing = allDiagnostics()
      .map((d) => d.code)
      .filter((code) => !covered.has(code));
    expect(missing, 'codes without a bad fixture').toEqual([]);
  });
});

describe('good fixtures', () => {
  for (const { name, files } of folderFixtures('good')) {
    it(`${name}/: no false alarm from the folder rules`, () => {
      expect(files.length, 'a folder fixture holds several versions').toBeGreaterThan(1);
      expect(foundInFolder(files)).toEqual(expectedInFolder(files));
    });
  }

  for (const { name, text } of fixtures('good')) {
    it(`${name}: no false alarm`, () => {
      const expected = expectations(text);
      for (const e of expected) expect(diagnosticDef(e.code)?.severity, `${name} expects ${key(e)}`).toBe('info');
      expect(sorted(found(name, text))).toEqual(sorted(expected));
    });
  }
});
