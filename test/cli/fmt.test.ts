// `slac fmt` as a user runs it: stdin to stdout, --check and --diff for CI, files rewritten in place.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSlac } from '../helpers/io';

const MESSY = 'CONTRACT   "X"\nversion 1\ntime zone UTC\nseverities\n p1 "One"\n';
const CLEAN = 'contract "X"\nversion 1\ntime zone UTC\nseverities\n  p1 "One"\n';

describe('slac fmt', () => {
  it('- reads standard input and writes the canonical layout to standard output', async () => {
    const r = await runSlac(['fmt', '-'], { stdin: MESSY });
    expect(r).toMatchObject({ code: 0, out: CLEAN });
  });

  it('--check - names <stdin> and exits 1 when it is not formatted, 0 when it is', async () => {
    expect(await runSlac(['fmt', '--check', '-'], { stdin: MESSY })).toMatchObject({ code: 1, out: '<stdin>: not formatted\n' });
    expect(await runSlac(['fmt', '--check', '-'], { stdin: CLEAN })).toMatchObject({ code: 0, out: '' });
  });

  it('rewrites files in place; --check lists the unformatted ones; --diff shows a patch and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-fmt-'));
    const a = join(dir, 'a.sla');
    const b = join(dir, 'b.sla');
    writeFileSync(a, MESSY);
    writeFileSync(b, CLEAN);
    const check = await runSlac(['fmt', '--check', dir]);
    expect(check.code).toBe(1);
    expect(check.out).toContain('a.sla: not formatted');
    expect(check.out).not.toContain('b.sla');
    const diff = await runSlac(['fmt', '--diff', a]);
    expect(diff.code).toBe(0);
    expect(diff.out).toContain('-CONTRACT   "X"');
    expect(diff.out).toContain('+contract "X"');
    expect(readFileSync(a, 'utf8')).toBe(MESSY);
    expect((await runSlac(['fmt', dir])).code).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(CLEAN);
    expect((await runSlac(['fmt', '--check', dir])).code).toBe(0);
  });

  it('refuses a file with syntax errors, with the error and its position, and leaves it alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-fmt-'));
    const bad = join(dir, 'bad.sla');
    writeFileSync(bad, 'contract "X"\navailabilty\n');
    const r = await runSlac(['fmt', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.sla:2:1 error SLA1003/);
    expect(r.err).toContain('not formatted: fix the syntax errors first');
    expect(readFileSync(bad, 'utf8')).toBe('contract "X"\navailabilty\n');
  });

  it('a folder without contracts is a usage error (exit 2)', async () => {
    const r = await runSlac(['fmt', mkdtempSync(join(tmpdir(), 'slac-fmt-empty-'))]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no \.sla contract files found/);
  });
});
