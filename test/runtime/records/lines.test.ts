// The line reader's limits: a line over MAX_LINE_BYTES is rejected with its number and length and
// skipped without being held, bytes that are not UTF-8 reject their line (never decoded into
// replacement characters that could merge two ids), and a JSON array over MAX_ARRAY_BYTES stops
// the run with a message that points to NDJSON.

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../compiler/ir';
import { compile } from '../../../compiler/compile';
import {
  type InputRecord,
  MAX_ARRAY_BYTES,
  MAX_LINE_BYTES,
  readRecords,
  RecordsFormatError,
  type Rejected,
} from '../../../runtime/records';
import { readRepoFile } from '../../helpers/ir';

const SAGICC: Contract = compile(readRepoFile('contracts/sagicc/v04.sla'), 'v04.sla').contract;

const outage = (id: string, extra = '') =>
  `{"type":"outage","id":"${id}","start":"2026-03-10T02:00:00-05:00","end":"2026-03-10T03:00:00-05:00","cause":"provider"${extra}}`;

async function read(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>) {
  const records: InputRecord[] = [];
  const rejected: Rejected[] = [];
  const counts = await readRecords(Readable.from(chunks), SAGICC, (r) => records.push(r), (r) => rejected.push(r));
  return { ids: records.map((r) => [r.line, r.id]), rejected: rejected.map((r) => [r.line, r.message]), counts };
}

/** `total` bytes of `x` in chunks of `size`, made as they are read (never held whole). */
async function* repeated(total: number, size = 1 << 20): AsyncGenerator<Buffer> {
  const block = Buffer.alloc(size, 'x');
  for (let left = total; left > 0; left -= size) yield left >= size ? block : block.subarray(0, left);
}

describe('line length', () => {
  it('rejects a line of 600 MiB with its number and length, and keeps the records around it', async () => {
    const length = 600 * 2 ** 20;
    async function* input() {
      yield `${outage('O1')}\n`;
      yield* repeated(length);
      yield `\n${outage('O3')}\n`;
    }
    const got = await read(input());
    expect(got.ids).toEqual([[1, 'O1'], [3, 'O3']]);
    expect(got.rejected).toEqual([[2, `line is ${length} bytes (600 MiB), longer than the 16 MiB a record line may have; skipped`]]);
    expect(got.counts).toEqual({ lines: 3, blank: 0, accepted: 2, rejected: 1 });
  }, 60_000);

  it('accepts a line of exactly MAX_LINE_BYTES and rejects one byte more, in any chunking', async () => {
    const pad = (n: number) => {
      const base = outage(`P${n}`, ',"pad":""');
      return base.replace('"pad":""', `"pad":"${'x'.repeat(n - Buffer.byteLength(base))}"`);
    };
    const exact = pad(MAX_LINE_BYTES);
    const over = pad(MAX_LINE_BYTES + 1);
    expect(Buffer.byteLength(exact)).toBe(MAX_LINE_BYTES);
    const text = `${exact}\n${over}\r\n${outage('O3')}`;
    for (const size of [text.length, 1 << 20, 65_536, 999_999]) {
      const bytes = Buffer.from(text);
      const chunks = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const got = await read(chunks);
      expect(got.ids, `chunks of ${size}`).toEqual([[1, `P${MAX_LINE_BYTES}`], [3, 'O3']]);
      expect(got.rejected).toEqual([[2, expect.stringMatching(/^line is 16777218 bytes \(16 MiB\), longer than the 16 MiB/)]]);
    }
  }, 60_000);

  it('rejects a final line without newline that is too long', async () => {
    async function* input() {
      yield `${outage('O1')}\n`;
      yield* repeated(MAX_LINE_BYTES + 10);
    }
    const got = await read(input());
    expect(got.ids).toEqual([[1, 'O1']]);
    expect(got.rejected).toEqual([[2, expect.stringContaining(`line is ${MAX_LINE_BYTES + 10} bytes`)]]);
  });
});

