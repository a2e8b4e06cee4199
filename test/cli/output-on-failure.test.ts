// An internal error on one record, part way through a run with --output: the old file stays as it
// was, and neither the temporary file beside it nor the spooled sections of the report remain.
// The fault is injected into the evaluator for one record id.

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runSlac } from '../helpers/io';
import { sagiccRecord } from '../helpers/records';

vi.mock('../../runtime/evaluate', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../runtime/evaluate')>();
  return {
    ...real,
    evaluateIncident: (...args: Parameters<typeof real.evaluateIncident>) => {
      if (args[1].id === 'BOOM') throw new Error('a fault injected on one record');
      return real.evaluateIncident(...args);
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), 'slac-failure-'));
const OLD = 'the report of last week\n';
let spoolDir = '';
let savedTmpdir: string | undefined;

beforeEach(() => {
  // os.tmpdir() reads TMPDIR on every call: the spools of these runs go to a folder of their own.
  savedTmpdir = process.env.TMPDIR;
  spoolDir = mkdtempSync(join(dir, 'tmp-'));
  process.env.TMPDIR = spoolDir;
});
afterEach(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
});

/** 5,000 generated records (megabytes of verdicts, so sections are spooled to disk), then the faulty one. */
function logWithFault(folder: string): string {
  const lines = Array.from({ length: 5000 }, (_, i) => JSON.stringify(sagiccRecord(i)));
  lines.push(JSON.stringify({ ...sagiccRecord(0), id: 'BOOM' }));
  const file = join(folder, 'log.ndjson');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('an internal error on one record', () => {
  it.each(['json', 'ndjson', 'text', 'markdown'])('--format %s: exit 2, one line, the old report kept, no temporary file left', async (format) => {
    const folder = mkdtempSync(join(dir, 'ws-'));
    const log = logWithFault(folder);
    const report = join(folder, 'report.out');
    writeFileSync(report, OLD);
    const r = await runSlac(['evaluate', 'contracts/sagicc', log, '--as-of', '2026-06-01', '--format', format, '--output', report]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('slac: internal error: a fault injected on one record\n');
    expect(readFileSync(report, 'utf8')).toBe(OLD);
    expect(readdirSync(folder).sort()).toEqual(['log.ndjson', 'report.out']);
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  it('without the fault, the same run replaces the report and also leaves nothing behind', async () => {
    const folder = mkdtempSync(join(dir, 'ws-'));
    const log = logWithFault(folder);
    writeFileSync(log, readFileSync(log, 'utf8').replace(/"BOOM"/, '"FINE"'));
    const report = join(folder, 'report.out');
    writeFileSync(report, OLD);
    const r = await runSlac(['evaluate', 'contracts/sagicc', log, '--as-of', '2026-06-01', '--format', 'text', '--output', report]);
    expect(r.code).toBe(0);
    expect(readFileSync(report, 'utf8')).toMatch(/5001 lines, 5001 evaluated, 0 rejected\n$/);
    expect(readdirSync(folder).sort()).toEqual(['log.ndjson', 'report.out']);
    expect(readdirSync(spoolDir)).toEqual([]);
  });
});
