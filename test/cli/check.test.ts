// `slac check` in-process with a fake Io: every output format, the fail level and exit codes, and
// SARIF validated against the vendored SARIF 2.1.0 schema (test/schemas, see its README).

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../cli/formats/github';
import type { Io } from '../../cli/io';
import { run } from '../../cli/main';

/** The two seed contracts (contracts/ holds others too, with findings of their own). */
const SEEDS = ['contracts/clever-ideas', 'contracts/sagicc'];

const ROOT = join(import.meta.dirname, '../..');

function fakeIo(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    readStdin: async () => '',
    stdinStream: () => Readable.from([]),
    cwd: ROOT,
    env,
    stdoutIsTTY: false,
    stderrIsTTY: false,
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

async function check(args: string[], env: Record<string, string> = {}) {
  const f = fakeIo(env);
  const code = await run(['check', ...args], f.io);
  return { code, out: f.out(), err: f.err() };
}

/**
 * The SARIF schema is draft-04; ajv 8 reads it as draft-07 once its `id` is called `$id`. Its
 * `language` pattern has a stray `]` that only non-unicode regular expressions accept.
 */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(ROOT, 'test/schemas/sarif-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ $id: id as string, ...rest });
}

const ESC = '\u001b[';

describe('slac check --format text', () => {
  it('checks the seeds: exit 0, warnings with a code frame, no colour off a terminal', async () => {
    const r = await check([...SEEDS]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('contracts/sagicc/v04.sla:102:31 warning SLA3204');
    expect(r.out).toMatch(/sunday 00:01 to 23:59\n\s+\|\s+\^{5}/);
    expect(r.out).toContain('related: contracts/clever-ideas/v1.sla:101:23');
    expect(r.out).toMatch(/0 errors, 5 warnings, 1 info in 2 files\n$/);
    expect(r.out).not.toContain(ESC);
  });

  it('colours with FORCE_COLOR, and NO_COLOR or --no-color win', async () => {
    expect((await check([...SEEDS], { FORCE_COLOR: '1' })).out).toContain(ESC);
    expect((await check([...SEEDS], { FORCE_COLOR: '1', NO_COLOR: '1' })).out).not.toContain(ESC);
    expect((await check([...SEEDS, '--no-color'], { FORCE_COLOR: '1' })).out).not.toContain(ESC);
  });

  it('--quiet hides the findings below the fail level, never one that fails the run', async () => {
    const r = await check([...SEEDS, '--quiet']);
    expect(r.out).not.toContain('SLA3');
    const failing = await check([...SEEDS, '--quiet', '--fail-level', 'warning']);
    expect(failing.code).toBe(1);
    expect(failing.out.match(/ warning SLA\d{4} /g)).toHaveLength(5);
    expect(failing.out).not.toContain(' info SLA3009');
    const github = await check([...SEEDS, '--quiet', '--fail-level', 'warning', '--format', 'github']);
    expect(github.out.split('\n').filter((l) => l.startsWith('::warning '))).toHaveLength(5);
  });
});

describe('fail level and exit codes', () => {
  it('exits 1 on errors, and on warnings with --fail-level warning', async () => {
    expect((await check(['test/fixtures/bad/sla3008-linear-zero-step.sla'])).code).toBe(1);
    expect((await check([...SEEDS, '--fail-level', 'warning'])).code).toBe(1);
    expect((await check(['test/fixtures/good/credits-linear.sla', '--fail-level', 'warning'])).code).toBe(0);
    expect((await check(['test/fixtures/good/credits-linear.sla', '--fail-level', 'info'])).code).toBe(1);
  });

  it('exits 2 on usage errors', async () => {
    expect((await check([])).code).toBe(2);
    expect((await check([...SEEDS, '--format', 'xml'])).code).toBe(2);
    expect((await check([...SEEDS, '--fail-level', 'notice'])).code).toBe(2);
    const missing = await check(['no/such/dir']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file or directory');
  });

  it('writes the report to --output', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slac-check-')), 'report.json');
    const r = await check([...SEEDS, '--format', 'json', '--output', file]);
    expect(r.out).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).summary.warnings).toBe(5);
  });
});

describe('slac check --explain', () => {
  it('lists every code, the static checks included', async () => {
    const r = await check(['--explain']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^SLA1001 +error +Unexpected character$/m);
    expect(r.out).toMatch(/^SLA3002 +warning +Credit bands overlap$/m);
    expect(r.out).toMatch(/^SLA3505 /m);
  });

  it('explains one code', async () => {
    const r = await check(['--explain', 'sla3102']);
    expect(r.out).toMatch(/^SLA3102 \(warning\): Maintenance windows almost touch\n\n.*15 minutes/s);
    expect((await check(['--explain', 'SLA9999'])).code).toBe(2);
  });
});

