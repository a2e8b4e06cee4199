// What the command line says on stderr and in its help: one `slac: ` prefix for every message,
// file errors in words, swapped arguments caught before anything is written, the default as-of in
// whole seconds, one word (`info`) for the lowest severity, exit codes and examples in every help.

import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runSlac } from '../helpers/io';

const LOG = 'contracts/examples/sagicc-2026-03.ndjson';
const dir = mkdtempSync(join(tmpdir(), 'slac-messages-'));

describe('stderr', () => {
  it('every usage error starts with "slac: ", commander\'s own too, and names the help to read', async () => {
    const cases = [
      { argv: ['bogus'], says: "unknown command 'bogus'" },
      { argv: ['evaluate'], says: "missing required argument 'contract'" },
      { argv: ['check', 'contracts', '--format', 'xml'], says: "argument 'xml' is invalid" },
      { argv: ['check', 'no/such/dir'], says: 'no/such/dir: cannot read: no such file or directory' },
      { argv: ['evaluate', 'contracts/sagicc', 'no/such.ndjson'], says: 'no/such.ndjson: cannot read: no such file or directory' },
      { argv: ['evaluate', 'contracts/sagicc', 'contracts/examples'], says: 'contracts/examples: cannot read: it is a folder' },
      { argv: ['fmt', 'no/such.sla'], says: 'no/such.sla: cannot read: no such file or directory' },
    ];
    for (const { argv, says } of cases) {
      const r = await runSlac(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.split('\n').filter(Boolean).every((l) => l.startsWith('slac: ')), r.err).toBe(true);
      expect(r.err).toContain(says);
      expect(r.err).not.toMatch(/\bE[A-Z]{3,}\b/); // no bare errno codes
    }
    expect((await runSlac(['evaluate'])).err).toContain('(see slac evaluate --help)');
  });

  it('fmt\'s notes carry the prefix too', async () => {
    expect((await runSlac(['fmt', '--check', 'contracts/clever-ideas', 'contracts/sagicc'])).err).toBe('slac: 2 files already formatted\n');
  });
});

describe('swapped arguments', () => {
  it('records first and the contract second: said so, exit 2, nothing written', async () => {
    const output = join(dir, 'swapped.json');
    for (const contract of ['contracts/sagicc/v04.sla', 'contracts/sagicc']) {
      const r = await runSlac(['evaluate', LOG, contract, '--output', output]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`slac: the arguments are swapped: the contract comes first, then the records: slac evaluate ${contract} ${LOG}\n`);
      expect(existsSync(output)).toBe(false);
    }
  });

  it('a contract where the records go', async () => {
    const r = await runSlac(['evaluate', 'contracts/sagicc', 'contracts/clever-ideas/v1.sla']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('contracts/clever-ideas/v1.sla: a contract where the records are expected');
  });
});

describe('the default as-of', () => {
  afterEach(() => void vi.useRealTimers());

  it('is now in whole seconds', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-04-08T14:00:05.437Z'));
    const r = await runSlac(['evaluate', 'contracts/sagicc', LOG, '--format', 'json']);
    expect(JSON.parse(r.out).asOf).toBe('2026-04-08T09:00:05-05:00');
  });
});

describe('info, one word', () => {
  it('in the text summary, the github summary, JSON and --explain; SARIF says note', async () => {
    expect((await runSlac(['check', 'contracts/clever-ideas', 'contracts/sagicc'])).out).toMatch(/0 errors, 5 warnings, 1 info in 2 files\n$/);
    expect((await runSlac(['check', 'contracts/clever-ideas', 'contracts/sagicc', '--format', 'github'])).out).toContain(', 1 info in 2 file(s)');
    const json = JSON.parse((await runSlac(['check', 'contracts/clever-ideas', 'contracts/sagicc', '--format', 'json'])).out);
    expect(json.diagnostics.find((d: { code: string }) => d.code === 'SLA3009').severity).toBe('info');
    expect((await runSlac(['check', '--explain'])).out).toMatch(/SLA3009 {2}info {5}/);
    const sarif = JSON.parse((await runSlac(['check', 'contracts/clever-ideas', 'contracts/sagicc', '--format', 'sarif'])).out);
    expect(sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'SLA3009').level).toBe('note');
    for (const argv of [['check', 'contracts/clever-ideas', 'contracts/sagicc'], ['check', 'contracts/clever-ideas', 'contracts/sagicc', '--format', 'github'], ['check', '--explain'], ['check', '--help']]) {
      expect((await runSlac(argv)).out, argv.join(' ')).not.toMatch(/\bnotes?\b/);
    }
  });
});

describe('--help', () => {
  for (const argv of [['--help'], ...['check', 'fmt', 'evaluate', 'init', 'holidays'].map((c) => [c, '--help'])]) {
    it(`slac ${argv.join(' ')} lists the exit codes and examples`, async () => {
      const r = await runSlac(argv);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/\nExit codes:\n {2}0 {2}/);
      expect(r.out).toMatch(/\nExamples:\n {2}slac /);
    });
  }

  it('evaluate --help gives every form of a --period key', async () => {
    const out = (await runSlac(['evaluate', '--help'])).out.replace(/\s+/g, ' ');
    expect(out).toContain('--period <key> only this period (2026-03, 2026-Q1, 2026, FY2027-Q1, FY2027): the incidents opened in it and the periods that overlap it');
  });

  it('evaluate --help documents SLAC_WORKERS', async () => {
    expect((await runSlac(['evaluate', '--help'])).out).toMatch(/SLAC_WORKERS .*\n.*0 = one thread/);
  });
});
