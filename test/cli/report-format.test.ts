// Which format a report is written in when --format is not given: the one the --output file's
// extension names, else text; an explicit --format always wins. And how a credit line reads.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSlac } from '../helpers/io';
import { readRepoFile } from '../helpers/ir';

const dir = mkdtempSync(join(tmpdir(), 'slac-format-'));
const LOG = 'contracts/examples/sagicc-2026-03.ndjson';

/** What a report file looks like: enough to tell the formats apart. */
function kindOf(text: string): string {
  if (text.startsWith('<?xml')) return 'junit';
  if (text.startsWith('# ')) return 'markdown';
  if (text.startsWith('::') || text.startsWith('slac check:')) return 'github';
  try {
    const doc = JSON.parse(text);
    return doc.runs ? 'sarif' : 'json';
  } catch {
    // not one JSON document
  }
  try {
    text.trim().split('\n').forEach((l) => JSON.parse(l));
    return 'ndjson';
  } catch {
    return 'text';
  }
}

describe('the format follows the --output extension', () => {
  it.each([
    ['report.json', 'json'],
    ['REPORT.JSON', 'json'],
    ['verdicts.ndjson', 'ndjson'],
    ['verdicts.jsonl', 'ndjson'],
    ['report.md', 'markdown'],
    ['report.markdown', 'markdown'],
    ['report.txt', 'text'],
    ['report', 'text'],
  ])('evaluate --output %s writes %s', async (name, kind) => {
    const out = join(dir, name);
    const r = await runSlac(['evaluate', 'contracts/sagicc', LOG, '--as-of', '2026-04-08', '--output', out]);
    expect(r.code).toBe(0);
    expect(kindOf(readFileSync(out, 'utf8'))).toBe(kind);
  });

  it.each([
    ['check.json', 'json'],
    ['check.sarif', 'sarif'],
    ['check.sarif.json', 'sarif'],
    ['junit.xml', 'junit'],
    ['check.log', 'text'],
  ])('check --output %s writes %s', async (name, kind) => {
    const out = join(dir, name);
    const r = await runSlac(['check', 'contracts', '--output', out]);
    expect(r.code).toBe(0);
    expect(kindOf(readFileSync(out, 'utf8'))).toBe(kind);
  });

  it('an explicit --format wins over the extension', async () => {
    const out = join(dir, 'explicit.json');
    await runSlac(['evaluate', 'contracts/sagicc', LOG, '--as-of', '2026-04-08', '--format', 'markdown', '--output', out]);
    expect(kindOf(readFileSync(out, 'utf8'))).toBe('markdown');
    await runSlac(['check', 'contracts', '--format', 'github', '--output', out]);
    expect(kindOf(readFileSync(out, 'utf8'))).toBe('github');
  });

  it('without --output, text', async () => {
    expect(kindOf((await runSlac(['evaluate', 'contracts/sagicc', LOG, '--as-of', '2026-04-08'])).out)).toBe('text');
    expect(kindOf((await runSlac(['check', 'contracts'])).out)).toBe('text');
  });

  it('--help says so', async () => {
    for (const command of ['evaluate', 'check']) {
      const r = await runSlac([command, '--help']);
      expect(r.out).toMatch(/--format <format>\s+output format \(default: from the --output\s+extension/);
    }
  });
});

describe('credit lines', () => {
  it('a basis that starts with "the" is not preceded by another "the"', async () => {
    const file = join(dir, 'the-basis.sla');
    writeFileSync(file, readRepoFile('contracts/sagicc/v04.sla').replace('basis "invoiced value of the affected service"', 'basis "the invoiced value"'));
    const r = await runSlac(['evaluate', file, LOG, '--as-of', '2026-04-08', '--no-color']);
    expect(r.out).toContain('credit        5% of the invoiced value  (');
    expect(r.out).not.toContain('the the');
    const seed = await runSlac(['evaluate', 'contracts/sagicc', LOG, '--as-of', '2026-04-08', '--no-color']);
    expect(seed.out).toContain('credit        5% of the invoiced value of the affected service  (');
  });
});
