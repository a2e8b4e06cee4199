// The NDJSON line splitter, fed byte by byte where it hurts: lines cut across chunks (inside a
// multi-byte UTF-8 character, between CR and LF, inside the BOM), blank lines, a final line with or
// without its newline, lines exactly MAX_LINE_BYTES long and one byte over (held across chunks or
// whole in one chunk), invalid UTF-8 in a chunk with good lines, and the first-line format check.
// Every line is pinned with its number and its exact text or error.

import { describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, RecordsFormatError } from '../../../runtime/records';
import { chunks, lines } from '../../helpers/lines';

/** Lines with long texts shown by their length only, so a 16 MiB line compares cheaply. */
async function shortLines(input: Iterable<Buffer | string> | AsyncIterable<Buffer | string>) {
  return (await lines(input)).map((l) => (l.text.length > 64 ? { ...l, text: `<${l.text.length} chars ${l.text.slice(0, 8)}>` } : l));
}

async function formatError(input: Iterable<Buffer | string>): Promise<string> {
  const e = await lines(input).then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(RecordsFormatError);
  return (e as RecordsFormatError).message;
}

const NOT_UTF8 = 'the line is not valid UTF-8; slac reads UTF-8 text (convert the file, e.g. iconv -f latin1 -t utf-8)';
const tooLong = (bytes: number, mib: string) => `line is ${bytes} bytes (${mib} MiB), longer than the 16 MiB a record line may have; skipped`;

describe('line ends', () => {
  it('numbers the lines of one chunk, and makes no line of the end after a final newline', async () => {
    expect(await lines(chunks('{"a":1}\n{"b":2}\n'))).toEqual([{ line: 1, text: '{"a":1}' }, { line: 2, text: '{"b":2}' }]);
  });

  it('counts a final line without a newline', async () => {
    expect(await lines(chunks('{"a":1}\n{"b":2}'))).toEqual([{ line: 1, text: '{"a":1}' }, { line: 2, text: '{"b":2}' }]);
    expect(await lines(chunks('{"a":1}'))).toEqual([{ line: 1, text: '{"a":1}' }]);
    expect(await lines(chunks('{"a":1}\n', '{"b":', '2}'))).toEqual([{ line: 1, text: '{"a":1}' }, { line: 2, text: '{"b":2}' }]);
  });

  it('joins a line cut across chunks, whichever side of the newline the cut is', async () => {
    const want = [{ line: 1, text: '{"a":1}' }, { line: 2, text: '{"b":2}' }, { line: 3, text: '{"c":3}' }];
    expect(await lines(chunks('{"a"', ':1}\n{"b"', ':2}\n{"c":3}\n'))).toEqual(want);
    expect(await lines(chunks('{"a":1}', '\n', '{"b":2}\n', '{"c":3}', '\n'))).toEqual(want);
    expect(await lines(chunks('{"a":1}\n{', '"b":2}\n{"c', '":3}'))).toEqual(want);
    expect(await lines(chunks('{"a":1}\n', '\n', '{"b":2}\n'))).toEqual([
      { line: 1, text: '{"a":1}' }, { line: 2, text: '', blank: true }, { line: 3, text: '{"b":2}' },
    ]);
    expect(await lines(chunks('{"a"', ':1}\n\n{"b":2}\n'))).toEqual([
      { line: 1, text: '{"a":1}' }, { line: 2, text: '', blank: true }, { line: 3, text: '{"b":2}' },
    ]);
  });

  it('takes string chunks as UTF-8 text', async () => {
    expect(await lines(['{"a":"é', '"}\n{"b":2}'])).toEqual([{ line: 1, text: '{"a":"é"}' }, { line: 2, text: '{"b":2}' }]);
  });

  it('drops the CR of a CRLF, also when CR and LF come in different chunks, and keeps any other CR', async () => {
    expect(await lines(chunks('{"a":1}\r', '\n{"b":2}\r', '\n'))).toEqual([{ line: 1, text: '{"a":1}' }, { line: 2, text: '{"b":2}' }]);
    expect(await lines(chunks('{"a":1}\r\n\r\n\r\n{"b":"x\ry"}\r\n{"c":3}\r'))).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: '', blank: true },
      { line: 3, text: '', blank: true },
      { line: 4, text: '{"b":"x\ry"}' },
      { line: 5, text: '{"c":3}' },
    ]);
    expect(await lines(chunks('{"a":1}\n', '\r', '\n', '\r', '\r\n'))).toEqual([
      { line: 1, text: '{"a":1}' }, { line: 2, text: '', blank: true }, { line: 3, text: '\r', blank: true },
    ]);
    expect(await lines(chunks('{"a":1}\n', '{"b":2}\r'))).toEqual([{ line: 1, text: '{"a":1}' }, { line: 2, text: '{"b":2}' }]);
  });

  it('marks empty and white-space lines blank, keeping their text, and no line that starts with anything else', async () => {
    expect(await lines(chunks('  \n', '\t\n{"a":1}\n \t \n{\n}\n1\n'))).toEqual([
      { line: 1, text: '  ', blank: true },
      { line: 2, text: '\t', blank: true },
      { line: 3, text: '{"a":1}' },
      { line: 4, text: ' \t ', blank: true },
      { line: 5, text: '{' },
      { line: 6, text: '}' },
      { line: 7, text: '1' },
    ]);
    expect(await lines(chunks('\n \n'))).toEqual([{ line: 1, text: '', blank: true }, { line: 2, text: ' ', blank: true }]);
    expect(await lines(chunks(''))).toEqual([]);
    expect(await lines([])).toEqual([]);
  });
});

