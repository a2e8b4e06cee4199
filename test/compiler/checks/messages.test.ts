// What `slac check` tells the user about each fixture, word for word: every diagnostic's code,
// severity, range, message, hint and related locations with their messages. fixtures.test.ts pins
// codes and ranges (the markers inside the fixtures); this pins the words, which are the product
// too: "5% credit per 1% below target" read wrongly is a finding a user acts on. The expected
// texts are in __snapshots__/messages.test.ts.snap, reviewed like code: a change to a message
// shows there as a diff (`npx vitest run test/compiler/checks/messages.test.ts -u` rewrites it).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type Compiled } from '../../../compiler/compile';
import { checkFolder } from '../../../compiler/folder';
import type { Diagnostic } from '../../../language/diagnostics';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

function render(c: Compiled, d: Diagnostic): string {
  const at = (start: number, end: number): string => {
    const s = c.lines.position(start);
    const e = c.lines.position(end);
    return `${s.line}:${s.column}-${e.line}:${e.column}`;
  };
  const lines = [`${c.file}:${at(d.span.start, d.span.end)} ${d.code} ${d.severity}${d.suppressed ? ' (suppressed)' : ''}: ${d.message}`];
  if (d.hint !== undefined) lines.push(`  hint: ${d.hint}`);
  for (const r of d.related) lines.push(`  related ${r.file ?? c.file}:${at(r.span.start, r.span.end)}: ${r.message}`);
  return lines.join('\n');
}

const slaFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.sla')).sort();
const folders = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

for (const kind of ['bad', 'good'] as const) {
  const dir = join(FIXTURES, kind);
  describe(`${kind} fixtures, as the user reads them`, () => {
    for (const name of slaFiles(dir)) {
      it(name, () => {
        const c = compile(readFileSync(join(dir, name), 'utf8'), name);
        expect(c.diagnostics.map((d) => render(c, d)).join('\n')).toMatchSnapshot();
      });
    }
    for (const name of folders(dir)) {
      it(`${name}/`, () => {
        const compiled = slaFiles(join(dir, name)).map((f) => compile(readFileSync(join(dir, name, f), 'utf8'), f));
        const byFolder = checkFolder(compiled);
        const text = compiled.flatMap((c) => [...c.diagnostics.map((d) => render(c, d)), ...(byFolder.get(c.file) ?? []).map((d) => `folder ${render(c, d)}`)]);
        expect(text.join('\n')).toMatchSnapshot();
      });
    }
  });
}
