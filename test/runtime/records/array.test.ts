// A records input that is one JSON array: how its start is told from NDJSON whose first record
// begins with `[`, each element with the line it starts on, its exact source text and position,
// elements on lines that are not UTF-8, a malformed array, and the MAX_ARRAY_BYTES limit exactly
// at the limit and one byte over.

import { describe, expect, it } from 'vitest';
import { MAX_ARRAY_BYTES, MAX_LINE_BYTES, RecordsFormatError } from '../../../runtime/records';
import { chunks, lines } from '../../helpers/lines';

const NOT_UTF8 = (line: number) => `line ${line} is not valid UTF-8; slac reads UTF-8 text (convert the file, e.g. iconv -f latin1 -t utf-8)`;
const TOO_LARGE =
  "is a JSON array of more than 64 MiB, which slac would have to hold in memory whole; write the records as NDJSON, one JSON object per line, which is streamed (jq -c '.[]' turns the array into it)";

describe('an array or NDJSON starting with `[`', () => {
  it('is NDJSON when the first line is a JSON value by itself and more follows, in the same chunk or a later one', async () => {
    const want = [{ line: 1, text: '[1]' }, { line: 2, text: '{"a":1}' }];
    expect(await lines(chunks('[1]\n{"a":1}\n'))).toEqual(want);
    expect(await lines(chunks('[1]\n', '{"a":1}\n'))).toEqual(want);
    expect(await lines(chunks('[1]\n', '\n \n', '{"a":1}\n'))).toEqual([
      { line: 1, text: '[1]' }, { line: 2, text: '', blank: true }, { line: 3, text: ' ', blank: true }, { line: 4, text: '{"a":1}' },
    ]);
    expect(await lines(chunks('[', '1]', '\n{"a":1}'))).toEqual(want);
    expect(await lines(chunks('  [1', ']\n', '{"a":1}\n'))).toEqual([{ line: 1, text: '  [1]' }, { line: 2, text: '{"a":1}' }]);
  });

  it('finds the first line after blank lines and a BOM', async () => {
    expect(await lines(chunks('\n \n[1]\n{"a":1}\n'))).toEqual([
      { line: 1, text: '', blank: true }, { line: 2, text: ' ', blank: true }, { line: 3, text: '[1]' }, { line: 4, text: '{"a":1}' },
    ]);
    expect(await lines(chunks('\n', '\n', ' [2]\n{"a":1}'))).toEqual([
      { line: 1, text: '', blank: true }, { line: 2, text: '', blank: true }, { line: 3, text: ' [2]' }, { line: 4, text: '{"a":1}' },
    ]);
    expect(await lines(chunks('\n', ' ', '[1,\n2]'))).toEqual([
      { line: 2, text: '1', value: 1, element: 1 },
      { line: 3, text: '2', value: 2, element: 2 },
    ]);
    expect(await lines(chunks([0xef, 0xbb, 0xbf], '[1,\n2]'))).toEqual([
      { line: 1, text: '1', value: 1, element: 1 },
      { line: 2, text: '2', value: 2, element: 2 },
    ]);
    expect(await lines(chunks([0xef, 0xbb, 0xbf], '[1]\n{"a":1}\n'))).toEqual([{ line: 1, text: '[1]' }, { line: 2, text: '{"a":1}' }]);
  });

  it('is one array when the first line is a value with nothing after it but white space', async () => {
    const want = [{ line: 1, text: '1', value: 1, element: 1 }, { line: 1, text: '2', value: 2, element: 2 }];
    expect(await lines(chunks('[1,2]\n'))).toEqual(want);
    expect(await lines(chunks('[1,2]\n', ' \n', '\n'))).toEqual(want);
    expect(await lines(chunks('[1,2]'))).toEqual(want);
    expect(await lines(chunks('[1,', '2]'))).toEqual(want);
  });

  it('is told after any JSON white space before the `[`, and ignores white space after the first line', async () => {
    for (const space of [' ', '\t', '\r', '\n']) {
      expect(await lines(chunks(`${space}[1,\n2]`)), JSON.stringify(space)).toEqual([
        { line: space === '\n' ? 2 : 1, text: '1', value: 1, element: 1 },
        { line: space === '\n' ? 3 : 2, text: '2', value: 2, element: 2 },
      ]);
      expect(await lines(chunks(`[1]\n${space}`)), JSON.stringify(space)).toEqual([{ line: 1, text: '1', value: 1, element: 1 }]);
      expect(await lines(chunks('[1]\n', `${space}`)), JSON.stringify(space)).toEqual([{ line: 1, text: '1', value: 1, element: 1 }]);
    }
    expect(await lines(chunks('[1]\n', ' \t\r\n', '\n'))).toEqual([{ line: 1, text: '1', value: 1, element: 1 }]);
    expect(await lines(chunks('[ 1 ,\t2\r\n,\n3 ]'))).toEqual([
      { line: 1, text: '1', value: 1, element: 1 },
      { line: 1, text: '2', value: 2, element: 2 },
      { line: 3, text: '3', value: 3, element: 3 },
    ]);
  });

  it('is told after as much white space as a line may hold, in a chunk of its own', async () => {
    // Exactly MAX_LINE_BYTES of spaces are still held ahead to learn the format, so the `[` after
    // them starts an array (one byte more and the white space is a line of its own, see splitter.test.ts).
    const got = await lines([Buffer.alloc(MAX_LINE_BYTES, ' '), Buffer.from('[{"a":1}]')]);
    expect(got).toEqual([{ line: 1, text: '{"a":1}', value: { a: 1 }, element: 1 }]);
  });

  it('is one array when the first line does not parse alone', async () => {
    expect(await lines(chunks('[\n{"a":1},\n', '{"b":2}\n]\n'))).toEqual([
      { line: 2, text: '{"a":1}', value: { a: 1 }, element: 1 },
      { line: 3, text: '{"b":2}', value: { b: 2 }, element: 2 },
    ]);
    expect(await lines(chunks('\n [{"a":1},\n{"b":2}]'))).toEqual([
      { line: 2, text: '{"a":1}', value: { a: 1 }, element: 1 },
      { line: 3, text: '{"b":2}', value: { b: 2 }, element: 2 },
    ]);
  });
});

