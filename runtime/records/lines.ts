// The lines of a records input (a file, a stream or stdin): NDJSON split into numbered lines as
// it streams, or a JSON array read whole and split into its elements with the line each starts on.

import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export interface RecordLine {
  /** 1-based line number (for a JSON array element: the line on which it starts). */
  line: number;
  /** The line's text (CR and BOM removed), or the element's source text for a JSON array. */
  text: string;
  /** For a JSON array element: the element, already parsed (so it is not parsed twice). */
  value?: unknown;
  /** For a JSON array element: its 1-based position, for messages (several may share a line). */
  element?: number;
  /** True for a line that is empty or whitespace only. */
  blank?: boolean;
}

export type RecordInput = NodeJS.ReadableStream | string;

const CHUNK = 1 << 20; // big reads: fewer chunks and string joins; the splitter copes with any size

function openInput(input: RecordInput): NodeJS.ReadableStream {
  if (typeof input !== 'string') return input;
  if (input === '-') return process.stdin;
  return createReadStream(input, { highWaterMark: CHUNK });
}

function isBlank(text: string): boolean {
  // Fast path: a record line starts with `{`; only otherwise pay for trim().
  return text.length === 0 || (text.charCodeAt(0) !== 123 && text.trim().length === 0);
}

/**
 * The start offsets of the elements of a top-level JSON array in `text`, which must be valid JSON
 * (JSON.parse has accepted it): a scan that only tracks strings and nesting depth.
 */
function arrayElementStarts(text: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  let expecting = false; // at depth 1, waiting for the next element's first character
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) continue;
    if (depth === 1 && expecting && c !== 93 /* ] */) {
      starts.push(i);
      expecting = false;
    }
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      if (depth === 1) expecting = true;
    } else if (c === 93 || c === 125) {
      depth--;
    } else if (c === 44 /* , */ && depth === 1) {
      expecting = true;
    }
  }
  return starts;
}

function parsesAlone(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function* arrayLines(text: string): Generator<RecordLine[]> {
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch {
    // Not one JSON document. When its first line is a JSON value of its own and more follows, it
    // is NDJSON whose first record happens to start with `[`: read it line by line, so every line
    // is judged or rejected on its own. Otherwise it is a malformed array: one rejection, line 1.
    const nl = text.indexOf('\n');
    if (nl !== -1 && text.slice(nl + 1).trim() !== '' && parsesAlone(text.slice(0, nl))) {
      const rows = text.split('\n');
      if (rows[rows.length - 1] === '') rows.pop(); // the newline that ends the last line
      yield rows.map((raw, i) => {
        const t = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        return t.trim() === '' ? { line: i + 1, text: t, blank: true } : { line: i + 1, text: t };
      });
      return;
    }
    yield [{ line: 1, text }]; // parsing it again downstream reports the error, at line 1
    return;
  }
  if (!Array.isArray(values)) {
    // Cannot happen for valid JSON starting with `[`; kept so a surprise is a rejection, not a crash.
    yield [{ line: 1, text }];
    return;
  }
  const starts = arrayElementStarts(text);
  const batch: RecordLine[] = [];
  let line = 1;
  let pos = 0;
  for (let k = 0; k < values.length; k++) {
    const at = starts[k]!;
    for (let nl = text.indexOf('\n', pos); nl !== -1 && nl < at; nl = text.indexOf('\n', nl + 1)) line++;
    pos = at;
    const end = k + 1 < starts.length ? text.lastIndexOf(',', starts[k + 1]!) : text.lastIndexOf(']');
    batch.push({ line, text: text.slice(at, end).trimEnd(), value: values[k], element: k + 1 });
  }
  yield batch;
}

/**
 * Splits an input into lines, in batches (one per chunk read), so that callers that do not need
 * one promise per line do not pay for it. See readRecordLines for the rules.
 */
export async function* lineBatches(input: RecordInput): AsyncGenerator<RecordLine[]> {
  const stream = openInput(input);
  const decoder = new StringDecoder('utf8');
  let carry = ''; // before the format is known: the input so far (whitespace only)
  // The unfinished last line, in pieces: joined once when its newline arrives, so a line longer
  // than a chunk costs linear, not quadratic, time.
  let pieces: string[] = [];
  let line = 0;
  let mode: 'start' | 'lines' | 'array' = 'start';
  let sawText = false;
  const arrayParts: string[] = [];

  for await (const chunk of stream as AsyncIterable<string | Buffer>) {
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (mode === 'start') {
      // A BOM counts only as the very first character (the decoder may need several chunks for it).
      if (!sawText && text.length > 0) {
        sawText = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      carry += text;
      const first = carry.search(/\S/);
      if (first === -1) continue; // only whitespace so far: cannot tell the format yet
      if (carry.charCodeAt(first) === 91 /* [ */) {
        mode = 'array';
        arrayParts.push(carry);
        carry = '';
        continue;
      }
      mode = 'lines';
      text = carry;
      carry = '';
    }
    if (mode === 'array') {
      arrayParts.push(text);
      continue;
    }
    if (text.indexOf('\n') === -1) {
      pieces.push(text);
      continue;
    }
    let buf = text;
    if (pieces.length > 0) {
      pieces.push(text);
      buf = pieces.join('');
      pieces = [];
    }
    const batch: RecordLine[] = [];
    let pos = 0;
    for (let nl = buf.indexOf('\n'); nl !== -1; nl = buf.indexOf('\n', pos)) {
      const end = nl > pos && buf.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      const t = buf.slice(pos, end);
      batch.push(isBlank(t) ? { line: ++line, text: t, blank: true } : { line: ++line, text: t });
      pos = nl + 1;
    }
    if (pos < buf.length) pieces.push(buf.slice(pos));
    yield batch;
  }
  const rest = decoder.end();
  if (mode === 'array') {
    arrayParts.push(rest);
    yield* arrayLines(arrayParts.join(''));
    return;
  }
  carry += pieces.join('') + (!sawText && rest.charCodeAt(0) === 0xfeff ? rest.slice(1) : rest);
  if (mode === 'start' && carry.length > 0) {
    // Whitespace only: split what we have into blank lines (the loop above never ran on it).
    const parts = carry.split('\n');
    if (parts[parts.length - 1] === '') parts.pop();
    yield parts.map((t) => ({ line: ++line, text: t.endsWith('\r') ? t.slice(0, -1) : t, blank: true }));
    return;
  }
  if (carry.length > 0) {
    const t = carry.endsWith('\r') ? carry.slice(0, -1) : carry;
    yield [isBlank(t) ? { line: ++line, text: t, blank: true } : { line: ++line, text: t }];
  }
}

/**
 * The lines of an NDJSON input (a stream, a file path, or `-` for stdin), streamed with constant
 * memory: CRLF and LF line ends, a UTF-8 BOM on line 1 removed, blank lines yielded with
 * `blank: true` (so they keep their number and can be counted). A final line without a newline
 * counts; the empty "line" after a final newline does not.
 *
 * When the first non-blank character of the input is `[`, the input is a JSON array: it is read
 * whole (arrays are not streamed; use NDJSON for large logs), parsed, and each element yielded
 * with the line on which it starts, its source text and its parsed `value`. A malformed array is
 * yielded as one item at line 1 whose text fails to parse.
 */
export async function* readRecordLines(input: RecordInput): AsyncGenerator<RecordLine> {
  for await (const batch of lineBatches(input)) yield* batch;
}