describe('invalid UTF-8', () => {
  const bytes = (...parts: (string | number[] | Buffer)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p as Uint8Array))));
  const line = (id: number[]) => bytes('{"type":"outage","id":"A', id, '","start":"2026-03-10T02:00:00-05:00","end":"2026-03-10T03:00:00-05:00","cause":"provider"}\n');
  const input = Buffer.concat([
    line([]), //                        1: A
    line([0xff]), //                    2: a byte that is never UTF-8
    line([0xfe]), //                    3: another: with replacement characters 2 and 3 would be one id
    line([0xef, 0xbf, 0xbd]), //        4: a genuine U+FFFD, accepted
    line([0xc0, 0xaf]), //              5: an overlong encoding of "/"
    line([0xed, 0xa0, 0x80]), //        6: a UTF-16 surrogate
    line([0xe2, 0x82]), //              7: a character cut short
    line([0xe2, 0x82, 0xac]), //        8: €
    line([0xf4, 0x90, 0x80, 0x80]), //  9: beyond U+10FFFF
  ]);

  it('rejects each bad line with its number and keeps the good ones, however the input is cut', async () => {
    const want = {
      ids: [[1, 'A'], [4, 'A\ufffd'], [8, 'A€']],
      rejected: [2, 3, 5, 6, 7, 9].map((n) => [n, 'the line is not valid UTF-8; slac reads UTF-8 text (convert the file, e.g. iconv -f latin1 -t utf-8)']),
      counts: { lines: 9, blank: 0, accepted: 3, rejected: 6 },
    };
    expect(await read([input])).toEqual(want);
    for (const size of [1, 2, 3, 7, 64]) {
      const chunks = [];
      for (let i = 0; i < input.length; i += size) chunks.push(input.subarray(i, i + size));
      expect(await read(chunks), `chunks of ${size}`).toEqual(want);
    }
  });

  it('rejects the elements of a JSON array that sit on a line that is not UTF-8', async () => {
    const array = bytes('[\n', line([]).subarray(0, -1), ',\n', line([0xff]).subarray(0, -1), ',\n', line([0xfe]).subarray(0, -1), '\n]\n');
    const got = await read([array]);
    expect(got.ids).toEqual([[2, 'A']]);
    expect(got.rejected).toEqual([
      [3, 'array element 2: line 3 is not valid UTF-8; slac reads UTF-8 text (convert the file, e.g. iconv -f latin1 -t utf-8)'],
      [4, 'array element 3: line 4 is not valid UTF-8; slac reads UTF-8 text (convert the file, e.g. iconv -f latin1 -t utf-8)'],
    ]);
  });
});

describe('JSON array size', () => {
  it('stops with a message that points to NDJSON when the array is over MAX_ARRAY_BYTES', async () => {
    async function* input() {
      yield `[\n${outage('O1')},\n"`;
      yield* repeated(MAX_ARRAY_BYTES);
      yield '"\n]\n';
    }
    const run = read(input());
    await expect(run).rejects.toBeInstanceOf(RecordsFormatError);
    await expect(run).rejects.toThrow(/^is a JSON array of more than 64 MiB, .*write the records as NDJSON, one JSON object per line/);
  });

  it('reads NDJSON whose first record starts with `[` line by line, however long the log', async () => {
    async function* input() {
      yield '[1]\n';
      // 70,000 lines of 1 KiB: more than an array may hold.
      const long = 'x'.repeat(900);
      for (let i = 0; i < 70; i++) yield `${Array.from({ length: 1000 }, (_, k) => outage(`${long}-${i}-${k}`)).join('\n')}\n`;
    }
    const got = await read(input());
    expect(got.rejected).toEqual([[1, 'record must be a JSON object, got an array']]);
    expect(got.counts).toMatchObject({ lines: 70_001, accepted: 70_000 });
  }, 60_000);
});