describe('array elements', () => {
  it('start on their line, several on one line, with their source text without the commas and white space around', async () => {
    const text = [
      ' [ {"a":1} , 2 ,"x, ]y"',
      '  , {',
      '    "b": [1, {"c": "}"}],',
      '    "d": "q\\"]"',
      '  }\t,',
      '',
      '  [3,4] ,{}, []  ,',
      '  null',
      ']',
    ].join('\r\n');
    expect(await lines(chunks(text))).toEqual([
      { line: 1, text: '{"a":1}', value: { a: 1 }, element: 1 },
      { line: 1, text: '2', value: 2, element: 2 },
      { line: 1, text: '"x, ]y"', value: 'x, ]y', element: 3 },
      { line: 2, text: '{\r\n    "b": [1, {"c": "}"}],\r\n    "d": "q\\"]"\r\n  }', value: { b: [1, { c: '}' }], d: 'q"]' }, element: 4 },
      { line: 7, text: '[3,4]', value: [3, 4], element: 5 },
      { line: 7, text: '{}', value: {}, element: 6 },
      { line: 7, text: '[]', value: [], element: 7 },
      { line: 8, text: 'null', value: null, element: 8 },
    ]);
  });

  it('of an empty array are none', async () => {
    expect(await lines(chunks('[]'))).toEqual([]);
    expect(await lines(chunks('\n[ \n ]\n'))).toEqual([]);
  });

  it('on a line that is not UTF-8 carry the first such line of the element', async () => {
    const input = chunks(
      '[1,\n"a',
      [0xff],
      '",\n{"b":\n"',
      [0xc0, 0xaf],
      '"\n,"c":"',
      [0xfe],
      '"},\n2, "',
      [0xe2, 0x82, 0xac],
      '"]',
    );
    expect(await lines(input)).toEqual([
      { line: 1, text: '1', value: 1, element: 1 },
      { line: 2, text: '"a\ufffd"', value: 'a\ufffd', element: 2, error: NOT_UTF8(2) },
      { line: 3, text: '{"b":\n"\ufffd\ufffd"\n,"c":"\ufffd"}', value: { b: '\ufffd\ufffd', c: '\ufffd' }, element: 3, error: NOT_UTF8(4) },
      { line: 6, text: '2', value: 2, element: 4 },
      { line: 6, text: '"€"', value: '€', element: 5 },
    ]);
  });

  it('after a bad line, and on its last line when it ends the input', async () => {
    expect(await lines(chunks('[{"a":\n"', [0xff], '"}, {"b":\n1}, 2]\n'))).toEqual([
      { line: 1, text: '{"a":\n"\ufffd"}', value: { a: '\ufffd' }, element: 1, error: NOT_UTF8(2) },
      { line: 2, text: '{"b":\n1}', value: { b: 1 }, element: 2, error: NOT_UTF8(2) },
      { line: 3, text: '2', value: 2, element: 3 },
    ]);
    expect(await lines(chunks('[1,\n2,\n"', [0xff], '"]'))).toEqual([
      { line: 1, text: '1', value: 1, element: 1 },
      { line: 2, text: '2', value: 2, element: 2 },
      { line: 3, text: '"\ufffd"', value: '\ufffd', element: 3, error: NOT_UTF8(3) },
    ]);
  });
});

