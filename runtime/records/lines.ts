// The lines of a records input (a file, a stream or stdin): NDJSON split into numbered lines as
// it streams, in bounded memory whatever the input, or a JSON array read whole (see array.ts).

import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { ArrayInput, arrayLines, firstNonSpace, notUtf8 } from './array';
import { binaryLook, firstLineLook, RecordsFormatError } from './format';

/** The longest record line, in bytes: a longer one is rejected and skipped without being held. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

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
  /** Why the line is rejected without being read (too long, not UTF-8); its text is then empty. */
  error?: string;
}

/** A file path (`-` for stdin), a stream, or an input already opened by openRecordInput. */
export type RecordInput = NodeJS.ReadableStream | string | OpenedInput;

const CHUNK = 1 << 20; // big reads: fewer chunks and string joins; the splitter copes with any size
const BOM = [0xef, 0xbb, 0xbf];

function openInput(input: NodeJS.ReadableStream | string): NodeJS.ReadableStream {
  if (typeof input !== 'string') return input;
  if (input === '-') return process.stdin;
  // Stryker disable next-line ObjectLiteral: the read size only decides where the file is cut into chunks, which the splitter joins wherever the cuts are
  return createReadStream(input, { highWaterMark: CHUNK });
}

function isBlank(text: string): boolean {
  // Fast path: a record line starts with `{`; only otherwise pay for trim().
  return text.length === 0 || (text.charCodeAt(0) !== 123 && text.trim().length === 0);
}

function tooLong(bytes: number): string {
  const mib = (n: number) => `${Math.round((n / 2 ** 20) * 10) / 10} MiB`;
  return `line is ${bytes} bytes (${mib(bytes)}), longer than the ${mib(MAX_LINE_BYTES)} a record line may have; skipped`;
}

/**
 * Cuts NDJSON bytes into lines. Lines are checked as bytes before they become strings: one longer
 * than MAX_LINE_BYTES is counted, not kept, up to its newline; one that is not valid UTF-8 is
 * rejected rather than decoded with replacement characters. Both keep their number and become a
 * line with an `error`. The check runs on whole chunks (buffer.isUtf8), and line by line only in
 * a chunk that fails it, so valid input pays one pass. The first non-blank line must be able to
 * start NDJSON: otherwise the input is some other format, and RecordsFormatError says which.
 */
class LineSplitter {
  private line = 0;
  private sawRecord = false;
  /** The unfinished last line, in pieces (joined once when its newline arrives). */
  private pieces: Buffer[] = [];
  /** Bytes of the unfinished line, kept in `pieces` or, once over the limit, only counted. */
  private pending = 0;
  private skipping = false;

  /** Appends to `out` the lines that `buf` completes. */
  push(buf: Buffer, out: RecordLine[]): void {
    const first = buf.indexOf(10);
    if (first === -1) {
      this.keep(buf);
      return;
    }
    let pos = 0;
    if (this.pending > 0) {
      this.finish(buf.subarray(0, first), out);
      pos = first + 1;
    }
    const last = buf.lastIndexOf(10);
    if (last >= pos) {
      this.lines(buf, pos, last, out);
      pos = last + 1;
    }
    if (pos < buf.length) this.keep(buf.subarray(pos));
  }

  /** The last line, when the input does not end with a newline. */
  end(out: RecordLine[]): void {
    if (this.pending > 0) this.finish(Buffer.alloc(0), out);
  }

  private keep(b: Buffer): void {
    this.pending += b.length;
    if (this.skipping) return;
    if (this.pending > MAX_LINE_BYTES) {
      // Stryker disable next-line BooleanLiteral: without it each later piece still finds pending over the limit and is dropped, and finish still sees bytes over it
      this.skipping = true;
      // Stryker disable next-line ArrayDeclaration: the pieces of a skipped line are never read again (finish rejects it by its length): this only frees them
      this.pieces = [];
    } else {
      this.pieces.push(b);
    }
  }

  /** Completes the unfinished line with `tail`, the bytes before its newline. */
  private finish(tail: Buffer, out: RecordLine[]): void {
    const bytes = this.pending + tail.length;
    // Stryker disable next-line LogicalOperator: skipping is set only once pending is over the limit, so bytes is over it whenever skipping holds
    const skipped = this.skipping || bytes > MAX_LINE_BYTES;
    const buf = skipped ? null : Buffer.concat([...this.pieces, tail]);
    this.pieces = [];
    this.pending = 0;
    this.skipping = false;
    if (buf === null) this.error(tooLong(bytes), out);
    else this.one(buf, 0, buf.length, out);
  }

  /** The lines of buf[from, to), where `to` is a newline and so is every line end in between. */
  private lines(buf: Buffer, from: number, to: number, out: RecordLine[]): void {
    const region = buf.subarray(from, to);
    if (region.length > MAX_LINE_BYTES || !isUtf8(region)) {
      for (let a = from; a <= to; ) {
        const nl = buf.indexOf(10, a);
        this.one(buf, a, nl, out);
        a = nl + 1;
      }
      return;
    }
    const text = region.toString('utf8');
    let pos = 0;
    for (let nl = text.indexOf('\n'); ; nl = text.indexOf('\n', pos)) {
      const stop = nl === -1 ? text.length : nl;
      this.text(text.slice(pos, stop > pos && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop), out);
      if (nl === -1) return;
      pos = nl + 1;
    }
  }