describe('UTF-8', () => {
  it('joins a character cut across chunks, after a complete line in the same chunk', async () => {
    const euro = [0xe2, 0x82, 0xac];
    expect(await lines(chunks('{"a":1}\n{"b":"', euro.slice(0, 1), euro.slice(1, 2), [...euro.slice(2), 0x22, 0x7d, 0x0a]))).toEqual([
      { line: 1, text: '{"a":1}' }, { line: 2, text: '{"b":"€"}' },
    ]);
    expect(await lines(chunks([...Buffer.from('{"a":1}\n{"b":"'), 0xf0, 0x9f], [0x9a, 0x80, ...Buffer.from('"}\n')]))).toEqual([
      { line: 1, text: '{"a":1}' }, { line: 2, text: '{"b":"🚀"}' },
    ]);
  });

  it('rejects each line that is not UTF-8 by its number in a chunk of good lines, with blank and CRLF lines around it', async () => {
    const input = chunks([...Buffer.from('{"a":1}\r\n{"b":"'), 0xff, ...Buffer.from('"}\r\n\r\n{"c":"\xe9"}\n\n')]);
    expect(await lines(input)).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: '', error: NOT_UTF8 },
      { line: 3, text: '', blank: true },
      { line: 4, text: '{"c":"é"}' },
      { line: 5, text: '', blank: true },
    ]);
  });

  it('rejects a line that is not UTF-8 when it is spread over chunks, or comes last without a newline', async () => {
    expect(await lines(chunks('{"a":1}\n{"b":"', [0xc0, 0xaf], '"}\n{"c":3}\n'))).toEqual([
      { line: 1, text: '{"a":1}' }, { line: 2, text: '', error: NOT_UTF8 }, { line: 3, text: '{"c":3}' },
    ]);
    expect(await lines(chunks('{"a":1}\n{"b":"', [0xe2, 0x82]))).toEqual([{ line: 1, text: '{"a":1}' }, { line: 2, text: '', error: NOT_UTF8 }]);
  });

  it('judges a first line that is not UTF-8 as a record, so the next line is not taken for a format', async () => {
    expect(await lines(chunks([0xff, 0x0a], 'hello\n'))).toEqual([{ line: 1, text: '', error: NOT_UTF8 }, { line: 2, text: 'hello' }]);
  });
});

