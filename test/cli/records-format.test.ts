// A file that is not NDJSON (CSV, TSV, XML, YAML, compressed, UTF-16...) stops `slac evaluate`
// before any output is created: exit 2 and one message naming the file and what it looks like,
// instead of one rejection per line. So does a JSON array too large to hold.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runSlac } from '../helpers/io';

const dir = mkdtempSync(join(tmpdir(), 'slac-format-'));
const HINT = '; slac evaluate reads NDJSON: one JSON object per line, see schemas/records.schema.json';
const RECORD = '{"type":"outage","id":"O1","start":"2026-03-10T02:00:00-05:00","end":"2026-03-10T03:00:00-05:00","cause":"provider"}';

const CASES: [string, string | Buffer, string][] = [
  ['records.csv', 'id,opened,severity\nS1,2026-03-01T00:00:00Z,critical\n', 'looks like CSV (header "id,opened,severity")'],
  ['records.tsv', '\n\nid\topened\tseverity\nS1\t2026-03-01\tcritical\n', 'looks like TSV (header "id\\topened\\tseverity")'],
  ['records.xml', '<?xml version="1.0"?>\n<records><incident id="S1"/></records>\n', 'looks like XML (it starts with "<?xml version=\\"1.0\\"?>")'],
  ['report.html', '<!DOCTYPE html>\n<html></html>\n', 'looks like HTML (it starts with "<!DOCTYPE html>")'],
  ['records.yaml', '- type: incident\n  id: S1\n', 'looks like YAML (first line "- type: incident")'],
  ['records2.yaml', 'type: incident\nid: S1\n', 'looks like YAML (first line "type: incident")'],
  ['records.ndjson.gz', gzipSync(`${RECORD}\n`), 'looks like gzip-compressed data (decompress it first)'],
  ['records.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'looks like a ZIP archive (an Excel .xlsx file is one)'],
  ['utf16.ndjson', Buffer.from(`\ufeff${RECORD}\n`, 'utf16le'), 'looks like UTF-16 text (save it as UTF-8)'],
  ['notes.txt', 'these are my incidents\n', 'is not JSON (first line "these are my incidents")'],
];

describe('a records file that is not NDJSON', () => {
  for (const [name, content, look] of CASES) {
    it(`${name}: exit 2, one message, no output file`, async () => {
      const path = join(dir, name);
      writeFileSync(path, content);
      const output = join(dir, `${name}.report`);
      const r = await runSlac(['evaluate', 'contracts/sagicc', path, '--as-of', '2026-04-08', '--output', output]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`slac: ${path} ${look}${HINT}\n`);
      expect(r.out).toBe('');
      expect(existsSync(output)).toBe(false);
    });
  }

  it('leaves an existing --output file as it was, and names standard input', async () => {
    const output = join(dir, 'kept.json');
    writeFileSync(output, 'the last report\n');
    const r = await runSlac(['evaluate', 'contracts/sagicc', '-', '--as-of', '2026-04-08', '--format', 'json', '--output', output], { stdin: 'id,opened\nS1,x\n' });
    expect(r.code).toBe(2);
    expect(r.err).toBe(`slac: standard input looks like CSV (header "id,opened")${HINT}\n`);
    expect(readFileSync(output, 'utf8')).toBe('the last report\n');
  });

  it('still reads NDJSON whose first line is broken JSON, or a JSON value that is not an object', async () => {
    for (const first of ['{"type":"outage", oops', '42', '"a string"', '[1]']) {
      const path = join(dir, 'first.ndjson');
      writeFileSync(path, `${first}\n${RECORD}\n`);
      const doc = JSON.parse((await runSlac(['evaluate', 'contracts/sagicc', path, '--as-of', '2026-04-08', '--format', 'json'])).out);
      expect(doc.rejected.map((x: { line: number }) => x.line), first).toEqual([1]);
      expect(doc.downtime.map((d: { id: string }) => d.id)).toEqual(['O1']);
    }
  });

  it('a JSON array over 64 MiB: exit 2 before any output, pointing to NDJSON', async () => {
    const path = join(dir, 'huge.json');
    writeFileSync(path, `[${Array.from({ length: 600_000 }, (_, i) => RECORD.replace('"O1"', `"O${i}"`)).join(',\n')}]\n`);
    const output = join(dir, 'huge.report');
    const r = await runSlac(['evaluate', 'contracts/sagicc', path, '--as-of', '2026-04-08', '--output', output]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`slac: ${path} is a JSON array of more than 64 MiB, which slac would have to hold in memory whole; write the records as NDJSON, one JSON object per line, which is streamed (jq -c '.[]' turns the array into it)\n`);
    expect(existsSync(output)).toBe(false);
  });
});
