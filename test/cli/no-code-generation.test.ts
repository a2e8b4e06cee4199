// slac never turns strings into code while it runs (the contract and the records are data): the
// built CLI, under node --disallow-code-generation-from-strings, gives byte for byte the output it
// gives without the flag, for `evaluate` on the bundled examples in every format and for `check`.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/ir';

function slac(args: string[], nodeFlags: string[] = [], workers = 0) {
  const env = { ...process.env, NO_COLOR: '1', SLAC_WORKERS: String(workers) };
  const r = spawnSync(process.execPath, [...nodeFlags, 'bin/slac.mjs', ...args], { cwd: ROOT, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const STRICT = ['--disallow-code-generation-from-strings'];
const EXAMPLES = [
  ['contracts/sagicc', 'contracts/examples/sagicc-2026-03.ndjson', '2026-04-08T09:00:00-05:00'],
  ['contracts/clever-ideas', 'contracts/examples/clever-2026-05.ndjson', '2026-06-01'],
];

describe('no code generated from strings at run time', () => {
  for (const [contract, log, asOf] of EXAMPLES) {
    for (const format of ['text', 'json', 'ndjson', 'markdown']) {
      it(`evaluate ${log} --format ${format}`, () => {
        const args = ['evaluate', contract!, log!, '--as-of', asOf!, '--format', format];
        const free = slac(args);
        const strict = slac(args, STRICT);
        expect(free.code).toBe(0);
        expect(strict.stderr).toBe(free.stderr);
        expect(strict.code).toBe(free.code);
        expect(strict.stdout).toBe(free.stdout);
        expect(strict.stdout.length).toBeGreaterThan(500);
      });
    }
  }

  it('evaluate --format ndjson on worker threads (they inherit the flag)', () => {
    const args = ['evaluate', 'contracts/sagicc', 'test/fixtures/evaluate/bad-records.ndjson', '--as-of', '2026-04-30', '--format', 'ndjson'];
    const free = slac(args, [], 0);
    const strict = slac(args, STRICT, 2);
    expect(free.code).toBe(3);
    expect(strict).toEqual(free);
  });

  for (const format of ['text', 'json', 'sarif', 'github', 'junit']) {
    it(`check contracts --format ${format}`, () => {
      const args = ['check', 'contracts', '--format', format];
      const free = slac(args);
      const strict = slac(args, STRICT);
      expect(free.code).toBe(0);
      expect(strict.stderr).toBe(free.stderr);
      expect(strict).toEqual(free);
    });
  }
});
