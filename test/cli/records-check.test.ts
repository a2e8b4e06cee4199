// `slac records check <contract> <records>`: the rejections and warnings `slac evaluate` would
// give, without evaluating; exit 0 clean, 3 when a record is rejected, 2 usage or IO, 1 when the
// contract has errors.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSlac } from '../helpers/io';

const dir = mkdtempSync(join(tmpdir(), 'slac-rcheck-'));
const BAD = 'test/fixtures/evaluate/bad-records.ndjson';

describe('slac records check', () => {
  it('is clean on the bundled examples (exit 0), in text and json', async () => {
    const text = await runSlac(['records', 'check', 'contracts/sagicc', 'contracts/examples/sagicc-2026-03.ndjson']);
    expect(text).toEqual({ code: 0, out: 'contracts/examples/sagicc-2026-03.ndjson: 13 lines, 13 valid, 0 rejected\n', err: '' });
    const json = await runSlac(['records', 'check', 'contracts/clever-ideas', 'contracts/examples/clever-2026-05.ndjson', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ records: 'contracts/examples/clever-2026-05.ndjson', rejected: [], warnings: [], summary: { rejected: 0, warnings: 0 } });
  });

  it('gives exactly the rejections evaluate gives (exit 3)', async () => {
    const check = await runSlac(['records', 'check', 'contracts/sagicc', BAD, '--format', 'json']);
    const evaluate = await runSlac(['evaluate', 'contracts/sagicc', BAD, '--as-of', '2026-04-30', '--format', 'json']);
    expect(check.code).toBe(3);
    const doc = JSON.parse(check.out);
    expect(doc.rejected.length).toBeGreaterThan(10);
    expect(doc.rejected).toEqual(JSON.parse(evaluate.out).rejected);
    expect(doc.warnings).toEqual(JSON.parse(evaluate.out).warnings);
    expect(doc.summary).toMatchObject({ lines: 31, blank: 2 });
    expect(check.err).toContain(`slac: ${doc.rejected.length} records were rejected (see the report)\n`);
    const text = await runSlac(['records', 'check', 'contracts/sagicc', BAD, '--quiet', '--no-color']);
    expect(text.code).toBe(3);
    expect(text.err).toBe('');
    expect(text.out).toContain(`Rejected records\n  ${BAD}:3: malformed JSON`);
  });

  it('reports unknown fields as warnings (exit 0), and --strict rejects them (exit 3)', async () => {
    const path = join(dir, 'typo.ndjson');
    writeFileSync(path, `${JSON.stringify({ type: 'outage', id: 'O1', start: '2026-03-10T02:00:00-05:00', ende: '2026-03-10T03:00:00-05:00', end: '2026-03-10T03:00:00-05:00', cause: 'provider' })}\n`);
    const warned = await runSlac(['records', 'check', 'contracts/sagicc', path, '--no-color']);
    expect(warned.code).toBe(0);
    expect(warned.out).toBe(`Warnings\n  ${path}:1: record "O1": unknown field "ende" is ignored (did you mean "end"?)\n\n${path}: 1 line, 1 valid, 0 rejected, 1 warning\n`);
    const strict = await runSlac(['records', 'check', 'contracts/sagicc', path, '--strict', '--format', 'json']);
    expect(strict.code).toBe(3);
    expect(JSON.parse(strict.out).rejected).toEqual([
      { line: 1, file: path, id: 'O1', message: 'unknown field "ende" (did you mean "end"?); --strict rejects fields the schema does not know' },
    ]);
  });

  it('exit 2 for a file it cannot read or that is not NDJSON, 1 for a contract with errors', async () => {
    const missing = await runSlac(['records', 'check', 'contracts/sagicc', join(dir, 'none.ndjson')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/none\.ndjson: cannot read: no such file or directory\n$/);
    const csv = join(dir, 'r.csv');
    writeFileSync(csv, 'id,opened\n');
    const notNdjson = await runSlac(['records', 'check', 'contracts/sagicc', csv]);
    expect(notNdjson).toEqual({ code: 2, out: '', err: `slac: ${csv} looks like CSV (header "id,opened"); slac records check reads NDJSON: one JSON object per line, see schemas/records.schema.json\n` });
    const broken = join(dir, 'broken.sla');
    writeFileSync(broken, 'contract "X"\nversion 1\navailabilty\n');
    const bad = await runSlac(['records', 'check', broken, 'contracts/examples/sagicc-2026-03.ndjson']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('fix them before checking records against it');
    expect((await runSlac(['records', 'check', 'contracts/sagicc', BAD, '--format', 'ndjson'])).code).toBe(2);
  });
});
