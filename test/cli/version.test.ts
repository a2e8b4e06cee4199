// The version slac reports is the one package.json states, and the CLI's modules import one
// another without a circle (a command never reaches back into main.ts).

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSlac } from '../helpers/io';
import { ROOT } from '../helpers/ir';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** The relative imports (static and dynamic) of every .ts file under cli/, as a graph. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.ts')) {
        const text = readFileSync(full, 'utf8');
        const targets = [...text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) => `${resolve(dirname(full), m[1])}.ts`);
        graph.set(full, targets);
      }
    }
  };
  walk(join(ROOT, 'cli'));
  return graph;
}

describe('slac --version', () => {
  it('prints the version of package.json, and SARIF names the same', async () => {
    expect((await runSlac(['--version'])).out.trim()).toBe(pkg.version);
    const sarif = JSON.parse((await runSlac(['check', 'contracts/sagicc', '--format', 'sarif'])).out);
    expect(sarif.runs[0].tool.driver.version).toBe(pkg.version);
  });
});

describe('the CLI modules', () => {
  it('import one another without a circle', () => {
    const graph = importGraph();
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done' || !graph.has(file)) return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(ROOT, f)).join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