describe('a malformed array', () => {
  it('is one item at line 1 with the whole text, so it is rejected with what JSON.parse says', async () => {
    expect(await lines(chunks('[\n{"a":1},\n', '{"b":2}\n'))).toEqual([{ line: 1, text: '[\n{"a":1},\n{"b":2}\n' }]);
    expect(await lines(chunks('\n [1,]'))).toEqual([{ line: 1, text: '\n [1,]' }]);
    expect(await lines(chunks('[1] 2'))).toEqual([{ line: 1, text: '[1] 2' }]);
  });
});

describe('MAX_ARRAY_BYTES', () => {
  /** An array of one string, `total` bytes in all, in chunks of 1 MiB made from one block. */
  function* array(total: number): Generator<Buffer> {
    yield Buffer.from('["');
    const block = Buffer.alloc(1 << 20, 'x');
    for (let left = total - 4; left > 0; left -= block.length) yield left >= block.length ? block : block.subarray(0, left);
    yield Buffer.from('"]');
  }

  it('is the most an array may have: one byte more stops the input with a message that points to NDJSON', async () => {
    const e = await lines(array(MAX_ARRAY_BYTES + 1)).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(RecordsFormatError);
    expect((e as RecordsFormatError).message).toBe(TOO_LARGE);
    expect((e as RecordsFormatError).describe('march.json', 'evaluate')).toBe(`march.json ${TOO_LARGE}`);
    const got = await lines(array(MAX_ARRAY_BYTES));
    expect(got.map((l) => [l.line, l.element, l.text.length])).toEqual([[1, 1, MAX_ARRAY_BYTES - 2]]);
  }, 30_000);

  it('does not limit NDJSON whose first line is an array', async () => {
    function* input(): Generator<Buffer> {
      yield Buffer.from('[1]\n');
      yield* array(MAX_ARRAY_BYTES + 1);
      yield Buffer.from('\n');
    }
    const got = await lines(input());
    expect(got).toEqual([
      { line: 1, text: '[1]' },
      { line: 2, text: '', error: 'line is 67108865 bytes (64 MiB), longer than the 16 MiB a record line may have; skipped' },
    ]);
  }, 30_000);
});