describe('the BOM', () => {
  it('is removed from the very start, whole or cut in any place', async () => {
    const bytes = Buffer.from('\uFEFF{"a":1}\n{"b":2}\n');
    const want = [{ line: 1, text: '{"a":1}' }, { line: 2, text: '{"b":2}' }];
    expect(await lines([bytes])).toEqual(want);
    for (const [i, j] of [[1, 2], [1, 3], [2, 3], [1, 4], [3, 4], [2, 5]]) {
      expect(await lines([bytes.subarray(0, i), bytes.subarray(i, j), bytes.subarray(j)]), `cut at ${i}, ${j}`).toEqual(want);
    }
  });

  it('leaves no line when it is the whole input, whole or cut', async () => {
    expect(await lines(chunks([0xef, 0xbb, 0xbf]))).toEqual([]);
    expect(await lines(chunks([0xef], [0xbb, 0xbf]))).toEqual([]);
    expect(await lines(chunks([0xef, 0xbb], [0xbf], '\n'))).toEqual([{ line: 1, text: '', blank: true }]);
  });

  it('is not removed when it is incomplete, nor after other bytes, nor on a later line', async () => {
    expect(await lines(chunks([0xef, 0xbb]))).toEqual([{ line: 1, text: '', error: NOT_UTF8 }]);
    expect(await lines(chunks([0xef], [0xbb, ...Buffer.from('{"a":1}\n')]))).toEqual([{ line: 1, text: '', error: NOT_UTF8 }]);
    expect(await lines(chunks([0xef], [0x7b, 0x7d, 0x0a]))).toEqual([{ line: 1, text: '', error: NOT_UTF8 }]);
    expect(await lines(chunks([0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toEqual([{ line: 1, text: '\uFEFF{}' }]);
    expect(await lines(chunks([0xef, 0xbb, 0xbf], [0xef, 0xbb], [0xbf, 0x7b, 0x7d]))).toEqual([{ line: 1, text: '\uFEFF{}' }]);
    expect(await lines(chunks('\n', '\uFEFF{"a":1}\n'))).toEqual([{ line: 1, text: '', blank: true }, { line: 2, text: '\uFEFF{"a":1}' }]);
    expect(await lines(chunks('{"a":1}\n\uFEFF{"b":2}\n'))).toEqual([{ line: 1, text: '{"a":1}' }, { line: 2, text: '\uFEFF{"b":2}' }]);
    expect(await lines(chunks(' \uFEFF{"a":1}\n'))).toEqual([{ line: 1, text: ' \uFEFF{"a":1}' }]);
  });
});

describe('the first line', () => {
  it('stops the input when the first non-blank line cannot start NDJSON, after blank chunks', async () => {
    expect(await formatError(chunks('id,start\nO1,2026\n'))).toBe('looks like CSV (header "id,start")');
    expect(await formatError(chunks('\n', ' \n', '\t', 'hello\n{"a":1}\n'))).toBe('is not JSON (first line "hello")');
    expect(await formatError(chunks([0xef, 0xbb, 0xbf], 'id;start'))).toBe('looks like CSV (header "id;start")');
  });

  it('stops the input on a binary signature in its first bytes', async () => {
    expect(await formatError(chunks([0x1f, 0x8b, 0x08, 0x00, 0x0a]))).toBe('looks like gzip-compressed data (decompress it first)');
    expect(await formatError(chunks([0xff, 0xfe, 0x7b, 0x00]))).toBe('looks like UTF-16 text (save it as UTF-8)');
    expect(await formatError(chunks([0xef, 0xbb, 0xbf, 0x1f, 0x8b]))).toBe('looks like gzip-compressed data (decompress it first)');
  });

  it('looks for a signature only in the very first bytes', async () => {
    expect(await lines(chunks(' ', [0xff, 0xfe, 0x7b, 0x00]))).toEqual([{ line: 1, text: '', error: NOT_UTF8 }]);
  });

  it('is judged once: a later line that is not JSON is a line like any other', async () => {
    expect(await lines(chunks('\n{"a":1}\n', 'hello\nid,start\n'))).toEqual([
      { line: 1, text: '', blank: true }, { line: 2, text: '{"a":1}' }, { line: 3, text: 'hello' }, { line: 4, text: 'id,start' },
    ]);
    expect(await lines(chunks('42\nhello\n'))).toEqual([{ line: 1, text: '42' }, { line: 2, text: 'hello' }]);
  });
});

describe('line length', () => {
  /** A line of `n` bytes that starts like a record: `{xxx…`. */
  const x = (n: number) => Buffer.alloc(n, 'x').fill('{', 0, 1);

  it('keeps a line of exactly MAX_LINE_BYTES held across chunks and rejects one a byte longer, by its length', async () => {
    expect(await shortLines([x(MAX_LINE_BYTES), Buffer.from('\n{"b":2}\n')])).toEqual([
      { line: 1, text: `<${MAX_LINE_BYTES} chars {xxxxxxx>` }, { line: 2, text: '{"b":2}' },
    ]);
    expect(await shortLines([x(MAX_LINE_BYTES - 1), Buffer.from('y\n{"b":2}\n')])).toEqual([
      { line: 1, text: `<${MAX_LINE_BYTES} chars {xxxxxxx>` }, { line: 2, text: '{"b":2}' },
    ]);
    expect(await shortLines([x(MAX_LINE_BYTES - 1), Buffer.from('yz\n{"b":2}\n')])).toEqual([
      { line: 1, text: '', error: tooLong(MAX_LINE_BYTES + 1, '16') }, { line: 2, text: '{"b":2}' },
    ]);
    expect(await shortLines([x(MAX_LINE_BYTES + 1), Buffer.from('\n{"b":2}\n')])).toEqual([
      { line: 1, text: '', error: tooLong(MAX_LINE_BYTES + 1, '16') }, { line: 2, text: '{"b":2}' },
    ]);
  });

  it('keeps a line of exactly MAX_LINE_BYTES whole in one chunk and rejects one a byte longer', async () => {
    const one = (n: number) => Buffer.concat([Buffer.from('{"a":1}\n'), x(n), Buffer.from('\n{"b":2}\n')]);
    expect(await shortLines([one(MAX_LINE_BYTES)])).toEqual([
      { line: 1, text: '{"a":1}' }, { line: 2, text: `<${MAX_LINE_BYTES} chars {xxxxxxx>` }, { line: 3, text: '{"b":2}' },
    ]);
    expect(await shortLines([one(MAX_LINE_BYTES + 1)])).toEqual([
      { line: 1, text: '{"a":1}' }, { line: 2, text: '', error: tooLong(MAX_LINE_BYTES + 1, '16') }, { line: 3, text: '{"b":2}' },
    ]);
  });

  it('skips a long line over several chunks and reads the lines after it afresh', async () => {
    const n = 21_071_520; // 20.095 MiB, shown rounded to a tenth
    const got = await shortLines([x(MAX_LINE_BYTES + 1), x(n - MAX_LINE_BYTES - 2), Buffer.from('y\n{"b":'), Buffer.from('2}\n{"c"'), Buffer.from(':3}')]);
    expect(got).toEqual([{ line: 1, text: '', error: tooLong(n, '20.1') }, { line: 2, text: '{"b":2}' }, { line: 3, text: '{"c":3}' }]);
  });

  it('rejects a final line without a newline that is too long, and judges it as a record line', async () => {
    expect(await shortLines([Buffer.from('\n'), x(MAX_LINE_BYTES), Buffer.from('x')])).toEqual([
      { line: 1, text: '', blank: true }, { line: 2, text: '', error: tooLong(MAX_LINE_BYTES + 1, '16') },
    ]);
    expect(await shortLines([x(MAX_LINE_BYTES + 1), Buffer.from('\nhello\n')])).toEqual([
      { line: 1, text: '', error: tooLong(MAX_LINE_BYTES + 1, '16') }, { line: 2, text: 'hello' },
    ]);
  });

  it('holds white space at the start only up to a line: more is a blank line, or a long one', async () => {
    const sp = (n: number) => Buffer.alloc(n, ' ');
    expect(await shortLines([sp(MAX_LINE_BYTES), Buffer.from('\n{"a":1}\n')])).toEqual([
      { line: 1, text: `<${MAX_LINE_BYTES} chars         >`, blank: true }, { line: 2, text: '{"a":1}' },
    ]);
    expect(await shortLines([sp(MAX_LINE_BYTES + 1), Buffer.from('{"a":1}\n{"b":2}\n')])).toEqual([
      { line: 1, text: '', error: tooLong(MAX_LINE_BYTES + 8, '16') }, { line: 2, text: '{"b":2}' },
    ]);
  });
});
