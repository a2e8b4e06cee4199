// Rejections and warnings name the records file when the reader is told it, placed right after the
// line (the order reports print them in); told none, they carry no `file` at all.

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../compiler/ir';
import { inFile, isRejected, readRecords, type ReadOptions, type RecordWarning, type Rejected } from '../../../runtime/records';
import { minimalContract } from '../../helpers/minimal-contract';

const CONTRACT: Contract = minimalContract('record.sla');

const LOG = [
  '{"type":"outage","id":"O1","start":"2026-03-01T10:00:00Z","end":"2026-03-01T11:00:00Z","cause":"provider","note":"x"}',
  '{"type":"outage","id":"O2","start":"2026-03-01T10:00:00Z","end":"2026-03-01T11:00:00Z","cause":"gremlins"}',
  '{"type":"outage"',
].join('\n');

async function read(options: ReadOptions = {}) {
  const rejected: Rejected[] = [];
  const warnings: RecordWarning[] = [];
  await readRecords(Readable.from([LOG]), CONTRACT, () => {}, (r) => rejected.push(r), { ...options, onWarning: (w) => warnings.push(w) });
  return { rejected, warnings };
}

describe('the records file in rejections and warnings', () => {
  it('is named right after the line when the reader is told it', async () => {
    const got = await read({ file: 'march.ndjson' });
    expect(got.rejected).toStrictEqual([
      { line: 2, file: 'march.ndjson', id: 'O2', message: 'unknown cause "gremlins" (declared: provider)' },
      { line: 3, file: 'march.ndjson', message: expect.stringMatching(/^malformed JSON: /) },
    ]);
    expect(got.rejected.map((r) => Object.keys(r))).toEqual([['line', 'file', 'id', 'message'], ['line', 'file', 'message']]);
    expect(got.warnings).toStrictEqual([
      {
        line: 1, file: 'march.ndjson', id: 'O1', field: 'note',
        message: 'unknown field "note" is ignored (an outage has type, id, start, end, cause, service, services)',
      },
    ]);
    expect(Object.keys(got.warnings[0]!)).toEqual(['line', 'file', 'id', 'field', 'message']);
  });

  it('is absent, not undefined, when the reader is told no file', async () => {
    const got = await read();
    expect(got.rejected).toStrictEqual([
      { line: 2, id: 'O2', message: 'unknown cause "gremlins" (declared: provider)' },
      { line: 3, message: expect.stringMatching(/^malformed JSON: /) },
    ]);
    expect(got.rejected.map((r) => 'file' in r)).toEqual([false, false]);
    expect(got.warnings.map((w) => 'file' in w)).toEqual([false]);
  });

  it('inFile returns the very rejection when there is no file, and a copy naming it otherwise', () => {
    const r: Rejected = { line: 4, id: 'X', message: 'm' };
    expect(inFile(r, undefined)).toBe(r);
    const named = inFile(r, 'a.ndjson');
    expect(named).toStrictEqual({ line: 4, file: 'a.ndjson', id: 'X', message: 'm' });
    expect(r).toStrictEqual({ line: 4, id: 'X', message: 'm' });
    expect(isRejected(named)).toBe(true);
  });
});