  /** The line buf[a, b), checked on its own. */
  private one(buf: Buffer, a: number, b: number, out: RecordLine[]): void {
    if (b - a > MAX_LINE_BYTES) {
      this.error(tooLong(b - a), out);
      return;
    }
    if (!isUtf8(buf.subarray(a, b))) {
      this.error(notUtf8(), out);
      return;
    }
    const end = b > a && buf[b - 1] === 13 ? b - 1 : b;
    this.text(buf.toString('utf8', a, end), out);
  }

  private text(t: string, out: RecordLine[]): void {
    if (isBlank(t)) {
      out.push({ line: ++this.line, text: t, blank: true });
      return;
    }
    if (!this.sawRecord) {
      this.sawRecord = true;
      const look = firstLineLook(t);
      if (look !== null) throw new RecordsFormatError(look);
    }
    out.push({ line: ++this.line, text: t });
  }

  private error(error: string, out: RecordLine[]): void {
    this.sawRecord = true; // a line too long or not UTF-8 is judged as a record line, not as a format
    out.push({ line: ++this.line, text: '', error });
  }
}

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

/**
 * Splits an input into lines, in batches (one per chunk read), so that callers that do not need
 * one promise per line do not pay for it. See readRecordLines for the rules.
 */
export async function* lineBatches(input: RecordInput): AsyncGenerator<RecordLine[]> {
  if (input instanceof OpenedInput) {
    yield* input.take();
    return;
  }
  const splitter = new LineSplitter();
  // Until the format is known: the input so far (white space only, at most a line's worth).
  let head: Buffer | null = Buffer.alloc(0);
  let bom = true; // a BOM counts only as the very first bytes (they may come in several chunks)
  let array: ArrayInput | null = null;

  for await (const raw of openInput(input) as AsyncIterable<string | Buffer>) {
    let chunk = typeof raw === 'string' ? Buffer.from(raw) : raw; // UTF-8
    if (head !== null) {
      chunk = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      if (bom) {
        // Stryker disable next-line MethodExpression: holding a short start that is not a BOM only waits for the next chunk, which startsWith then tells apart
        if (chunk.length < BOM.length && chunk.every((b, i) => b === BOM[i])) {
          head = chunk;
          continue;
        }
        bom = false;
        if (startsWith(chunk, BOM)) chunk = chunk.subarray(BOM.length);
      }
      const first = firstNonSpace(chunk);
      if (first === -1 && chunk.length <= MAX_LINE_BYTES) {
        head = chunk; // only white space so far: cannot tell the format yet
        continue;
      }
      head = null;
      const look = first === -1 ? null : binaryLook(chunk);
      if (look !== null) throw new RecordsFormatError(`looks like ${look}`);
      if (first !== -1 && chunk[first] === 91 /* [ */) {
        array = new ArrayInput(first);
        if (!array.add(chunk)) continue;
        chunk = array.take();
        array = null;
      }
    } else if (array !== null) {
      if (!array.add(chunk)) continue;
      chunk = array.take();
      array = null;
    }
    const batch: RecordLine[] = [];
    splitter.push(chunk, batch);
    if (batch.length > 0) yield batch;
  }
  if (array !== null) {
    yield arrayLines(array.take());
    return;
  }
  const batch: RecordLine[] = [];
  if (head !== null && head.length > 0) splitter.push(head, batch);
  splitter.end(batch);
  if (batch.length > 0) yield batch;
}

/**
 * The lines of an NDJSON input (a stream, a file path, or `-` for stdin), streamed with bounded
 * memory: CRLF and LF line ends, a UTF-8 BOM on line 1 removed, blank lines yielded with
 * `blank: true` (so they keep their number and can be counted). A final line without a newline
 * counts; the empty "line" after a final newline does not. A line longer than MAX_LINE_BYTES or not
 * valid UTF-8 is yielded with an `error` and empty text.
 *
 * When the first non-blank character of the input is `[`, the input is a JSON array: it is read
 * whole (up to MAX_ARRAY_BYTES, beyond which RecordsFormatError is thrown: use NDJSON for large
 * logs), parsed, and each element yielded with the line on which it starts, its source text and
 * its parsed `value`. A malformed array is yielded as one item at line 1 whose text fails to parse.
 */
export async function* readRecordLines(input: RecordInput): AsyncGenerator<RecordLine> {
  for await (const batch of lineBatches(input)) yield* batch;
}

/** An input whose start has been read (see openRecordInput): its lines so far, then the rest. */
export class OpenedInput {
  private taken = false;

  constructor(
    private readonly first: RecordLine[][],
    private readonly rest: AsyncGenerator<RecordLine[]>,
  ) {}

  async *take(): AsyncGenerator<RecordLine[]> {
    if (this.taken) throw new Error('a records input can be read once');
    this.taken = true;
    yield* this.first;
    yield* this.rest;
  }
}

/**
 * Reads the start of an input, up to its first non-blank line (a JSON array: the whole array), so
 * that what would stop the run (a file that cannot be read, is not NDJSON, or is too large an
 * array) stops it before any output is created. The input returned reads on from there.
 */
export async function openRecordInput(input: RecordInput): Promise<RecordInput> {
  const batches = lineBatches(input);
  const first: RecordLine[][] = [];
  for (let lines = 0; lines < 100_000; ) {
    const step = await batches.next();
    if (step.done) break;
    first.push(step.value);
    lines += step.value.length;
    if (step.value.some((l) => !l.blank)) break;
  }
  return new OpenedInput(first, batches);
}
