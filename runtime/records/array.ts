// A records input that is one JSON array: read whole (up to MAX_ARRAY_BYTES; NDJSON is the format
// that streams), parsed once, and split into its elements, each with the line on which it starts.

import { isUtf8 } from 'node:buffer';
import { RecordsFormatError } from './format';
import type { RecordLine } from './lines';

/** The largest JSON array input, in bytes: it is held in memory whole, with its parsed elements. */
export const MAX_ARRAY_BYTES = 64 * 1024 * 1024;


function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Offset of the first byte at or after `from` that is not JSON white space, or -1. */
export function firstNonSpace(buf: Uint8Array, from = 0): number {
  for (let i = from; i < buf.length; i++) if (!isSpace(buf[i]!)) return i;
  return -1;
}

function parsesAlone(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/**
 * The bytes of an input whose first non-blank character is `[`, collected until the end. Such an
 * input may also be NDJSON whose first record happens to start with `[` (then every line must be
 * judged on its own): that is the case when the first line is a JSON value by itself and more
 * follows it, which `add` reports as soon as it is seen, so a long NDJSON log is never held whole.
 */
export class ArrayInput {
  private parts: Buffer[] = [];
  private bytes = 0;
  private state: 'first-line' | 'alone' | 'array' = 'first-line';

  /** `bracket` is the offset of the `[` in the first bytes added. */
  constructor(private readonly bracket: number) {}

  /** Takes the next bytes; true when the input has turned out to be NDJSON (see `take`). */
  add(chunk: Buffer): boolean {
    const from = this.bytes === 0 ? this.bracket : 0;
    this.parts.push(chunk);
    this.bytes += chunk.length;
    if (this.bytes > MAX_ARRAY_BYTES) {
      throw new RecordsFormatError(
        `is a JSON array of more than ${MAX_ARRAY_BYTES / 2 ** 20} MiB, which slac would have to hold in memory whole; write the records as NDJSON, one JSON object per line, which is streamed (jq -c '.[]' turns the array into it)`,
        false,
      );
    }
    if (this.state === 'first-line') {
      const nl = chunk.indexOf(10, from);
      if (nl === -1) return false;
      const all = this.take();
      const end = all.length - chunk.length + nl;
      const start = all.lastIndexOf(10, this.bracket) + 1;
      this.state = parsesAlone(all.toString('utf8', start, end)) ? 'alone' : 'array';
      return this.state === 'alone' && firstNonSpace(all, end + 1) !== -1;
    }
    return this.state === 'alone' && firstNonSpace(chunk) !== -1;
  }

  /** Every byte so far, as one buffer. */
  take(): Buffer {
    if (this.parts.length > 1) this.parts = [Buffer.concat(this.parts)];
    return this.parts[0] ?? Buffer.alloc(0);
  }
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
    if (c === 32 || c === 9 || c === 10 || c === 13) continue; // JSON white space: JSON.parse allows no other outside strings
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

/** The 1-based numbers of the lines of `buf` that are not valid UTF-8 (only asked when the whole is not). */
function invalidUtf8Lines(buf: Buffer): Set<number> {
  const bad = new Set<number>();
  for (let pos = 0, line = 1; pos <= buf.length; line++) {
    let nl = buf.indexOf(10, pos);
    if (nl === -1) nl = buf.length;
    if (!isUtf8(buf.subarray(pos, nl))) bad.add(line);
    pos = nl + 1;
  }
  return bad;
}

/** Why a line is rejected unread; `line` names it when the rejection is of an array element. */
export function notUtf8(line?: number): string {
  return `${line === undefined ? 'the line' : `line ${line}`} is not valid UTF-8; slac reads UTF-8 text (convert the file, e.g. iconv -f latin1 -t utf-8)`;
}

/**
 * The elements of a whole JSON array input, with the line each starts on, its source text and its
 * parsed value. An element on a line that is not valid UTF-8 is rejected rather than read with
 * replacement characters (two different ids could become one). A malformed array is one item at
 * line 1 whose text fails to parse, so it is rejected with JSON.parse's message.
 */
export function arrayLines(buf: Buffer): RecordLine[] {
  const text = buf.toString('utf8');
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch {
    return [{ line: 1, text }];
  }
  // Cannot happen for valid JSON starting with `[`; kept so a surprise is a rejection, not a crash.
  // Stryker disable next-line ArrayDeclaration,ObjectLiteral: never taken (JSON text that starts with `[` and parses is an array), so what it returns is never seen
  if (!Array.isArray(values)) return [{ line: 1, text }];
  const bad = isUtf8(buf) ? null : invalidUtf8Lines(buf);
  const starts = arrayElementStarts(text);
  const items: RecordLine[] = [];
  let line = 1;
  let pos = 0;
  for (let k = 0; k < values.length; k++) {
    const at = starts[k]!;
    for (let nl = text.indexOf('\n', pos); nl !== -1 && nl < at; nl = text.indexOf('\n', nl + 1)) line++;
    pos = at;
    const end = k + 1 < starts.length ? text.lastIndexOf(',', starts[k + 1]!) : text.lastIndexOf(']');
    const source = text.slice(at, end).trimEnd();
    const item: RecordLine = { line, text: source, value: values[k], element: k + 1 };
    if (bad !== null) {
      const last = line + (source.match(/\n/g)?.length ?? 0);
      for (let l = line; l <= last && item.error === undefined; l++) if (bad.has(l)) item.error = notUtf8(l);
    }
    items.push(item);
  }
  return items;
}