describe('slac check --format json', () => {
  it('gives each diagnostic its code, severity, file, 1-based range and related ranges', async () => {
    const r = await check(['contracts/sagicc/v04.sla', '--format', 'json']);
    const report = JSON.parse(r.out);
    expect(report.files).toEqual(['contracts/sagicc/v04.sla']);
    expect(report.diagnostics[0]).toEqual({
      code: 'SLA3204',
      severity: 'warning',
      message: expect.stringContaining('restoration of professional / high'),
      file: 'contracts/sagicc/v04.sla',
      line: 102,
      column: 31,
      endLine: 102,
      endColumn: 56,
      related: [{ file: 'contracts/sagicc/v04.sla', message: 'the response target', line: 93, column: 31, endLine: 93, endColumn: 56 }],
    });
    expect(report.summary).toEqual({ files: 1, errors: 0, warnings: 1, infos: 1, suppressed: 0 });
  });

  it('counts the findings that `# slac-ignore` comments silence, in json and in the text summary', async () => {
    const fixture = 'test/fixtures/good/windows-suppressed.sla';
    const json = JSON.parse((await check([fixture, '--format', 'json'])).out);
    expect(json.diagnostics).toEqual([]);
    expect(json.summary).toMatchObject({ errors: 0, warnings: 0, suppressed: 2 });
    expect((await check([fixture, '--no-color'])).out.trim().split('\n').at(-1)).toBe('0 errors, 0 warnings, 2 suppressed in 1 file');
  });
});

describe('slac check --format sarif', () => {
  const validate = sarifValidator();

  it('is valid SARIF 2.1.0 for the seeds and for a file with errors', async () => {
    for (const paths of [SEEDS, ['test/fixtures/bad']]) {
      const r = await check([...paths, '--format', 'sarif']);
      const log = JSON.parse(r.out);
      const ok = validate(log);
      expect(validate.errors ?? [], paths.join()).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('is checked by a validator that rejects what is not SARIF', async () => {
    const log = JSON.parse((await check([...SEEDS, '--format', 'sarif'])).out);
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('has a rule per code and results with relative locations, levels and related locations', async () => {
    const log = JSON.parse((await check([...SEEDS, '--format', 'sarif'])).out);
    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.name).toBe('slac');
    const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'SLA3102');
    expect(rule).toMatchObject({ shortDescription: { text: 'Maintenance windows almost touch' }, defaultConfiguration: { level: 'warning' } });
    expect(rule.fullDescription.text).toContain('15 minutes');
    expect(rule.helpUri).toBeUndefined();
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'SLA3204');
    expect(result.level).toBe('warning');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'contracts/sagicc/v04.sla', uriBaseId: '%SRCROOT%', index: expect.any(Number) },
      region: { startLine: 102, startColumn: 31, endLine: 102, endColumn: 56 },
    });
    expect(result.relatedLocations[0]).toMatchObject({ message: { text: 'the response target' }, physicalLocation: { region: { startLine: 93 } } });
    expect(run.results.find((x: { ruleId: string }) => x.ruleId === 'SLA3009').level).toBe('note');
  });
});

describe('slac check --format github', () => {
  it('escapes data and property values as the runner expects', () => {
    expect(escapeData('50% a\r\nb')).toBe('50%25 a%0D%0Ab');
    expect(escapeProperty('dir,a:b%.sla')).toBe('dir%2Ca%3Ab%25.sla');
  });

  it('writes one workflow annotation per diagnostic', async () => {
    const r = await check([...SEEDS, '--format', 'github']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(5);
    expect(lines).toContain(
      '::warning file=contracts/sagicc/v04.sla,line=102,col=31,endLine=102,endColumn=56,title=SLA3204::restoration of professional / high is due in 2 business hours, before its response (4 business hours)%0Arelated: contracts/sagicc/v04.sla:93:31 the response target',
    );
    expect(lines.filter((l) => l.startsWith('::notice '))).toHaveLength(1);
    expect(lines.at(-1)).toBe('slac check: 0 error(s), 5 warning(s), 1 info in 2 file(s)');
  });
});

describe('slac check --format junit', () => {
  const count = (xml: string, re: RegExp) => (xml.match(re) ?? []).length;

  it('has a suite per file and fails the cases at or above the fail level', async () => {
    const byError = await check([...SEEDS, 'test/fixtures/good/structure.sla', '--format', 'junit']);
    expect(byError.code).toBe(0);
    expect(count(byError.out, /<testsuite /g)).toBe(3);
    expect(count(byError.out, /<testcase /g)).toBe(7); // 6 findings + one passing case for the clean file
    expect(count(byError.out, /<failure /g)).toBe(0);
    expect(byError.out).toContain('<testcase classname="test/fixtures/good/structure.sla" name="no findings"');

    const byWarning = await check([...SEEDS, '--format', 'junit', '--fail-level', 'warning']);
    expect(byWarning.code).toBe(1);
    expect(count(byWarning.out, /<failure /g)).toBe(5);
    expect(byWarning.out).toContain('<failure message="SLA3204: restoration of professional / high');
  });
});
