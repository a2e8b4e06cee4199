// What slac does to the file named by --output (and to contracts `slac fmt` rewrites): it is never
// one of the inputs, it is replaced only by a complete report, and a run that fails or is
// interrupted leaves the old file and no temporary file behind. Faults are real: links, a file
// size limit, signals sent to a running `slac`, /dev/full.

import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSlac } from '../helpers/io';
import { ROOT, readRepoFile } from '../helpers/ir';
import { writeSagiccLog } from '../helpers/records';

const dir = mkdtempSync(join(tmpdir(), 'slac-output-'));
const LOG = 'contracts/examples/sagicc-2026-03.ndjson';
const AS_OF = ['--as-of', '2026-04-08'];
const OLD = 'the report of last week\n';

/** A fresh folder holding a copy of the example log and an old report. */
function workspace(): { folder: string; log: string; report: string } {
  const folder = mkdtempSync(join(dir, 'ws-'));
  const log = join(folder, 'log.ndjson');
  copyFileSync(join(ROOT, LOG), log);
  const report = join(folder, 'report.json');
  writeFileSync(report, OLD);
  return { folder, log, report };
}

/** `slac` as a child process, as a shell runs it. */
function slacProcess(args: string[], options: { env?: Record<string, string>; stdin?: number; shell?: string } = {}) {
  const env = { ...process.env, ...options.env };
  const r = options.shell
    ? spawnSync('sh', ['-c', `${options.shell}; exec node bin/slac.mjs "$@"`, 'sh', ...args], { cwd: ROOT, encoding: 'utf8', env })
    : spawnSync(process.execPath, ['bin/slac.mjs', ...args], { cwd: ROOT, encoding: 'utf8', env, stdio: [options.stdin ?? 'pipe', 'pipe', 'pipe'] });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

const ONE_LINE = /^slac: [^\n]*\n$/;

describe('--output naming an input is refused before anything is read or written', () => {
  it('the records file, by its name, through a symbolic link and through a hard link: exit 2, one line, the log intact', async () => {
    const { folder, log } = workspace();
    const soft = join(folder, 'soft.json');
    const hard = join(folder, 'hard.json');
    symlinkSync(log, soft);
    linkSync(log, hard);
    const before = readFileSync(log, 'utf8');
    for (const output of [log, soft, hard]) {
      for (const format of ['json', 'ndjson', 'text']) {
        const r = await runSlac(['evaluate', 'contracts/sagicc', log, ...AS_OF, '--format', format, '--output', output]);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(ONE_LINE);
        expect(r.err).toContain(`--output ${output} is the records file ${log}`);
        expect(r.out).toBe('');
      }
    }
    expect(readFileSync(log, 'utf8')).toBe(before);
    expect(lstatSync(soft).isSymbolicLink()).toBe(true);
  });

  it('a contract file, given alone or as a version in a folder', async () => {
    const { folder, log } = workspace();
    const contracts = join(folder, 'sagicc');
    mkdirSync(contracts);
    const v04 = join(contracts, 'v04.sla');
    writeFileSync(v04, readRepoFile('contracts/sagicc/v04.sla'));
    const hard = join(folder, 'out.md');
    linkSync(v04, hard);
    for (const [contract, output] of [[v04, v04], [contracts, hard]]) {
      const r = await runSlac(['evaluate', contract, log, ...AS_OF, '--output', output]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(ONE_LINE);
      expect(r.err).toContain(`is the contract file ${v04}`);
    }
    expect(readFileSync(v04, 'utf8')).toBe(readRepoFile('contracts/sagicc/v04.sla'));
  });

  it('slac check: a contract it checks, also through a link', async () => {
    const { folder } = workspace();
    const sla = join(folder, 'c.sla');
    writeFileSync(sla, readRepoFile('contracts/sagicc/v04.sla'));
    const soft = join(folder, 'report.sarif');
    symlinkSync(sla, soft);
    for (const output of [sla, soft]) {
      const r = await runSlac(['check', folder, '--output', output]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(ONE_LINE);
      expect(r.err).toContain(`is the contract file ${sla}`);
    }
    expect(readFileSync(sla, 'utf8')).toBe(readRepoFile('contracts/sagicc/v04.sla'));
  });

  it('standard input redirected from the file (`- --output log < log`)', () => {
    const { log } = workspace();
    const before = readFileSync(log, 'utf8');
    const r = slacProcess(['evaluate', 'contracts/sagicc', '-', ...AS_OF, '--output', log], { stdin: openSync(log, 'r') });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(ONE_LINE);
    expect(r.err).toContain('is the standard input');
    expect(readFileSync(log, 'utf8')).toBe(before);
  });
});

describe('--output is replaced atomically', () => {
  it('a complete report replaces the old file, which keeps its mode; no temporary file stays', async () => {
    const { folder, report } = workspace();
    chmodSync(report, 0o640);
    const r = await runSlac(['evaluate', 'contracts/sagicc', LOG, ...AS_OF, '--format', 'json', '--output', report]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8')).summary.lines).toBe(13);
    expect(statSync(report).mode & 0o777).toBe(0o640);
    expect(readdirSync(folder).sort()).toEqual(['log.ndjson', 'report.json']);
  });

  it('through a symbolic link, the file it points to is replaced and the link kept', async () => {
    const { folder, report } = workspace();
    const link = join(folder, 'latest.json');
    symlinkSync(report, link);
    const r = await runSlac(['check', 'contracts', '--format', 'json', '--output', link]);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(report, 'utf8')).summary.files).toBe(5); // sagicc, clever-ideas, nebius, github-premium-support, gc-forms
  });

  it('a write that fails part way (the file size limit) leaves the old file: exit 2, one line, every format and check', () => {
    const { folder, report } = workspace();
    // Small enough that nothing is spooled to the temporary folder (which the limit would stop too).
    const big = writeSagiccLog(join(folder, 'big.ndjson'), 1000);
    // `ulimit -f 16`: no file of more than 8 KiB; Node ignores SIGXFSZ, so the write fails with EFBIG.
    const limit = { shell: 'ulimit -f 16' };
    for (const format of ['json', 'ndjson', 'text', 'markdown']) {
      const r = slacProcess(['evaluate', 'contracts/sagicc', big, '--as-of', '2026-04-08', '--format', format, '--output', report], limit);
      expect(r.code, format).toBe(2);
      expect(r.err).toBe(`slac: ${report}: cannot write: the file is larger than allowed\n`);
      expect(readFileSync(report, 'utf8')).toBe(OLD);
    }
    // SARIF describes every rule: well over 8 KiB.
    const r = slacProcess(['check', 'contracts', '--format', 'sarif', '--output', report], limit);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`slac: ${report}: cannot write: the file is larger than allowed\n`);
    expect(readFileSync(report, 'utf8')).toBe(OLD);
    expect(readdirSync(folder).sort()).toEqual(['big.ndjson', 'log.ndjson', 'report.json']);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s during a run: exit %i, the old file untouched, the temporary and spooled files removed', async (signal, code) => {
    const { folder, report } = workspace();
    const spoolDir = mkdtempSync(join(dir, 'tmp-'));
    const big = writeSagiccLog(join(folder, 'big.ndjson'), 60_000);
    const child = spawn(process.execPath, ['bin/slac.mjs', 'evaluate', 'contracts/sagicc', big, '--as-of', '2026-04-08', '--format', 'text', '--output', report], {
      cwd: ROOT,
      env: { ...process.env, TMPDIR: spoolDir },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
    // Signal once the report is being written to its temporary file and a section is spooled.
    const started = Date.now();
    while (!(readdirSync(folder).some((f) => f.startsWith('.report.json.')) && readdirSync(spoolDir).length > 0)) {
      if (Date.now() - started > 60_000) throw new Error('the run never started writing');
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(readFileSync(report, 'utf8')).toBe(OLD);
    expect(readdirSync(folder).sort()).toEqual(['big.ndjson', 'log.ndjson', 'report.json']);
    expect(readdirSync(spoolDir)).toEqual([]);
  }, 90_000);

  it('a target that is not a regular file is written as it is: /dev/null, /dev/stdout, a FIFO', () => {
    expect(slacProcess(['evaluate', 'contracts/sagicc', LOG, ...AS_OF, '--output', '/dev/null']).code).toBe(0);
    // Through a pipe, as a shell gives it (a child's standard output here is a socket, which cannot be opened).
    const toStdout = spawnSync('sh', ['-c', `node bin/slac.mjs evaluate contracts/sagicc ${LOG} --as-of 2026-04-08 --format json --output /dev/stdout | cat`], { cwd: ROOT, encoding: 'utf8' });
    expect(toStdout.status).toBe(0);
    expect(JSON.parse(toStdout.stdout).summary.lines).toBe(13);
    const folder = mkdtempSync(join(dir, 'fifo-'));
    const fifo = join(folder, 'pipe');
    spawnSync('mkfifo', [fifo]);
    const r = spawnSync('sh', ['-c', `cat "${fifo}" > "${folder}/got" & node bin/slac.mjs evaluate contracts/sagicc ${LOG} --as-of 2026-04-08 --format json --output "${fifo}"; s=$?; wait; exit $s`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(folder, 'got'), 'utf8')).summary.lines).toBe(13);
  });
});

describe('every write error is reported: exit 2, one line, no stack trace', () => {
  const FULL = 'cannot write: no space left on the device\n';

  it('--output /dev/full, for every format of evaluate and of check', async () => {
    for (const format of ['text', 'json', 'ndjson', 'markdown']) {
      const r = await runSlac(['evaluate', 'contracts/sagicc', LOG, ...AS_OF, '--format', format, '--output', '/dev/full']);
      expect([format, r.code, r.err]).toEqual([format, 2, `slac: /dev/full: ${FULL}`]);
    }
    for (const format of ['text', 'json', 'sarif', 'github', 'junit']) {
      const r = await runSlac(['check', 'contracts', '--format', format, '--output', '/dev/full']);
      expect([format, r.code, r.err]).toEqual([format, 2, `slac: /dev/full: ${FULL}`]);
    }
  });

  it('a standard output that fails (`> /dev/full`): one line naming it', () => {
    const runs = [
      ['evaluate', 'contracts/sagicc', LOG, ...AS_OF],
      ['evaluate', 'contracts/sagicc', LOG, ...AS_OF, '--format', 'ndjson'],
      ['check', 'contracts', '--format', 'sarif'],
      ['check', '--explain'],
    ];
    for (const args of runs) {
      const r = slacProcess(args, { shell: 'exec > /dev/full' });
      expect([args.join(' '), r.code, r.err]).toEqual([args.join(' '), 2, `slac: standard output: ${FULL}`]);
    }
  });

  it('a large run with --output gives no MaxListenersExceededWarning, on one thread or several', () => {
    // 12 MB of input: more than ten waits for the output to drain.
    const folder = mkdtempSync(join(dir, 'large-'));
    const big = writeSagiccLog(join(folder, 'big.ndjson'), 60_000);
    for (const [format, workers] of [['ndjson', '0'], ['ndjson', '2'], ['json', '0']]) {
      const r = slacProcess(['evaluate', 'contracts/sagicc', big, '--as-of', '2026-04-08', '--format', format, '--output', join(folder, `out.${format}`)], { env: { SLAC_WORKERS: workers } });
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
    }
  }, 180_000);
});

describe('slac fmt rewrites a file atomically', () => {
  const messy = readRepoFile('contracts/sagicc/v04.sla').replace(/^version 04$/m, 'version   04');

  it('keeps its mode, and a link stays a link', async () => {
    const folder = mkdtempSync(join(dir, 'fmt-'));
    const file = join(folder, 'c.sla');
    writeFileSync(file, messy);
    chmodSync(file, 0o604);
    const link = join(folder, 'link.sla');
    symlinkSync(file, link);
    const r = await runSlac(['fmt', link]);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(readRepoFile('contracts/sagicc/v04.sla'));
    expect(statSync(file).mode & 0o777).toBe(0o604);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(['c.sla', 'link.sla']);
  });

  it('a failed write leaves the old text: exit 2, one line', () => {
    const folder = mkdtempSync(join(dir, 'fmt-'));
    const file = join(folder, 'c.sla');
    writeFileSync(file, messy);
    const r = slacProcess(['fmt', file], { shell: 'ulimit -f 1' });
    expect(r.code).toBe(2);
    expect(r.err).toBe(`slac: ${file}: cannot write: the file is larger than allowed\n`);
    expect(readFileSync(file, 'utf8')).toBe(messy);
    expect(readdirSync(folder)).toEqual(['c.sla']);
  });
});
